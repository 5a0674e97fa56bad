/**
 * The matching module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export {
  directoryEntry,
  hardRuleViolation,
  matchSupporters,
  type Candidate,
  type HardRule,
  type MatchRequest,
  type SupporterCandidate,
} from './match.ts';
