/** Tables of the on-call rota (migration 0011). Times are ISO-8601 UTC text, like everywhere else. */

export interface OnCallRotationsTable {
  organization_id: string;
  /** JSON array of person ids, in turn order. */
  members: string;
  /** YYYY-MM-DD, local day of the first hand-off in the organisation's time zone. */
  starts_on: string;
  /** HH:MM local time of every hand-off. */
  handoff_at: string;
  period_days: number;
  updated_by: string | null;
  updated_at: string;
}

export interface OnCallShiftsTable {
  id: string;
  organization_id: string;
  person_id: string;
  kind: 'shift' | 'override';
  starts_at: string;
  ends_at: string;
  created_by: string | null;
  created_at: string;
}

export interface OnCallSwapsTable {
  id: string;
  organization_id: string;
  from_person_id: string;
  to_person_id: string;
  starts_at: string;
  ends_at: string;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  created_by: string | null;
  created_at: string;
  decided_at: string | null;
  override_id: string | null;
}

/** One live feed token per supporter; regenerating replaces the hash, revoking deletes the row. */
export interface OnCallFeedTokensTable {
  person_id: string;
  organization_id: string;
  /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
}
