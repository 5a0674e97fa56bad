/**
 * The event-notices module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export { eventNoticesSubscriber } from './event-notices-case-subscriber.ts';
