import { useEffect, useState } from 'react';
import type { HoursWindow } from '../../../../shared/schemas/organization.ts';
import { isOpenAt } from '../../../lib/support-hours.ts';

/** Re-renders every minute so "open now" stays true while the page stays open. */
function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "Open now" / "Closed now", computed in the line's own time zone (not the browser's). */
export function OpenNowBadge({ hours, timeZone }: { hours: readonly HoursWindow[]; timeZone: string }) {
  const open = isOpenAt(hours, timeZone, useNow());
  if (open === null) return null;
  return (
    <span className={`badge ${open ? 'badge--open' : 'badge--closed'}`}>
      <span className="badge__dot" aria-hidden="true" />
      {open ? 'Open now' : 'Closed now'}
    </span>
  );
}
