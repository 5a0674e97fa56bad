import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';

/**
 * What other modules do when a supporter leaves duty (paused, retired, lapsed): the on-call rota
 * frees their shifts. The supporters module fires, on-call subscribes at start-up
 * (server/modules/subscriptions.ts), so supporters never imports the rota.
 */
export interface SupporterLeftDuty {
  kind: 'left_duty';
  organizationId: string;
  personId: string;
  /** Who made the change (null: the certification ran out). */
  actorPersonId: string | null;
}

export type SupporterEventSubscriber = (ctx: AppContext, trx: Trx, event: SupporterLeftDuty) => Promise<void>;

const subscribers: SupporterEventSubscriber[] = [];

export function subscribeToSupporterEvents(subscriber: SupporterEventSubscriber): void {
  if (!subscribers.includes(subscriber)) subscribers.push(subscriber);
}

export async function fireSupporterLeftDuty(ctx: AppContext, trx: Trx, event: SupporterLeftDuty): Promise<void> {
  if (!subscribers.length) throw new Error('No module subscribes to supporter events: call subscribeModules() at start-up');
  for (const subscriber of subscribers) await subscriber(ctx, trx, event);
}
