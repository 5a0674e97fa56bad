import type { Generated } from 'kysely';
import type { ProfessionCategory } from '../../shared/schemas/organization.ts';
import type {
  CaseAuditTable,
  CaseOffersTable,
  CasesTable,
  ContactAttemptsTable,
  ConversationGuidesTable,
  EncountersTable,
  FeedbackTable,
  FeedbackTokensTable,
  ConversationsTable,
  ProgramSettingsTable,
  ReferralOffersTable,
  ResourcesTable,
  SupporterProfilesTable,
} from './schema-support.ts';
import type { OnCallFeedTokensTable, OnCallRotationsTable, OnCallShiftsTable, OnCallSwapsTable } from './schema-on-call.ts';
import type { EventNoticeTables } from './schema-events.ts';
import type { ServiceLevelTables } from './schema-service-levels.ts';
import type { PagingTables } from './schema-paging.ts';
import type { GroupDebriefTables } from './schema-debriefs.ts';
import type { SsoTables } from './schema-sso.ts';
import type { TeamTables } from './schema-team.ts';
import type { TrainingTables } from './schema-training.ts';

/**
 * Column conventions, the same on both engines: UUIDv7 text ids made by the app, ISO-8601 UTC text
 * timestamps set by the app, JSON stored as text (always stringified), booleans as `boolean`
 * (SQLite hands back 0/1, so repositories read them through `toBool`).
 */
type Bool = boolean | number;

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  program_name: string;
  time_zone: string;
  created_at: string;
  /** Requesters may choose their supporter from a directory; defaults to false (migration 0008). */
  supporter_directory_enabled: Generated<Bool>;
  /** Days after closing until a case's identifying data is erased; 0 = at closure (migration 0018). */
  retention_days: Generated<number>;
  /** Peer supporters must use two-step sign-in too (migration 0023). */
  supporters_need_second_factor: Generated<Bool>;
  /** Days without new offers after a supporter marks a conversation as heavy (migration 0029). */
  cooldown_days: Generated<number>;
  /** Leadership's reports hide counts below this (migration 0031; docs/reporting.md). */
  report_min_count: Generated<number>;
}

export interface SitesTable {
  id: string;
  organization_id: string;
  name: string;
  active: Bool;
  created_at: string;
}

export interface DepartmentsTable {
  id: string;
  organization_id: string;
  site_id: string | null;
  parent_id: string | null;
  name: string;
  active: Bool;
  created_at: string;
}

export interface ProfessionsTable {
  id: string;
  organization_id: string;
  name: string;
  category: ProfessionCategory;
  active: Bool;
  created_at: string;
}

export interface PeopleTable {
  id: string;
  organization_id: string;
  first_name: string;
  last_name: string;
  /** Lower-cased; unique per organisation. */
  work_email: string;
  profession_id: string | null;
  department_id: string | null;
  specialty: string | null;
  /** JSON array of language codes. */
  languages: string;
  manager_id: string | null;
  active: Bool;
  created_at: string;
  updated_at: string;
}

export interface AccountsTable {
  id: string;
  organization_id: string;
  person_id: string;
  /** Lower-cased; unique per organisation (docs/decisions/010-accounts-per-organisation.md). */
  email: string;
  password_hash: string | null;
  created_at: string;
  password_changed_at: string | null;
  last_login_at: string | null;
  /** Base32 TOTP secret once enrolment is confirmed; the server needs it to check codes, so it cannot be hashed. */
  totp_secret: string | null;
  totp_enrolled_at: string | null;
  /** The RFC 6238 time step of the last accepted code: only later steps are accepted (no replay). */
  totp_last_step: number | null;
}

export interface RecoveryCodesTable {
  /** SHA-256 of the normalised code (each code carries over 59 random bits, so a slow hash adds nothing). */
  code_hash: string;
  account_id: string;
  created_at: string;
  used_at: string | null;
}

