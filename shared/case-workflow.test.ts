import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actorKindsFor,
  allowedCloseOutcomes,
  allowedEvents,
  CASE_ACTOR_KINDS,
  CASE_EVENTS,
  DEFAULT_CASE_POLICY,
  isOpen,
  OPEN_STATES,
  PAYLOAD_REJECTIONS,
  snapshotProblem,
  TERMINAL_STATES,
  transition,
  type CaseActorKind,
  type CaseEffect,
  type CaseEvent,
  type CaseEventType,
  type CaseSnapshot,
  type TransitionResult,
} from './case-workflow.ts';
import { CASE_OUTCOMES, CASE_STATES, OFFER_DECLINE_REASONS, type CaseOutcome, type CaseState } from './schemas/case-vocabulary.ts';

// -----------------------------------------------------------------------------------------------
// The expected table, written independently of the source: a change to CASE_TRANSITIONS that is not
// mirrored here fails the exhaustive test. Cell = `next:actors`, `-` = not allowed in that state.
// Actors: R requester, S assigned supporter, O offered supporter, A administrator, Y system.
// -----------------------------------------------------------------------------------------------
const EXPECTED_TABLE = `
event                   new           offered       assigned      contacted     active        closed   withdrawn  declined
offer_made              offered:RAY   -             -             -             -             -        -          -
offer_accepted          -             assigned:O    -             -             -             -        -          -
offer_declined          -             new:O         -             -             -             -        -          -
offer_expired           -             new:Y         -             -             -             -        -          -
assigned_manually       assigned:A    assigned:A    assigned:A    assigned:A    assigned:A    -        -          -
released_by_supporter   -             -             new:S         -             -             -        -          -
contact_attempted       -             -             assigned:S    contacted:S   -             -        -          -
contact_made            -             -             contacted:S   -             -             -        -          -
encounter_logged        -             -             -             active:S      active:S      -        -          -
follow_up_scheduled     -             -             -             -             active:S      -        -          -
risk_escalated          new:A         offered:A     assigned:SA   contacted:SA  active:SA     -        -          -
closed                  -             -             closed:SA     closed:SA     closed:SA     -        -          -
withdrawn_by_requester  withdrawn:RA  withdrawn:RA  withdrawn:RA  withdrawn:RA  withdrawn:RA  -        -          -
declined_by_requester   declined:RA   declined:RA   declined:RSA  declined:RSA  -             -        -          -
reopened_by_requester   -             -             -             -             -             new:RA   new:RA     new:RA
`;

/** Outcomes `closed` may record per state (given enough contact attempts for `unreachable`). */
const EXPECTED_CLOSE_OUTCOMES: Partial<Record<CaseState, CaseOutcome[]>> = {
  assigned: ['unreachable'],
  contacted: ['referred', 'unreachable'],
  active: ['supported', 'referred'],
};

const ACTOR_LETTERS: Record<string, CaseActorKind> = {
  R: 'requester',
  S: 'assigned_supporter',
  O: 'offered_supporter',
  A: 'administrator',
  Y: 'system',
};

type ExpectedCell = { to: CaseState; actors: CaseActorKind[] } | null;

function parseExpectedTable(text: string): Map<string, ExpectedCell> {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const states = header!.slice(1) as CaseState[];
  const cells = new Map<string, ExpectedCell>();
  for (const [event, ...row] of rows) {
    row.forEach((cell, i) => {
      const key = `${states[i]}|${event}`;
      if (cell === '-') return cells.set(key, null);
      const [to, letters] = cell.split(':') as [CaseState, string];
      cells.set(key, { to, actors: [...letters].map((l) => ACTOR_LETTERS[l]!) });
    });
  }
  return cells;
}
const EXPECTED = parseExpectedTable(EXPECTED_TABLE);

