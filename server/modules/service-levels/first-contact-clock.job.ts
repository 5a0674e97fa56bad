import { z } from 'zod';
import type { Trx } from '../../db/database.ts';
import { queueEmail } from '../../email/outbox.ts';
import { defineJob } from '../../jobs/define.ts';
import type { AppContext } from '../../lib/context.ts';
import { appendCaseAudit, findCase, type Case } from '../cases/index.ts';
import { activeEmailsWithRoles } from '../people/index.ts';
import { awaitsFirstContact } from './clocks.ts';

/**
 * `dueAt`: the due time the job was scheduled for. A clock that moves (a reopen, an urgent notice)
 * stores a new due time and schedules new jobs; the old ones see a different due time and do
 * nothing. Jobs scheduled before due times were carried have none (see legacyClockKeys).
 */
const Payload = z.object({ organizationId: z.uuid(), caseId: z.uuid(), dueAt: z.iso.datetime().optional() });
type Payload = z.infer<typeof Payload>;

/**
 * One breach check and one director step per case and due time, however many instances run. Without
 * a due time: the key of a job whose payload carries none (one clock per case, as before clocks moved).
 */
export const breachDedupeKey = (caseId: string, dueAt?: string) => `first-contact-breach:${caseId}${dueAt ? `:${dueAt}` : ''}`;
export const escalationDedupeKey = (caseId: string, dueAt?: string) => `first-contact-escalation:${caseId}${dueAt ? `:${dueAt}` : ''}`;
/** The keys of jobs scheduled without a due time: they cannot tell that their clock moved. */
export const legacyClockKeys = (caseId: string) => [breachDedupeKey(caseId), escalationDedupeKey(caseId)];

/** The case, if this job's clock still runs: it is the case's current clock, and nobody has reached the person in this round. */
async function stillWaiting(trx: Trx, payload: Payload): Promise<Case | undefined> {
  const row = await findCase(trx, payload.organizationId, payload.caseId);
  if (!row || (payload.dueAt !== undefined && payload.dueAt !== row.first_contact_due_at)) return undefined;
  return (await awaitsFirstContact(trx, row)) ? row : undefined;
}

/** Content-free: "something needs your attention" and a link to the board, never which case. */
async function alert(ctx: AppContext, trx: Trx, organizationId: string, to: string[]) {
  for (const address of to)
    await queueEmail(trx, { organizationId, to: address, template: 'attention_needed', link: '/app/board', now: ctx.clock.now() });
}

/**
 * Escalation, second step: still no first contact a further share of the target after the breach →
 * the director(s) hear too. The dedupe key makes it one per clock however many instances run.
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
    await appendCaseAudit(trx, {
      organizationId: payload.organizationId,
      caseId: row.id,
      actorPersonId: null,
      action: 'case.sla_escalated',
      at: ctx.clock.now().toISOString(),
    });
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
    await appendCaseAudit(trx, {
      organizationId: payload.organizationId,
      caseId: row.id,
      actorPersonId: null,
      action: 'case.sla_breached',
      at: now.toISOString(),
    });
    const escalationAt = row.first_contact_escalation_at ? new Date(row.first_contact_escalation_at) : now;
    // The director's step belongs to this clock: a later clock of the case has its own.
    const dueAt = row.first_contact_due_at;
    await firstContactEscalationJob.enqueue(trx, dueAt ? { ...payload, dueAt } : payload, {
      runAt: escalationAt > now ? escalationAt : now,
      dedupeKey: escalationDedupeKey(row.id, dueAt ?? undefined),
      now,
    });
  },
});
