import { sql } from 'kysely';
import type { Role } from '../../../shared/permissions.ts';
import type { ProfessionCategory } from '../../../shared/schemas/organization.ts';
import type { Person, PeopleQuery } from '../../../shared/schemas/person.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { PeopleTable } from '../../db/schema.ts';
import { containsPattern, parseJsonArray, toBool } from '../../db/values.ts';

export type PersonRow = PeopleTable;

export interface PersonWrite {
  first_name: string;
  last_name: string;
  work_email: string;
  profession_id: string | null;
  department_id: string | null;
  specialty: string | null;
  languages: string[];
  manager_id: string | null;
}

async function rolesAndAccounts(db: DbOrTrx, personIds: string[]) {
  const roles = new Map<string, Role[]>();
  const withAccount = new Set<string>();
  if (personIds.length === 0) return { roles, withAccount };
  const [grants, accounts] = await Promise.all([
    db.selectFrom('role_grants').select(['person_id', 'role']).where('person_id', 'in', personIds).execute(),
    db.selectFrom('accounts').select('person_id').where('person_id', 'in', personIds).execute(),
  ]);
  for (const g of grants) roles.set(g.person_id, [...(roles.get(g.person_id) ?? []), g.role as Role]);
  for (const a of accounts) withAccount.add(a.person_id);
  return { roles, withAccount };
}

/** The API's `Person` from a directory row (also used by the signed-in person's `/api/me` read). */
export function toPerson(row: PersonColumns, roles: readonly Role[], hasAccount: boolean): Person {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    workEmail: row.work_email,
    professionId: row.profession_id,
    departmentId: row.department_id,
    specialty: row.specialty,
    languages: parseJsonArray<string>(row.languages),
    managerId: row.manager_id,
    active: toBool(row.active),
    roles: [...roles].sort(),
    hasAccount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type PersonColumns = Pick<
  PersonRow,
  | 'id'
  | 'first_name'
  | 'last_name'
  | 'work_email'
  | 'profession_id'
  | 'department_id'
  | 'specialty'
  | 'languages'
  | 'manager_id'
  | 'active'
  | 'created_at'
  | 'updated_at'
>;

async function present(db: DbOrTrx, rows: PersonRow[]): Promise<Person[]> {
  const { roles, withAccount } = await rolesAndAccounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPerson(r, roles.get(r.id) ?? [], withAccount.has(r.id)));
}

/** Scoped by organisation: a person of another organisation is simply not found. */
export async function findPerson(db: DbOrTrx, organizationId: string, id: string): Promise<Person | undefined> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (await present(db, [row]))[0] : undefined;
}

export async function findPersonIdByEmail(db: DbOrTrx, organizationId: string, email: string) {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('work_email', '=', email)
    .executeTakeFirst();
  return row?.id;
}

