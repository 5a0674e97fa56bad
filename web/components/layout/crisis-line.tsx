/**
 * The crisis line is static text, not data: it must show even when the server cannot be reached.
 * Shown at the top and bottom of every page, signed in or not.
 */
export function CrisisLine({ className }: { className?: string }) {
  return (
    <p className={['crisis-line', className].filter(Boolean).join(' ')}>
      If you are in crisis, call or text <a href="tel:988">988</a>
      <span className="crisis-line__extra">, the Suicide &amp; Crisis Lifeline, at any hour</span>.
    </p>
  );
}

/** The strip above every page's header; a landmark of its own so it is easy to jump to. */
export function CrisisBar() {
  return (
    <aside className="crisis-bar" aria-label="Crisis line">
      <CrisisLine />
    </aside>
  );
}
