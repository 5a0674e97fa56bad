import type { DbOrTrx } from '../../db/database.ts';
import type { GroupDebriefPeopleTable, GroupDebriefsTable } from '../../db/schema-debriefs.ts';

export type GroupDebriefRow = GroupDebriefsTable;
export type GroupDebriefPersonRow = GroupDebriefPeopleTable;

/** The notice, only if it belongs to the organisation (otherwise it does not exist: 404). */
export function findNotice(db: DbOrTrx, organizationId: string, noticeId: string) {
  return db
    .selectFrom('event_notices')
    .select(['id', 'organization_id'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', noticeId)
    .executeTakeFirst();
}

export async function involvedPersonIds(db: DbOrTrx, organizationId: string, noticeId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('event_notice_people')
    .select('person_id')
    .where('organization_id', '=', organizationId)
    .where('notice_id', '=', noticeId)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** Active people of the organisation by id or work e-mail, with whether they hold the supporter role. */
export function findPeople(db: DbOrTrx, organizationId: string, ids: string[], emails: string[]) {
  return db
    .selectFrom('people')
    .select((eb) => [
      'people.id',
      'people.first_name',
      'people.last_name',
      'people.work_email',
      'people.active',
      eb
        .exists(
          eb
            .selectFrom('role_grants')
            .select('role_grants.person_id')
            .whereRef('role_grants.person_id', '=', 'people.id')
            .where('role_grants.role', '=', 'peer_supporter'),
        )
        .as('is_supporter'),
    ])
    .where('people.organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('people.id', 'in', ids.length ? ids : ['']), eb('people.work_email', 'in', emails.length ? emails : [''])]))
    .execute();
}

export async function insertDebrief(db: DbOrTrx, row: GroupDebriefRow, people: GroupDebriefPersonRow[]): Promise<void> {
  await db.insertInto('group_debriefs').values(row).execute();
  if (people.length) await db.insertInto('group_debrief_people').values(people).execute();
}

export function findDebrief(db: DbOrTrx, organizationId: string, noticeId: string, debriefId: string) {
  return db
    .selectFrom('group_debriefs')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('notice_id', '=', noticeId)
    .where('id', '=', debriefId)
    .executeTakeFirst();
}

export function listDebriefs(db: DbOrTrx, organizationId: string, noticeId: string) {
  return db
    .selectFrom('group_debriefs')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('notice_id', '=', noticeId)
    .orderBy('starts_at')
    .execute();
}

/** Everyone still asked (not taken off the list), with the work e-mail for the "other invitees". */
export function listDebriefPeople(db: DbOrTrx, organizationId: string, debriefIds: string[]) {
  return db
    .selectFrom('group_debrief_people')
    .innerJoin('people', 'people.id', 'group_debrief_people.person_id')
    .select([
      'group_debrief_people.debrief_id',
      'group_debrief_people.person_id',
      'group_debrief_people.role',
      'people.first_name',
      'people.last_name',
      'people.work_email',
    ])
    .where('group_debrief_people.organization_id', '=', organizationId)
    .where('group_debrief_people.debrief_id', 'in', debriefIds.length ? debriefIds : [''])
    .where('group_debrief_people.removed_at', 'is', null)
    .orderBy('people.last_name')
    .execute();
}

/** Every link row of one debrief, including people taken off the list, with their work e-mail. */
export function listAskedRows(db: DbOrTrx, organizationId: string, debriefId: string) {
  return db
    .selectFrom('group_debrief_people')
    .innerJoin('people', 'people.id', 'group_debrief_people.person_id')
    .select(['group_debrief_people.person_id', 'group_debrief_people.role', 'group_debrief_people.removed_at', 'people.work_email'])
    .where('group_debrief_people.organization_id', '=', organizationId)
    .where('group_debrief_people.debrief_id', '=', debriefId)
    .execute();
}

/** One person's link row after a change: role, a fresh link token, and whether they are still asked. */
export async function updateAsked(
  db: DbOrTrx,
  debriefId: string,
  personId: string,
  set: Partial<Pick<GroupDebriefPersonRow, 'role' | 'invite_token_hash' | 'removed_at'>>,
): Promise<void> {
  await db.updateTable('group_debrief_people').set(set).where('debrief_id', '=', debriefId).where('person_id', '=', personId).execute();
}

export async function insertAsked(db: DbOrTrx, rows: GroupDebriefPersonRow[]): Promise<void> {
  if (rows.length) await db.insertInto('group_debrief_people').values(rows).execute();
}

type DebriefChange = Partial<Pick<GroupDebriefRow, 'starts_at' | 'minutes' | 'modality' | 'video_link' | 'status' | 'cancelled_at'>> &
  Pick<GroupDebriefRow, 'sequence' | 'updated_at'>;

/**
 * Applies a change only if nobody changed the debrief since it was read (same sequence), it is still
 * scheduled, has no outcome and still has its invite list: two administrators editing at once cannot
 * both win.
 */
export async function updateDebriefIfSequence(db: DbOrTrx, id: string, sequence: number, set: DebriefChange): Promise<boolean> {
  const result = await db
    .updateTable('group_debriefs')
    .set(set)
    .where('id', '=', id)
    .where('sequence', '=', sequence)
    .where('status', '=', 'scheduled')
    .where('recorded_at', 'is', null)
    .where('invite_list_erased_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Only for a debrief that was not cancelled; false when it was cancelled in the meantime. */
export async function recordOutcome(db: DbOrTrx, id: string, headCount: number, actualMinutes: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('group_debriefs')
    .set({ head_count: headCount, actual_minutes: actualMinutes, recorded_at: at })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The invite behind a link token: the debrief and the recipient's work e-mail. */
export function findInviteByTokenHash(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom('group_debrief_people')
    .innerJoin('group_debriefs', 'group_debriefs.id', 'group_debrief_people.debrief_id')
    .innerJoin('people', 'people.id', 'group_debrief_people.person_id')
    .select([
      'group_debriefs.organization_id',
      'group_debriefs.starts_at',
      'group_debriefs.minutes',
      'group_debriefs.ics_uid',
      'group_debriefs.sequence',
      'group_debriefs.status',
      'group_debriefs.modality',
      'group_debriefs.video_link',
      'group_debrief_people.removed_at',
      'people.work_email',
    ])
    .where('group_debrief_people.invite_token_hash', '=', tokenHash)
    .executeTakeFirst();
}
