import {
  DEFAULT_CASE_POLICY,
  transition,
  type CaseActorKind,
  type CaseEffect,
  type CaseEvent,
  type CasePolicy,
  type CaseSnapshot,
} from '../../../shared/case-workflow.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import type { Case } from './case.ts';
import { updateCaseIfState } from './cases.repository.ts';
import { findOrganization } from '../organization/index.ts';

export function snapshotOf(row: Case): CaseSnapshot {
  return {
    state: row.state,
    outcome: row.outcome,
    closedAt: row.closed_at,
    assignedSupporterId: row.assigned_supporter_id,
    offeredSupporterId: row.offered_supporter_id,
    contactAttempts: row.contact_attempts,
  };
}

/**
 * The case workflow's policy for this organisation: the reopen window never outlasts the retention
 * period, since after erasure nobody is left to reopen the case for (shared/case-workflow.ts).
 */
export async function casePolicyFor(db: DbOrTrx, organizationId: string): Promise<CasePolicy> {
  const days = (await findOrganization(db, organizationId))?.retention_days ?? DEFAULT_CASE_POLICY.reopenWindowDays;
  return { ...DEFAULT_CASE_POLICY, reopenWindowDays: Math.min(DEFAULT_CASE_POLICY.reopenWindowDays, days) };
}

/**
 * Applies one lifecycle event to a case inside the caller's transaction (callers use fireCaseEvent in
 * case-events.ts, which adds the audit row and the effects): the pure table decides, this persists
 * the whole next snapshot with a compare-and-set on the state it was read in. A
 * refusal is a 409 (the case moved on, or the event does not apply); losing a race is a 409 too.
 */
export async function applyCaseEvent(
  trx: Trx,
  row: Case,
  event: CaseEvent,
  actor: CaseActorKind,
  now: Date,
  extra: Partial<Case> = {},
): Promise<{ row: Case; effects: CaseEffect[] }> {
  // An erased case has no one left to act for (docs/product.md, C4): nothing moves it any more.
  if (row.erased_at) throw new AppError('conflict', 'This request has changed in the meantime; reload to see where it stands');
  // The reopen window never outlasts the program's retention period.
  const policy = event.type === 'reopened_by_requester' ? await casePolicyFor(trx, row.organization_id) : undefined;
  const result = transition(snapshotOf(row), event, actor, now, policy);
  if (!result.ok) throw new AppError('conflict', 'This request has changed in the meantime; reload to see where it stands');
  const set: Partial<Case> = {
    state: result.state,
    outcome: result.outcome,
    closed_at: result.closedAt,
    assigned_supporter_id: result.assignedSupporterId,
    offered_supporter_id: result.offeredSupporterId,
    contact_attempts: result.contactAttempts,
    updated_at: now.toISOString(),
    ...extra,
  };
  const won = await updateCaseIfState(trx, row.id, row.state, set);
  if (!won) throw new AppError('conflict', 'This request has changed in the meantime; reload to see where it stands');
  return { row: { ...row, ...set }, effects: result.effects };
}
