import type { z } from 'zod';
import { allowedEvents, isOpen, type CasePolicy } from '../../../shared/case-workflow.ts';
import type { MyRequestSchema, OfferSchema } from '../../../shared/schemas/case.ts';
import { parseJsonArray } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { firstNamesOf } from '../people/index.ts';
import type { Case } from './case.ts';
import * as repo from './cases.repository.ts';
import { findAnonymousCase } from './anonymous-access.ts';
import { fireCaseEvent } from './case-events.ts';
import { casePolicyFor, snapshotOf } from './case-transition.ts';

type MyRequest = z.infer<typeof MyRequestSchema>;

/** A finished case's reopen window is cut to the program's retention period; an open case needs no look-up. */
async function reopenPolicy(ctx: AppContext, row: Case): Promise<CasePolicy | undefined> {
  return isOpen(row.state) ? undefined : casePolicyFor(ctx.db, row.organization_id);
}

export async function toMyRequest(ctx: AppContext, row: Case): Promise<MyRequest> {
  const supporterFirstName = row.assigned_supporter_id
    ? (await firstNamesOf(ctx.db, row.organization_id, [row.assigned_supporter_id])).get(row.assigned_supporter_id)
    : undefined;
  const policy = await reopenPolicy(ctx, row);
  return {
    id: row.id,
    origin: row.origin,
    state: row.state,
    outcome: row.outcome,
    reason: row.reason,
    urgency: row.urgency,
    modality: row.modality,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    supporterFirstName: supporterFirstName ?? null,
    canWithdraw: allowedEvents(snapshotOf(row), 'requester', ctx.clock.now(), policy).includes('withdrawn_by_requester'),
    canReopen: allowedEvents(snapshotOf(row), 'requester', ctx.clock.now(), policy).includes('reopened_by_requester'),
  };
}

/** My own requests, including outreach a colleague started for me (never who started it). */
export async function listMyRequests(ctx: AppContext, actor: Actor): Promise<MyRequest[]> {
  const rows = await repo.listCasesOfRequester(ctx.db, actor.organizationId, actor.personId);
  return Promise.all(rows.map((row) => toMyRequest(ctx, row)));
}

export async function getMyRequest(ctx: AppContext, actor: Actor, id: string): Promise<MyRequest> {
  const row = await repo.findCase(ctx.db, actor.organizationId, id);
  if (!row || row.requester_person_id !== actor.personId) throw notFound();
  return toMyRequest(ctx, row);
}

async function withdraw(ctx: AppContext, row: Case, actorPersonId: string | null, origin: RequestOrigin) {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await repo.withdrawPendingOffers(trx, row.id, now.toISOString());
    return fireCaseEvent(
      ctx,
      trx,
      row,
      { type: 'withdrawn_by_requester' },
      { kind: 'requester', personId: actorPersonId, audit: 'case.withdrawn', ip: origin.ip },
    );
  });
}

export async function withdrawMyRequest(ctx: AppContext, actor: Actor, id: string, origin: RequestOrigin): Promise<MyRequest> {
  const row = await repo.findCase(ctx.db, actor.organizationId, id);
  if (!row || row.requester_person_id !== actor.personId) throw notFound();
  return toMyRequest(ctx, await withdraw(ctx, row, actor.personId, origin));
}

export async function anonymousStatus(ctx: AppContext, code: string, secret: string) {
  const row = await findAnonymousCase(ctx, code, secret);
  const allowed = allowedEvents(snapshotOf(row), 'requester', ctx.clock.now(), await reopenPolicy(ctx, row));
  return {
    state: row.state,
    canWithdraw: allowed.includes('withdrawn_by_requester'),
    canReopen: allowed.includes('reopened_by_requester'),
  };
}

export async function anonymousWithdraw(ctx: AppContext, code: string, secret: string, origin: RequestOrigin) {
  const row = await findAnonymousCase(ctx, code, secret);
  await withdraw(ctx, row, null, origin);
  return anonymousStatus(ctx, code, secret);
}

/** Offers waiting for my answer: what the request is about, never who it is from. */
export async function listMyOffers(ctx: AppContext, actor: Actor): Promise<z.infer<typeof OfferSchema>[]> {
  const rows = await repo.listPendingOffersOf(ctx.db, actor.organizationId, actor.personId, ctx.clock.now().toISOString());
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    urgency: r.urgency,
    modality: r.modality,
    language: r.language,
    requesterProfessionCategory: r.requester_profession_category,
    offeredAt: r.offered_at,
    expiresAt: r.expires_at,
    matchReasons: parseJsonArray(r.match_reasons),
  }));
}

/** "No thanks" from the requester: no further contact, the resource sheet by e-mail. */
export async function declineMyRequest(ctx: AppContext, actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, actor.organizationId, id);
    if (!row || row.requester_person_id !== actor.personId) throw notFound();
    await repo.withdrawPendingOffers(trx, row.id, now.toISOString());
    await fireCaseEvent(
      ctx,
      trx,
      row,
      { type: 'declined_by_requester' },
      { kind: 'requester', personId: actor.personId, audit: 'case.declined', ip: origin.ip },
    );
  });
}
