// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (YYYY-MM-DD) at `date` in `timeZone`. Programs judge whole days — "cannot be in
 * the future", certification and pauses ending "today" — by their own calendar, not the server's
 * or the browser's. An unknown zone falls back to UTC rather than failing a request.
 */
export function localDay(date: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return date.toISOString().slice(0, 10);
    }
    dayFormats.set(timeZone, format);
  }
  return format.format(date);
}

const DAY_MS = 86_400_000;

/** `day` (YYYY-MM-DD) plus whole days; calendar days, so no time zone or daylight saving shifts it. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `fromDay` to `toDay` (negative when `toDay` is earlier). */
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

/** `day` plus whole months; a day the target month lacks becomes its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
