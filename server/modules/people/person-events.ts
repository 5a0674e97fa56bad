import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';

/**
 * What other modules must do when a person's standing changes. The people module owns who works
 * here and what they may do; how they sign in belongs to auth. Instead of calling auth, people fires
 * these events and auth subscribes at start-up (server/modules/subscriptions.ts), so the two modules
 * depend one way only (auth uses people).
 */
export type PersonEvent =
  /** Deactivated by hand or by a roster import: whatever lets them in must end now. */
  | { kind: 'deactivated'; organizationId: string; personId: string }
  /** The organisation's first director was just named; they may have no way to sign in yet. */
  | {
      kind: 'first_director_named';
      organizationId: string;
      person: { id: string; workEmail: string };
      actorPersonId: string;
    };

export type PersonEventSubscriber = (ctx: AppContext, trx: Trx, event: PersonEvent) => Promise<void>;

const subscribers: PersonEventSubscriber[] = [];

export function subscribeToPersonEvents(subscriber: PersonEventSubscriber): void {
  if (!subscribers.includes(subscriber)) subscribers.push(subscriber);
}

/** Runs every subscriber in the caller's transaction: a deactivation and the end of its sessions commit together. */
export async function firePersonEvent(ctx: AppContext, trx: Trx, event: PersonEvent): Promise<void> {
  if (!subscribers.length) throw new Error('No module subscribes to person events: call subscribeModules() at start-up');
  for (const subscriber of subscribers) await subscriber(ctx, trx, event);
}
