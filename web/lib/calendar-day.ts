import { localDay } from '../../shared/calendar-day.ts';

/**
 * Today as YYYY-MM-DD in the organisation's time zone. The server judges dates (an encounter
 * "cannot be in the future", a pause ends "today") by the program's calendar, not the browser's,
 * so a supporter travelling or a browser set to UTC must default to the same day.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDay(now, timeZone);
}
