import type { Role } from '../../../shared/permissions.ts';
import type { PeopleTable } from '../../db/schema.ts';
import { toOrganization } from '../organization/index.ts';
import { toPerson } from '../people/index.ts';

/**
 * What `/api/me` (asked on every page load) shows of the signed-in person and their organisation.
 * The session read (sessions.repository's findSessionWithRoles) selects these columns along with
 * the session, so answering `/api/me` takes no statement of its own: on PostgreSQL every statement
 * is a round trip, and this one was half the cost of the route.
 */
export const SELF_COLUMNS = [
  'people.first_name',
  'people.last_name',
  'people.work_email',
  'people.profession_id',
  'people.department_id',
  'people.specialty',
  'people.languages',
  'people.manager_id',
  'people.created_at as person_created_at',
  'people.updated_at as person_updated_at',
  'organizations.slug as organization_slug',
  'organizations.name as organization_name',
  'organizations.time_zone as organization_time_zone',
] as const;

/** A row with SELF_COLUMNS (the session's own columns name the person and organisation ids). */
export type SelfRow = Pick<
  PeopleTable,
  'first_name' | 'last_name' | 'work_email' | 'profession_id' | 'department_id' | 'specialty' | 'languages' | 'manager_id'
> & {
  person_id: string;
  person_active: boolean;
  organization_id: string;
  person_created_at: string;
  person_updated_at: string;
  organization_slug: string;
  organization_name: string;
  organization_time_zone: string;
};

/** The `Person` (people.repository's shape: a session exists only for an account) and organisation. */
export function toSelf(row: SelfRow, roles: readonly Role[]) {
  const person = toPerson(
    { ...row, id: row.person_id, active: row.person_active, created_at: row.person_created_at, updated_at: row.person_updated_at },
    roles,
    true,
  );
  const organization = toOrganization({
    id: row.organization_id,
    slug: row.organization_slug,
    name: row.organization_name,
    time_zone: row.organization_time_zone,
  });
  return { person, organization };
}
