import type { DbOrTrx, Engine, Trx } from '../../db/database.ts';
import type {
  TrainingCurriculaTable,
  TrainingObservationsTable,
  TrainingScenariosTable,
  TrainingSessionsTable,
} from '../../db/schema-training.ts';

/** Every query of the training module; each is scoped to the caller's organisation. */

export type CurriculumRow = TrainingCurriculaTable;
export type SessionRow = TrainingSessionsTable;
export type ScenarioRow = TrainingScenariosTable;
export type ObservationRow = TrainingObservationsTable;

export async function findCertificationMonths(db: DbOrTrx, organizationId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('training_settings')
    .select('certification_months')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row ? Number(row.certification_months) : undefined;
}

export async function saveCertificationMonths(db: DbOrTrx, organizationId: string, months: number, at: string): Promise<void> {
  await db
    .insertInto('training_settings')
    .values({ organization_id: organizationId, certification_months: months, updated_at: at })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ certification_months: months, updated_at: at }))
    .execute();
}

export async function latestCurriculum(db: DbOrTrx, organizationId: string): Promise<CurriculumRow | undefined> {
  return db
    .selectFrom('training_curricula')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every version, oldest first. */
export async function listCurricula(db: DbOrTrx, organizationId: string): Promise<CurriculumRow[]> {
  return db.selectFrom('training_curricula').selectAll().where('organization_id', '=', organizationId).orderBy('version').execute();
}

export async function findCurriculumVersion(db: DbOrTrx, organizationId: string, version: number): Promise<CurriculumRow | undefined> {
  return db
    .selectFrom('training_curricula')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listCurriculumVersions(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('training_curricula')
    .select(['version', 'created_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('version', 'desc')
    .execute();
}

/** Inserts a version; false when that number exists already (a concurrent save or lazy seed). */
export async function insertCurriculumIfNew(db: DbOrTrx, row: CurriculumRow): Promise<boolean> {
  const result = await db
    .insertInto('training_curricula')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function listScenarios(db: DbOrTrx, organizationId: string): Promise<ScenarioRow[]> {
  return db
    .selectFrom('training_scenarios')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findScenario(db: DbOrTrx, organizationId: string, id: string): Promise<ScenarioRow | undefined> {
  return db
    .selectFrom('training_scenarios')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertScenario(db: DbOrTrx, row: ScenarioRow): Promise<void> {
  await db.insertInto('training_scenarios').values(row).execute();
}

export async function updateScenario(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  set: Partial<Pick<ScenarioRow, 'title' | 'situation'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('training_scenarios').set(set).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function insertSession(db: DbOrTrx, row: SessionRow): Promise<void> {
  await db.insertInto('training_sessions').values(row).execute();
}

export async function findSession(db: DbOrTrx, organizationId: string, id: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('training_sessions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Locks the session's row until the transaction ends (PostgreSQL; SQLite has one writer), so
 * inviting, recording attendance and changing the session wait for each other: the invitees never
 * outnumber the places, and no attendance is recorded for a module a change is leaving out.
 */
export async function lockSession(trx: Trx, engine: Engine, organizationId: string, id: string): Promise<void> {
  if (engine !== 'postgres') return;
  await trx
    .selectFrom('training_sessions')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .execute();
}

export type SessionChange = Pick<
  SessionRow,
  | 'starts_at'
  | 'ends_at'
  | 'modality'
  | 'place'
  | 'video_link'
  | 'facilitator_person_id'
  | 'capacity'
  | 'module_keys'
  | 'sequence'
  | 'updated_at'
>;

/** Applies a change only if the session is still scheduled and at the sequence it was read at: of two edits at once, one wins. */
export async function updateSessionIfSequence(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  sequence: number,
  set: SessionChange,
): Promise<boolean> {
  const result = await db
    .updateTable('training_sessions')
    .set(set)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('sequence', '=', sequence)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The modules of a session someone's attendance was recorded for. */
export async function attendedModulesOfSession(db: DbOrTrx, organizationId: string, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('training_attendance')
    .select('module_key')
    .distinct()
    .where('organization_id', '=', organizationId)
    .where('session_id', '=', sessionId)
    .execute();
  return rows.map((r) => r.module_key);
}

export async function listSessions(db: DbOrTrx, organizationId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('training_sessions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function cancelSession(db: DbOrTrx, organizationId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('training_sessions')
    .set((eb) => ({ status: 'cancelled' as const, sequence: eb('sequence', '+', 1), updated_at: at }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listInvitations(db: DbOrTrx, organizationId: string, sessionIds?: string[]) {
  if (sessionIds && sessionIds.length === 0) return [];
  let query = db
    .selectFrom('training_invitations')
    .innerJoin('people', 'people.id', 'training_invitations.person_id')
    .select([
      'training_invitations.session_id',
      'training_invitations.person_id',
      'people.first_name',
      'people.last_name',
      'people.work_email',
      'people.active',
    ])
    .where('training_invitations.organization_id', '=', organizationId);
  if (sessionIds) query = query.where('training_invitations.session_id', 'in', sessionIds);
  return query.orderBy('people.last_name').orderBy('people.first_name').execute();
}

/** Adds an invitation unless the person is already invited; true when it was new. */
export async function insertInvitationIfNew(
  db: DbOrTrx,
  row: { session_id: string; person_id: string; organization_id: string; invited_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('training_invitations')
    .values(row)
    .onConflict((oc) => oc.columns(['session_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findInvitation(db: DbOrTrx, organizationId: string, sessionId: string, personId: string) {
  return db
    .selectFrom('training_invitations')
    .select(['session_id', 'person_id'])
    .where('organization_id', '=', organizationId)
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function sessionsInvitedTo(db: DbOrTrx, organizationId: string, personId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('training_sessions')
    .innerJoin('training_invitations', 'training_invitations.session_id', 'training_sessions.id')
    .selectAll('training_sessions')
    .where('training_sessions.organization_id', '=', organizationId)
    .where('training_invitations.person_id', '=', personId)
    .orderBy('training_sessions.starts_at')
    .execute();
}

export async function replaceAttendance(
  db: DbOrTrx,
  organizationId: string,
  sessionId: string,
  personId: string,
  moduleKeys: readonly string[],
  recordedBy: string | null,
  at: string,
): Promise<void> {
  await db
    .deleteFrom('training_attendance')
    .where('organization_id', '=', organizationId)
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .execute();
  if (moduleKeys.length === 0) return;
  await db
    .insertInto('training_attendance')
    .values(
      moduleKeys.map((key) => ({
        session_id: sessionId,
        person_id: personId,
        module_key: key,
        organization_id: organizationId,
        recorded_by: recordedBy,
        recorded_at: at,
      })),
    )
    .execute();
}

export async function listAttendance(db: DbOrTrx, organizationId: string, personId?: string) {
  let query = db
    .selectFrom('training_attendance')
    .select(['session_id', 'person_id', 'module_key', 'recorded_at'])
    .where('organization_id', '=', organizationId);
  if (personId) query = query.where('person_id', '=', personId);
  return query.execute();
}

export async function insertObservation(db: DbOrTrx, row: ObservationRow): Promise<void> {
  await db.insertInto('training_observations').values(row).execute();
}

export async function listObservations(db: DbOrTrx, organizationId: string, traineeId?: string): Promise<ObservationRow[]> {
  let query = db.selectFrom('training_observations').selectAll().where('organization_id', '=', organizationId);
  if (traineeId) query = query.where('trainee_person_id', '=', traineeId);
  return query.orderBy('observed_at', 'desc').orderBy('id').execute();
}

/**
 * People a session can involve: anyone with a journey (trainees, the team, those who left it, for a
 * refresher) and those who run the program or support (facilitators and observers). Nominees who
 * have not answered are left out: nobody is named before they say yes.
 */
export async function listTrainingPeople(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('people')
    .leftJoin('supporter_profiles', (join) =>
      join.onRef('supporter_profiles.person_id', '=', 'people.id').on('supporter_profiles.organization_id', '=', organizationId),
    )
    .select(['people.id', 'people.first_name', 'people.last_name', 'supporter_profiles.status', 'supporter_profiles.state_since'])
    .where('people.organization_id', '=', organizationId)
    .where('people.active', '=', true)
    .where((eb) =>
      eb.or([
        eb.and([eb('supporter_profiles.status', 'is not', null), eb('supporter_profiles.status', '!=', 'nominated')]),
        eb.exists(
          eb
            .selectFrom('role_grants')
            .select('role_grants.person_id')
            .whereRef('role_grants.person_id', '=', 'people.id')
            .where('role_grants.role', 'in', ['program_director', 'program_admin', 'peer_supporter']),
        ),
      ]),
    )
    .orderBy('people.last_name')
    .orderBy('people.first_name')
    .execute();
}
