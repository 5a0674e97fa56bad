import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDayMinutes, businessMinutesBetween, dueAt, elapsedOnClock, type BusinessCalendar } from './business-hours.ts';

const NEW_YORK: BusinessCalendar = {
  timeZone: 'America/New_York',
  days: [1, 2, 3, 4, 5],
  opens: '09:00',
  closes: '17:00',
  holidays: ['2026-11-26'],
};
const business = (minutes: number) => ({ basis: 'business' as const, minutes });
const DAYS_3 = business(3 * businessDayMinutes(NEW_YORK));

describe('dueAt', () => {
  it('adds elapsed time as plain time, nights and weekends included', () => {
    expect(dueAt(new Date('2026-11-27T21:50:00Z'), { basis: 'elapsed', minutes: 30 }, NEW_YORK).toISOString()).toBe(
      '2026-11-27T22:20:00.000Z',
    );
  });

  it('3 business days from Friday 16:00 is Wednesday 16:00 (Friday 1 h, Monday 8 h, Tuesday 8 h, Wednesday 7 h)', () => {
    // Friday 2026-11-20 16:00 EST = 21:00 UTC.
    expect(dueAt(new Date('2026-11-20T21:00:00Z'), DAYS_3, NEW_YORK).toISOString()).toBe('2026-11-25T21:00:00.000Z');
  });

  it('starts counting at the next opening when asked at night or on a weekend', () => {
    // Saturday 2026-11-21 → Monday 09:00 EST (14:00 UTC) + 30 min.
    expect(dueAt(new Date('2026-11-21T15:00:00Z'), business(30), NEW_YORK).toISOString()).toBe('2026-11-23T14:30:00.000Z');
    // Monday 05:00 EST → the same Monday's opening.
    expect(dueAt(new Date('2026-11-23T10:00:00Z'), business(30), NEW_YORK).toISOString()).toBe('2026-11-23T14:30:00.000Z');
  });

  it('skips holidays (Thanksgiving 2026-11-26)', () => {
    // Wednesday 16:00 EST + 2 h: 1 h on Wednesday, Thursday is a holiday, 1 h on Friday.
    expect(dueAt(new Date('2026-11-25T21:00:00Z'), business(120), NEW_YORK).toISOString()).toBe('2026-11-27T15:00:00.000Z');
  });

  it('ends exactly at closing time rather than rolling over to the next morning', () => {
    expect(dueAt(new Date('2026-11-23T21:00:00Z'), business(60), NEW_YORK).toISOString()).toBe('2026-11-23T22:00:00.000Z');
  });

  it('keeps a business day 8 hours long across the daylight-saving change', () => {
    // Friday 2026-03-06 09:00 EST (14:00 UTC) + 2 business days ends Monday 2026-03-09 at 17:00 EDT (21:00 UTC).
    expect(dueAt(new Date('2026-03-06T14:00:00Z'), business(2 * 480), NEW_YORK).toISOString()).toBe('2026-03-09T21:00:00.000Z');
    expect(businessMinutesBetween(new Date('2026-03-09T13:00:00Z'), new Date('2026-03-09T21:00:00Z'), NEW_YORK)).toBe(480);
  });

  it('refuses a calendar without open time, and a negative target', () => {
    expect(() => dueAt(new Date(), business(10), { ...NEW_YORK, opens: '17:00', closes: '09:00' })).toThrow(RangeError);
    expect(() => dueAt(new Date(), business(10), { ...NEW_YORK, days: [] })).toThrow(RangeError);
    expect(() => dueAt(new Date(), business(10), { ...NEW_YORK, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dueAt(new Date(), { basis: 'elapsed', minutes: -1 }, NEW_YORK)).toThrow(RangeError);
  });
});

describe('business clocks, for any start and target (property)', () => {
  const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
  const calendar = fc
    .record({
      timeZone: fc.constantFrom(...zones),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      opensAt: fc.integer({ min: 0, max: 22 }),
      hours: fc.integer({ min: 1, max: 10 }),
    })
    .map(({ timeZone, days, opensAt, hours }): BusinessCalendar => {
      const closesAt = Math.min(23, opensAt + hours);
      const hhmm = (h: number) => `${String(h).padStart(2, '0')}:00`;
      return { timeZone, days, opens: hhmm(opensAt), closes: hhmm(closesAt), holidays: [] };
    });
  const instant = fc
    .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') })
    .map((ms) => new Date(ms - (ms % 60_000)));

  it('the open minutes between the start and the due time are exactly the target, and one minute less is due earlier', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 5 * 600 }), (cal, start, minutes) => {
        const due = dueAt(start, business(minutes), cal);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
        expect(Math.round(businessMinutesBetween(start, due, cal))).toBe(minutes);
        // One minute less of the target is due strictly earlier: the clock never jumps past open time.
        expect(dueAt(start, business(minutes - 1), cal).getTime()).toBeLessThan(due.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('elapsed clocks count plain minutes; business clocks never count more than elapsed time', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 20_000 }), (cal, start, minutes) => {
        const now = new Date(start.getTime() + minutes * 60_000);
        expect(elapsedOnClock(start, now, { basis: 'elapsed', minutes: 1 }, cal)).toBe(minutes);
        expect(elapsedOnClock(start, now, business(1), cal)).toBeLessThanOrEqual(minutes);
      }),
      { numRuns: 300 },
    );
  });
});
