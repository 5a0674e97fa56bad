import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedSupporterEvents,
  isOnDuty,
  journeyStart,
  SUPPORTER_ACTOR_KINDS,
  SUPPORTER_EVENTS,
  SUPPORTER_STATES,
  supporterTransition,
  type SupporterActorKind,
  type SupporterEvent,
  type SupporterEventType,
  type SupporterSnapshot,
  type SupporterState,
} from './supporter-lifecycle.ts';

// -----------------------------------------------------------------------------------------------
// The expected table, written independently of the source. Cell = `next:actors`, `-` = not allowed.
// Actors: S the supporter or nominee, D the director, Y the system.
// -----------------------------------------------------------------------------------------------
const EXPECTED_TABLE = `
event                  nominated       under_review   in_training    certified      active        paused        retired        declined  lapsed
interest_confirmed     under_review:S  -              -              -              -             -             -              -         -
nomination_declined    declined:S      -              -              -              -             -             -              -         -
accepted_for_training  -               in_training:D  -              -              -             -             -              -         -
not_selected           -               declined:D     declined:D     -              -             -             -              -         -
withdrew               -               declined:S     declined:S     -              -             -             -              -         -
certified              -               -              certified:YD   -              -             -             -              -         -
activated              -               -              -              active:D       -             -             -              -         -
paused                 -               -              -              -              paused:SD     -             -              -         -
resumed                -               -              -              -              -             active:SD     -              -         -
recertified            -               -              -              certified:YD   active:YD     paused:YD     -              -         -
certification_expired  -               -              -              lapsed:Y       lapsed:Y      lapsed:Y      -              -         -
retired                -               -              -              retired:SD     retired:SD    retired:SD    -              -         retired:SD
refresher_started      -               -              -              -              -             -             in_training:D  -         in_training:D
`;

const LETTERS: Record<string, SupporterActorKind> = { S: 'self', D: 'director', Y: 'system' };

function parseExpected(): Map<string, { to: SupporterState; actors: SupporterActorKind[] } | null> {
  const lines = EXPECTED_TABLE.trim().split('\n');
  const states = lines[0]!.trim().split(/\s+/).slice(1) as SupporterState[];
  const table = new Map<string, { to: SupporterState; actors: SupporterActorKind[] } | null>();
  for (const line of lines.slice(1)) {
    const [event, ...cells] = line.trim().split(/\s+/);
    cells.forEach((cell, i) => {
      const key = `${states[i]}|${event}`;
      if (cell === '-') return table.set(key, null);
      const [to, letters] = cell.split(':');
      table.set(key, { to: to as SupporterState, actors: [...letters!].map((l) => LETTERS[l]!) });
    });
  }
  return table;
}

const TODAY = '2026-12-07';
const LATER = '2028-12-07';

function eventOf(type: SupporterEventType): SupporterEvent {
  return type === 'certified' || type === 'recertified' ? { type, until: LATER } : ({ type } as SupporterEvent);
}

/** A snapshot in which the event, where its cell allows it, can succeed: a run-out certification only for expiry. */
function snapshotIn(state: SupporterState, type: SupporterEventType): SupporterSnapshot {
  const teamLike = ['certified', 'active', 'paused', 'lapsed', 'retired'].includes(state);
  if (!teamLike) return { state, certifiedUntil: null };
  return { state, certifiedUntil: type === 'certification_expired' ? '2026-12-06' : LATER };
}

describe('supporter lifecycle table', () => {
  const expected = parseExpected();

  it('the expected table names every state and event', () => {
    expect(expected.size).toBe(SUPPORTER_STATES.length * SUPPORTER_EVENTS.length);
  });

  for (const state of SUPPORTER_STATES) {
    for (const type of SUPPORTER_EVENTS) {
      for (const actor of SUPPORTER_ACTOR_KINDS) {
        const cell = expected.get(`${state}|${type}`)!;
        const allowed = cell !== null && cell.actors.includes(actor);
        it(`${state} × ${type} by ${actor} → ${allowed ? cell.to : 'refused'}`, () => {
          const result = supporterTransition(snapshotIn(state, type), eventOf(type), actor, TODAY);
          if (allowed) {
            expect(result).toMatchObject({ ok: true, state: cell.to });
          } else {
            expect(result).toEqual({ ok: false, reason: cell === null ? 'not_allowed_in_state' : 'not_allowed_for_actor' });
          }
          expect(allowedSupporterEvents(snapshotIn(state, type), actor, TODAY).includes(type)).toBe(allowed);
        });
      }
    }
  }
});

