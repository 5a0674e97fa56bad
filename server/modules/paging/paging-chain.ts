import { z } from 'zod';
import { DEFAULT_ACK_MINUTES, DEFAULT_PAGING_STEPS, PagingStepSchema, type PagingStep } from '../../../shared/schemas/paging.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { newId } from '../../db/values.ts';
import { defineJob } from '../../jobs/define.ts';
import type { AppContext } from '../../lib/context.ts';
import { appendCaseAudit, findCase, type Case } from '../cases/index.ts';
import { whoIsOnCall } from '../on-call/index.ts';
import { awaitsFirstContact } from '../service-levels/index.ts';
import { emailPageSender, webhookPageSender } from './page-sender.ts';
import * as repo from './paging.repository.ts';

/** Where a page sends people: their offers (the matcher offers the case as usual), never which case. */
export const PAGE_LINK = '/app/offers';

export interface PagingConfig {
  ackMinutes: number;
  steps: PagingStep[];
  webhookUrl: string | null;
}

export async function loadPagingConfig(db: DbOrTrx, organizationId: string): Promise<PagingConfig> {
  const row = await repo.findSettings(db, organizationId);
  if (!row) return { ackMinutes: DEFAULT_ACK_MINUTES, steps: [...DEFAULT_PAGING_STEPS], webhookUrl: null };
  return { ackMinutes: row.ack_minutes, steps: z.array(PagingStepSchema).parse(JSON.parse(row.steps)), webhookUrl: row.webhook_url };
}

const Chain = z.object({
  organizationId: z.uuid(),
  caseId: z.uuid(),
  caseCount: z.number().int().min(1),
  step: z.number().int().min(0),
  /** Never paged about this chain: the people it is about (an on-call supporter may be one of them). */
  exclude: z.array(z.uuid()).max(1000),
});
type Chain = z.infer<typeof Chain>;

export const pageTimeoutKey = (caseId: string, step: number) => `page-timeout:${caseId}:${step}`;

/** Who a step pages, now: nobody (no one on call, no backup) moves the chain straight on. */
type OnCallAnswer = Awaited<ReturnType<typeof whoIsOnCall>>;
async function targetsOf(db: DbOrTrx, organizationId: string, step: PagingStep, onCall: () => Promise<OnCallAnswer>, exclude: string[]) {
  if (step === 'program_admin' || step === 'program_director')
    return (await repo.activeWithRole(db, organizationId, step)).filter((p) => !exclude.includes(p.id));
  const answer = await onCall();
  const id = step === 'on_call' ? answer.personId : answer.next.find((n) => !exclude.includes(n.personId))?.personId;
  const person = id && !exclude.includes(id) ? await repo.activePerson(db, organizationId, id) : undefined;
  return person ? [person] : [];
}

/**
 * Pages the chain's step `chain.step`, or the first later step that has anyone to page, and
 * schedules the ack timeout for that step. Returns false when the chain has run out of steps.
 */
async function pageFrom(ctx: AppContext, trx: Trx, chain: Chain): Promise<boolean> {
  const config = await loadPagingConfig(trx, chain.organizationId);
  const now = ctx.clock.now();
  const at = now.toISOString();
  // The rota is read once however many steps ask who is on call (the on-call step and the backup).
  let onCallAnswer: Promise<OnCallAnswer> | undefined;
  const onCall = () => (onCallAnswer ??= whoIsOnCall(trx, chain.organizationId, now));
  for (let step = chain.step; step < config.steps.length; step++) {
    const role = config.steps[step]!;
    const targets = await targetsOf(trx, chain.organizationId, role, onCall, chain.exclude);
    if (targets.length === 0) continue;
    for (const person of targets) {
      const id = newId();
      const channels = ['in_app', 'email', ...(config.webhookUrl ? ['webhook'] : [])];
      const inserted = await repo.insertPage(trx, {
        id,
        organization_id: chain.organizationId,
        case_id: chain.caseId,
        case_count: chain.caseCount,
        step,
        target_role: role,
        person_id: person.id,
        channels: JSON.stringify(channels),
        sent_at: at,
        status: 'open',
        acknowledged_at: null,
        acknowledged_by: null,
      });
      if (!inserted) continue;
      await emailPageSender(ctx, trx, chain.organizationId).send({ to: person.work_email, channel: 'email', link: PAGE_LINK });
      if (config.webhookUrl)
        await webhookPageSender(ctx, trx, chain.organizationId, id).send({ to: config.webhookUrl, channel: 'webhook', link: PAGE_LINK });
    }
    await appendCaseAudit(trx, {
      organizationId: chain.organizationId,
      caseId: chain.caseId,
      actorPersonId: null,
      action: 'case.paged',
      at,
    });
    const next = { ...chain, step };
    await pageTimeoutJob.enqueue(trx, next, {
      runAt: new Date(now.getTime() + config.ackMinutes * 60_000),
      dedupeKey: pageTimeoutKey(chain.caseId, step),
      now,
    });
    return true;
  }
  return false;
}

/** The case still needs someone to look now: open and nobody has reached the person in this round yet. */
async function stillUrgent(db: DbOrTrx, row: Case | undefined): Promise<boolean> {
  return Boolean(row && (await awaitsFirstContact(db, row)));
}

/**
 * Starts the urgent path for a case opened as urgent (urgency `today`), in the transaction that opens
 * it, or that makes an open case urgent (an urgent event notice about its person). `caseCount` > 1: one chain for an urgent event notice naming several people (see outreach);
 * `about`: everyone the chain is about, never paged by it (the case's requester always is).
 */
export async function startUrgentPaging(ctx: AppContext, trx: Trx, row: Case, caseCount = 1, about: string[] = []): Promise<void> {
  if (row.urgency !== 'today') return;
  const exclude = [...new Set([...(row.requester_person_id ? [row.requester_person_id] : []), ...about])];
  await pageFrom(ctx, trx, { organizationId: row.organization_id, caseId: row.id, caseCount, step: 0, exclude });
}

/**
 * The ack window of one step ran out. Acknowledged, or the case no longer waits: the chain stops.
 * Otherwise the next step is paged and recorded. The dedupe key per (case, step) and the unique page
 * index make each step happen once, however many instances run jobs.
 */
export const pageTimeoutJob = defineJob({
  kind: 'page-timeout',
  payload: Chain,
  transactional: true,
  async handle(ctx, payload, trx) {
    if (!trx) throw new Error('page-timeout runs in a transaction');
    if (await repo.wasAcknowledged(trx, payload.caseId)) return;
    const row = await findCase(trx, payload.organizationId, payload.caseId);
    if (!(await stillUrgent(trx, row))) {
      await repo.endChain(trx, payload.caseId, 'closed', ctx.clock.now().toISOString(), null);
      return;
    }
    // Past the last step the chain ends; the open pages stay open until someone acknowledges.
    if (await pageFrom(ctx, trx, { ...payload, step: payload.step + 1 })) {
      await appendCaseAudit(trx, {
        organizationId: payload.organizationId,
        caseId: payload.caseId,
        actorPersonId: null,
        action: 'case.page_escalated',
        at: ctx.clock.now().toISOString(),
      });
    }
  },
});
