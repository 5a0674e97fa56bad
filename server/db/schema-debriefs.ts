/** Group debriefs after an event notice (migration 0016). */
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
}

export interface GroupDebriefPeopleTable {
  debrief_id: string;
  person_id: string;
  organization_id: string;
  role: 'facilitator' | 'invitee';
  invite_token_hash: string;
}

export interface GroupDebriefTables {
  group_debriefs: GroupDebriefsTable;
  group_debrief_people: GroupDebriefPeopleTable;
}
