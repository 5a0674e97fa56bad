import type {
  CaseOrigin,
  CaseOutcome,
  CaseState,
  DepartmentPreference,
  Modality,
  ReasonCategory,
  Urgency,
} from '../../../shared/schemas/case-vocabulary.ts';
import type { ContactMethod } from '../../../shared/schemas/case.ts';
import type { ProfessionCategory } from '../../../shared/schemas/organization.ts';
import type { CasesTable } from '../../db/schema-support.ts';
import { newId, parseJsonArray, toBool } from '../../db/values.ts';

/**
 * A support request as the server works with it. Repositories turn the stored row into this at
 * their edge (`toCase`) and back (`toCaseRow`, `toCaseChanges`): flags are booleans whichever engine
 * stored them, the relaxed matching rules a list, every vocabulary field its union. Field names stay
 * those of the columns (docs/decisions/013-case-events-and-module-boundaries.md).
 */
export interface Case {
  id: string;
  organization_id: string;
  origin: CaseOrigin;
  state: CaseState;
  outcome: CaseOutcome | null;
  reason: ReasonCategory;
  urgency: Urgency;
  modality: Modality;
  language: string | null;
  language_required: boolean;
  department_preference: DepartmentPreference;
  requester_profession_category: ProfessionCategory | null;
  requester_department_id: string | null;
  requester_person_id: string | null;
  requester_first_name: string | null;
  contact_method: ContactMethod | null;
  contact_value: string | null;
  anonymous_code: string | null;
  anonymous_secret_hash: string | null;
  /** Colleague referrals only: whether the colleague was told; null for every other origin. */
  requester_informed: boolean | null;
  assigned_supporter_id: string | null;
  offered_supporter_id: string | null;
  contact_attempts: number;
  /** The matching rules relaxed to find the current supporter. */
  relaxed_rules: string[];
  created_at: string;
  updated_at: string;
  assigned_at: string | null;
  first_contact_at: string | null;
  closed_at: string | null;
  /**
   * The service-level clock, set when the case is opened from the targets then in force; optional
   * so code that builds a new case need not know about it (null/absent = computed on read).
   */
  first_contact_due_at?: string | null;
  first_contact_escalation_at?: string | null;
  /** The last reopen by the requester: offers before it belong to an earlier round. */
  reopened_at?: string | null;
  /** Time from opening to first contact, set when it is logged (business = minutes while open). */
  first_contact_minutes?: number | null;
  first_contact_business_minutes?: number | null;
  /** When the identifying columns were erased after the retention period; null = not erased. */
  erased_at?: string | null;
}

/** The stored row as a `Case`: SQLite hands flags back as 0/1 and the relaxed rules are JSON text. */
export function toCase(row: CasesTable): Case {
  return {
    ...row,
    language_required: toBool(row.language_required),
    requester_informed: row.requester_informed === null ? null : toBool(row.requester_informed),
    relaxed_rules: parseJsonArray<string>(row.relaxed_rules),
  };
}

/** A whole `Case` as a row to insert. */
export function toCaseRow(c: Case): CasesTable {
  return { ...c, relaxed_rules: JSON.stringify(c.relaxed_rules) };
}

/** Some fields of a `Case` as the columns to update; fields left out stay as stored. */
export function toCaseChanges(changes: Partial<Case>): Partial<CasesTable> {
  const { relaxed_rules, ...rest } = changes;
  return relaxed_rules === undefined ? rest : { ...rest, relaxed_rules: JSON.stringify(relaxed_rules) };
}

/** A new case as every origin starts it: state `new`, nothing about the requester yet; callers fill in what they know. */
export function newCase(organizationId: string, origin: CaseOrigin, now: Date): Case {
  const at = now.toISOString();
  return {
    id: newId(),
    organization_id: organizationId,
    origin,
    state: 'new',
    outcome: null,
    reason: 'other',
    urgency: 'this_week',
    modality: 'phone',
    language: null,
    language_required: false,
    department_preference: 'no_preference',
    requester_profession_category: null,
    requester_department_id: null,
    requester_person_id: null,
    requester_first_name: null,
    contact_method: null,
    contact_value: null,
    anonymous_code: null,
    anonymous_secret_hash: null,
    requester_informed: null,
    assigned_supporter_id: null,
    offered_supporter_id: null,
    contact_attempts: 0,
    relaxed_rules: [],
    created_at: at,
    updated_at: at,
    assigned_at: null,
    first_contact_at: null,
    closed_at: null,
  };
}
