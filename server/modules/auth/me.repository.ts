import type { Role } from '../../../shared/permissions.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { toPerson } from '../people/people.repository.ts';

/**
 * The signed-in person and their organisation in one statement, for `/api/me` (asked on every page
 * load). The person's roles and account are already known from the session (resolveSession read
 * the grants, and a session exists only for an account), so unlike people.repository's findPerson
 * this needs no further reads. Returns the same `Person` shape (people.repository's `toPerson`).
 */
export async function findMe(db: DbOrTrx, organizationId: string, personId: string, roles: readonly Role[]) {
  const row = await db
    .selectFrom('people')
    .innerJoin('organizations', 'organizations.id', 'people.organization_id')
    .select([
      'people.id',
      'people.first_name',
      'people.last_name',
      'people.work_email',
      'people.profession_id',
      'people.department_id',
      'people.specialty',
      'people.languages',
      'people.manager_id',
      'people.active',
      'people.created_at',
      'people.updated_at',
      'organizations.slug as organization_slug',
      'organizations.name as organization_name',
      'organizations.time_zone as organization_time_zone',
    ])
    .where('people.organization_id', '=', organizationId)
    .where('people.id', '=', personId)
    .executeTakeFirst();
  if (!row) return undefined;
  const person = toPerson(row, roles, true);
  const organization = { id: organizationId, slug: row.organization_slug, name: row.organization_name, time_zone: row.organization_time_zone };
  return { person, organization };
}