export interface RoleGrantsTable {
  organization_id: string;
  person_id: string;
  role: string;
  granted_by: string | null;
  granted_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a database leak does not yield usable cookies. */
  token_hash: string;
  id: string;
  account_id: string;
  organization_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  /** How this session passed its second factor: 'totp', 'recovery_code' or 'provider'; null while it has not. */
  second_factor: string | null;
  /** When the holder last proved who they are (sign-in, code, step-up); null on sessions older than step-up checks. */
  verified_at: string | null;
  /** The secret of a TOTP enrolment this session has started and not yet confirmed. */
  pending_totp_secret: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface SupportLinesTable {
  id: string;
  organization_id: string;
  kind: string;
  name: string;
  phone: string;
  /** JSON array of { days, opens, closes }. Empty array = around the clock. */
  hours: string;
  time_zone: string;
  description: string;
  sort_order: number;
}

export interface AuditEventsTable {
  id: string;
  organization_id: string;
  actor_person_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  at: string;
  ip: string | null;
  /** A code from a fixed vocabulary (e.g. the role granted), never free text. */
  detail: string | null;
}

/** Single-use links to set a password (migration 0021); only the token's SHA-256 is stored. */
export interface SignInLinksTable {
  token_hash: string;
  organization_id: string;
  person_id: string;
  /** The work e-mail the link was sent to; the link dies if the person's address changes. */
  email: string;
  purpose: 'invitation' | 'reset';
  created_by_person_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Durable background work (server/jobs, docs/decisions/005). */
export interface JobsTable {
  id: string;
  kind: string;
  /** JSON text, validated by the job's zod schema when it runs. */
  payload: string;
  run_at: string;
  status: 'pending' | 'running' | 'done' | 'failed' | 'dead';
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  /** A short code, never request data. */
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  finished_at: string | null;
}

/** E-mail queued in the transaction that causes it (server/email); the text is rendered from `template`. */
export interface EmailOutboxTable {
  id: string;
  organization_id: string;
  to_address: string;
  template: string;
  /** An app path or URL; never carries a case id. */
  link: string;
  status: 'queued' | 'held' | 'sent';
  created_at: string;
  sent_at: string | null;
  /** The case the message is about, for erasure (migration 0025); never shown. */
  case_id: string | null;
}

/** A settled quarter's raw report counts, kept so later erasure cannot move a published figure (migration 0032). */
export interface ReportQuarterCountsTable {
  organization_id: string;
  /** e.g. 2026-Q3 */
  quarter: string;
  /** JSON: server/modules/reporting/quarter-counts.ts, QuarterCounts. Never sent as it is. */
  counts: string;
  kept_at: string;
  /** False while the quarter has not settled: such counts are kept an hour, then counted again. */
  settled: boolean | number;
}

/** Who sponsors the program and what protects what supporters hear (migration 0033; docs/setup.md). */
export interface ProgramFoundationsTable {
  organization_id: string;
  sponsor_name: string | null;
  sponsor_role: string | null;
  /** YYYY-MM-DD */
  sponsor_agreed_on: string | null;
  protection_basis: string | null;
  protection_confirmed_by: string | null;
  /** YYYY-MM-DD */
  protection_confirmed_on: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface Database
  extends EventNoticeTables, ServiceLevelTables, PagingTables, GroupDebriefTables, SsoTables, TeamTables, TrainingTables {
  organizations: OrganizationsTable;
  report_quarter_counts: ReportQuarterCountsTable;
  program_foundations: ProgramFoundationsTable;
  sites: SitesTable;
  departments: DepartmentsTable;
  professions: ProfessionsTable;
  people: PeopleTable;
  accounts: AccountsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_links: SignInLinksTable;
  login_throttle: LoginThrottleTable;
  support_lines: SupportLinesTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  email_outbox: EmailOutboxTable;
  resources: ResourcesTable;
  supporter_profiles: SupporterProfilesTable;
  cases: CasesTable;
  case_offers: CaseOffersTable;
  case_audit: CaseAuditTable;
  contact_attempts: ContactAttemptsTable;
  encounters: EncountersTable;
  referral_offers: ReferralOffersTable;
  feedback_tokens: FeedbackTokensTable;
  feedback: FeedbackTable;
  program_settings: ProgramSettingsTable;
  conversations: ConversationsTable;
  conversation_guides: ConversationGuidesTable;
  on_call_rotations: OnCallRotationsTable;
  on_call_shifts: OnCallShiftsTable;
  on_call_swaps: OnCallSwapsTable;
  on_call_feed_tokens: OnCallFeedTokensTable;
}
