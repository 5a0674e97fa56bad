import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handoffInstant, onCallAt, scheduleBetween, type Rota, type Rotation } from './on-call.ts';

const WEEKLY: Rotation = {
  members: ['ana', 'ben', 'chi'],
  startsOn: '2026-11-02',
  handoffAt: '08:00',
  periodDays: 7,
  timeZone: 'America/New_York',
};
const rota = (over: Partial<Rota> = {}): Rota => ({ rotation: WEEKLY, shifts: [], overrides: [], ...over });
const at = (iso: string) => new Date(iso);

describe('rotation', () => {
  it('hands over every Monday at 08:00 local time, in turn, and wraps around', () => {
    // Monday 2026-11-02 08:00 EST = 13:00 UTC.
    expect(onCallAt(rota(), at('2026-11-02T13:00:00Z'))?.personId).toBe('ana');
    expect(onCallAt(rota(), at('2026-11-09T12:59:59Z'))?.personId).toBe('ana');
    expect(onCallAt(rota(), at('2026-11-09T13:00:00Z'))?.personId).toBe('ben');
    expect(onCallAt(rota(), at('2026-11-16T13:00:00Z'))?.personId).toBe('chi');
    expect(onCallAt(rota(), at('2026-11-23T13:00:00Z'))?.personId).toBe('ana');
    expect(onCallAt(rota(), at('2026-11-02T12:59:59Z'))).toBeNull();
  });

  it('keeps the hand-off at 08:00 local across daylight saving (EDT → EST on 2026-11-01, EST → EDT on 2027-03-14)', () => {
    const fromOctober: Rotation = { ...WEEKLY, startsOn: '2026-10-26' };
    expect(new Date(handoffInstant(fromOctober, 0)).toISOString()).toBe('2026-10-26T12:00:00.000Z');
    expect(new Date(handoffInstant(fromOctober, 1)).toISOString()).toBe('2026-11-02T13:00:00.000Z');
    expect(new Date(handoffInstant(WEEKLY, 19)).toISOString()).toBe('2027-03-15T12:00:00.000Z');
    expect(onCallAt(rota({ rotation: fromOctober }), at('2026-11-02T12:30:00Z'))?.personId).toBe('ana');
    expect(onCallAt(rota({ rotation: fromOctober }), at('2026-11-02T13:00:00Z'))?.personId).toBe('ben');
  });

  it('reports the stretch until the next hand-off', () => {
    expect(onCallAt(rota(), at('2026-11-10T03:00:00Z'))).toEqual({
      personId: 'ben',
      startsAt: '2026-11-10T03:00:00.000Z',
      endsAt: '2026-11-16T13:00:00.000Z',
      source: 'rotation',
    });
    // With one member the turn never changes hands: the stretch runs to the last hand-off looked at.
    const alone = onCallAt(rota({ rotation: { ...WEEKLY, members: ['ana'] } }), at('2026-11-10T03:00:00Z'));
    expect(alone?.personId).toBe('ana');
    expect(Date.parse(alone?.endsAt ?? '')).toBeGreaterThan(Date.parse('2026-11-16T13:00:00Z'));
  });
});

