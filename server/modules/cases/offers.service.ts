import type { OfferDeclineReason } from '../../../shared/schemas/case-vocabulary.ts';
import type { Trx } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { fireCaseEvent } from './case-events.ts';
import * as repo from './cases.repository.ts';

/** A supporter's answer to an offer; the cascade that makes offers is offer-cascade.ts. */

async function requireOwnOffer(ctx: AppContext, trx: Trx, actor: Actor, offerId: string) {
  const offer = await repo.findOfferOfSupporter(trx, actor.organizationId, actor.personId, offerId);
  if (!offer) throw notFound();
  if (offer.status !== 'pending' || offer.expires_at <= ctx.clock.now().toISOString()) {
    throw new AppError('conflict', 'This offer has already been answered or has expired');
  }
  const row = await repo.findCase(trx, actor.organizationId, offer.case_id);
  if (!row) throw notFound();
  return { offer, row };
}

/** Accepting is a compare-and-set on the offer and on the case: of simultaneous accepts exactly one wins. */
export async function acceptOffer(ctx: AppContext, actor: Actor, offerId: string): Promise<string> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await requireOwnOffer(ctx, trx, actor, offerId);
    if (!(await repo.answerOfferIfPending(trx, offerId, { status: 'accepted', responded_at: now.toISOString() }))) {
      throw new AppError('conflict', 'This offer has already been answered');
    }
    await fireCaseEvent(
      ctx,
      trx,
      row,
      { type: 'offer_accepted' },
      { kind: 'offered_supporter', personId: actor.personId, audit: 'case.offer_accepted' },
      { assigned_at: now.toISOString() },
    );
    return row.id;
  });
}

export async function declineOffer(ctx: AppContext, actor: Actor, offerId: string, reason: OfferDeclineReason): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await requireOwnOffer(ctx, trx, actor, offerId);
    if (!(await repo.answerOfferIfPending(trx, offerId, { status: 'declined', decline_reason: reason, responded_at: now.toISOString() }))) {
      throw new AppError('conflict', 'This offer has already been answered');
    }
    await fireCaseEvent(
      ctx,
      trx,
      row,
      { type: 'offer_declined', reason },
      { kind: 'offered_supporter', personId: actor.personId, audit: 'case.offer_declined' },
    );
  });
}
