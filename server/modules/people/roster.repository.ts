import type { DbOrTrx } from '../../db/database.ts';
import type { PeopleTable } from '../../db/schema.ts';

/**
 * Bulk queries for the roster import. Rows go in batches: 500 people × 13 columns is 6,500 bound
 * values per statement, well under SQLite's 32,766 and PostgreSQL's 65,535, and large enough that
 * 10,000 rows take 20 round trips instead of 10,000.
 */
export const BATCH_ROWS = 500;

function* batches<T>(items: readonly T[], size = BATCH_ROWS): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The whole directory of one organisation, read once; the import never selects row by row. */
export async function listOrganizationPeople(db: DbOrTrx, organizationId: string): Promise<PeopleTable[]> {
  return db.selectFrom('people').selectAll().where('organization_id', '=', organizationId).execute();
}

/** Who holds any of `roles` in the organisation (used to find people the caller may not change). */
export async function listHoldersOfRoles(db: DbOrTrx, organizationId: string, roles: readonly string[]) {
  if (roles.length === 0) return [];
  return db
    .selectFrom('role_grants')
    .select(['person_id', 'role'])
    .where('organization_id', '=', organizationId)
    .where('role', 'in', [...roles])
    .execute();
}

export async function insertPeople(db: DbOrTrx, rows: readonly PeopleTable[]): Promise<void> {
  for (const batch of batches(rows)) await db.insertInto('people').values(batch).execute();
}

export async function grantRoleToAll(
  db: DbOrTrx,
  organizationId: string,
  personIds: readonly string[],
  role: string,
  grantedBy: string | null,
  at: string,
): Promise<void> {
  for (const batch of batches(personIds)) {
    await db
      .insertInto('role_grants')
      .values(
        batch.map((personId) => ({ organization_id: organizationId, person_id: personId, role, granted_by: grantedBy, granted_at: at })),
      )
      .onConflict((oc) => oc.columns(['person_id', 'role']).doNothing())
      .execute();
  }
}

/** What an import may change on an existing person: never the id, organisation, e-mail or created_at. */
const MUTABLE = [
  'first_name',
  'last_name',
  'profession_id',
  'department_id',
  'specialty',
  'languages',
  'manager_id',
  'active',
  'updated_at',
] as const;

/**
 * Batched UPDATE of existing people, written as INSERT … ON CONFLICT (id) DO UPDATE: it is the one
 * multi-row update both engines accept with typed columns (booleans included) and no per-engine SQL.
 * Every row passed must already exist (the caller read it in this transaction; people are never
 * deleted), so the insert half never happens; the organisation filter is a second fence.
 */
export async function updatePeople(db: DbOrTrx, organizationId: string, rows: readonly PeopleTable[]): Promise<void> {
  for (const batch of batches(rows)) {
    await db
      .insertInto('people')
      .values(batch)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => Object.fromEntries(MUTABLE.map((c) => [c, eb.ref(`excluded.${c}`)])))
          .where('people.organization_id', '=', organizationId),
      )
      .execute();
  }
}
