import {
  CASE_OUTCOMES,
  CASE_STATES,
  OFFER_DECLINE_REASONS,
  type CaseOutcome,
  type CaseState,
  type OfferDeclineReason,
} from './schemas/case-vocabulary.ts';

/**
 * The support request (case) lifecycle as a pure transition table (docs/product.md, "Origins,
 * states and outcomes"; docs/architecture.md, "Layers"). `transition()` answers "what happens if
 * this actor does this now": the next snapshot plus the domain effects the service must persist
 * **in the same transaction** (notifications into the outbox, jobs, crisis alerts), or a typed
 * rejection. No I/O and no clock: time comes in as `now`. The web app calls `allowedEvents()` to
 * decide which buttons to show; the server calls `transition()` and so enforces the very same
 * table.
 *
 * Every origin (`self`, `anonymous`, `colleague_referral`, `event_outreach`) follows this one
 * lifecycle. "Requester" always means the person the case is *for*: for an outreach case that is the
 * colleague or the staff member involved in the event, never the referrer or the event reporter, who
 * have no actor kind here because they learn nothing after submitting.
 *
 * Nothing here carries content: events and effects hold kinds, ids, an outcome or a date, never
 * text (docs/product.md, C3).
 */

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/**
 * Who fires an event, relative to the case. The service resolves the signed-in person to a kind
 * (see `actorKindsFor`): `offered_supporter` and `assigned_supporter` are relations to this case,
 * not roles, so a supporter who merely holds the role is none of these kinds for someone else's case.
 * `administrator` covers the program administrator and director; `system` is background work
 * (offer windows, the offer cascade).
 */
export const CASE_ACTOR_KINDS = ['requester', 'assigned_supporter', 'offered_supporter', 'administrator', 'system'] as const;
export type CaseActorKind = (typeof CASE_ACTOR_KINDS)[number];

export const CASE_EVENTS = [
  'offer_made',
  'offer_accepted',
  'offer_declined',
  'offer_expired',
  'assigned_manually',
  'released_by_supporter',
  'contact_attempted',
  'contact_made',
  'encounter_logged',
  'follow_up_scheduled',
  'risk_escalated',
  'closed',
  'withdrawn_by_requester',
  'declined_by_requester',
  'reopened_by_requester',
] as const;
export type CaseEventType = (typeof CASE_EVENTS)[number];

/** Each event carries only what the transition needs; the encounter log itself is stored elsewhere. */
export type CaseEvent =
  | { type: 'offer_made'; supporterId: string }
  | { type: 'offer_accepted' }
  | { type: 'offer_declined'; reason: OfferDeclineReason }
  /** `supporterId` is the supporter whose window ran out, so a late timer cannot expire a newer offer. */
  | { type: 'offer_expired'; supporterId: string }
  | { type: 'assigned_manually'; supporterId: string }
  | { type: 'released_by_supporter'; reason: OfferDeclineReason }
  | { type: 'contact_attempted' }
  | { type: 'contact_made' }
  | { type: 'encounter_logged' }
  | { type: 'follow_up_scheduled'; dueAt: string }
  | { type: 'risk_escalated' }
  | { type: 'closed'; outcome: CaseOutcome }
  | { type: 'withdrawn_by_requester' }
  | { type: 'declined_by_requester' }
  | { type: 'reopened_by_requester' };

// Compile-time check: the union above and CASE_EVENTS name exactly the same events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _eventsMatch: Same<CaseEvent['type'], CaseEventType> = true;

/** What a transition needs to know about the case; the service maps its row to this. */
export interface CaseSnapshot {
  state: CaseState;
  outcome: CaseOutcome | null;
  /** ISO timestamp; set when the case enters closed, withdrawn or declined (the retention clock). */
  closedAt: string | null;
  assignedSupporterId: string | null;
  offeredSupporterId: string | null;
  /**
   * Failed contact attempts since the requester was last reached (or since this supporter was
   * assigned). Closing as `unreachable` needs enough of them.
   */
  contactAttempts: number;
}

/** Per-program settings the table depends on. */
export interface CasePolicy {
  /**
   * How long after closing (or withdrawing, or declining) the requester may reopen, in days of 24 h,
   * boundary included. Should not exceed the program's retention period: once identifying data is
   * erased there is nobody left to reopen the case for (docs/product.md, C4), so the service passes
   * `min(reopen window, retention)`.
   */
  reopenWindowDays: number;
  /** Logged attempts before a case may be closed as `unreachable` (programs use a retry schedule). */
  minContactAttemptsForUnreachable: number;
}

