import { describe, expect, it } from 'vitest';
import { todayIn } from './calendar-day.ts';

describe('todayIn', () => {
  it('gives the program’s calendar day, not the browser’s or UTC’s', () => {
    const justAfterMidnightUtc = new Date('2026-11-26T00:30:00Z');
    expect(todayIn('America/New_York', justAfterMidnightUtc)).toBe('2026-11-25');
    expect(todayIn('Europe/Berlin', justAfterMidnightUtc)).toBe('2026-11-26');
    expect(todayIn('Pacific/Auckland', new Date('2026-11-26T12:30:00Z'))).toBe('2026-11-27');
  });

  it('falls back to the UTC day for a zone the browser does not know', () => {
    expect(todayIn('Not/AZone', new Date('2026-11-26T23:59:00Z'))).toBe('2026-11-26');
  });
});
