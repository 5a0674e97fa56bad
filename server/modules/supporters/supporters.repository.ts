import type { DbOrTrx } from '../../db/database.ts';
import type { SupporterProfilesTable } from '../../db/schema-support.ts';

export async function findProfile(db: DbOrTrx, organizationId: string, personId: string) {
  return db
    .selectFrom('supporter_profiles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function upsertProfile(db: DbOrTrx, row: SupporterProfilesTable): Promise<void> {
  const { person_id: _personId, organization_id: _organizationId, ...rest } = row;
  await db
    .insertInto('supporter_profiles')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet(rest))
    .execute();
}

/** Active people holding the peer_supporter role in the organisation, with their profile row if any. */
export async function listSupporterPeople(db: DbOrTrx, organizationId: string, personId?: string) {
  let query = db
    .selectFrom('people')
    .innerJoin('role_grants', (join) => join.onRef('role_grants.person_id', '=', 'people.id').on('role_grants.role', '=', 'peer_supporter'))
    .leftJoin('professions', 'professions.id', 'people.profession_id')
    .leftJoin('supporter_profiles', 'supporter_profiles.person_id', 'people.id')
    .select([
      'people.id as person_id',
      'people.first_name',
      'people.last_name',
      'people.department_id',
      'people.languages',
      'people.active as person_active',
      'professions.category as profession_category',
      'supporter_profiles.status',
      'supporter_profiles.certified_until',
      'supporter_profiles.capacity',
      'supporter_profiles.modalities',
      'supporter_profiles.experience_tags',
      'supporter_profiles.weekly_availability',
      'supporter_profiles.away_periods',
      'supporter_profiles.paused_until',
      'supporter_profiles.updated_at',
    ])
    .where('people.organization_id', '=', organizationId);
  if (personId) query = query.where('people.id', '=', personId);
  return query.orderBy('people.last_name').orderBy('people.first_name').orderBy('people.id').execute();
}

/**
 * Extends a supporter's pause to `until` (never shortens one already longer), creating their profile
 * from `defaults` if they have none yet.
 */
export async function extendPause(
  db: DbOrTrx,
  organizationId: string,
  personId: string,
  until: string,
  at: string,
  defaults: Omit<SupporterProfilesTable, 'person_id' | 'organization_id' | 'updated_at'>,
): Promise<void> {
  const existing = await findProfile(db, organizationId, personId);
  if (!existing) {
    await db
      .insertInto('supporter_profiles')
      .values({ ...defaults, person_id: personId, organization_id: organizationId, paused_until: until, state_since: at, updated_at: at })
      .execute();
    return;
  }
  if (existing.paused_until && existing.paused_until >= until) return;
  await db
    .updateTable('supporter_profiles')
    .set({ paused_until: until, updated_at: at })
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .execute();
}
