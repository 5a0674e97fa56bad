import type { ReasonCategory } from '../../shared/schemas/case-vocabulary.ts';

/** Event notices, integration tokens and outreach invites (migration 0012). */
type Bool = boolean | number;

export interface EventTriggersTable {
  id: string;
  organization_id: string;
  code: string | null;
  label: string;
  reason: ReasonCategory;
  active: Bool;
  position: number;
  created_at: string;
}

export interface IntegrationTokensTable {
  id: string;
  organization_id: string;
  label: string;
  token_hash: string;
  created_by_person_id: string | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface EventNoticesTable {
  id: string;
  organization_id: string;
  trigger_id: string;
  department_id: string;
  occurred_at: string;
  urgent: Bool;
  filed_by_person_id: string | null;
  filed_by_token_id: string | null;
  filed_at: string;
  /** How many people the notice named, fixed at filing (erasure later removes person links). */
  involved_count: number;
}

export interface EventNoticePeopleTable {
  notice_id: string;
  person_id: string;
  organization_id: string;
}

export interface CaseEventNoticesTable {
  case_id: string;
  notice_id: string;
  organization_id: string;
  attached_at: string;
}

export interface OutreachInvitesTable {
  token_hash: string;
  organization_id: string;
  case_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface EventNoticeTables {
  event_triggers: EventTriggersTable;
  integration_tokens: IntegrationTokensTable;
  event_notices: EventNoticesTable;
  event_notice_people: EventNoticePeopleTable;
  case_event_notices: CaseEventNoticesTable;
  outreach_invites: OutreachInvitesTable;
}
