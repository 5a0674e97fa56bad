import type { DepartmentPreference, Modality, ReasonCategory, Urgency } from '../../../shared/schemas/case-vocabulary.ts';
import type { ProfessionCategory } from '../../../shared/schemas/organization.ts';

/** The matcher's input and output types; re-exported by match.ts, which callers should import. */

export interface MatchRequest {
  requesterPersonId: string;
  requesterProfessionCategory: ProfessionCategory;
  requesterDepartmentId: string | null;
  requesterSpecialty: string | null;
  /** Managers up the chain and the people who report to the requester: never their supporter. */
  reportingLine: string[];
  /** Other people involved in the same event: they may be part of what needs talking about. */
  involvedPersonIds: string[];
  departmentPreference: DepartmentPreference;
  programRequiresOtherDepartment: boolean;
  language: string | null;
  languageRequired: boolean;
  modality: Modality;
  reason: ReasonCategory;
  urgency: Urgency;
  /** Extra lived-experience tags to look for, on top of those implied by `reason`. */
  lifeExperienceTags?: string[];
  /** Supporters who already declined or let an offer for this case expire. */
  excludeSupporterIds: string[];
  /** ISO date-time; the module never reads the clock. */
  now: string;
}

export interface SupporterCandidate {
  personId: string;
  certified: boolean;
  active: boolean;
  paused: boolean;
  professionCategory: ProfessionCategory;
  departmentId: string | null;
  specialty: string | null;
  languages: string[];
  modalities: Modality[];
  /** Maximum open cases. */
  capacity: number;
  openCases: number;
  onCallNow: boolean;
  nextAvailableAt: string | null;
  experienceTags: string[];
}

export const REASON_CODES = [
  'same_profession',
  'close_profession',
  'similar_specialty',
  'lived_experience',
  'on_call_now',
  'available_soon',
  'lower_load',
  'offers_modality',
  'shares_language',
  'same_department',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
/** A machine code plus short text for the administrator. Never a person's name. */
export interface MatchReason {
  code: ReasonCode;
  text: string;
}

export interface Candidate {
  personId: string;
  score: number;
  reasons: MatchReason[];
}

/**
 * Confidentiality and safety rules: never relaxed. Listed in the order they are checked; a
 * supporter is counted in `excludedByRule` under the first rule they break only, so the counts add
 * up to the number excluded.
 */
export const HARD_RULES = [
  'not_certified',
  'not_active',
  'paused',
  'is_requester',
  'involved_in_event',
  'reporting_line',
  'requester_department',
  'previously_offered',
  'no_capacity',
  'language_required',
] as const;
export type HardRule = (typeof HARD_RULES)[number];

/** Soft rules, relaxed one at a time in exactly this order when nobody fits. */
export const RELAXATION_ORDER = ['modality', 'language', 'same_department'] as const;
export type RelaxedRule = (typeof RELAXATION_ORDER)[number];

export interface MatchResult {
  best: Candidate | null;
  /** Up to two, distinct from `best` and from each other, best first. */
  alternates: Candidate[];
  /** Soft rules relaxed to reach this result, in relaxation order. */
  relaxed: RelaxedRule[];
  considered: number;
  excludedByRule: Record<HardRule, number>;
}

/**
 * What the requester-picks-from-a-directory mode may show about a supporter, besides the first name
 * the caller adds. Built field by field (never by spreading the candidate) so that caseload, load,
 * availability, department and lived experience can never leak into the directory.
 */
export interface DirectoryEntry {
  professionCategory: ProfessionCategory;
  languages: string[];
  modalities: Modality[];
}
