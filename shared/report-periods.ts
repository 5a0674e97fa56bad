import { TZDate } from '@date-fns/tz';
import { localDay } from './calendar-day.ts';

/**
 * The periods reports cover (docs/reporting.md): whole calendar quarters of the program's time
 * zone that have ended, each with its three months. A quarter is the unit of suppression: once it
 * has ended its counts never change, so what is hidden in it is decided once and the same in every
 * answer, and no answer for another period can be set against it to uncover a hidden count.
 */

export interface ReportMonth {
  /** YYYY-MM */
  month: string;
  /** The first instant of the month in the zone, and of the next month (ISO, UTC). */
  from: string;
  until: string;
}

export interface ReportQuarter {
  /** e.g. 2026-Q3 */
  quarter: string;
  months: [ReportMonth, ReportMonth, ReportMonth];
  from: string;
  until: string;
  /** The quarter's calendar days, for day-stamped records (YYYY-MM-DD, inclusive–exclusive). */
  fromDay: string;
  untilDay: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(year: number, monthIndex: number, timeZone: string): ReportMonth {
  const start = new TZDate(year, monthIndex, 1, 0, 0, timeZone);
  const next = new TZDate(year, monthIndex + 1, 1, 0, 0, timeZone);
  const y = start.getFullYear();
  const m = start.getMonth() + 1;
  return { month: `${y}-${pad(m)}`, from: new Date(start.getTime()).toISOString(), until: new Date(next.getTime()).toISOString() };
}

/** The `count` most recent quarters that have ended by `now` in `timeZone`, newest first. */
export function endedQuarters(now: Date, timeZone: string, count: number): ReportQuarter[] {
  const [year, month] = localDay(now, timeZone).split('-').map(Number) as [number, number];
  // The quarter now running starts at this month index; the ones before it have ended.
  let startIndex = Math.floor((month - 1) / 3) * 3;
  let y = year;
  const quarters: ReportQuarter[] = [];
  for (let i = 0; i < count; i += 1) {
    startIndex -= 3;
    if (startIndex < 0) {
      startIndex += 12;
      y -= 1;
    }
    const months = [0, 1, 2].map((j) => monthOf(y, startIndex + j, timeZone)) as [ReportMonth, ReportMonth, ReportMonth];
    quarters.push({
      quarter: `${y}-Q${startIndex / 3 + 1}`,
      months,
      from: months[0].from,
      until: months[2].until,
      fromDay: `${months[0].month}-01`,
      untilDay: `${monthAfter(months[2].month)}-01`,
    });
  }
  return quarters;
}

function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}
