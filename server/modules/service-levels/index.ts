/**
 * The service-levels module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export { awaitsFirstContact, dueTimeOf, loadClocks, type ProgramClocks } from './clocks.ts';
export {
  firstContactTimes,
  hastenFirstContactClock,
  scheduleFirstContactClocks,
  scheduleNewCaseBreachCheck,
  withFirstContactClock,
} from './first-contact-clock.ts';
export { firstContactsSinceReopen } from './service-levels.repository.ts';
export { serviceLevelsSubscriber } from './service-levels-case-subscriber.ts';