/** 30 days matches the default retention period; 3 attempts is the usual "touching base" schedule. */
export const DEFAULT_CASE_POLICY: CasePolicy = { reopenWindowDays: 30, minContactAttemptsForUnreachable: 3 };

/**
 * Domain effects for the service to persist in the transaction that stores the new state. They name
 * people by id only; the outbox renders every notification as "you have something to look at in
 * Peerline" and a link (docs/product.md, C3).
 */
export type CaseEffect =
  | { kind: 'notify'; who: 'requester' | 'administrator' }
  | { kind: 'notify'; who: 'supporter'; supporterId: string }
  /** Offer the case to the next candidate; the matcher skips supporters who already had an offer. */
  | { kind: 'start_offer_cascade'; preferSupporterId: string | null }
  /** A job that fires `offer_expired` for this supporter when the offer window ends (4 h / 30 min). */
  | { kind: 'schedule_offer_expiry'; supporterId: string }
  | { kind: 'schedule_follow_up_reminder'; dueAt: string }
  /** The single-use anonymous feedback link; stored without any link back to the case. */
  | { kind: 'send_feedback_link' }
  /** The program's resource sheet (crisis line, EAP, …) for someone who will not be contacted again. */
  | { kind: 'send_resource_sheet' }
  /** Alert the director and the mental-health back-up and show the crisis protocol; no content. */
  | { kind: 'alert_crisis_team' };

export const TRANSITION_REJECTIONS = [
  /** The snapshot itself breaks an invariant (e.g. `offered` without an offered supporter). */
  'invalid_snapshot',
  /** The event has no cell for this state. */
  'not_allowed_in_state',
  /** The cell exists but this kind of actor may not fire it. */
  'not_allowed_for_actor',
  'reopen_window_passed',
  /** `closed` with `withdrawn` or `declined`: those outcomes have their own events. */
  'outcome_has_own_event',
  /** e.g. `supported` before any encounter was logged. */
  'outcome_not_allowed_in_state',
  'too_few_contact_attempts',
  /** `offer_expired` for a supporter who no longer holds the offer (a late timer). */
  'stale_offer',
  /** `assigned_manually` to the supporter who already holds the case. */
  'already_assigned',
  'follow_up_not_in_future',
  /** A malformed payload: empty id, unknown reason or outcome, unparsable date. */
  'invalid_event',
] as const;
export type TransitionRejection = (typeof TRANSITION_REJECTIONS)[number];

/**
 * Rejections that depend on the event's payload rather than on the situation. `allowedEvents` lists
 * an event when some payload would succeed, so these are the only reasons an allowed event may fail.
 */
export const PAYLOAD_REJECTIONS: readonly TransitionRejection[] = [
  'outcome_has_own_event',
  'outcome_not_allowed_in_state',
  'too_few_contact_attempts',
  'stale_offer',
  'already_assigned',
  'follow_up_not_in_future',
  'invalid_event',
];

export type TransitionResult = (CaseSnapshot & { ok: true; effects: CaseEffect[] }) | { ok: false; reason: TransitionRejection };

export const TERMINAL_STATES = ['closed', 'withdrawn', 'declined'] as const satisfies readonly CaseState[];
export const OPEN_STATES = CASE_STATES.filter((s) => !(TERMINAL_STATES as readonly CaseState[]).includes(s));
/** Open states in which a supporter holds the case (it counts towards their load). */
export const HELD_STATES = ['assigned', 'contacted', 'active'] as const satisfies readonly CaseState[];