export async function listPeople(db: DbOrTrx, organizationId: string, query: PeopleQuery) {
  let base = db.selectFrom('people').where('people.organization_id', '=', organizationId);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(people.first_name || ' ' || people.last_name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(people.work_email)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (query.departmentId) base = base.where('people.department_id', '=', query.departmentId);
  if (query.professionId) base = base.where('people.profession_id', '=', query.professionId);
  if (query.active !== 'all') base = base.where('people.active', '=', query.active === 'true');
  if (query.role) {
    const role = query.role;
    base = base.where('people.id', 'in', (eb) =>
      eb.selectFrom('role_grants').select('person_id').where('organization_id', '=', organizationId).where('role', '=', role),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll('people')
      .orderBy('people.last_name')
      .orderBy('people.first_name')
      .orderBy('people.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { people: await present(db, rows), total: Number(count.n) };
}

export async function insertPerson(
  db: DbOrTrx,
  row: PersonWrite & { id: string; organization_id: string; active: boolean; created_at: string },
): Promise<void> {
  await db
    .insertInto('people')
    .values({ ...row, languages: JSON.stringify(row.languages), updated_at: row.created_at })
    .execute();
}

export async function updatePerson(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  patch: Partial<PersonWrite> & { active?: boolean },
  at: string,
): Promise<void> {
  const { languages, ...rest } = patch;
  await db
    .updateTable('people')
    .set({ ...rest, ...(languages ? { languages: JSON.stringify(languages) } : {}), updated_at: at })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export async function replaceRoles(
  db: DbOrTrx,
  organizationId: string,
  personId: string,
  change: { add: Role[]; remove: Role[] },
  grantedBy: string | null,
  at: string,
): Promise<void> {
  if (change.remove.length) {
    await db.deleteFrom('role_grants').where('person_id', '=', personId).where('role', 'in', change.remove).execute();
  }
  if (change.add.length) {
    await db
      .insertInto('role_grants')
      .values(
        change.add.map((role) => ({ organization_id: organizationId, person_id: personId, role, granted_by: grantedBy, granted_at: at })),
      )
      .onConflict((oc) => oc.columns(['person_id', 'role']).doNothing())
      .execute();
  }
}

/** Whether `managerId` would make a loop in the reporting line of `personId`. */
export async function wouldCreateReportingLoop(db: DbOrTrx, organizationId: string, personId: string, managerId: string) {
  let current: string | null = managerId;
  for (let depth = 0; current && depth < 64; depth++) {
    if (current === personId) return true;
    const row: { manager_id: string | null } | undefined = await db
      .selectFrom('people')
      .select('manager_id')
      .where('organization_id', '=', organizationId)
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.manager_id ?? null;
  }
  return false;
}

/**
 * Work e-mails of the active people of the organisation holding any of `roles`, each once: who is
 * told when something needs the program's attention (no supporter, a missed target, imminent risk).
 */
export async function activeEmailsWithRoles(db: DbOrTrx, organizationId: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .innerJoin('role_grants', 'role_grants.person_id', 'people.id')
    .select('people.work_email')
    .distinct()
    .where('people.organization_id', '=', organizationId)
    .where('role_grants.organization_id', '=', organizationId)
    .where('people.active', '=', true)
    .where('role_grants.role', 'in', roles)
    .orderBy('people.work_email')
    .execute();
  return rows.map((r) => r.work_email);
}

/** What a case copies about its requester from the directory: first name, work e-mail, department and profession category. */
export interface RequesterFacts {
  id: string;
  first_name: string;
  work_email: string;
  department_id: string | null;
  active: boolean;
  category: ProfessionCategory | null;
}

function requesterFactsQuery(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('people')
    .leftJoin('professions', 'professions.id', 'people.profession_id')
    .select(['people.id', 'people.first_name', 'people.work_email', 'people.department_id', 'people.active', 'professions.category'])
    .where('people.organization_id', '=', organizationId);
}

export async function findRequesterFacts(db: DbOrTrx, organizationId: string, personId: string): Promise<RequesterFacts | undefined> {
  const row = await requesterFactsQuery(db, organizationId).where('people.id', '=', personId).executeTakeFirst();
  return row && { ...row, active: toBool(row.active) };
}

/** The people of the organisation with any of these ids or work e-mails, inactive ones included. */
export async function listRequesterFacts(
  db: DbOrTrx,
  organizationId: string,
  match: { ids: string[]; emails: string[] },
): Promise<RequesterFacts[]> {
  const rows = await requesterFactsQuery(db, organizationId)
    .where((eb) =>
      eb.or([
        eb('people.id', 'in', match.ids.length ? match.ids : ['']),
        eb('people.work_email', 'in', match.emails.length ? match.emails : ['']),
      ]),
    )
    .execute();
  return rows.map((row) => ({ ...row, active: toBool(row.active) }));
}

/** First names by person id, within the organisation (a supporter's name as a requester sees it). */
export async function firstNamesOf(db: DbOrTrx, organizationId: string, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'first_name'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', personIds)
    .execute();
  return new Map(rows.map((p) => [p.id, p.first_name]));
}

/**
 * Everyone with this work e-mail in any organisation (or only in the one named by its slug), with
 * the organisation's slug: the operators' command line, which acts for no organisation, finds the
 * person it issues a link for with it.
 */
export async function listPeopleWithWorkEmail(db: DbOrTrx, email: string, organizationSlug?: string) {
  let query = db
    .selectFrom('people')
    .innerJoin('organizations', 'organizations.id', 'people.organization_id')
    .select(['people.id', 'people.work_email', 'people.active', 'people.organization_id', 'organizations.slug'])
    .where('people.work_email', '=', email);
  if (organizationSlug) query = query.where('organizations.slug', '=', organizationSlug);
  return query.execute();
}

/** How far up the reporting line matching looks (the same bound the line walk always had). */
const MAX_MANAGER_DEPTH = 20;

/**
 * The person's specialty, their managers up the chain (nearest first) and their direct reports,
 * in one statement: a recursive walk up `manager_id` (bounded, so a cycle in the directory ends)
 * plus the reports. Matching never makes a manager or a report the person's supporter.
 */
export async function findSpecialtyAndReportingLine(
  db: DbOrTrx,
  organizationId: string,
  personId: string,
): Promise<{ specialty: string | null; reportingLine: string[] }> {
  const { rows } = await sql<{ id: string; depth: number; specialty: string | null }>`
    with recursive chain (id, manager_id, depth, specialty) as (
      select id, manager_id, 0, specialty from people where organization_id = ${organizationId} and id = ${personId}
      union all
      select p.id, p.manager_id, chain.depth + 1, cast(null as text)
        from people p join chain on p.id = chain.manager_id
       where p.organization_id = ${organizationId} and chain.depth < ${MAX_MANAGER_DEPTH}
    )
    select id, depth, specialty from chain
    union all
    select id, -1 as depth, null as specialty from people where organization_id = ${organizationId} and manager_id = ${personId}
  `.execute(db);
  const ordered = [...rows].sort((a, b) => Number(a.depth) - Number(b.depth));
  const managers: string[] = [];
  for (const r of ordered) if (Number(r.depth) > 0 && !managers.includes(r.id)) managers.push(r.id);
  return {
    specialty: ordered.find((r) => Number(r.depth) === 0)?.specialty ?? null,
    reportingLine: [...managers, ...ordered.filter((r) => Number(r.depth) === -1).map((r) => r.id)],
  };
}
