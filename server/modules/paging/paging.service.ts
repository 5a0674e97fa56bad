import { PagingStepSchema, type Page, type PagingSettings } from '../../../shared/schemas/paging.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { appendCaseAudit } from '../cases/index.ts';
import { webhookHostAllowed } from './page-sender.ts';
import { loadPagingConfig } from './paging-chain.ts';
import * as repo from './paging.repository.ts';

function toPage(row: repo.PageRow): Page {
  return {
    id: row.id,
    caseCount: row.case_count,
    step: row.step,
    targetRole: PagingStepSchema.parse(row.target_role),
    sentAt: row.sent_at,
    status: row.status,
  };
}

/** A supporter's own unacknowledged pages (the banner). */
export async function listMyPages(ctx: AppContext, actor: Actor): Promise<{ pages: Page[] }> {
  return { pages: (await repo.openPagesOf(ctx.db, actor.organizationId, actor.personId)).map(toPage) };
}

/** Every unacknowledged page of the program (administrators and directors can answer any). */
export async function listOpenPages(ctx: AppContext, actor: Actor): Promise<{ pages: Page[] }> {
  return { pages: (await repo.openPagesOf(ctx.db, actor.organizationId, null)).map(toPage) };
}

/**
 * Acknowledges a page, which stops its whole chain: every open page for the same case is marked
 * acknowledged by this person. `anyPage`: an administrator or director may answer any page; a
 * supporter only their own (someone else's page answers 404).
 */
export async function acknowledgePage(ctx: AppContext, actor: Actor, pageId: string, anyPage: boolean): Promise<Page> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const page = await repo.findPage(trx, actor.organizationId, pageId);
    if (!page || (!anyPage && page.person_id !== actor.personId)) throw notFound('No such page');
    if (page.status === 'open') {
      await repo.endChain(trx, page.case_id, 'acknowledged', at, actor.personId);
      await appendCaseAudit(trx, {
        organizationId: actor.organizationId,
        caseId: page.case_id,
        actorPersonId: actor.personId,
        action: 'case.page_acknowledged',
        at,
      });
    }
    return toPage((await repo.findPage(trx, actor.organizationId, pageId))!);
  });
}

export async function getPagingSettings(ctx: AppContext, actor: Actor): Promise<PagingSettings> {
  return loadPagingConfig(ctx.db, actor.organizationId);
}

/** Replaces the chain; chains already running keep going step by step under the new settings. */
export async function updatePagingSettings(
  ctx: AppContext,
  actor: Actor,
  input: PagingSettings,
  origin: RequestOrigin,
): Promise<PagingSettings> {
  if (input.webhookUrl && !webhookHostAllowed(ctx.config, input.webhookUrl)) {
    throw invalid('body.webhookUrl', 'This host is not one your IT administrators allow for webhooks (PAGING_WEBHOOK_HOSTS)');
  }
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceSettings(trx, {
      organization_id: actor.organizationId,
      ack_minutes: input.ackMinutes,
      steps: JSON.stringify(input.steps),
      webhook_url: input.webhookUrl,
      updated_at: at,
    });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'settings.paging_updated',
      at,
      ip: origin.ip,
    });
  });
  return getPagingSettings(ctx, actor);
}
