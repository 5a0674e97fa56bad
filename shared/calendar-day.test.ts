import { describe, expect, it } from 'vitest';
import { localDay } from './calendar-day.ts';

describe('localDay', () => {
  it('gives the program’s calendar day, not the browser’s or UTC’s', () => {
    const justAfterMidnightUtc = new Date('2026-11-26T00:30:00Z');
    expect(localDay(justAfterMidnightUtc, 'America/New_York')).toBe('2026-11-25');
    expect(localDay(justAfterMidnightUtc, 'Europe/Berlin')).toBe('2026-11-26');
    expect(localDay(new Date('2026-11-26T12:30:00Z'), 'Pacific/Auckland')).toBe('2026-11-27');
  });

  it('falls back to the UTC day for a zone the browser does not know', () => {
    expect(localDay(new Date('2026-11-26T23:59:00Z'), 'Not/AZone')).toBe('2026-11-26');
  });
});