describe('supporter lifecycle rules', () => {
  it('certifies only until a real day after today', () => {
    const training = { state: 'in_training' as const, certifiedUntil: null };
    for (const until of [TODAY, '2026-12-01', 'next year', '2027-13-45', '']) {
      expect(supporterTransition(training, { type: 'certified', until }, 'system', TODAY)).toEqual({ ok: false, reason: 'invalid_event' });
    }
    expect(supporterTransition(training, { type: 'certified', until: '2026-12-08' }, 'system', TODAY)).toMatchObject({
      ok: true,
      state: 'certified',
      certifiedUntil: '2026-12-08',
    });
  });

  it('does not lapse a certification that still runs (the last day counts)', () => {
    const active = { state: 'active' as const, certifiedUntil: TODAY };
    expect(supporterTransition(active, { type: 'certification_expired' }, 'system', TODAY)).toEqual({
      ok: false,
      reason: 'still_certified',
    });
    expect(allowedSupporterEvents(active, 'system', TODAY)).not.toContain('certification_expired');
    expect(supporterTransition(active, { type: 'certification_expired' }, 'system', '2026-12-08')).toMatchObject({
      ok: true,
      state: 'lapsed',
      effects: expect.arrayContaining([{ kind: 'leave_rota' }, { kind: 'notify', who: 'self' }, { kind: 'notify', who: 'director' }]),
    });
  });

  it('activates and resumes only someone certified through today', () => {
    for (const [state, type] of [
      ['certified', 'activated'],
      ['paused', 'resumed'],
    ] as const) {
      expect(supporterTransition({ state, certifiedUntil: '2026-12-06' }, { type }, 'director', TODAY)).toEqual({
        ok: false,
        reason: 'not_certified',
      });
      expect(allowedSupporterEvents({ state, certifiedUntil: '2026-12-06' }, 'director', TODAY)).not.toContain(type);
      expect(supporterTransition({ state, certifiedUntil: TODAY }, { type }, 'director', TODAY)).toMatchObject({
        ok: true,
        state: 'active',
      });
    }
  });

  it('a declined nomination is forgotten and nobody else is told', () => {
    const result = supporterTransition({ state: 'nominated', certifiedUntil: null }, { type: 'nomination_declined' }, 'self', TODAY);
    expect(result).toEqual({ ok: true, state: 'declined', certifiedUntil: null, effects: [{ kind: 'forget_nomination' }] });
  });

  it('joins the team on activation and leaves the rota on pause, retirement and lapse', () => {
    const certified = { state: 'certified' as const, certifiedUntil: LATER };
    expect(supporterTransition(certified, { type: 'activated' }, 'director', TODAY)).toMatchObject({
      effects: [{ kind: 'join_team' }, { kind: 'notify', who: 'self' }],
    });
    const active = { state: 'active' as const, certifiedUntil: LATER };
    expect(supporterTransition(active, { type: 'paused' }, 'self', TODAY)).toMatchObject({
      effects: [{ kind: 'leave_rota' }, { kind: 'notify', who: 'director' }],
    });
    expect(supporterTransition(active, { type: 'retired' }, 'director', TODAY)).toMatchObject({
      effects: [{ kind: 'leave_rota' }, { kind: 'notify', who: 'self' }],
    });
  });

  it('a self-nomination skips the question of interest; a colleague nomination asks it', () => {
    expect(journeyStart('self')).toEqual({ state: 'under_review', effects: [{ kind: 'notify', who: 'director' }] });
    expect(journeyStart('colleague')).toEqual({ state: 'nominated', effects: [{ kind: 'ask_nominee' }] });
  });

  it('is on duty only when active and certified through today (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUPPORTER_STATES),
        fc.option(fc.date({ min: new Date('2025-01-01'), max: new Date('2029-01-01'), noInvalidDate: true })),
        (state, until) => {
          const certifiedUntil = until ? until.toISOString().slice(0, 10) : null;
          const onDuty = isOnDuty({ state, certifiedUntil }, TODAY);
          expect(onDuty).toBe(state === 'active' && certifiedUntil !== null && certifiedUntil >= TODAY);
        },
      ),
    );
  });

  it('no sequence of events puts anyone on duty without passing through certification (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...SUPPORTER_EVENTS), fc.constantFrom(...SUPPORTER_ACTOR_KINDS)), { maxLength: 30 }),
        fc.constantFrom<'self' | 'colleague'>('self', 'colleague'),
        (steps, by) => {
          let snapshot: SupporterSnapshot = { state: journeyStart(by).state, certifiedUntil: null };
          let everCertified = false;
          for (const [type, actor] of steps) {
            const result = supporterTransition(snapshot, eventOf(type), actor, TODAY);
            if (!result.ok) continue;
            if (type === 'certified') everCertified = true;
            snapshot = { state: result.state, certifiedUntil: result.certifiedUntil };
            if (snapshot.state === 'active') expect(everCertified).toBe(true);
          }
        },
      ),
    );
  });
});