// -----------------------------------------------------------------------------------------------
// Builders
// -----------------------------------------------------------------------------------------------
const NOW = new Date('2026-03-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const YESTERDAY = new Date(NOW.getTime() - DAY).toISOString();

/** A consistent snapshot in `state`, with enough attempts to allow an `unreachable` close. */
function snapshotIn(state: CaseState, overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const base: CaseSnapshot = {
    state,
    outcome: null,
    closedAt: null,
    assignedSupporterId: null,
    offeredSupporterId: null,
    contactAttempts: DEFAULT_CASE_POLICY.minContactAttemptsForUnreachable,
  };
  if (state === 'offered') base.offeredSupporterId = 'sup-offered';
  if (state === 'assigned' || state === 'contacted' || state === 'active') base.assignedSupporterId = 'sup-assigned';
  if (state === 'closed') Object.assign(base, { outcome: 'supported', closedAt: YESTERDAY, assignedSupporterId: 'sup-assigned' });
  if (state === 'withdrawn' || state === 'declined') Object.assign(base, { outcome: state, closedAt: YESTERDAY });
  return { ...base, ...overrides };
}

/** A payload that is valid whenever the event is allowed at all (closed takes its outcome separately). */
function canonicalEvent(type: Exclude<CaseEventType, 'closed'>, s: CaseSnapshot, now = NOW): CaseEvent {
  switch (type) {
    case 'offer_made':
    case 'assigned_manually':
      return { type, supporterId: 'sup-other' };
    case 'offer_expired':
      return { type, supporterId: s.offeredSupporterId ?? 'sup-offered' };
    case 'offer_declined':
    case 'released_by_supporter':
      return { type, reason: 'no_capacity' };
    case 'follow_up_scheduled':
      return { type, dueAt: new Date(now.getTime() + 7 * DAY).toISOString() };
    default:
      return { type };
  }
}

function ok(result: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
  return result;
}

function run(s: CaseSnapshot, event: CaseEvent, actor: CaseActorKind, now = NOW) {
  return ok(transition(s, event, actor, now));
}

// -----------------------------------------------------------------------------------------------
// Exhaustive: every state × every event × every actor kind
// -----------------------------------------------------------------------------------------------
describe('the transition table, exhaustively', () => {
  it('lists exactly the events and actor kinds of the expected table', () => {
    const rows = EXPECTED_TABLE.trim()
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/)[0]);
    expect([...CASE_EVENTS].sort()).toEqual([...rows].sort());
    expect([...CASE_ACTOR_KINDS].sort()).toEqual(Object.values(ACTOR_LETTERS).sort());
    expect(EXPECTED.size).toBe(CASE_STATES.length * CASE_EVENTS.length);
  });

  const nonClose = CASE_EVENTS.filter((e): e is Exclude<CaseEventType, 'closed'> => e !== 'closed');
  const combos = CASE_STATES.flatMap((state) =>
    nonClose.flatMap((event) => CASE_ACTOR_KINDS.map((actor) => [state, event, actor] as const)),
  );

  it.each(combos)('%s × %s × %s', (state, type, actor) => {
    const s = snapshotIn(state);
    const result = transition(s, canonicalEvent(type, s), actor, NOW);
    const cell = EXPECTED.get(`${state}|${type}`);
    if (!cell) expect(result).toEqual({ ok: false, reason: 'not_allowed_in_state' });
    else if (!cell.actors.includes(actor)) expect(result).toEqual({ ok: false, reason: 'not_allowed_for_actor' });
    else expect(ok(result).state).toBe(cell.to);
  });

  const closeCombos = CASE_STATES.flatMap((state) =>
    CASE_OUTCOMES.flatMap((outcome) => CASE_ACTOR_KINDS.map((actor) => [state, outcome, actor] as const)),
  );

  it.each(closeCombos)('%s × closed(%s) × %s', (state, outcome, actor) => {
    const result = transition(snapshotIn(state), { type: 'closed', outcome }, actor, NOW);
    const cell = EXPECTED.get(`${state}|closed`);
    if (!cell) return expect(result).toEqual({ ok: false, reason: 'not_allowed_in_state' });
    if (!cell.actors.includes(actor)) return expect(result).toEqual({ ok: false, reason: 'not_allowed_for_actor' });
    if (outcome === 'withdrawn' || outcome === 'declined') return expect(result).toEqual({ ok: false, reason: 'outcome_has_own_event' });
    if (!EXPECTED_CLOSE_OUTCOMES[state]!.includes(outcome))
      return expect(result).toEqual({ ok: false, reason: 'outcome_not_allowed_in_state' });
    const next = ok(result);
    expect(next).toMatchObject({ state: 'closed', outcome, closedAt: NOW.toISOString() });
  });
});