describe('layers', () => {
  const shift = { id: 's1', personId: 'dee', startsAt: '2026-11-10T00:00:00Z', endsAt: '2026-11-11T00:00:00Z' };
  const override = { id: 'o1', personId: 'eli', startsAt: '2026-11-10T06:00:00Z', endsAt: '2026-11-10T09:00:00Z' };

  it('a single shift beats the rotation, an override beats both, and the rotation resumes after', () => {
    const r = rota({ shifts: [shift], overrides: [override] });
    expect(onCallAt(r, at('2026-11-09T23:59:00Z'))?.personId).toBe('ben');
    expect(onCallAt(r, at('2026-11-10T00:00:00Z'))).toMatchObject({ personId: 'dee', source: 'shift', endsAt: '2026-11-10T06:00:00.000Z' });
    expect(onCallAt(r, at('2026-11-10T07:00:00Z'))).toMatchObject({ personId: 'eli', source: 'override' });
    expect(onCallAt(r, at('2026-11-10T09:00:00Z'))).toMatchObject({ personId: 'dee', source: 'shift' });
    expect(onCallAt(r, at('2026-11-11T00:00:00Z'))).toMatchObject({ personId: 'ben', source: 'rotation' });
  });

  it('lists the day as contiguous stretches in time order', () => {
    const day = scheduleBetween(rota({ shifts: [shift], overrides: [override] }), at('2026-11-09T20:00:00Z'), at('2026-11-11T04:00:00Z'));
    expect(day.map((s) => [s.personId, s.startsAt.slice(5, 16), s.endsAt.slice(5, 16)])).toEqual([
      ['ben', '11-09T20:00', '11-10T00:00'],
      ['dee', '11-10T00:00', '11-10T06:00'],
      ['eli', '11-10T06:00', '11-10T09:00'],
      ['dee', '11-10T09:00', '11-11T00:00'],
      ['ben', '11-11T00:00', '11-11T04:00'],
    ]);
  });

  it('without a rotation, only shifts and overrides cover time; the rest is uncovered', () => {
    const r: Rota = { rotation: null, shifts: [shift], overrides: [] };
    expect(onCallAt(r, at('2026-11-10T12:00:00Z'))?.personId).toBe('dee');
    expect(onCallAt(r, at('2026-11-11T12:00:00Z'))).toBeNull();
  });
});

describe('property: any rota over any window', () => {
  const people = ['ana', 'ben', 'chi', 'dee', 'eli'];
  const base = Date.parse('2026-10-01T00:00:00Z');
  const hour = 3_600_000;
  const shiftArb = fc
    .record({
      personId: fc.constantFrom(...people),
      start: fc.integer({ min: 0, max: 24 * 120 }),
      length: fc.integer({ min: 1, max: 24 * 10 }),
    })
    .map(({ personId, start, length }) => ({
      id: `${personId}-${start}`,
      personId,
      startsAt: new Date(base + start * hour).toISOString(),
      endsAt: new Date(base + (start + length) * hour).toISOString(),
    }));
  const rotaArb = fc
    .record({
      members: fc.array(fc.constantFrom(...people), { minLength: 1, maxLength: 4 }),
      periodDays: fc.integer({ min: 1, max: 14 }),
      zone: fc.constantFrom('America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'UTC'),
      shifts: fc.array(shiftArb, { maxLength: 4 }),
      overrides: fc.array(shiftArb, { maxLength: 3 }),
    })
    .map(({ members, periodDays, zone, shifts, overrides }): Rota => ({
      rotation: { members, startsOn: '2026-10-05', handoffAt: '08:00', periodDays, timeZone: zone },
      shifts,
      overrides,
    }));

  it('stretches never overlap, stay inside the window, and agree with onCallAt every five hours', () => {
    fc.assert(
      fc.property(rotaArb, fc.integer({ min: 0, max: 24 * 100 }), fc.integer({ min: 1, max: 24 * 20 }), (r, startHour, hours) => {
        const from = new Date(base + startHour * hour);
        const to = new Date(from.getTime() + hours * hour);
        const segments = scheduleBetween(r, from, to);
        for (let i = 0; i < segments.length; i++) {
          const s = segments[i]!;
          expect(s.startsAt < s.endsAt).toBe(true);
          expect(Date.parse(s.startsAt)).toBeGreaterThanOrEqual(from.getTime());
          expect(Date.parse(s.endsAt)).toBeLessThanOrEqual(to.getTime());
          if (i > 0) expect(segments[i - 1]!.endsAt <= s.startsAt).toBe(true);
        }
        for (let t = from.getTime(); t < to.getTime(); t += 5 * hour) {
          const covering = segments.find((s) => Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt));
          expect(onCallAt(r, new Date(t))?.personId ?? null).toBe(covering?.personId ?? null);
          // The top layer wins: a running override always decides.
          const override = [...r.overrides].reverse().find((o) => Date.parse(o.startsAt) <= t && t < Date.parse(o.endsAt));
          if (override) expect(covering?.personId).toBe(override.personId);
        }
      }),
      { numRuns: 80 },
    );
  });
});
