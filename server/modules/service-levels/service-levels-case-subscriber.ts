import type { CaseSubscriber } from '../cases/index.ts';
import { restartFirstContactClock } from './first-contact-clock.ts';

/** A reopened request starts a new round with its own first-contact clock, counted from the reopen. */
export const serviceLevelsSubscriber: CaseSubscriber = {
  moved: (ctx, trx, row, event) =>
    event.type === 'reopened_by_requester' ? restartFirstContactClock(ctx, trx, row, ctx.clock.now()) : Promise.resolve(),
};