// -----------------------------------------------------------------------------------------------
// Targeted examples
// -----------------------------------------------------------------------------------------------
describe('happy path', () => {
  it('goes new → offered → assigned → contacted → active → closed(supported) and sends the feedback link', () => {
    let s = snapshotIn('new', { contactAttempts: 0 });
    const offered = run(s, { type: 'offer_made', supporterId: 'sup-1' }, 'system');
    expect(offered.state).toBe('offered');
    expect(offered.offeredSupporterId).toBe('sup-1');
    expect(offered.effects).toEqual([
      { kind: 'notify', who: 'supporter', supporterId: 'sup-1' },
      { kind: 'schedule_offer_expiry', supporterId: 'sup-1' },
    ]);
    s = offered;

    const accepted = run(s, { type: 'offer_accepted' }, 'offered_supporter');
    expect(accepted).toMatchObject({ state: 'assigned', assignedSupporterId: 'sup-1', offeredSupporterId: null });
    expect(accepted.effects).toEqual([{ kind: 'notify', who: 'requester' }]);
    s = accepted;

    s = run(s, { type: 'contact_attempted' }, 'assigned_supporter');
    expect(s).toMatchObject({ state: 'assigned', contactAttempts: 1 });
    const contacted = run(s, { type: 'contact_made' }, 'assigned_supporter');
    expect(contacted).toMatchObject({ state: 'contacted', contactAttempts: 0 });
    expect(contacted.effects).toEqual([]);

    const active = run(contacted, { type: 'encounter_logged' }, 'assigned_supporter');
    expect(active.state).toBe('active');
    const followUp = run(active, { type: 'follow_up_scheduled', dueAt: '2026-03-08T09:00:00Z' }, 'assigned_supporter');
    expect(followUp.state).toBe('active');
    expect(followUp.effects).toEqual([{ kind: 'schedule_follow_up_reminder', dueAt: '2026-03-08T09:00:00.000Z' }]);
    const again = run(followUp, { type: 'encounter_logged' }, 'assigned_supporter');
    expect(again.state).toBe('active');

    const closed = run(again, { type: 'closed', outcome: 'supported' }, 'assigned_supporter');
    expect(closed).toMatchObject({ state: 'closed', outcome: 'supported', closedAt: NOW.toISOString(), assignedSupporterId: 'sup-1' });
    expect(closed.effects).toEqual([{ kind: 'send_feedback_link' }]);
    expect(snapshotProblem(closed)).toBeNull();
  });

  it('sends the feedback link on `referred` too, the resource sheet on `unreachable`', () => {
    expect(run(snapshotIn('active'), { type: 'closed', outcome: 'referred' }, 'assigned_supporter').effects).toEqual([
      { kind: 'send_feedback_link' },
    ]);
    expect(run(snapshotIn('assigned'), { type: 'closed', outcome: 'unreachable' }, 'assigned_supporter').effects).toEqual([
      { kind: 'send_resource_sheet' },
    ]);
  });

  it('tells the supporter when an administrator closes their case', () => {
    expect(run(snapshotIn('active'), { type: 'closed', outcome: 'supported' }, 'administrator').effects).toEqual([
      { kind: 'send_feedback_link' },
      { kind: 'notify', who: 'supporter', supporterId: 'sup-assigned' },
    ]);
  });
});

