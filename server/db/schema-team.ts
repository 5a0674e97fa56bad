/** Building the team (migration 0027) and looking after it (0030). See schema.ts for conventions. */

/** Who put a colleague's name forward; deleted when the nominee declines, so nobody sees it afterwards. */
export interface SupporterNominationsTable {
  id: string;
  organization_id: string;
  nominee_person_id: string;
  nominated_by_person_id: string;
  created_at: string;
}

export type TeamMeetingKind = 'supervision' | 'community';

/** A supervision or community meeting for the whole team; nothing about what was said is stored. */
export interface TeamMeetingsTable {
  id: string;
  organization_id: string;
  kind: TeamMeetingKind;
  starts_at: string;
  ends_at: string;
  modality: 'in_person' | 'remote';
  place: string | null;
  video_link: string | null;
  facilitator_person_id: string;
  status: 'scheduled' | 'cancelled';
  /** Opaque, stable across updates of one meeting; never a record id. */
  ics_uid: string;
  sequence: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Who came to a meeting, recorded afterwards by the director or administrator. */
export interface TeamMeetingAttendanceTable {
  team_meeting_id: string;
  person_id: string;
  organization_id: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface TeamTables {
  supporter_nominations: SupporterNominationsTable;
  team_meetings: TeamMeetingsTable;
  team_meeting_attendance: TeamMeetingAttendanceTable;
}
