/**
 * The conversations module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export { findProgramSettings } from './conversations.repository.ts';
export { getConversationSettings } from './conversations.service.ts';
export { conversationsSubscriber } from './conversations-case-subscriber.ts';
