import { TZDate } from '@date-fns/tz';

/**
 * Service-level clocks over a program's business-hours calendar. Real programs promise first
 * contact "within 30 minutes" (CANDOR, Code Lavender), "within 24 hours" or "within 3 business
 * days" (docs/product.md, "Program timelines and service levels"): some clocks run around the
 * clock, others only while the program is open. Pure functions of instants and a calendar;
 * wall-clock times are read in the calendar's time zone, so a business day keeps its length across
 * daylight-saving changes.
 */

export interface BusinessCalendar {
  /** IANA zone the opening hours are read in, e.g. `America/New_York`. */
  timeZone: string;
  /** Open days, ISO numbering: 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** `HH:MM`, 24-hour local time; `closes` is later than `opens` on the same day. */
  opens: string;
  closes: string;
  /** Local calendar days (`YYYY-MM-DD`) the program is closed although they are open days. */
  holidays: readonly string[];
}

/** A clock's target: plain elapsed time, or time while the program is open. */
export type ClockTarget = { basis: 'elapsed'; minutes: number } | { basis: 'business'; minutes: number };

export const DEFAULT_BUSINESS_CALENDAR: Omit<BusinessCalendar, 'timeZone'> = {
  days: [1, 2, 3, 4, 5],
  opens: '08:00',
  closes: '17:00',
  holidays: [],
};

const MINUTE = 60_000;
/** Ten years of days: a calendar with no open day at all is refused before this matters. */
const MAX_DAYS = 3_660;

function minutesOf(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Length of one open day in minutes (`3 business days` = 3 × this). */
export function businessDayMinutes(calendar: BusinessCalendar): number {
  return minutesOf(calendar.closes) - minutesOf(calendar.opens);
}

/** Throws a RangeError for a calendar the clocks cannot run on; services validate input before. */
export function assertCalendar(calendar: BusinessCalendar): void {
  if (businessDayMinutes(calendar) <= 0) throw new RangeError('closing time must be after opening time');
  if (calendar.days.length === 0 || calendar.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw new RangeError('open days must be 1–7 and not empty');
  new Intl.DateTimeFormat('en', { timeZone: calendar.timeZone });
}

interface LocalDay {
  year: number;
  /** 0-based, as in Date. */
  month: number;
  date: number;
}

function localDayOf(instant: number, timeZone: string): LocalDay {
  const local = new TZDate(instant, timeZone);
  return { year: local.getFullYear(), month: local.getMonth(), date: local.getDate() };
}

function at(day: LocalDay, minutes: number, timeZone: string): number {
  return new TZDate(day.year, day.month, day.date, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
}

const dayKey = (d: LocalDay) => `${d.year}-${String(d.month + 1).padStart(2, '0')}-${String(d.date).padStart(2, '0')}`;

function isOpenDay(day: LocalDay, calendar: BusinessCalendar): boolean {
  const weekday = new Date(Date.UTC(day.year, day.month, day.date)).getUTCDay() || 7;
  return calendar.days.includes(weekday) && !calendar.holidays.includes(dayKey(day));
}

function nextDay(day: LocalDay): LocalDay {
  const d = new Date(Date.UTC(day.year, day.month, day.date + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}

/** The open intervals [opens, closes) of each local day from `from`'s day on, as instants. */
function* openIntervals(from: number, calendar: BusinessCalendar): Generator<[number, number]> {
  assertCalendar(calendar);
  const opens = minutesOf(calendar.opens);
  const closes = minutesOf(calendar.closes);
  let day = localDayOf(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    if (isOpenDay(day, calendar)) yield [at(day, opens, calendar.timeZone), at(day, closes, calendar.timeZone)];
  }
}

/**
 * When a clock started at `start` runs out. Business time that starts outside opening hours begins
 * counting at the next opening; a clock ending exactly at closing time is due at closing time.
 */
export function dueAt(start: Date, target: ClockTarget, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(target.minutes) || target.minutes < 0) throw new RangeError('target minutes must be ≥ 0');
  if (target.basis === 'elapsed') return new Date(start.getTime() + target.minutes * MINUTE);
  let remaining = target.minutes * MINUTE;
  for (const [open, close] of openIntervals(start.getTime(), calendar)) {
    const from = Math.max(open, start.getTime());
    if (from >= close) continue;
    if (remaining <= close - from) return new Date(from + remaining);
    remaining -= close - from;
  }
  throw new RangeError('no open time within ten years');
}

/** Minutes of open time between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  let total = 0;
  for (const [open, close] of openIntervals(from.getTime(), calendar)) {
    if (open >= to.getTime()) break;
    total += Math.max(0, Math.min(close, to.getTime()) - Math.max(open, from.getTime()));
  }
  return total / MINUTE;
}

/** Minutes a clock has used at `now`, on its own basis (for "x of y used" and reporting). */
export function elapsedOnClock(start: Date, now: Date, target: ClockTarget, calendar: BusinessCalendar): number {
  if (target.basis === 'elapsed') return Math.max(0, (now.getTime() - start.getTime()) / MINUTE);
  return businessMinutesBetween(start, now, calendar);
}
