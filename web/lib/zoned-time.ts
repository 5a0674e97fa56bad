import { TZDate } from '@date-fns/tz';

/**
 * Times shown and entered in the program's time zone (a rota hand-off is "Monday 08:00" there, a
 * training session starts at 09:00 there), whatever zone the browser is in.
 */

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    formats.set(key, f);
  }
  return f;
}

export const dayLabel = (iso: string, timeZone: string) =>
  format(timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));
export const timeLabel = (iso: string, timeZone: string) =>
  format(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
export const dateTimeLabel = (iso: string, timeZone: string) => `${dayLabel(iso, timeZone)}, ${timeLabel(iso, timeZone)}`;
/** The day, with its year when that is not this year in the zone ("Mon 7 Dec", "Fri 27 Nov 2025"): for lists that reach back. */
export function datedDayLabel(iso: string, timeZone: string, now: Date = new Date()): string {
  const year = localDayOf(iso, timeZone).slice(0, 4);
  return year === localDayOf(now, timeZone).slice(0, 4) ? dayLabel(iso, timeZone) : `${dayLabel(iso, timeZone)} ${year}`;
}
/** "Mon 7 Dec, 13:21", with the year when it is not this one. */
export const datedTimeLabel = (iso: string, timeZone: string, now?: Date) =>
  `${datedDayLabel(iso, timeZone, now)}, ${timeLabel(iso, timeZone)}`;
/** "Tue 1 Dec, 13:00 – 17:00" (the year as above); the end's day too when it falls on another day in the zone. */
export const timeRangeLabel = (startIso: string, endIso: string, timeZone: string, now?: Date) =>
  `${datedTimeLabel(startIso, timeZone, now)} – ${
    localDayOf(startIso, timeZone) === localDayOf(endIso, timeZone) ? timeLabel(endIso, timeZone) : datedTimeLabel(endIso, timeZone, now)
  }`;

/** YYYY-MM-DD of an instant in the zone. */
export function localDayOf(iso: string | Date, timeZone: string): string {
  return format(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso)).split('/').reverse().join('-');
}

/** "YYYY-MM-DDTHH:MM" (a datetime-local value) in the zone for an instant. */
export function toLocalInput(iso: string, timeZone: string): string {
  return `${localDayOf(iso, timeZone)}T${timeLabel(iso, timeZone)}`;
}

/** A plain Date: a TZDate's toISOString() carries the zone's offset, which the API does not take. */
const utc = (date: Date): Date => new Date(date.getTime());

/** A datetime-local value read as wall-clock time in the zone; null when incomplete. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  return utc(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), timeZone)).toISOString();
}

/** Midnight of the program's today, as an instant. */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const [y, m, d] = localDayOf(now, timeZone).split('-').map(Number) as [number, number, number];
  return utc(new TZDate(y, m - 1, d, 0, 0, timeZone));
}

export function addLocalDays(day: Date, days: number, timeZone: string): Date {
  const [y, m, d] = localDayOf(day, timeZone).split('-').map(Number) as [number, number, number];
  return utc(new TZDate(y, m - 1, d + days, 0, 0, timeZone));
}

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
