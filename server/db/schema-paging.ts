/** Paging tables (migration 0015). See schema.ts for conventions. */

/** One row per organisation that changed the defaults (15 minutes; on call → backup → admins → directors). */
export interface PagingSettingsTable {
  organization_id: string;
  ack_minutes: number;
  /** JSON array of PagingStep. */
  steps: string;
  webhook_url: string | null;
  updated_at: string;
}

/** One person paged at one step of a case's chain. */
export interface PagesTable {
  id: string;
  organization_id: string;
  case_id: string;
  case_count: number;
  step: number;
  target_role: string;
  person_id: string;
  /** JSON array: 'in_app', 'email', 'webhook'. */
  channels: string;
  sent_at: string;
  status: 'open' | 'acknowledged' | 'closed';
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

export interface PagingTables {
  paging_settings: PagingSettingsTable;
  pages: PagesTable;
}
