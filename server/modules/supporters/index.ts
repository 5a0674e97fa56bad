/**
 * The supporters module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export { subscribeToSupporterEvents, type SupporterLeftDuty } from './supporter-events.ts';
export { startCooldown } from './cooldown.service.ts';
export { findJourney } from './journey.repository.ts';
export { moveJourney, type JourneyMove } from './journey.service.ts';
