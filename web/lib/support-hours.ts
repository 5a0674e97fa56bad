import type { HoursWindow } from '../../shared/schemas/organization.ts';

/**
 * Opening hours of support lines. Windows are wall-clock times in the line's own time zone;
 * a window whose closing time is not after its opening time runs past midnight.
 */

// The app's text is English, so dates and times are too, whatever the browser's language.
const LOCALE = 'en-US';
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export function dayName(day: number): string {
  return DAY_NAMES[day] ?? '';
}

export function toMinutes(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Weekday (0 = Sunday) and minutes after midnight at `now` in `timeZone`; null for an unknown zone. */
export function wallClock(now: Date, timeZone: string): { day: number; minutes: number } | null {
  try {
    const parts = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    const day = SHORT_DAYS.indexOf(get('weekday') as (typeof SHORT_DAYS)[number]);
    if (day < 0) return null;
    return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
  } catch {
    return null;
  }
}

/** Whether a line is open at `now`; null when the time zone is unknown. No windows = always open. */
export function isOpenAt(hours: readonly HoursWindow[], timeZone: string, now: Date): boolean | null {
  if (hours.length === 0) return true;
  const clock = wallClock(now, timeZone);
  if (!clock) return null;
  const { day, minutes } = clock;
  const yesterday = (day + 6) % 7;
  return hours.some((window) => {
    const opens = toMinutes(window.opens);
    const closes = toMinutes(window.closes);
    if (closes > opens) return window.days.includes(day) && minutes >= opens && minutes < closes;
    // Runs past midnight: the evening part today, or the early-morning tail of yesterday's window.
    return (window.days.includes(day) && minutes >= opens) || (window.days.includes(yesterday) && minutes < closes);
  });
}

export function formatTime(hhmm: string): string {
  const total = toMinutes(hhmm) % (24 * 60);
  if (total === 0) return 'midnight';
  const date = new Date(Date.UTC(2000, 0, 1, Math.floor(total / 60), total % 60));
  return new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(date);
}

/** Weekdays first, as rotas are written: Monday … Sunday. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** "Monday to Friday", "Saturday and Sunday", "Monday, Wednesday, Friday" or "Every day". */
export function describeDays(days: readonly number[]): string {
  const set = WEEK_ORDER.filter((d) => days.includes(d));
  if (set.length === 7) return 'Every day';
  if (set.length === 0) return 'No days';
  if (set.length === 1) return dayName(set[0] ?? 0);
  // A run may wrap around the week (Friday to Sunday), so start where the previous day is missing.
  const start = set.find((d) => !set.includes((d + 6) % 7));
  if (start !== undefined) {
    let length = 1;
    while (set.includes((start + length) % 7)) length += 1;
    const end = (start + length - 1) % 7;
    if (length === set.length) return length === 2 ? `${dayName(start)} and ${dayName(end)}` : `${dayName(start)} to ${dayName(end)}`;
  }
  if (set.length === 2) return `${dayName(set[0] ?? 0)} and ${dayName(set[1] ?? 0)}`;
  return set.map(dayName).join(', ');
}

/** One sentence per window, e.g. "Monday to Friday, 8:00 AM to 1:00 AM the next day". */
export function describeHours(hours: readonly HoursWindow[]): string[] {
  if (hours.length === 0) return ['Open 24 hours a day, 7 days a week'];
  return hours.map((window) => {
    if (toMinutes(window.opens) === 0 && toMinutes(window.closes) % (24 * 60) === 0) return `${describeDays(window.days)}, all day`;
    const overnight = toMinutes(window.closes) <= toMinutes(window.opens) && toMinutes(window.closes) !== 0;
    const closes = `${formatTime(window.closes)}${overnight ? ' the next day' : ''}`;
    return `${describeDays(window.days)}, ${formatTime(window.opens)} to ${closes}`;
  });
}

/** "Eastern Time" for America/New_York; the zone id itself if the browser has no name for it. */
export function timeZoneName(timeZone: string, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(now);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** Digits and a leading + only, for `tel:` links. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