describe('offers', () => {
  it.each(['offer_declined', 'offer_expired'] as const)('%s returns the case to new and starts the cascade', (type) => {
    const s = snapshotIn('offered');
    const next = run(s, canonicalEvent(type, s), type === 'offer_declined' ? 'offered_supporter' : 'system');
    expect(next).toMatchObject({ state: 'new', offeredSupporterId: null, assignedSupporterId: null });
    expect(next.effects).toEqual([{ kind: 'start_offer_cascade', preferSupporterId: null }]);
    // …and the cascade can offer the next candidate straight away.
    expect(run(next, { type: 'offer_made', supporterId: 'sup-next' }, 'system').state).toBe('offered');
  });

  it('ignores a late expiry timer for an earlier offer', () => {
    const s = snapshotIn('offered', { offeredSupporterId: 'sup-b' });
    expect(transition(s, { type: 'offer_expired', supporterId: 'sup-a' }, 'system', NOW)).toEqual({ ok: false, reason: 'stale_offer' });
    expect(transition(snapshotIn('assigned'), { type: 'offer_expired', supporterId: 'sup-assigned' }, 'system', NOW)).toEqual({
      ok: false,
      reason: 'not_allowed_in_state',
    });
  });

  it('rejects an offer or assignment without a supporter, and a decline with an unknown reason', () => {
    expect(transition(snapshotIn('new'), { type: 'offer_made', supporterId: ' ' }, 'system', NOW)).toEqual({
      ok: false,
      reason: 'invalid_event',
    });
    expect(transition(snapshotIn('new'), { type: 'assigned_manually', supporterId: '' }, 'administrator', NOW)).toEqual({
      ok: false,
      reason: 'invalid_event',
    });
    const bogus = { type: 'offer_declined', reason: 'bored' } as unknown as CaseEvent;
    expect(transition(snapshotIn('offered'), bogus, 'offered_supporter', NOW)).toEqual({ ok: false, reason: 'invalid_event' });
  });

  it('lets every decline reason through', () => {
    for (const reason of OFFER_DECLINE_REASONS) {
      expect(run(snapshotIn('offered'), { type: 'offer_declined', reason }, 'offered_supporter').state).toBe('new');
    }
  });

  it('lets a supporter hand back an assigned case (e.g. a conflict of interest seen only after accepting)', () => {
    const next = run(snapshotIn('assigned'), { type: 'released_by_supporter', reason: 'conflict_of_interest' }, 'assigned_supporter');
    expect(next).toMatchObject({ state: 'new', assignedSupporterId: null, contactAttempts: 0 });
    expect(next.effects).toEqual([
      { kind: 'start_offer_cascade', preferSupporterId: null },
      { kind: 'notify', who: 'administrator' },
    ]);
  });
});

describe('manual assignment', () => {
  it('assigns from new and tells the supporter and the requester', () => {
    const next = run(snapshotIn('new'), { type: 'assigned_manually', supporterId: 'sup-x' }, 'administrator');
    expect(next).toMatchObject({ state: 'assigned', assignedSupporterId: 'sup-x', offeredSupporterId: null });
    expect(next.effects).toEqual([
      { kind: 'notify', who: 'supporter', supporterId: 'sup-x' },
      { kind: 'notify', who: 'requester' },
    ]);
  });

  it('redirects a pending offer and tells the supporter who held it', () => {
    const next = run(snapshotIn('offered'), { type: 'assigned_manually', supporterId: 'sup-x' }, 'administrator');
    expect(next).toMatchObject({ state: 'assigned', assignedSupporterId: 'sup-x', offeredSupporterId: null });
    expect(next.effects).toContainEqual({ kind: 'notify', who: 'supporter', supporterId: 'sup-offered' });
  });

  it('records an acceptance given by phone: assigning the offered supporter notifies them once', () => {
    const next = run(snapshotIn('offered'), { type: 'assigned_manually', supporterId: 'sup-offered' }, 'administrator');
    expect(next.effects.filter((e) => e.kind === 'notify' && e.who === 'supporter')).toHaveLength(1);
  });

  it.each(['assigned', 'contacted', 'active'] as const)('reassigns from %s back to assigned, restarting the attempt count', (state) => {
    const next = run(snapshotIn(state, { contactAttempts: 2 }), { type: 'assigned_manually', supporterId: 'sup-x' }, 'administrator');
    expect(next).toMatchObject({ state: 'assigned', assignedSupporterId: 'sup-x', contactAttempts: 0 });
    expect(next.effects).toEqual([
      { kind: 'notify', who: 'supporter', supporterId: 'sup-x' },
      { kind: 'notify', who: 'supporter', supporterId: 'sup-assigned' },
      { kind: 'notify', who: 'requester' },
    ]);
  });

  it('refuses to "reassign" to the supporter who already holds the case', () => {
    expect(transition(snapshotIn('active'), { type: 'assigned_manually', supporterId: 'sup-assigned' }, 'administrator', NOW)).toEqual({
      ok: false,
      reason: 'already_assigned',
    });
  });
});

