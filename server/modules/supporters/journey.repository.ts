import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { SupporterProfilesTable } from '../../db/schema-support.ts';
import type { SupporterNominationsTable } from '../../db/schema-team.ts';
import type { SupporterState } from '../../../shared/supporter-lifecycle.ts';

/** Where a person stands in the program, if anywhere: the state part of their supporter profile. */
export async function findJourney(db: DbOrTrx, organizationId: string, personId: string) {
  return db
    .selectFrom('supporter_profiles')
    .select(['person_id', 'status', 'certified_until', 'state_since', 'updated_at'])
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function insertProfile(db: DbOrTrx, row: SupporterProfilesTable): Promise<void> {
  await db.insertInto('supporter_profiles').values(row).execute();
}

/**
 * Moves a journey only if it is still in the state the caller read: of two concurrent decisions
 * exactly one wins. Returns whether this caller won.
 */
export async function updateJourneyIfState(
  trx: Trx,
  organizationId: string,
  personId: string,
  expected: SupporterState,
  set: { status: SupporterState; certified_until: string | null; state_since: string; updated_at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('supporter_profiles')
    .set(set)
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .where('status', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A declined nomination leaves nothing behind: no profile, no record of who nominated. */
export async function deleteJourney(trx: Trx, organizationId: string, personId: string): Promise<void> {
  await trx
    .deleteFrom('supporter_nominations')
    .where('organization_id', '=', organizationId)
    .where('nominee_person_id', '=', personId)
    .execute();
  await trx.deleteFrom('supporter_profiles').where('organization_id', '=', organizationId).where('person_id', '=', personId).execute();
}

export async function insertNomination(db: DbOrTrx, row: SupporterNominationsTable): Promise<void> {
  await db.insertInto('supporter_nominations').values(row).execute();
}

export async function hasNominated(db: DbOrTrx, organizationId: string, nomineeId: string, byId: string): Promise<boolean> {
  const row = await db
    .selectFrom('supporter_nominations')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('nominee_person_id', '=', nomineeId)
    .where('nominated_by_person_id', '=', byId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Everyone with a journey, for the director's team view, and everyone holding the supporter role
 * without one yet (given it by hand: `status` null, shown as active and uncertified): the person,
 * their state and since when, and how many colleagues nominated them.
 */
export async function listJourneys(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('people')
    .leftJoin('supporter_profiles', 'supporter_profiles.person_id', 'people.id')
    .leftJoin('professions', 'professions.id', 'people.profession_id')
    .leftJoin('departments', 'departments.id', 'people.department_id')
    .select((eb) => [
      'people.id as person_id',
      'people.first_name',
      'people.last_name',
      'people.active as person_active',
      'professions.name as profession_name',
      'departments.name as department_name',
      'supporter_profiles.status',
      'supporter_profiles.certified_until',
      'supporter_profiles.state_since',
      eb
        .selectFrom('supporter_nominations')
        .select((n) => n.fn.countAll<number>().as('n'))
        .whereRef('supporter_nominations.nominee_person_id', '=', 'people.id')
        .as('nominations'),
    ])
    .where('people.organization_id', '=', organizationId)
    .where((eb) =>
      eb.or([
        eb('supporter_profiles.person_id', 'is not', null),
        eb.exists(
          eb
            .selectFrom('role_grants')
            .select('role_grants.person_id')
            .whereRef('role_grants.person_id', '=', 'people.id')
            .where('role_grants.role', '=', 'peer_supporter'),
        ),
      ]),
    )
    .orderBy('people.last_name')
    .orderBy('people.first_name')
    .orderBy('people.id')
    .execute();
}

/** A later nomination of someone once declined starts their journey again, keeping their profile settings. */
export async function restartJourney(trx: Trx, organizationId: string, personId: string, state: SupporterState, at: string): Promise<void> {
  await trx
    .updateTable('supporter_profiles')
    .set({ status: state, certified_until: null, state_since: at, updated_at: at })
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .execute();
}

export async function countNominationsBySince(db: DbOrTrx, organizationId: string, byId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('supporter_nominations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('nominated_by_person_id', '=', byId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Certifications of people on the team (certified, active, paused) that end on or before `lastDay`,
 * across organisations, with each organisation's time zone: what the hourly certification sweep
 * reminds about or lapses.
 */
export async function listCertificationsEndingBy(db: DbOrTrx, lastDay: string) {
  return db
    .selectFrom('supporter_profiles')
    .innerJoin('organizations', 'organizations.id', 'supporter_profiles.organization_id')
    .innerJoin('people', 'people.id', 'supporter_profiles.person_id')
    .select([
      'supporter_profiles.person_id',
      'supporter_profiles.organization_id',
      'supporter_profiles.status',
      'supporter_profiles.certified_until',
      'organizations.time_zone',
      'people.active as person_active',
    ])
    .where('supporter_profiles.status', 'in', ['certified', 'active', 'paused'])
    .where('supporter_profiles.certified_until', 'is not', null)
    .where('supporter_profiles.certified_until', '<=', lastDay)
    .orderBy('supporter_profiles.person_id')
    .execute();
}
