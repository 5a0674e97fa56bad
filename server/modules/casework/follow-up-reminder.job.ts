import { z } from 'zod';
import { isOpen } from '../../../shared/case-workflow.ts';
import { defineJob } from '../../jobs/define.ts';
import { queueEmail } from '../../email/outbox.ts';
import { findCase } from '../cases/index.ts';
import { workEmailOf } from './casework.repository.ts';

/**
 * Reminds the supporter of a planned follow-up on its day (dedupe key `follow-up:<case>:<date>`).
 * Nothing is sent when the case has closed or moved to someone else meanwhile.
 */
export const followUpReminderJob = defineJob({
  kind: 'follow-up-reminder',
  payload: z.object({ organizationId: z.uuid(), caseId: z.uuid(), supporterId: z.uuid() }),
  transactional: true,
  async handle(ctx, payload, trx) {
    if (!trx) throw new Error('follow-up-reminder runs in a transaction');
    const row = await findCase(trx, payload.organizationId, payload.caseId);
    if (!row || !isOpen(row.state) || row.assigned_supporter_id !== payload.supporterId) return;
    const to = await workEmailOf(trx, payload.organizationId, payload.supporterId);
    if (to)
      await queueEmail(trx, {
        organizationId: payload.organizationId,
        to,
        template: 'reminder',
        link: '/app/cases',
        now: ctx.clock.now(),
        caseId: row.id,
      });
  },
});
