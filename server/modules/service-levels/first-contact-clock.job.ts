import { z } from 'zod';
import { isOpen } from '../../../shared/case-workflow.ts';
import type { CaseState } from '../../../shared/schemas/case-vocabulary.ts';
import type { Trx } from '../../db/database.ts';
import { queueEmail } from '../../email/outbox.ts';
import { defineJob } from '../../jobs/define.ts';
import type { AppContext } from '../../lib/context.ts';
import { appendCaseAudit, findCase, type CaseRow } from '../cases/cases.repository.ts';
import { activeEmailsWithRoles } from '../people/people.repository.ts';

const Payload = z.object({ organizationId: z.uuid(), caseId: z.uuid() });
type Payload = z.infer<typeof Payload>;

export const breachDedupeKey = (caseId: string) => `first-contact-breach:${caseId}`;
export const escalationDedupeKey = (caseId: string) => `first-contact-escalation:${caseId}`;

/** The case, if its clock still runs: open and nobody has reached the person yet. */
async function stillWaiting(trx: Trx, payload: Payload): Promise<CaseRow | undefined> {
  const row = await findCase(trx, payload.organizationId, payload.caseId);
  return row && row.first_contact_at === null && isOpen(row.state as CaseState) ? row : undefined;
}

/** Content-free: "something needs your attention" and a link to the board, never which case. */
async function alert(ctx: AppContext, trx: Trx, organizationId: string, to: string[]) {
  for (const address of to) await queueEmail(trx, { organizationId, to: address, template: 'attention_needed', link: '/app/board', now: ctx.clock.now() });
}

/**
 * Escalation, second step: still no first contact a further share of the target after the breach →
 * the director(s) hear too. The dedupe key makes it one per case however many instances run.
 */
export const firstContactEscalationJob = defineJob({
  kind: 'first-contact-escalation',
  payload: Payload,
  transactional: true,
  async handle(ctx, payload, trx) {
    if (!trx) throw new Error('first-contact-escalation runs in a transaction');
    const row = await stillWaiting(trx, payload);
    if (!row) return;
    await alert(ctx, trx, payload.organizationId, await activeEmailsWithRoles(trx, payload.organizationId, ['program_director']));
    await appendCaseAudit(trx, { organizationId: payload.organizationId, caseId: row.id, actorPersonId: null, action: 'case.sla_escalated', at: ctx.clock.now().toISOString() });
  },
});

/**
 * Escalation, first step, at the case's first-contact due time: nobody has reached the person → every
 * active program administrator is told, the breach is audited, and the director's step is scheduled.
 * Nothing happens when first contact was made in time or the case has finished.
 */
export const firstContactBreachJob = defineJob({
  kind: 'first-contact-breach',
  payload: Payload,
  transactional: true,
  async handle(ctx, payload, trx) {
    if (!trx) throw new Error('first-contact-breach runs in a transaction');
    const row = await stillWaiting(trx, payload);
    if (!row) return;
    const now = ctx.clock.now();
    await alert(ctx, trx, payload.organizationId, await activeEmailsWithRoles(trx, payload.organizationId, ['program_admin']));
    await appendCaseAudit(trx, { organizationId: payload.organizationId, caseId: row.id, actorPersonId: null, action: 'case.sla_breached', at: now.toISOString() });
    const escalationAt = row.first_contact_escalation_at ? new Date(row.first_contact_escalation_at) : now;
    await firstContactEscalationJob.enqueue(trx, payload, {
      runAt: escalationAt > now ? escalationAt : now,
      dedupeKey: escalationDedupeKey(row.id),
      now,
    });
  },
});
