/** Group debriefs after an event notice (migrations 0016, 0017). */
export interface GroupDebriefsTable {
  id: string;
  organization_id: string;
  notice_id: string;
  starts_at: string;
  minutes: number;
  modality: 'in_person' | 'video' | 'phone';
  ics_uid: string;
  created_by_person_id: string | null;
  created_at: string;
  head_count: number | null;
  actual_minutes: number | null;
  recorded_at: string | null;
  /** Migration 0017: a code, the invite's version, a link from the program's pattern, timestamps. */
  status: 'scheduled' | 'cancelled';
  sequence: number;
  video_link: string | null;
  updated_at: string | null;
  cancelled_at: string | null;
  /** Migration 0020: when the invitees were erased (retention), and how many there were then. */
  invite_list_erased_at: string | null;
  erased_invitee_count: number | null;
  erased_named_invitee_count: number | null;
}

export interface GroupDebriefPeopleTable {
  debrief_id: string;
  person_id: string;
  organization_id: string;
  role: 'facilitator' | 'invitee';
  invite_token_hash: string;
  /** Taken off the list (migration 0017): the row stays so the link answers a cancellation. */
  removed_at: string | null;
}

export interface GroupDebriefTables {
  group_debriefs: GroupDebriefsTable;
  group_debrief_people: GroupDebriefPeopleTable;
}
