import { isOpen } from '../../../shared/case-workflow.ts';
import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';
import { appendCaseAudit } from '../cases/index.ts';
import { requesterAddresses } from '../cases/index.ts';
import * as repo from './retention.repository.ts';

/**
 * Erasure after the retention period (docs/product.md, C4; docs/decisions/007). A finished case
 * keeps what the statistics need (origin, reason, urgency, modality, outcome, the supporter, the
 * timestamps, the encounter log's codes); everything that says who asked or how to reach them goes.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The messages a closure sends the requester (feedback link, resource sheet) go out before their
 * address is erased; if they are still queued after this long, erasure goes ahead without them.
 */
export const CLOSING_MAIL_GRACE_MS = 60 * 60 * 1000;
/** Jobs the eraser leaves alone: its own, which name the case too. */
export const ERASURE_JOB_KINDS = ['case-erasure', 'retention-sweep'] as const;

export type ErasureResult = 'erased' | 'not_due' | 'waiting_for_mail';

/** When a finished case's identifying data is due to go. */
export function erasureDueAt(closedAt: string, retentionDays: number): Date {
  return new Date(Date.parse(closedAt) + retentionDays * DAY_MS);
}

/** The latest end a record may have had to be due now: what a sweep lists. */
export function endedByForErasure(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}

/**
 * Erases one case if it is finished, not erased and past its retention period, in the caller's
 * transaction. Idempotent: a second call (another instance, a retried job) finds nothing to do.
 */
export async function eraseCaseIfDue(ctx: AppContext, trx: Trx, caseId: string): Promise<ErasureResult> {
  const now = ctx.clock.now();
  const row = await repo.findCaseById(trx, caseId);
  if (!row || row.erased_at || !row.closed_at || isOpen(row.state)) return 'not_due';
  const days = await repo.retentionDaysOf(trx, row.organization_id);
  if (erasureDueAt(row.closed_at, days).getTime() > now.getTime()) return 'not_due';

  // Mail of another live case of the same person (created after it began) is not this case's: that
  // matters only for old messages without a case id.
  const otherSince = row.requester_person_id
    ? await repo.otherLiveCaseSince(trx, row.organization_id, row.requester_person_id, row.id)
    : undefined;
  const mail: repo.CaseMail = {
    organizationId: row.organization_id,
    caseId: row.id,
    legacyAddresses: await requesterAddresses(trx, row),
    legacyCreatedBy: otherSince && otherSince < now.toISOString() ? otherSince : now.toISOString(),
  };
  const inGrace = now.getTime() - Date.parse(row.closed_at) < CLOSING_MAIL_GRACE_MS;
  if (inGrace && (await repo.countQueuedCaseMail(trx, mail)) > 0) return 'waiting_for_mail';

  const at = now.toISOString();
  if (!(await repo.eraseCaseColumns(trx, row, at))) return 'not_due';
  const recordIds = await repo.deleteContactRows(trx, row.id);
  if (row.requester_person_id) {
    await repo.deleteNoticeLinksOf(trx, row.id, row.requester_person_id);
    await repo.unlinkRequesterFromCaseAudit(trx, row.id, row.requester_person_id);
  }
  const outboxIds = await repo.deleteCaseMail(trx, mail);
  await repo.deleteJobsNaming(trx, [row.id, ...recordIds, ...outboxIds], ERASURE_JOB_KINDS);
  // No actor, no detail: only that it happened and when.
  await appendCaseAudit(trx, {
    organizationId: row.organization_id,
    caseId: row.id,
    actorPersonId: null,
    action: 'case.erased',
    at,
    ip: null,
  });
  return 'erased';
}

/** One case in a transaction of its own; SQLite then truncates its write-ahead log (the old versions). */
export async function eraseOne(ctx: AppContext, caseId: string): Promise<ErasureResult> {
  const result = await ctx.db.transaction().execute((trx) => eraseCaseIfDue(ctx, trx, caseId));
  if (result === 'erased' && ctx.engine === 'sqlite') await repo.checkpointSqlite(ctx.db);
  return result;
}

export interface SweepSummary {
  erased: number;
  waiting: number;
}

const SWEEP_BATCH = 200;

/** Every organisation's cases past their retention period, each in its own transaction. */
export async function sweepDueCases(ctx: AppContext): Promise<SweepSummary> {
  const summary: SweepSummary = { erased: 0, waiting: 0 };
  const now = ctx.clock.now();
  for (const org of await repo.listOrganizationRetention(ctx.db)) {
    const closedBy = endedByForErasure(now, org.retention_days);
    const skipped = new Set<string>();
    for (;;) {
      const ids = (await repo.listCasesDueForErasure(ctx.db, org.id, closedBy, SWEEP_BATCH + skipped.size)).filter(
        (id) => !skipped.has(id),
      );
      if (ids.length === 0) break;
      for (const id of ids) {
        const result = await ctx.db.transaction().execute((trx) => eraseCaseIfDue(ctx, trx, id));
        if (result === 'erased') summary.erased += 1;
        else {
          skipped.add(id);
          if (result === 'waiting_for_mail') summary.waiting += 1;
        }
      }
    }
  }
  if (summary.erased > 0 && ctx.engine === 'sqlite') await repo.checkpointSqlite(ctx.db);
  return summary;
}
