import { z } from 'zod';
import { defineJob } from '../../jobs/define.ts';
import { expireOffer } from './offers.service.ts';

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
