import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const WAIT_FOR_HEADING_MS = 3000;

/**
 * After client-side navigation, move focus to the new page's <h1> so screen-reader and keyboard
 * users start at the new content (a full page load would do this by itself). Pages that load
 * data show their heading late, so this waits for it, but gives up if the user has meanwhile
 * moved into the page's content. The first render is skipped: the browser starts at the top.
 */
export function useFocusHeadingOnNavigate(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.querySelector('main');
    if (!main) return;
    const tryFocus = (): boolean => {
      if (main.contains(document.activeElement) && document.activeElement !== main) return true;
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      heading.focus({ preventScroll: true });
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), WAIT_FOR_HEADING_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname]);
}
