import { z } from 'zod';
import { defineJob } from '../../jobs/define.ts';
import { expireOffer } from './offers.service.ts';

/** Fires when an offer's window ends; the dedupe key `offer-expiry:<offerId>` makes it one per offer. */
export const offerExpiryJob = defineJob({
  kind: 'offer-expiry',
  payload: z.object({ offerId: z.uuid() }),
  transactional: true,
  async handle(ctx, payload, trx) {
    if (!trx) throw new Error('offer-expiry runs in a transaction');
    await expireOffer(ctx, trx, payload.offerId);
  },
});