export function isOpen(state: CaseState): boolean {
  return !(TERMINAL_STATES as readonly CaseState[]).includes(state);
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

interface Cell {
  readonly to: CaseState;
  readonly actors: readonly CaseActorKind[];
}

const ADMIN = ['administrator'] as const;
const SUPPORTER = ['assigned_supporter'] as const;
const SUPPORTER_OR_ADMIN = ['assigned_supporter', 'administrator'] as const;
const REQUESTER_OR_ADMIN = ['requester', 'administrator'] as const;

/**
 * state × event → next state + who may fire it. A missing cell means "not in this state".
 * An administrator acting for the requester (withdraw, decline, reopen) does so on the requester's
 * word, e.g. a phone call to the program office.
 */
export const CASE_TRANSITIONS: { readonly [S in CaseState]: { readonly [E in CaseEventType]?: Cell } } = {
  new: {
    // The matcher's cascade, an administrator choosing a candidate, or the requester picking a
    // supporter from the directory (where the program allows it; the service checks that setting).
    offer_made: { to: 'offered', actors: ['system', 'administrator', 'requester'] },
    assigned_manually: { to: 'assigned', actors: ADMIN },
    risk_escalated: { to: 'new', actors: ADMIN },
    withdrawn_by_requester: { to: 'withdrawn', actors: REQUESTER_OR_ADMIN },
    declined_by_requester: { to: 'declined', actors: REQUESTER_OR_ADMIN },
  },
  offered: {
    offer_accepted: { to: 'assigned', actors: ['offered_supporter'] },
    // Decline and silence both go back to `new` rather than to a dead end: the request is still
    // unanswered, and `new` is where the cascade picks the next candidate (start_offer_cascade).
    offer_declined: { to: 'new', actors: ['offered_supporter'] },
    offer_expired: { to: 'new', actors: ['system'] },
    // Redirecting a pending offer, or recording an acceptance given by phone.
    assigned_manually: { to: 'assigned', actors: ADMIN },
    risk_escalated: { to: 'offered', actors: ADMIN },
    withdrawn_by_requester: { to: 'withdrawn', actors: REQUESTER_OR_ADMIN },
    declined_by_requester: { to: 'declined', actors: REQUESTER_OR_ADMIN },
  },
  assigned: {
    assigned_manually: { to: 'assigned', actors: ADMIN },
    // Once assigned the supporter sees the requester's name and may find a conflict of interest the
    // offer could not show; nobody has been contacted yet, so the case simply goes back to matching.
    released_by_supporter: { to: 'new', actors: SUPPORTER },
    contact_attempted: { to: 'assigned', actors: SUPPORTER },
    contact_made: { to: 'contacted', actors: SUPPORTER },
    risk_escalated: { to: 'assigned', actors: SUPPORTER_OR_ADMIN },
    // Only as `unreachable`, after enough attempts (see CLOSE_OUTCOMES).
    closed: { to: 'closed', actors: SUPPORTER_OR_ADMIN },
    withdrawn_by_requester: { to: 'withdrawn', actors: REQUESTER_OR_ADMIN },
    // The requester often says "no thanks" to the supporter's first call; the supporter records it.
    declined_by_requester: { to: 'declined', actors: ['requester', 'assigned_supporter', 'administrator'] },
  },
  contacted: {
    // Reassigning goes back to `assigned`, not `contacted`: the new supporter has not reached the
    // requester yet, and the first-contact clock and attempt count start again for them.
    assigned_manually: { to: 'assigned', actors: ADMIN },
    // Reached once, now trying to set up the conversation.
    contact_attempted: { to: 'contacted', actors: SUPPORTER },
    encounter_logged: { to: 'active', actors: SUPPORTER },
    risk_escalated: { to: 'contacted', actors: SUPPORTER_OR_ADMIN },
    closed: { to: 'closed', actors: SUPPORTER_OR_ADMIN },
    withdrawn_by_requester: { to: 'withdrawn', actors: REQUESTER_OR_ADMIN },
    declined_by_requester: { to: 'declined', actors: ['requester', 'assigned_supporter', 'administrator'] },
  },
  active: {
    assigned_manually: { to: 'assigned', actors: ADMIN },
    encounter_logged: { to: 'active', actors: SUPPORTER },
    follow_up_scheduled: { to: 'active', actors: SUPPORTER },
    risk_escalated: { to: 'active', actors: SUPPORTER_OR_ADMIN },
    closed: { to: 'closed', actors: SUPPORTER_OR_ADMIN },
    withdrawn_by_requester: { to: 'withdrawn', actors: REQUESTER_OR_ADMIN },
    // No `declined_by_requester` once a conversation has happened: "no more, thanks" after support
    // is a close with outcome `supported`, which is what the statistics should count.
  },
  // Terminal states: the only way out is the requester coming back within the reopen window. A new
  // concern after that is a new request, because the old one's identifying data is gone.
  closed: { reopened_by_requester: { to: 'new', actors: REQUESTER_OR_ADMIN } },
  withdrawn: { reopened_by_requester: { to: 'new', actors: REQUESTER_OR_ADMIN } },
  declined: { reopened_by_requester: { to: 'new', actors: REQUESTER_OR_ADMIN } },
};

/**
 * Outcomes a `closed` event may record, by state. They keep the statistics honest: `supported` means
 * a conversation took place, and the encounter log is the only record of one, so it needs `active`;
 * `referred` needs the requester to have been reached; `unreachable` means they never were reached
 * (or were lost before a conversation) after `minContactAttemptsForUnreachable` attempts.
 * `withdrawn` and `declined` come only from their own events.
 */
export const CLOSE_OUTCOMES: { readonly [S in CaseState]?: readonly CaseOutcome[] } = {
  assigned: ['unreachable'],
  contacted: ['referred', 'unreachable'],
  active: ['supported', 'referred'],
};

// ---------------------------------------------------------------------------------------------
// Functions over the table
// ---------------------------------------------------------------------------------------------

/**
 * Apply `event`, fired by `actor` at `now`, to `snapshot`. Checks, in order: a consistent snapshot,
 * a known event, a cell for (state, event), the actor, then the event's own rules. On success the
 * result is the complete next snapshot (persist every field) plus its effects. `now` must be a valid
 * Date (the service's clock); an invalid one is a programming error and throws.
 */
export function transition(
  snapshot: CaseSnapshot,
  event: CaseEvent,
  actor: CaseActorKind,
  now: Date,
  policy: CasePolicy = DEFAULT_CASE_POLICY,
): TransitionResult {
  if (snapshotProblem(snapshot)) return reject('invalid_snapshot');
  if (!(CASE_EVENTS as readonly string[]).includes(event.type)) return reject('invalid_event');
  const cell = CASE_TRANSITIONS[snapshot.state][event.type];
  if (!cell) return reject('not_allowed_in_state');
  if (!cell.actors.includes(actor)) return reject('not_allowed_for_actor');
  const refused = situationRefusal(snapshot, event.type, now, policy) ?? payloadRefusal(snapshot, event, now, policy);
  if (refused) return reject(refused);
  const next = nextSnapshot(snapshot, event, cell.to, now);
  const effects = effectsOf(snapshot, event).filter((e) => !isSelfNotification(e, snapshot, actor));
  return { ok: true, ...next, effects };
}

/**
 * Events `actor` could fire now with a suitable payload; the UI renders one button per entry. For
 * `closed`, `allowedCloseOutcomes` says which outcomes to offer.
 */
export function allowedEvents(
  snapshot: CaseSnapshot,
  actor: CaseActorKind,
  now: Date,
  policy: CasePolicy = DEFAULT_CASE_POLICY,
): CaseEventType[] {
  if (snapshotProblem(snapshot)) return [];
  const row = CASE_TRANSITIONS[snapshot.state];
  return CASE_EVENTS.filter((type) => {
    if (!row[type]?.actors.includes(actor)) return false;
    if (type === 'closed') return allowedCloseOutcomes(snapshot, actor, policy).length > 0;
    return situationRefusal(snapshot, type, now, policy) === null;
  });
}

/** The outcomes `actor` may close with now (empty when closing is not possible at all). */
export function allowedCloseOutcomes(
  snapshot: CaseSnapshot,
  actor: CaseActorKind,
  policy: CasePolicy = DEFAULT_CASE_POLICY,
): CaseOutcome[] {
  if (snapshotProblem(snapshot)) return [];
  if (!CASE_TRANSITIONS[snapshot.state].closed?.actors.includes(actor)) return [];
  return (CLOSE_OUTCOMES[snapshot.state] ?? []).filter(
    (outcome) => outcome !== 'unreachable' || snapshot.contactAttempts >= policy.minContactAttemptsForUnreachable,
  );
}

/**
 * The actor kinds a signed-in person holds for this case. A person may hold several (an
 * administrator who is also the assigned supporter); the service uses the one the action belongs to.
 */
export function actorKindsFor(
  snapshot: CaseSnapshot,
  who: { supporterId?: string | null; isRequester?: boolean; isAdministrator?: boolean },
): CaseActorKind[] {
  const kinds: CaseActorKind[] = [];
  if (who.isRequester) kinds.push('requester');
  if (who.supporterId && isOpen(snapshot.state)) {
    if (who.supporterId === snapshot.assignedSupporterId) kinds.push('assigned_supporter');
    if (who.supporterId === snapshot.offeredSupporterId) kinds.push('offered_supporter');
  }
  if (who.isAdministrator) kinds.push('administrator');
  return kinds;
}

/** Why the snapshot is inconsistent, or null. Exported for tests and for the service's own checks. */
export function snapshotProblem(s: CaseSnapshot): string | null {
  if (!(CASE_STATES as readonly string[]).includes(s.state)) return 'unknown state';
  if (s.outcome !== null && !(CASE_OUTCOMES as readonly string[]).includes(s.outcome)) return 'unknown outcome';
  if (!Number.isInteger(s.contactAttempts) || s.contactAttempts < 0) return 'contactAttempts must be a whole number ≥ 0';
  if (isOpen(s.state)) {
    if (s.outcome !== null || s.closedAt !== null) return 'an open case has no outcome and no closedAt';
  } else {
    if (s.closedAt === null || Number.isNaN(Date.parse(s.closedAt))) return 'a finished case needs a valid closedAt';
    const ownOutcome = s.state === 'closed' ? null : s.state;
    if (ownOutcome !== null && s.outcome !== ownOutcome) return `${s.state} has outcome ${s.state}`;
    if (ownOutcome === null && (s.outcome === null || s.outcome === 'withdrawn' || s.outcome === 'declined')) {
      return 'closed needs an outcome other than withdrawn or declined';
    }
  }
  if ((s.state === 'offered') !== (s.offeredSupporterId !== null)) return 'only an offered case has an offered supporter';
  if ((HELD_STATES as readonly CaseState[]).includes(s.state) && !s.assignedSupporterId) return 'an assigned case needs its supporter';
  if ((s.state === 'new' || s.state === 'offered') && s.assignedSupporterId !== null) return 'a new or offered case has no supporter yet';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------

const DAY_MS = 24 * 60 * 60 * 1000;

function reject(reason: TransitionRejection): { ok: false; reason: TransitionRejection } {
  return { ok: false, reason };
}

/** Rules that depend on the case and the clock, not on the event's payload. */
function situationRefusal(s: CaseSnapshot, type: CaseEventType, now: Date, policy: CasePolicy): TransitionRejection | null {
  if (type === 'reopened_by_requester') {
    const closedAt = Date.parse(s.closedAt ?? '');
    if (now.getTime() - closedAt > policy.reopenWindowDays * DAY_MS) return 'reopen_window_passed';
  }
  return null;
}

function payloadRefusal(s: CaseSnapshot, event: CaseEvent, now: Date, policy: CasePolicy): TransitionRejection | null {
  switch (event.type) {
    case 'offer_made':
      return isId(event.supporterId) ? null : 'invalid_event';
    case 'offer_expired':
      if (!isId(event.supporterId)) return 'invalid_event';
      return event.supporterId === s.offeredSupporterId ? null : 'stale_offer';
    case 'assigned_manually':
      if (!isId(event.supporterId)) return 'invalid_event';
      return event.supporterId === s.assignedSupporterId ? 'already_assigned' : null;
    case 'offer_declined':
    case 'released_by_supporter':
      return (OFFER_DECLINE_REASONS as readonly string[]).includes(event.reason) ? null : 'invalid_event';
    case 'follow_up_scheduled': {
      const due = Date.parse(event.dueAt);
      if (Number.isNaN(due)) return 'invalid_event';
      return due > now.getTime() ? null : 'follow_up_not_in_future';
    }
    case 'closed':
      if (!(CASE_OUTCOMES as readonly string[]).includes(event.outcome)) return 'invalid_event';
      if (event.outcome === 'withdrawn' || event.outcome === 'declined') return 'outcome_has_own_event';
      if (!(CLOSE_OUTCOMES[s.state] ?? []).includes(event.outcome)) return 'outcome_not_allowed_in_state';
      if (event.outcome === 'unreachable' && s.contactAttempts < policy.minContactAttemptsForUnreachable) {
        return 'too_few_contact_attempts';
      }
      return null;
    default:
      return null;
  }
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The case fields after the event; only the state changes unless the event says otherwise. */
function nextSnapshot(s: CaseSnapshot, event: CaseEvent, to: CaseState, now: Date): CaseSnapshot {
  const base: CaseSnapshot = { ...s, state: to };
  switch (event.type) {
    case 'offer_made':
      return { ...base, offeredSupporterId: event.supporterId };
    case 'offer_accepted':
      return { ...base, assignedSupporterId: s.offeredSupporterId, offeredSupporterId: null, contactAttempts: 0 };
    case 'offer_declined':
    case 'offer_expired':
      return { ...base, offeredSupporterId: null };
    case 'assigned_manually':
      return { ...base, assignedSupporterId: event.supporterId, offeredSupporterId: null, contactAttempts: 0 };
    case 'released_by_supporter':
      return { ...base, assignedSupporterId: null, contactAttempts: 0 };
    case 'contact_attempted':
      return { ...base, contactAttempts: s.contactAttempts + 1 };
    // Reaching the requester, or talking with them, resets the count of failed attempts.
    case 'contact_made':
    case 'encounter_logged':
      return { ...base, contactAttempts: 0 };
    case 'closed':
      return { ...base, outcome: event.outcome, closedAt: now.toISOString() };
    // A pending offer lapses with the case; the assigned supporter stays on record for the statistics.
    case 'withdrawn_by_requester':
      return { ...base, outcome: 'withdrawn', closedAt: now.toISOString(), offeredSupporterId: null };
    case 'declined_by_requester':
      return { ...base, outcome: 'declined', closedAt: now.toISOString(), offeredSupporterId: null };
    case 'reopened_by_requester':
      return { state: to, outcome: null, closedAt: null, assignedSupporterId: null, offeredSupporterId: null, contactAttempts: 0 };
    default:
      return base;
  }
}

/** The supporter currently holding the case or its offer, if any. */
function currentSupporter(s: CaseSnapshot): string | null {
  return s.assignedSupporterId ?? s.offeredSupporterId;
}

function notifySupporter(supporterId: string | null): CaseEffect[] {
  return supporterId ? [{ kind: 'notify', who: 'supporter', supporterId }] : [];
}

function effectsOf(s: CaseSnapshot, event: CaseEvent): CaseEffect[] {
  switch (event.type) {
    case 'offer_made':
      return [
        { kind: 'notify', who: 'supporter', supporterId: event.supporterId },
        { kind: 'schedule_offer_expiry', supporterId: event.supporterId },
      ];
    case 'offer_accepted':
      return [{ kind: 'notify', who: 'requester' }];
    case 'offer_declined':
    case 'offer_expired':
      return [{ kind: 'start_offer_cascade', preferSupporterId: null }];
    case 'assigned_manually': {
      const previous = currentSupporter(s);
      return [
        { kind: 'notify', who: 'supporter', supporterId: event.supporterId },
        ...notifySupporter(previous === event.supporterId ? null : previous),
        { kind: 'notify', who: 'requester' },
      ];
    }
    // A supporter handing a case back may signal a problem the administrator should see.
    case 'released_by_supporter':
      return [
        { kind: 'start_offer_cascade', preferSupporterId: null },
        { kind: 'notify', who: 'administrator' },
      ];
    case 'follow_up_scheduled':
      return [{ kind: 'schedule_follow_up_reminder', dueAt: new Date(Date.parse(event.dueAt)).toISOString() }];
    case 'risk_escalated':
      return [{ kind: 'alert_crisis_team' }];
    case 'closed': {
      // Feedback is asked only of people who had support; someone never reached gets the resources.
      const toRequester: CaseEffect[] =
        event.outcome === 'supported' || event.outcome === 'referred'
          ? [{ kind: 'send_feedback_link' }]
          : [{ kind: 'send_resource_sheet' }];
      return [...toRequester, ...notifySupporter(s.assignedSupporterId)];
    }
    case 'withdrawn_by_requester':
      return notifySupporter(currentSupporter(s));
    // "No thanks" means no further contact, but they still get the resource sheet
    // (docs/product.md).
    case 'declined_by_requester':
      return [{ kind: 'send_resource_sheet' }, ...notifySupporter(currentSupporter(s))];
    // Someone coming back usually wants the same peer: the matcher prefers them when they still fit.
    case 'reopened_by_requester':
      return [
        { kind: 'start_offer_cascade', preferSupporterId: s.assignedSupporterId },
        { kind: 'notify', who: 'administrator' },
      ];
    default:
      return [];
  }
}

/** Nobody is notified of what they just did themselves. */
function isSelfNotification(effect: CaseEffect, s: CaseSnapshot, actor: CaseActorKind): boolean {
  if (effect.kind !== 'notify') return false;
  switch (effect.who) {
    case 'requester':
      return actor === 'requester';
    case 'administrator':
      return actor === 'administrator';
    case 'supporter':
      return (
        (actor === 'assigned_supporter' && effect.supporterId === s.assignedSupporterId) ||
        (actor === 'offered_supporter' && effect.supporterId === s.offeredSupporterId)
      );
  }
}
