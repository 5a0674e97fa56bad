import { TEAM_STATES } from '../../../shared/supporter-lifecycle.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { TeamMeetingsTable } from '../../db/schema-team.ts';

export type MeetingRow = TeamMeetingsTable;

export async function insertMeeting(db: DbOrTrx, row: MeetingRow): Promise<void> {
  await db.insertInto('team_meetings').values(row).execute();
}

export async function findMeeting(db: DbOrTrx, organizationId: string, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('team_meetings').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

/** Meetings ending after `since`, oldest first. */
export async function listMeetingsSince(db: DbOrTrx, organizationId: string, since: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('team_meetings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('ends_at', '>', since)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** A new time, place or facilitator; the sequence goes up so calendars take it as an update. False when it was cancelled meanwhile. */
export async function updateScheduledMeeting(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  changes: Pick<
    MeetingRow,
    'kind' | 'starts_at' | 'ends_at' | 'modality' | 'place' | 'video_link' | 'facilitator_person_id' | 'updated_at'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('team_meetings')
    .set((eb) => ({ ...changes, sequence: eb('sequence', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function cancelMeeting(db: DbOrTrx, organizationId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('team_meetings')
    .set((eb) => ({ status: 'cancelled', updated_at: at, sequence: eb('sequence', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who came to the given meetings (all of the organisation's since `since` when no ids are given). */
export async function listAttendance(db: DbOrTrx, organizationId: string, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('team_meeting_attendance')
    .select(['team_meeting_id', 'person_id'])
    .where('organization_id', '=', organizationId)
    .where('team_meeting_id', 'in', meetingIds)
    .execute();
}

/** How many meetings a person came to that started after `since`. */
export async function countAttendedSince(db: DbOrTrx, organizationId: string, personId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('team_meeting_attendance')
    .innerJoin('team_meetings', 'team_meetings.id', 'team_meeting_attendance.team_meeting_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('team_meeting_attendance.organization_id', '=', organizationId)
    .where('team_meeting_attendance.person_id', '=', personId)
    .where('team_meetings.starts_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function replaceAttendance(
  trx: Trx,
  organizationId: string,
  meetingId: string,
  personIds: string[],
  recordedBy: string,
  at: string,
): Promise<void> {
  await trx
    .deleteFrom('team_meeting_attendance')
    .where('organization_id', '=', organizationId)
    .where('team_meeting_id', '=', meetingId)
    .execute();
  if (personIds.length === 0) return;
  await trx
    .insertInto('team_meeting_attendance')
    .values(
      personIds.map((person_id) => ({
        team_meeting_id: meetingId,
        person_id,
        organization_id: organizationId,
        recorded_by: recordedBy,
        recorded_at: at,
      })),
    )
    .execute();
}

/**
 * Active people who are on the team or run the program: the team is invited to every meeting, and
 * anyone here may facilitate. Someone holding the supporter role with no journey yet (given it by
 * hand before the team was kept in Peerline) counts as on the team, as on the Team page.
 */
export async function listTeamAndProgramPeople(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('people')
    .leftJoin('supporter_profiles', (join) =>
      join.onRef('supporter_profiles.person_id', '=', 'people.id').on('supporter_profiles.organization_id', '=', organizationId),
    )
    .select((eb) => [
      'people.id',
      'people.first_name',
      'people.last_name',
      'people.work_email',
      'supporter_profiles.status',
      eb
        .exists(
          eb
            .selectFrom('role_grants')
            .select('role_grants.person_id')
            .whereRef('role_grants.person_id', '=', 'people.id')
            .where('role_grants.role', '=', 'peer_supporter'),
        )
        .as('holds_supporter_role'),
    ])
    .where('people.organization_id', '=', organizationId)
    .where('people.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('supporter_profiles.status', 'in', [...TEAM_STATES]),
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
    .orderBy('people.id')
    .execute();
}

/** Per person, how many meetings they came to that started after `since`, and the start of the last one. */
export async function attendanceByPersonSince(db: DbOrTrx, organizationId: string, since: string) {
  return db
    .selectFrom('team_meeting_attendance')
    .innerJoin('team_meetings', 'team_meetings.id', 'team_meeting_attendance.team_meeting_id')
    .select((eb) => [
      'team_meeting_attendance.person_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('team_meetings.starts_at').as('last_at'),
    ])
    .where('team_meeting_attendance.organization_id', '=', organizationId)
    .where('team_meetings.starts_at', '>', since)
    .groupBy('team_meeting_attendance.person_id')
    .execute();
}