describe('withdraw and decline', () => {
  it.each(OPEN_STATES)('the requester can withdraw from %s', (state) => {
    const s = snapshotIn(state);
    const next = run(s, { type: 'withdrawn_by_requester' }, 'requester');
    expect(next).toMatchObject({ state: 'withdrawn', outcome: 'withdrawn', closedAt: NOW.toISOString(), offeredSupporterId: null });
    const holder = s.assignedSupporterId ?? s.offeredSupporterId;
    expect(next.effects).toEqual(holder ? [{ kind: 'notify', who: 'supporter', supporterId: holder }] : []);
    expect(snapshotProblem(next)).toBeNull();
  });

  it('covers every open state and no terminal one', () => {
    expect(OPEN_STATES).toEqual(['new', 'offered', 'assigned', 'contacted', 'active']);
    for (const state of TERMINAL_STATES) {
      expect(transition(snapshotIn(state), { type: 'withdrawn_by_requester' }, 'requester', NOW)).toEqual({
        ok: false,
        reason: 'not_allowed_in_state',
      });
    }
  });

  it.each(['new', 'offered', 'assigned', 'contacted'] as const)('"no thanks" from %s declines and sends the resource sheet', (state) => {
    const next = run(snapshotIn(state), { type: 'declined_by_requester' }, 'requester');
    expect(next).toMatchObject({ state: 'declined', outcome: 'declined', closedAt: NOW.toISOString() });
    expect(next.effects[0]).toEqual({ kind: 'send_resource_sheet' });
  });

  it('lets the supporter record a "no thanks" heard on the phone without notifying themselves', () => {
    const next = run(snapshotIn('contacted'), { type: 'declined_by_requester' }, 'assigned_supporter');
    expect(next.effects).toEqual([{ kind: 'send_resource_sheet' }]);
  });

  it('does not decline after a conversation: that is a close as supported', () => {
    expect(transition(snapshotIn('active'), { type: 'declined_by_requester' }, 'requester', NOW)).toEqual({
      ok: false,
      reason: 'not_allowed_in_state',
    });
  });
});

describe('terminal states and reopening', () => {
  const reopen: CaseEvent = { type: 'reopened_by_requester' };

  it.each(TERMINAL_STATES)('nothing but a reopen leaves %s', (state) => {
    const s = snapshotIn(state);
    for (const actor of CASE_ACTOR_KINDS) {
      expect(allowedEvents(s, actor, NOW).filter((e) => e !== 'reopened_by_requester')).toEqual([]);
    }
    expect(allowedEvents(s, 'requester', NOW)).toEqual(['reopened_by_requester']);
    expect(isOpen(state)).toBe(false);
  });

  it.each(TERMINAL_STATES)('reopens %s within the window, exactly at the boundary, and not one millisecond later', (state) => {
    const closedAt = '2026-01-01T00:00:00.000Z';
    const s = snapshotIn(state, { closedAt });
    const window = DEFAULT_CASE_POLICY.reopenWindowDays * DAY;
    const at = (ms: number) => new Date(Date.parse(closedAt) + ms);
    expect(transition(s, reopen, 'requester', at(DAY)).ok).toBe(true);
    expect(transition(s, reopen, 'requester', at(window)).ok).toBe(true);
    expect(transition(s, reopen, 'requester', at(window + 1))).toEqual({ ok: false, reason: 'reopen_window_passed' });
    expect(allowedEvents(s, 'requester', at(window))).toEqual(['reopened_by_requester']);
    expect(allowedEvents(s, 'requester', at(window + 1))).toEqual([]);
  });

  it('takes the window as a parameter', () => {
    const s = snapshotIn('closed', { closedAt: '2026-01-01T00:00:00.000Z' });
    const policy = { ...DEFAULT_CASE_POLICY, reopenWindowDays: 90 };
    expect(transition(s, reopen, 'requester', new Date('2026-04-01T00:00:00.000Z'), policy).ok).toBe(true);
    expect(transition(s, reopen, 'requester', new Date('2026-04-01T00:00:00.001Z'), policy)).toEqual({
      ok: false,
      reason: 'reopen_window_passed',
    });
    const none = { ...DEFAULT_CASE_POLICY, reopenWindowDays: 0 };
    expect(transition(s, reopen, 'requester', new Date('2026-01-01T00:00:01.000Z'), none).ok).toBe(false);
  });

  it('starts afresh on reopen, preferring the previous supporter', () => {
    const next = run(snapshotIn('closed'), reopen, 'requester');
    expect(next).toEqual({
      ok: true,
      state: 'new',
      outcome: null,
      closedAt: null,
      assignedSupporterId: null,
      offeredSupporterId: null,
      contactAttempts: 0,
      effects: [
        { kind: 'start_offer_cascade', preferSupporterId: 'sup-assigned' },
        { kind: 'notify', who: 'administrator' },
      ],
    });
    expect(run(snapshotIn('withdrawn'), reopen, 'administrator').effects).toEqual([
      { kind: 'start_offer_cascade', preferSupporterId: null },
    ]);
  });

  it('the supporter cannot reopen', () => {
    expect(transition(snapshotIn('closed'), reopen, 'assigned_supporter', NOW)).toEqual({ ok: false, reason: 'not_allowed_for_actor' });
  });
});

