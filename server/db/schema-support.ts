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
  status: string;
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

export interface CasesTable {
  id: string;
  organization_id: string;
  origin: string;
  state: string;
  outcome: string | null;
  reason: string;
  urgency: string;
  modality: string;
  language: string | null;
  language_required: boolean | number;
  department_preference: string;
  requester_profession_category: string | null;
  requester_department_id: string | null;
  requester_person_id: string | null;
  requester_first_name: string | null;
  contact_method: string | null;
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
