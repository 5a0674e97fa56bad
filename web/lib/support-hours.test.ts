import { describe, expect, it } from 'vitest';
import { describeDays, describeHours, isOpenAt, telHref } from './support-hours.ts';

const NEW_YORK = 'America/New_York';
/** The demo Physician Support Line: every day, 8 am to 1 am the next day, Eastern. */
const PSL = [{ days: [0, 1, 2, 3, 4, 5, 6], opens: '08:00', closes: '01:00' }];
/** Weeknights only, running past midnight. */
const WEEKNIGHTS = [{ days: [1, 2, 3, 4, 5], opens: '20:00', closes: '02:00' }];

describe('isOpenAt', () => {
  it('uses the line’s time zone, including the tail of a window that runs past midnight', () => {
    expect(isOpenAt(PSL, NEW_YORK, new Date('2026-11-25T05:30:00Z'))).toBe(true); // 00:30 ET
    expect(isOpenAt(PSL, NEW_YORK, new Date('2026-11-25T06:30:00Z'))).toBe(false); // 01:30 ET
    expect(isOpenAt(PSL, NEW_YORK, new Date('2026-11-25T12:59:00Z'))).toBe(false); // 07:59 ET
    expect(isOpenAt(PSL, NEW_YORK, new Date('2026-11-25T13:00:00Z'))).toBe(true); // 08:00 ET
  });

  it('opens the early hours only after a day that is in the window', () => {
    expect(isOpenAt(WEEKNIGHTS, NEW_YORK, new Date('2026-11-28T06:00:00Z'))).toBe(true); // Sat 01:00, Friday's night
    expect(isOpenAt(WEEKNIGHTS, NEW_YORK, new Date('2026-11-29T06:00:00Z'))).toBe(false); // Sun 01:00
    expect(isOpenAt(WEEKNIGHTS, NEW_YORK, new Date('2026-11-30T06:00:00Z'))).toBe(false); // Mon 01:00
  });

  it('treats no windows as always open and an unknown zone as unknown', () => {
    expect(isOpenAt([], NEW_YORK, new Date())).toBe(true);
    expect(isOpenAt(WEEKNIGHTS, 'Mars/Olympus_Mons', new Date())).toBeNull();
  });
});

describe('describing hours', () => {
  it('names runs of days, also across the weekend', () => {
    expect(describeDays([1, 2, 3, 4, 5])).toBe('Monday to Friday');
    expect(describeDays([5, 6, 0])).toBe('Friday to Sunday');
    expect(describeDays([0, 6])).toBe('Saturday and Sunday');
    expect(describeDays([1, 3, 5])).toBe('Monday, Wednesday, Friday');
    expect(describeDays([0, 1, 2, 3, 4, 5, 6])).toBe('Every day');
  });

  it('writes each window as a sentence', () => {
    expect(describeHours(PSL)).toEqual(['Every day, 8:00 AM to 1:00 AM the next day']);
    expect(describeHours([{ days: [6], opens: '00:00', closes: '24:00' }])).toEqual(['Saturday, all day']);
    expect(describeHours([])).toEqual(['Open 24 hours a day, 7 days a week']);
  });

  it('makes tel: links of digits only', () => {
    expect(telHref('1-888-409-0141')).toBe('tel:18884090141');
    expect(telHref('+47 22 00 00 00')).toBe('tel:+4722000000');
  });
});
