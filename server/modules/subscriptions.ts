import { authPersonSubscriber } from './auth/index.ts';
import { offerCascadeSubscriber, subscribeToCaseEvents } from './cases/index.ts';
import { caseworkSubscriber } from './casework/index.ts';
import { conversationsSubscriber } from './conversations/index.ts';
import { eventNoticesSubscriber } from './event-notices/index.ts';
import { onCallSupporterSubscriber } from './on-call/index.ts';
import { subscribeToPersonEvents } from './people/index.ts';
import { retentionSubscriber } from './retention/index.ts';
import { serviceLevelsSubscriber } from './service-levels/index.ts';
import { subscribeToSupporterEvents } from './supporters/index.ts';

/**
 * Who acts when a case moves (server/modules/cases/case-events.ts), in the order they act: service
 * levels restart the first-contact clock of a reopened request; the offer cascade and "something changed" e-mails; casework's reminders, feedback link, resource sheet and
 * crisis alert; then, once a case is finished, conversations cancels what was planned and retention
 * queues erasure where the program keeps nothing. Event notices tell matching whom to leave out.
 * Then who acts when a person's standing changes (server/modules/people/person-events.ts).
 * Called once at start-up (server/app.ts).
 */
export function subscribeModules(): void {
  subscribeToCaseEvents(serviceLevelsSubscriber);
  subscribeToCaseEvents(offerCascadeSubscriber);
  subscribeToCaseEvents(caseworkSubscriber);
  subscribeToCaseEvents(conversationsSubscriber);
  subscribeToCaseEvents(retentionSubscriber);
  subscribeToCaseEvents(eventNoticesSubscriber);
  // A person's sign-in ends with their deactivation; a first director without a password is invited.
  subscribeToPersonEvents(authPersonSubscriber);
  // A supporter who leaves duty leaves the on-call rota.
  subscribeToSupporterEvents(onCallSupporterSubscriber);
}
