/**
 * A supporter's way through the program as a pure transition table (docs/team.md, "The supporter
 * lifecycle"), built like the case lifecycle: `supporterTransition()` answers "what happens if this
 * actor does this now" with the next snapshot and the effects the service must persist in the same
 * transaction, or a typed refusal. No I/O, no clock: `today` (the organisation's calendar day) comes in.
 *
 * Real programs nominate, interview, train in a cohort, observe a role-play, certify for a period,
 * and let supporters pause and come back. Only an `active` supporter whose certification has not
 * run out is matched or put on call (`isOnDuty`); the matcher and the rota both ask this function.
 */

export const SUPPORTER_STATES = [
  /** Someone put their name forward; they have not yet said whether they are interested. */
  'nominated',
  /** Interested, waiting for the director's interview and decision. */
  'under_review',
  'in_training',
  /** Trained and certified; the director has not yet put them on the team. */
  'certified',
  'active',
  /** Taking a break; keeps the certification, takes no new requests and no on-call shifts. */
  'paused',
  'retired',
  /** Not taken on: by their own choice or the director's. */
  'declined',
  /** The certification ran out; a refresher brings them back. */
  'lapsed',
] as const;
export type SupporterState = (typeof SUPPORTER_STATES)[number];

/** Who fires an event: the supporter (or nominee) about themselves, the director, or background work. */
export const SUPPORTER_ACTOR_KINDS = ['self', 'director', 'system'] as const;
export type SupporterActorKind = (typeof SUPPORTER_ACTOR_KINDS)[number];

export const SUPPORTER_EVENTS = [
  'interest_confirmed',
  'nomination_declined',
  'accepted_for_training',
  'not_selected',
  'withdrew',
  'certified',
  'activated',
  'paused',
  'resumed',
  'recertified',
  'certification_expired',
  'retired',
  'refresher_started',
] as const;
export type SupporterEventType = (typeof SUPPORTER_EVENTS)[number];

export type SupporterEvent =
  | { type: 'interest_confirmed' }
  | { type: 'nomination_declined' }
  | { type: 'accepted_for_training' }
  | { type: 'not_selected' }
  | { type: 'withdrew' }
  /** `until` is the last day of the certification (YYYY-MM-DD), after `today`. */
  | { type: 'certified'; until: string }
  | { type: 'activated' }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'recertified'; until: string }
  | { type: 'certification_expired' }
  | { type: 'retired' }
  | { type: 'refresher_started' };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _eventsMatch: Same<SupporterEvent['type'], SupporterEventType> = true;

export interface SupporterSnapshot {
  state: SupporterState;
  /** Last day of the current certification, inclusive; null before the first one. */
  certifiedUntil: string | null;
}

/**
 * Effects for the service. Messages say only "you have something to look at in Peerline"; nothing
 * about why someone was not selected leaves the program.
 */
export type SupporterEffect =
  /** Ask the nominee, privately, whether they are interested. */
  | { kind: 'ask_nominee' }
  /** The nominee said no: forget who nominated them, so nobody ever sees the declined nomination. */
  | { kind: 'forget_nomination' }
  | { kind: 'notify'; who: 'self' | 'director' }
  /** They may now be offered requests and put on call: give them the supporter role if they lack it. */
  | { kind: 'join_team' }
  /**
   * They may no longer be on call: free their future shifts and tell the director. The supporter role
   * stays, so requests they already hold stay with them until the director reassigns them.
   */
  | { kind: 'leave_rota' };

export const SUPPORTER_REFUSALS = [
  'not_allowed_in_state',
  'not_allowed_for_actor',
  /** A certification date that is malformed or not after today. */
  'invalid_event',
  /** `certification_expired` while the certification still runs. */
  'still_certified',
  /** Activating or resuming someone whose certification has run out (the expiry job will lapse them). */
  'not_certified',
] as const;
export type SupporterRefusal = (typeof SUPPORTER_REFUSALS)[number];

export type SupporterTransitionResult =
  (SupporterSnapshot & { ok: true; effects: SupporterEffect[] }) | { ok: false; reason: SupporterRefusal };

interface Cell {
  readonly to: SupporterState;
  readonly actors: readonly SupporterActorKind[];
}

const SELF = ['self'] as const;
const DIRECTOR = ['director'] as const;
const SELF_OR_DIRECTOR = ['self', 'director'] as const;
const SYSTEM = ['system'] as const;
/** Certification follows the training rule (system) or the director's own record of it. */
const SYSTEM_OR_DIRECTOR = ['system', 'director'] as const;

