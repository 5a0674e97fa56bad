import { isOpen, type CaseActorKind, type CaseEffect, type CaseEvent } from '../../../shared/case-workflow.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';
import { applyCaseEvent } from './case-transition.ts';
import type { Case } from './case.ts';
import { appendCaseAudit } from './cases.repository.ts';

/**
 * What happens when a case moves, in one place. `fireCaseEvent` applies the pure lifecycle table
 * (shared/case-workflow.ts) with a compare-and-set on the state the case was read in, writes the
 * audit row, then hands each effect the table asks for to the module that owns it. Modules subscribe
 * at start-up, all in one list (server/modules/subscriptions.ts), so the case code never calls
 * casework, conversations or retention: "what happens when a case closes" is the table's `closed`
 * row, this function and that list.
 */

type EffectKind = CaseEffect['kind'];
/** May return the case as it then stands (the offer cascade moves it to `offered`). */
type EffectHandler<K extends EffectKind> = (
  ctx: AppContext,
  trx: Trx,
  row: Case,
  effect: Extract<CaseEffect, { kind: K }>,
) => Promise<Case | void>;

/** A module's part in what follows a case event; all of it runs in the transaction of the change. */
export interface CaseSubscriber {
  /** Runs after every transition, before its effects; may return the case as it then stands. */
  moved?: (ctx: AppContext, trx: Trx, row: Case, event: CaseEvent) => Promise<Case | void>;
  /** Runs for each effect of its kind that the lifecycle table asks for. */
  effects?: { [K in EffectKind]?: EffectHandler<K> };
  /** People matching must not offer the case to (everyone named in an event notice attached to it, say). */
  matchExclusions?: (db: DbOrTrx, caseId: string) => Promise<string[]>;
  /** Runs once the case has become finished (closed, withdrawn or declined). */
  finished?: (ctx: AppContext, trx: Trx, row: Case) => Promise<void>;
}

/** Code, not state: the same for every app instance in this process, so registering twice does nothing. */
const subscribers: CaseSubscriber[] = [];
export function subscribeToCaseEvents(subscriber: CaseSubscriber): void {
  if (!subscribers.includes(subscriber)) subscribers.push(subscriber);
}

/** Who caused the event, as the table and the audit log name them. */
export interface CaseEventCause {
  kind: CaseActorKind;
  /** The person, for the audit row; null for the system (a job, an e-mailed link). */
  personId: string | null;
  /** The audit action, e.g. `case.closed`. */
  audit: string;
  ip?: string | null;
}

/**
 * Applies one lifecycle event inside the caller's transaction and everything that follows from it.
 * Returns the case as it stands afterwards (an offer cascade may have moved it on). A refusal or a
 * lost race is a 409 and the caller's transaction rolls back whole.
 */
export async function fireCaseEvent(
  ctx: AppContext,
  trx: Trx,
  row: Case,
  event: CaseEvent,
  cause: CaseEventCause,
  extra: Partial<Case> = {},
): Promise<Case> {
  if (!subscribers.length) throw new Error('No module subscribes to case events: call subscribeModules() at start-up');
  const now = ctx.clock.now();
  const { row: moved, effects } = await applyCaseEvent(trx, row, event, cause.kind, now, extra);
  await appendCaseAudit(trx, {
    organizationId: row.organization_id,
    caseId: row.id,
    actorPersonId: cause.personId,
    action: cause.audit,
    at: now.toISOString(),
    ip: cause.ip ?? null,
  });
  let current = moved;
  for (const subscriber of subscribers) current = (await subscriber.moved?.(ctx, trx, current, event)) ?? current;
  const after = await carryOut(ctx, trx, current, effects);
  if (isOpen(row.state) && !isOpen(after.state)) {
    for (const subscriber of subscribers) await subscriber.finished?.(ctx, trx, after);
  }
  return after;
}

async function carryOut(ctx: AppContext, trx: Trx, row: Case, effects: CaseEffect[]): Promise<Case> {
  let current = row;
  for (const effect of effects) {
    for (const subscriber of subscribers) {
      const handle = subscriber.effects?.[effect.kind] as EffectHandler<typeof effect.kind> | undefined;
      const next = await handle?.(ctx, trx, current, effect as never);
      if (next) current = next;
    }
  }
  return current;
}

/** Everyone the subscribers say matching must leave out for this case. */
export async function excludedFromMatching(db: DbOrTrx, caseId: string): Promise<string[]> {
  if (!subscribers.length) throw new Error('No module subscribes to case events: call subscribeModules() at start-up');
  const ids = new Set<string>();
  for (const subscriber of subscribers) for (const id of (await subscriber.matchExclusions?.(db, caseId)) ?? []) ids.add(id);
  return [...ids];
}