describe('outcome rules', () => {
  it.each(['withdrawn', 'declined'] as const)('`closed` never records %s: it has its own event', (outcome) => {
    for (const state of ['assigned', 'contacted', 'active'] as const) {
      expect(transition(snapshotIn(state), { type: 'closed', outcome }, 'assigned_supporter', NOW)).toEqual({
        ok: false,
        reason: 'outcome_has_own_event',
      });
    }
  });

  it('needs a logged encounter before `supported`', () => {
    for (const state of ['assigned', 'contacted'] as const) {
      expect(transition(snapshotIn(state), { type: 'closed', outcome: 'supported' }, 'assigned_supporter', NOW)).toEqual({
        ok: false,
        reason: 'outcome_not_allowed_in_state',
      });
    }
  });

  it('closes as unreachable only after enough attempts, counted since the requester was last reached', () => {
    const close: CaseEvent = { type: 'closed', outcome: 'unreachable' };
    let s = snapshotIn('assigned', { contactAttempts: 0 });
    for (let i = 0; i < DEFAULT_CASE_POLICY.minContactAttemptsForUnreachable; i++) {
      expect(transition(s, close, 'assigned_supporter', NOW)).toEqual({ ok: false, reason: 'too_few_contact_attempts' });
      expect(allowedEvents(s, 'assigned_supporter', NOW)).not.toContain('closed');
      s = run(s, { type: 'contact_attempted' }, 'assigned_supporter');
    }
    expect(allowedCloseOutcomes(s, 'assigned_supporter')).toEqual(['unreachable']);
    expect(run(s, close, 'assigned_supporter')).toMatchObject({ state: 'closed', outcome: 'unreachable' });

    // Reaching them resets the count: a contacted requester then lost needs fresh attempts.
    const contacted = run(s, { type: 'contact_made' }, 'assigned_supporter');
    expect(allowedCloseOutcomes(contacted, 'assigned_supporter')).toEqual(['referred']);
    expect(transition(contacted, close, 'assigned_supporter', NOW)).toEqual({ ok: false, reason: 'too_few_contact_attempts' });
  });

  it('takes the number of attempts as a parameter', () => {
    const s = snapshotIn('assigned', { contactAttempts: 1 });
    const policy = { ...DEFAULT_CASE_POLICY, minContactAttemptsForUnreachable: 1 };
    expect(transition(s, { type: 'closed', outcome: 'unreachable' }, 'assigned_supporter', NOW, policy).ok).toBe(true);
  });

  it('rejects an unknown outcome', () => {
    const bogus = { type: 'closed', outcome: 'fine' } as unknown as CaseEvent;
    expect(transition(snapshotIn('active'), bogus, 'assigned_supporter', NOW)).toEqual({ ok: false, reason: 'invalid_event' });
  });
});

describe('risk escalation', () => {
  it.each(OPEN_STATES)('in %s alerts the crisis team and keeps the state', (state) => {
    const s = snapshotIn(state);
    const next = run(s, { type: 'risk_escalated' }, 'administrator');
    expect(next.effects).toEqual([{ kind: 'alert_crisis_team' }]);
    expect({ ...next, effects: undefined, ok: undefined }).toEqual({ ...s, effects: undefined, ok: undefined });
    if (s.assignedSupporterId) expect(run(s, { type: 'risk_escalated' }, 'assigned_supporter').state).toBe(state);
  });

  it.each(TERMINAL_STATES)('is not possible on a %s case', (state) => {
    expect(transition(snapshotIn(state), { type: 'risk_escalated' }, 'administrator', NOW)).toEqual({
      ok: false,
      reason: 'not_allowed_in_state',
    });
  });
});

describe('follow-up', () => {
  const s = snapshotIn('active');
  it('must be in the future and a real date', () => {
    expect(transition(s, { type: 'follow_up_scheduled', dueAt: NOW.toISOString() }, 'assigned_supporter', NOW)).toEqual({
      ok: false,
      reason: 'follow_up_not_in_future',
    });
    expect(transition(s, { type: 'follow_up_scheduled', dueAt: 'next week' }, 'assigned_supporter', NOW)).toEqual({
      ok: false,
      reason: 'invalid_event',
    });
  });
});

