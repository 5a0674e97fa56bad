/** The product mark: a simple drawn icon plus the name, no image request. */
export function Brand({ subtitle }: { subtitle?: string }) {
  return (
    <span className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <circle cx="11" cy="12" r="5" />
        <circle cx="21" cy="12" r="5" />
        <path d="M3 27c1.5-5 4.5-7.5 8-7.5s6.5 2.5 8 7.5M13 27c1.5-5 4.5-7.5 8-7.5s6.5 2.5 8 7.5" />
      </svg>
      <span className="brand__text">
        <span className="brand__name">Peerline</span>
        {subtitle && <span className="brand__subtitle">{subtitle}</span>}
      </span>
    </span>
  );
}
