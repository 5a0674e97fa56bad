import { z } from 'zod';
import { defineJob } from '../../jobs/define.ts';
import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';
import { fireCaseEvent } from './case-events.ts';
import * as repo from './cases.repository.ts';

/**
 * One expiry job per offer and window end: an offer's first window has the plain key; a window
 * shortened later (its case became urgent, offers.service.ts shortenPendingOfferWindow) carries its
 * new end, so the new job is queued whatever became of the old one.
 */
export const offerExpiryDedupeKey = (offerId: string, expiresAt?: string) => `offer-expiry:${offerId}${expiresAt ? `:${expiresAt}` : ''}`;

/** Fires when an offer's window ends; expireOffer re-reads the offer, so a job of a moved window does nothing. */
export const offerExpiryJob = defineJob({
  kind: 'offer-expiry',
  payload: z.object({ offerId: z.uuid() }),
  transactional: true,
  async handle(ctx, payload, trx) {
    if (!trx) throw new Error('offer-expiry runs in a transaction');
    await expireOffer(ctx, trx, payload.offerId);
  },
});

/** Run by the offer-expiry job when the window ends: silence counts as a decline. */
export async function expireOffer(ctx: AppContext, trx: Trx, offerId: string): Promise<void> {
  const now = ctx.clock.now();
  const offer = await repo.findOffer(trx, offerId);
  if (!offer || offer.status !== 'pending' || offer.expires_at > now.toISOString()) return;
  if (!(await repo.answerOfferIfPending(trx, offerId, { status: 'expired', responded_at: now.toISOString() }))) return;
  const row = await repo.findCase(trx, offer.organization_id, offer.case_id);
  if (!row || row.state !== 'offered' || row.offered_supporter_id !== offer.supporter_id) return;
  await fireCaseEvent(
    ctx,
    trx,
    row,
    { type: 'offer_expired', supporterId: offer.supporter_id },
    { kind: 'system', personId: null, audit: 'case.offer_expired' },
  );
}