describe('guards on the input', () => {
  it('rejects an inconsistent snapshot and allows nothing on it', () => {
    const broken: CaseSnapshot[] = [
      snapshotIn('offered', { offeredSupporterId: null }),
      snapshotIn('active', { assignedSupporterId: null }),
      snapshotIn('new', { outcome: 'supported' }),
      snapshotIn('closed', { closedAt: null }),
      snapshotIn('closed', { outcome: 'withdrawn' }),
      snapshotIn('withdrawn', { outcome: 'declined' }),
      snapshotIn('new', { contactAttempts: -1 }),
      snapshotIn('new', { assignedSupporterId: 'x' }),
      snapshotIn('assigned', { offeredSupporterId: 'x' }),
      { ...snapshotIn('new'), state: 'limbo' as CaseState },
    ];
    for (const s of broken) {
      expect(snapshotProblem(s)).not.toBeNull();
      expect(transition(s, { type: 'withdrawn_by_requester' }, 'requester', NOW)).toEqual({ ok: false, reason: 'invalid_snapshot' });
      expect(allowedEvents(s, 'administrator', NOW)).toEqual([]);
      expect(allowedCloseOutcomes(s, 'administrator')).toEqual([]);
    }
  });

  it('rejects an unknown event', () => {
    const bogus = { type: 'teleported' } as unknown as CaseEvent;
    expect(transition(snapshotIn('new'), bogus, 'administrator', NOW)).toEqual({ ok: false, reason: 'invalid_event' });
  });
});

describe('actorKindsFor', () => {
  it('derives supporter kinds from the case, not from the role', () => {
    expect(actorKindsFor(snapshotIn('offered'), { supporterId: 'sup-offered' })).toEqual(['offered_supporter']);
    expect(actorKindsFor(snapshotIn('offered'), { supporterId: 'someone-else' })).toEqual([]);
    expect(actorKindsFor(snapshotIn('active'), { supporterId: 'sup-assigned', isAdministrator: true })).toEqual([
      'assigned_supporter',
      'administrator',
    ]);
    expect(actorKindsFor(snapshotIn('closed'), { supporterId: 'sup-assigned' })).toEqual([]);
    expect(actorKindsFor(snapshotIn('new'), { isRequester: true })).toEqual(['requester']);
  });
});

describe('the UI view', () => {
  it('shows each actor the buttons of the table', () => {
    expect(allowedEvents(snapshotIn('offered'), 'offered_supporter', NOW)).toEqual(['offer_accepted', 'offer_declined']);
    expect(allowedEvents(snapshotIn('active'), 'assigned_supporter', NOW)).toEqual([
      'encounter_logged',
      'follow_up_scheduled',
      'risk_escalated',
      'closed',
    ]);
    expect(allowedEvents(snapshotIn('active'), 'requester', NOW)).toEqual(['withdrawn_by_requester']);
    expect(allowedEvents(snapshotIn('new'), 'system', NOW)).toEqual(['offer_made']);
    expect(allowedCloseOutcomes(snapshotIn('active'), 'assigned_supporter')).toEqual(['supported', 'referred']);
    expect(allowedCloseOutcomes(snapshotIn('active'), 'requester')).toEqual([]);
  });
});

// -----------------------------------------------------------------------------------------------
// Properties
// -----------------------------------------------------------------------------------------------
const ids = fc.constantFrom('s1', 's2', 's3');
const times = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true });

const snapshotArb: fc.Arbitrary<CaseSnapshot> = fc
  .record({
    state: fc.constantFrom(...CASE_STATES),
    a: ids,
    o: ids,
    closedAt: times,
    attempts: fc.nat(5),
    outcome: fc.constantFrom('supported', 'referred', 'unreachable'),
  })
  .map(({ state, a, o, closedAt, attempts, outcome }) => {
    const s = snapshotIn(state, { contactAttempts: attempts });
    if (s.offeredSupporterId) s.offeredSupporterId = o;
    if (s.assignedSupporterId) s.assignedSupporterId = a;
    // A withdrawn or declined case may or may not have had a supporter.
    if ((state === 'withdrawn' || state === 'declined') && attempts % 2 === 1) s.assignedSupporterId = a;
    if (s.closedAt) s.closedAt = closedAt.toISOString();
    if (state === 'closed') s.outcome = outcome as CaseOutcome;
    return s;
  });

