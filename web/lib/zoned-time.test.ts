import { describe, expect, it } from 'vitest';
import { datedTimeLabel, fromLocalInput, timeRangeLabel, toLocalInput } from './zoned-time.ts';

/** Times in the program's zone, whatever zone the test runs in (docs/team.md, "Training and certification"). */
describe('zoned time labels', () => {
  const NY = 'America/New_York';
  const now = new Date('2026-11-25T12:00:00.000Z');

  it('reads and writes datetime-local values on the program’s clock, across a DST change', () => {
    expect(fromLocalInput('2026-12-01T08:00', NY)).toBe('2026-12-01T13:00:00.000Z');
    expect(fromLocalInput('2026-07-01T08:00', NY)).toBe('2026-07-01T12:00:00.000Z');
    expect(toLocalInput('2026-12-01T13:00:00.000Z', NY)).toBe('2026-12-01T08:00');
    expect(fromLocalInput('2026-12-01T08', NY)).toBeNull();
  });

  it('names a session’s day once, and its end’s day too when it runs past midnight there', () => {
    expect(timeRangeLabel('2026-12-01T13:00:00.000Z', '2026-12-01T17:00:00.000Z', NY, now)).toBe('Tue 1 Dec, 08:00 – 12:00');
    // 23:00 – 02:00 in New York, though one UTC day.
    expect(timeRangeLabel('2026-12-02T04:00:00.000Z', '2026-12-02T07:00:00.000Z', NY, now)).toBe('Tue 1 Dec, 23:00 – Wed 2 Dec, 02:00');
  });

  it('adds the year only when it is not this year in the zone', () => {
    expect(datedTimeLabel('2026-03-04T15:30:00.000Z', NY, now)).toBe('Wed 4 Mar, 10:30');
    expect(datedTimeLabel('2025-11-27T13:00:00.000Z', NY, now)).toBe('Thu 27 Nov 2025, 08:00');
    // 1 January 03:00 UTC is still New Year's Eve in New York: this year.
    expect(datedTimeLabel('2027-01-01T03:00:00.000Z', NY, new Date('2026-12-31T20:00:00.000Z'))).toBe('Thu 31 Dec, 22:00');
  });
});
