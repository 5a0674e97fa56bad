import type { SupporterState } from '../../shared/supporter-lifecycle.ts';
import type {
  CaseOrigin,
  CaseOutcome,
  CaseState,
  DepartmentPreference,
  Modality,
  ReasonCategory,
  Urgency,
} from '../../shared/schemas/case-vocabulary.ts';
import type { ContactMethod } from '../../shared/schemas/case.ts';
import type { ProfessionCategory } from '../../shared/schemas/organization.ts';

/** Tables of the support program (resources directory, supporter profiles). See schema.ts for conventions. */

export interface ResourcesTable {
  id: string;
  organization_id: string;
  category: string;
  name: string;
  phone: string | null;
  url: string | null;
  hours: string | null;
  description: string;
  active: boolean | number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface SupporterProfilesTable {
  person_id: string;
  organization_id: string;
  /** The lifecycle state (shared/supporter-lifecycle.ts). */
  status: SupporterState;
  /** When the current state was entered (migration 0027); optional so code building a profile need not know it. */
  state_since?: string | null;
  /** YYYY-MM-DD, inclusive; null = not certified. */
  certified_until: string | null;
  capacity: number;
  /** JSON arrays / objects, stringified. */
  modalities: string;
  experience_tags: string;
  weekly_availability: string;
  away_periods: string;
  paused_until: string | null;
  updated_at: string;
}

/**
 * A case as stored. Repositories turn a whole row into the typed `Case` and back at their edge
 * (server/modules/cases/case.ts): the rest of the server never sees this row.
 */
export interface CasesTable {
  id: string;
  organization_id: string;
  origin: CaseOrigin;
  state: CaseState;
  outcome: CaseOutcome | null;
  reason: ReasonCategory;
  urgency: Urgency;
  modality: Modality;
  language: string | null;
  language_required: boolean | number;
  department_preference: DepartmentPreference;
  requester_profession_category: ProfessionCategory | null;
  requester_department_id: string | null;
  requester_person_id: string | null;
  requester_first_name: string | null;
  contact_method: ContactMethod | null;
  contact_value: string | null;
  anonymous_code: string | null;
  anonymous_secret_hash: string | null;
  requester_informed: boolean | number | null;
  assigned_supporter_id: string | null;
  offered_supporter_id: string | null;
  contact_attempts: number;
  /** JSON array of the matching rules relaxed to find the current supporter. */
  relaxed_rules: string;
  created_at: string;
  updated_at: string;
  assigned_at: string | null;
  first_contact_at: string | null;
  closed_at: string | null;
  /**
   * Service-level clock (migration 0013), set when the case is opened from the targets then in force;
   * optional here so code that builds a case row need not know about it (null/absent = computed on read).
   */
  first_contact_due_at?: string | null;
  first_contact_escalation_at?: string | null;
  /** The last reopen by the requester: offers before it belong to an earlier round (migration 0014). */
  reopened_at?: string | null;
  /** Time from opening to first contact, set when it is logged (business = minutes while open). */
  first_contact_minutes?: number | null;
  first_contact_business_minutes?: number | null;
  /** When the identifying columns were erased after the retention period (migration 0018); null = not erased. */
  erased_at?: string | null;
}

export interface CaseOffersTable {
  id: string;
  organization_id: string;
  case_id: string;
  supporter_id: string;
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  decline_reason: string | null;
  /** JSON array of { code, text } from the matcher. */
  match_reasons: string;
  offered_at: string;
  expires_at: string;
  responded_at: string | null;
}

export interface CaseAuditTable {
  id: string;
  organization_id: string;
  case_id: string;
  actor_person_id: string | null;
  action: string;
  at: string;
  ip: string | null;
}

/** One outreach attempt: channel and result only, never what was said. */
export interface ContactAttemptsTable {
  id: string;
  organization_id: string;
  case_id: string;
  supporter_id: string;
  at: string;
  channel: string;
  result: string;
}

/** The encounter log, the only record of a conversation: no free text. */
export interface EncountersTable {
  id: string;
  organization_id: string;
  case_id: string;
  supporter_id: string;
  /** YYYY-MM-DD */
  date: string;
  modality: string;
  minutes: number;
  format: string;
  head_count: number | null;
  /** JSON array of topic codes. */
  topics: string;
  follow_up_on: string | null;
  escalation_tier: number;
  created_at: string;
}

export interface ReferralOffersTable {
  id: string;
  organization_id: string;
  case_id: string;
  encounter_id: string;
  category: string;
  offered_at: string;
  taken_up_at: string | null;
}

/** A single-use feedback link: the hash, the organisation and the month — no case, no person. */
export interface FeedbackTokensTable {
  token_hash: string;
  organization_id: string;
  /** YYYY-MM */
  month: string;
}

/** Anonymous feedback, not linked to any case or supporter. */
export interface FeedbackTable {
  id: string;
  organization_id: string;
  month: string;
  helpfulness: number;
  would_recommend: boolean | number;
}

/** Per-program conversation settings: the neutral invite title and the video link pattern. */
export interface ProgramSettingsTable {
  organization_id: string;
  conversation_title: string;
  /** e.g. `https://meet.example.org/peerline-{token}`; null when the program has no video. */
  video_link_pattern: string | null;
  updated_at: string;
  /** Alerted with the director on an imminent-risk escalation (migration 0010). */
  crisis_backup_email: string | null;
}

/** A scheduled private conversation: when and how, never what about. */
export interface ConversationsTable {
  id: string;
  organization_id: string;
  case_id: string;
  supporter_id: string;
  starts_at: string;
  ends_at: string;
  modality: string;
  status: string;
  video_link: string | null;
  ics_uid: string;
  sequence: number;
  created_at: string;
  updated_at: string;
}

/** One version of a program's conversation guide (sections as JSON). */
export interface ConversationGuidesTable {
  id: string;
  organization_id: string;
  version: number;
  sections: string;
  created_by: string | null;
  created_at: string;
}