/** Events with payloads both valid and invalid, so payload rejections are exercised too. */
const eventArb: fc.Arbitrary<CaseEvent> = fc.oneof(
  fc.record({ type: fc.constantFrom('offer_made', 'offer_expired', 'assigned_manually'), supporterId: fc.oneof(ids, fc.constant('')) }),
  fc.record({
    type: fc.constantFrom('offer_declined', 'released_by_supporter'),
    reason: fc.constantFrom(...OFFER_DECLINE_REASONS, 'bored'),
  }),
  fc.record({
    type: fc.constant('follow_up_scheduled'),
    dueAt: fc.oneof(
      times.map((d) => d.toISOString()),
      fc.constant('soon'),
    ),
  }),
  fc.record({ type: fc.constant('closed'), outcome: fc.constantFrom(...CASE_OUTCOMES) }),
  fc.record({
    type: fc.constantFrom(
      'offer_accepted',
      'contact_attempted',
      'contact_made',
      'encounter_logged',
      'risk_escalated',
      'withdrawn_by_requester',
      'declined_by_requester',
      'reopened_by_requester',
    ),
  }),
) as fc.Arbitrary<CaseEvent>;

const actorArb = fc.constantFrom(...CASE_ACTOR_KINDS);

function assertEffectsCarryNoContent(effects: CaseEffect[]): void {
  const allowedKeys = new Set(['kind', 'who', 'supporterId', 'preferSupporterId', 'dueAt']);
  for (const effect of effects) {
    for (const key of Object.keys(effect)) expect(allowedKeys.has(key)).toBe(true);
    if (effect.kind === 'notify' && effect.who === 'supporter') expect(effect.supporterId).toBeTruthy();
  }
}

describe('properties', () => {
  it('allowedEvents lists an event iff the transition succeeds (up to the payload)', () => {
    fc.assert(
      fc.property(snapshotArb, eventArb, actorArb, times, (s, event, actor, now) => {
        const result = transition(s, event, actor, now);
        const allowed = allowedEvents(s, actor, now).includes(event.type);
        if (event.type === 'closed') {
          expect(result.ok).toBe(allowedCloseOutcomes(s, actor).includes(event.outcome));
          expect(allowed).toBe(allowedCloseOutcomes(s, actor).length > 0);
        } else {
          expect(allowed).toBe(result.ok || PAYLOAD_REJECTIONS.includes(result.reason));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('every allowed event succeeds with a well-formed payload, and nothing else does', () => {
    fc.assert(
      fc.property(snapshotArb, actorArb, times, (s, actor, now) => {
        const allowed = allowedEvents(s, actor, now);
        for (const type of CASE_EVENTS) {
          const events: CaseEvent[] =
            type === 'closed' ? CASE_OUTCOMES.map((outcome) => ({ type, outcome })) : [canonicalEvent(type, s, now)];
          const anyOk = events.some((e) => transition(s, e, actor, now).ok);
          expect(anyOk).toBe(allowed.includes(type));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a successful transition yields a consistent snapshot with content-free effects, never notifying the actor', () => {
    fc.assert(
      fc.property(snapshotArb, eventArb, actorArb, times, (s, event, actor, now) => {
        const result = transition(s, event, actor, now);
        if (!result.ok) return;
        const { ok: _ok, effects, ...next } = result;
        expect(snapshotProblem(next)).toBeNull();
        expect(isOpen(next.state)).toBe(next.closedAt === null);
        assertEffectsCarryNoContent(effects);
        if (actor === 'requester') expect(effects).not.toContainEqual({ kind: 'notify', who: 'requester' });
        const self = actor === 'assigned_supporter' ? s.assignedSupporterId : actor === 'offered_supporter' ? s.offeredSupporterId : null;
        if (self) expect(effects).not.toContainEqual({ kind: 'notify', who: 'supporter', supporterId: self });
      }),
      { numRuns: 5000 },
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(snapshotArb, eventArb, actorArb, times, (s, event, actor, now) => {
        const copy = structuredClone(s);
        transition(s, event, actor, now);
        allowedEvents(s, actor, now);
        expect(s).toEqual(copy);
      }),
    );
  });
});
