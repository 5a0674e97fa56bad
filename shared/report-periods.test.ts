import { describe, expect, it } from 'vitest';
import { endedQuarters } from './report-periods.ts';

describe('report periods', () => {
  it('gives the quarters that have ended in the program zone, newest first, with their months', () => {
    // 7 December 2026: Q4 is running, so Q3 is the newest ended quarter.
    const quarters = endedQuarters(new Date('2026-12-07T12:00:00Z'), 'America/New_York', 4);
    expect(quarters.map((q) => q.quarter)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4']);
    expect(quarters[0]!.months.map((m) => m.month)).toEqual(['2026-07', '2026-08', '2026-09']);
    // Months start at local midnight: 04:00 UTC in summer (EDT), 05:00 in winter (EST).
    expect(quarters[0]!.from).toBe('2026-07-01T04:00:00.000Z');
    expect(quarters[0]!.until).toBe('2026-10-01T04:00:00.000Z');
    expect(quarters[3]!.months[0].from).toBe('2025-10-01T04:00:00.000Z');
    expect(quarters[3]!.until).toBe('2026-01-01T05:00:00.000Z');
    expect(quarters[3]!.fromDay).toBe('2025-10-01');
    expect(quarters[3]!.untilDay).toBe('2026-01-01');
  });

  it('judges the running quarter by the program zone, not UTC', () => {
    // 1 April 2027, 02:00 UTC is still 31 March in New York: Q1 has not ended there.
    expect(endedQuarters(new Date('2027-04-01T02:00:00Z'), 'America/New_York', 1)[0]!.quarter).toBe('2026-Q4');
    // In Auckland it is already the afternoon of 1 April: Q1 has ended.
    expect(endedQuarters(new Date('2027-04-01T02:00:00Z'), 'Pacific/Auckland', 1)[0]!.quarter).toBe('2027-Q1');
  });

  it('crosses year ends', () => {
    expect(endedQuarters(new Date('2027-02-15T12:00:00Z'), 'UTC', 5).map((q) => q.quarter)).toEqual([
      '2026-Q4',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
    ]);
  });
});
