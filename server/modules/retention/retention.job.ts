import { z } from 'zod';
import type { Db, Trx } from '../../db/database.ts';
import { defineJob, JobError } from '../../jobs/define.ts';
import type { AppContext } from '../../lib/context.ts';
import { sweepDueDebriefs } from './debrief-erasure.ts';
import { deleteFinishedJobsOfKind } from '../../jobs/jobs.repository.ts';
import { checkpointSqlite } from './retention.repository.ts';
import { eraseOne, sweepDueCases } from './retention.service.ts';

const HOUR_MS = 60 * 60 * 1000;
const SWEEP_KIND = 'retention-sweep';

/** The start of the hour `at` falls in: one sweep per hour, whatever number of instances asks for it. */
function hourSlot(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

const sweepKey = (slot: Date) => `${SWEEP_KIND}:${slot.toISOString().slice(0, 13)}`;

/**
 * Queues the sweep for the hour `at` falls in (due at once) — called by every instance at start-up;
 * the dedupe key makes it one job per hour across instances, and a no-op if this hour's sweep ran.
 */
export async function scheduleRetentionSweep(db: Db | Trx, at: Date): Promise<void> {
  const slot = hourSlot(at);
  await retentionSweepJob.enqueue(db, {}, { runAt: at, dedupeKey: sweepKey(slot), now: at, maxAttempts: 5 });
}

/**
 * The recurring erasure sweep, every hour. It first queues the next hour's sweep (committed on its
 * own, so a failing sweep neither breaks the chain nor loses it), then erases case by case and then
 * the group debriefs' invite lists (debrief-erasure.ts), each in a transaction of its own: one bad
 * case does not hold the others back. Not transactional, so no transaction stays open over the whole
 * sweep and SQLite's log can be truncated afterwards.
 */
export const retentionSweepJob = defineJob({
  kind: SWEEP_KIND,
  payload: z.object({}),
  transactional: false,
  async handle(ctx: AppContext) {
    const now = ctx.clock.now();
    const next = new Date(hourSlot(now).getTime() + HOUR_MS);
    await retentionSweepJob.enqueue(ctx.db, {}, { runAt: next, dedupeKey: sweepKey(next), now, maxAttempts: 5 });
    await sweepDueCases(ctx);
    if ((await sweepDueDebriefs(ctx)) > 0 && ctx.engine === 'sqlite') await checkpointSqlite(ctx.db);
    await deleteFinishedJobsOfKind(ctx.db, SWEEP_KIND, new Date(now.getTime() - 7 * 24 * HOUR_MS).toISOString());
  },
});

/**
 * Erasure at closure, for a program whose retention period is 0 days: queued in the transaction that
 * finishes the case (server/modules/cases/case-transition.ts). While the closing messages to the
 * requester are still queued it tries again shortly (they go out first, for at most an hour).
 */
export const caseErasureJob = defineJob({
  kind: 'case-erasure',
  payload: z.object({ caseId: z.uuid() }),
  transactional: false,
  maxAttempts: 12,
  backoffMs: (attempt) => Math.min(15_000 * 2 ** Math.max(0, attempt - 1), 10 * 60_000),
  async handle(ctx: AppContext, { caseId }) {
    if ((await eraseOne(ctx, caseId)) === 'waiting_for_mail') throw new JobError('closing_mail_queued');
  },
});

/** In the transaction that finishes a case: erase it at once when the program keeps nothing. */
export async function scheduleErasureAtClosure(trx: Trx, caseId: string, closedAt: string, now: Date): Promise<void> {
  await caseErasureJob.enqueue(trx, { caseId }, { runAt: now, dedupeKey: `case-erasure:${caseId}:${closedAt}`, now });
}
