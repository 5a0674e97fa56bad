/**
 * The auth module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export { startSession } from './auth.service.ts';
export { authPersonSubscriber } from './person-events.subscriber.ts';
