import { localDay } from '../../shared/calendar-day.ts';

/**
 * Today as YYYY-MM-DD in the organisation's time zone. The server judges dates (an encounter
 * "cannot be in the future", a pause ends "today") by the program's calendar, not the browser's,
 * so a supporter travelling or a browser set to UTC must default to the same day.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDay(now, timeZone);
}

/** "Mar 3, 2027" for "2027-03-03" (a calendar day, so no time zone may shift it). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
