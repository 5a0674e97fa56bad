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