/** state × event → next state and who may fire it; a missing cell means "not in this state". */
export const SUPPORTER_TRANSITIONS: { readonly [S in SupporterState]: { readonly [E in SupporterEventType]?: Cell } } = {
  nominated: {
    interest_confirmed: { to: 'under_review', actors: SELF },
    nomination_declined: { to: 'declined', actors: SELF },
  },
  under_review: {
    accepted_for_training: { to: 'in_training', actors: DIRECTOR },
    not_selected: { to: 'declined', actors: DIRECTOR },
    withdrew: { to: 'declined', actors: SELF },
  },
  in_training: {
    certified: { to: 'certified', actors: SYSTEM_OR_DIRECTOR },
    not_selected: { to: 'declined', actors: DIRECTOR },
    withdrew: { to: 'declined', actors: SELF },
  },
  certified: {
    activated: { to: 'active', actors: DIRECTOR },
    recertified: { to: 'certified', actors: SYSTEM_OR_DIRECTOR },
    certification_expired: { to: 'lapsed', actors: SYSTEM },
    retired: { to: 'retired', actors: SELF_OR_DIRECTOR },
  },
  active: {
    paused: { to: 'paused', actors: SELF_OR_DIRECTOR },
    recertified: { to: 'active', actors: SYSTEM_OR_DIRECTOR },
    certification_expired: { to: 'lapsed', actors: SYSTEM },
    retired: { to: 'retired', actors: SELF_OR_DIRECTOR },
  },
  paused: {
    resumed: { to: 'active', actors: SELF_OR_DIRECTOR },
    recertified: { to: 'paused', actors: SYSTEM_OR_DIRECTOR },
    certification_expired: { to: 'lapsed', actors: SYSTEM },
    retired: { to: 'retired', actors: SELF_OR_DIRECTOR },
  },
  // A lapsed or retired supporter comes back through a refresher, like a new trainee who skips the interview.
  lapsed: {
    refresher_started: { to: 'in_training', actors: DIRECTOR },
    retired: { to: 'retired', actors: SELF_OR_DIRECTOR },
  },
  retired: {
    refresher_started: { to: 'in_training', actors: DIRECTOR },
  },
  // A later nomination starts a new journey (the service creates it); nothing leads out of here.
  declined: {},
};

/** States in which the person is part of the team (holds the supporter role). */
export const TEAM_STATES = ['certified', 'active', 'paused'] as const satisfies readonly SupporterState[];
/** States still moving towards the team: the pipeline the director follows. */
export const PIPELINE_STATES = ['nominated', 'under_review', 'in_training'] as const satisfies readonly SupporterState[];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Matched for requests and put on call: active, and certified through `today`. */
export function isOnDuty(s: SupporterSnapshot, today: string): boolean {
  return s.state === 'active' && certifiedThrough(s, today);
}

function certifiedThrough(s: SupporterSnapshot, today: string): boolean {
  return s.certifiedUntil !== null && s.certifiedUntil >= today;
}

/** Where a new journey starts: a self-nomination is already interested. */
export function journeyStart(by: 'self' | 'colleague'): { state: SupporterState; effects: SupporterEffect[] } {
  return by === 'self'
    ? { state: 'under_review', effects: [{ kind: 'notify', who: 'director' }] }
    : { state: 'nominated', effects: [{ kind: 'ask_nominee' }] };
}

export function supporterTransition(
  snapshot: SupporterSnapshot,
  event: SupporterEvent,
  actor: SupporterActorKind,
  today: string,
): SupporterTransitionResult {
  if (!(SUPPORTER_EVENTS as readonly string[]).includes(event.type)) return { ok: false, reason: 'invalid_event' };
  const cell = SUPPORTER_TRANSITIONS[snapshot.state]?.[event.type];
  if (!cell) return { ok: false, reason: 'not_allowed_in_state' };
  if (!cell.actors.includes(actor)) return { ok: false, reason: 'not_allowed_for_actor' };
  let certifiedUntil = snapshot.certifiedUntil;
  if (event.type === 'certified' || event.type === 'recertified') {
    if (!DAY.test(event.until) || Number.isNaN(Date.parse(event.until)) || event.until <= today)
      return { ok: false, reason: 'invalid_event' };
    certifiedUntil = event.until;
  }
  if (event.type === 'certification_expired' && snapshot.certifiedUntil !== null && snapshot.certifiedUntil >= today) {
    return { ok: false, reason: 'still_certified' };
  }
  if ((event.type === 'activated' || event.type === 'resumed') && !certifiedThrough(snapshot, today)) {
    return { ok: false, reason: 'not_certified' };
  }
  const next: SupporterSnapshot = { state: cell.to, certifiedUntil };
  return { ok: true, ...next, effects: effectsOf(snapshot, next, event, actor) };
}

/** Events `actor` may fire now (given a valid payload); the UI shows one button per entry. */
export function allowedSupporterEvents(snapshot: SupporterSnapshot, actor: SupporterActorKind, today: string): SupporterEventType[] {
  const row = SUPPORTER_TRANSITIONS[snapshot.state] ?? {};
  return SUPPORTER_EVENTS.filter((type) => {
    if (!row[type]?.actors.includes(actor)) return false;
    if (type === 'certification_expired') return !certifiedThrough(snapshot, today);
    if (type === 'activated' || type === 'resumed') return certifiedThrough(snapshot, today);
    return true;
  });
}

function effectsOf(
  before: SupporterSnapshot,
  after: SupporterSnapshot,
  event: SupporterEvent,
  actor: SupporterActorKind,
): SupporterEffect[] {
  const effects: SupporterEffect[] = [];
  if (event.type === 'nomination_declined') effects.push({ kind: 'forget_nomination' });
  if (after.state === 'active' && before.state === 'certified') effects.push({ kind: 'join_team' });
  const wasOnTeam = (TEAM_STATES as readonly SupporterState[]).includes(before.state);
  if (wasOnTeam && after.state !== 'active' && before.state !== after.state) effects.push({ kind: 'leave_rota' });
  // Whoever did not act hears of it: the director when the supporter moves, the supporter when anyone else does.
  if (actor === 'self') {
    if (event.type !== 'nomination_declined') effects.push({ kind: 'notify', who: 'director' });
  } else if (before.state !== after.state || event.type === 'recertified') {
    effects.push({ kind: 'notify', who: 'self' });
    if (actor === 'system') effects.push({ kind: 'notify', who: 'director' });
  }
  return effects;
}
