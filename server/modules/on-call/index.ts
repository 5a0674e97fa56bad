/**
 * The on-call module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export { whoIsOnCall } from './on-call.service.ts';
export { onCallSupporterSubscriber } from './leave-rota.ts';
