/**
 * The cases module's public entry (docs/architecture.md, "Which module may import which"): other
 * modules change a case only through fireCaseEvent, and react to what follows by subscribing.
 * More of the module's API moves behind this entry as the other modules stop reaching into its files.
 */
export { fireCaseEvent, subscribeToCaseEvents, type CaseEventCause, type CaseSubscriber } from './case-events.ts';
export { requesterAddresses, requesterEmail } from './requester-contact.ts';
