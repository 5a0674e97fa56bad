import type { CaseSubscriber } from '../cases/index.ts';
import { scheduleErasureAtClosure } from './retention.job.ts';
import { retentionDaysOf } from './retention.repository.ts';

/** A program that keeps nothing after closure: erasure is queued in the transaction that finishes the case. */
export const retentionSubscriber: CaseSubscriber = {
  finished: async (ctx, trx, row) => {
    if (row.closed_at && (await retentionDaysOf(trx, row.organization_id)) === 0) {
      await scheduleErasureAtClosure(trx, row.id, row.closed_at, ctx.clock.now());
    }
  },
};
