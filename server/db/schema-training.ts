/** Training the team (migration 0028). See schema.ts for conventions. */

type Bool = boolean | number;

export interface TrainingSettingsTable {
  organization_id: string;
  /** How long a certification earned by training lasts. */
  certification_months: number;
  updated_at: string;
}

export interface TrainingCurriculaTable {
  id: string;
  organization_id: string;
  version: number;
  /** JSON: [{ key, title, description, minutes, required, position }]. */
  modules: string;
  created_by: string | null;
  created_at: string;
}

export interface TrainingScenariosTable {
  id: string;
  organization_id: string;
  title: string;
  situation: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export type TrainingModality = 'in_person' | 'remote';
export type TrainingSessionStatus = 'scheduled' | 'cancelled';

export interface TrainingSessionsTable {
  id: string;
  organization_id: string;
  starts_at: string;
  ends_at: string;
  modality: TrainingModality;
  place: string | null;
  video_link: string | null;
  facilitator_person_id: string;
  capacity: number;
  /** JSON: the curriculum module keys the session covers. */
  module_keys: string;
  status: TrainingSessionStatus;
  /** Opaque, stable across updates of one session; never a record id. */
  ics_uid: string;
  sequence: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingInvitationsTable {
  session_id: string;
  person_id: string;
  organization_id: string;
  invited_at: string;
}

export interface TrainingAttendanceTable {
  session_id: string;
  person_id: string;
  module_key: string;
  organization_id: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface TrainingObservationsTable {
  id: string;
  organization_id: string;
  trainee_person_id: string;
  scenario_id: string;
  observer_person_id: string;
  observed_at: string;
  listened_without_judging: Bool;
  asked_common_questions: Bool;
  offered_resources: Bool;
  checked_safety: Bool;
  kept_confidentiality: Bool;
  result: 'pass' | 'repeat';
  recorded_by: string | null;
  recorded_at: string;
}

export interface TrainingTables {
  training_settings: TrainingSettingsTable;
  training_curricula: TrainingCurriculaTable;
  training_scenarios: TrainingScenariosTable;
  training_sessions: TrainingSessionsTable;
  training_invitations: TrainingInvitationsTable;
  training_attendance: TrainingAttendanceTable;
  training_observations: TrainingObservationsTable;
}
