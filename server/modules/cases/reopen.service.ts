import type { z } from 'zod';
import type { AnonymousStatusSchema, MyRequestSchema } from '../../../shared/schemas/case.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { anonymousStatus, toMyRequest } from './case-views.service.ts';
import type { Case } from './case.ts';
import * as repo from './cases.repository.ts';
import { findAnonymousCase } from './anonymous-access.ts';
import { fireCaseEvent } from './case-events.ts';

/**
 * "I'd like to talk again": a requester comes back to a closed, withdrawn or declined request within
 * the reopen window. The case goes back to `new` with the same code and preferences, matching starts
 * again (the previous supporter first, for continuity) and the administrators are told. The new
 * round has its own first-contact clock, counted from the reopen. Outside the window, or from an
 * open state, the table refuses it and the answer is 409.
 */
async function reopen(ctx: AppContext, row: Case, actorPersonId: string | null, origin: RequestOrigin): Promise<Case> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    return fireCaseEvent(
      ctx,
      trx,
      row,
      { type: 'reopened_by_requester' },
      { kind: 'requester', personId: actorPersonId, audit: 'case.reopened', ip: origin.ip },
      { reopened_at: now.toISOString() },
    );
  });
}

export async function reopenMyRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  origin: RequestOrigin,
): Promise<z.infer<typeof MyRequestSchema>> {
  const row = await repo.findCase(ctx.db, actor.organizationId, id);
  if (!row || row.requester_person_id !== actor.personId) throw notFound();
  return toMyRequest(ctx, await reopen(ctx, row, actor.personId, origin));
}

export async function anonymousReopen(
  ctx: AppContext,
  code: string,
  secret: string,
  origin: RequestOrigin,
): Promise<z.infer<typeof AnonymousStatusSchema>> {
  await reopen(ctx, await findAnonymousCase(ctx, code, secret), null, origin);
  return anonymousStatus(ctx, code, secret);
}
