import type { Department, Organization, Profession, Site, SupportLine } from '../../../shared/schemas/organization.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { parseJsonArray, toBool } from '../../db/values.ts';
import type { DepartmentsTable, ProfessionsTable, SitesTable, SupportLinesTable } from '../../db/schema.ts';

export async function findOrganization(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganizationBySlug(db: DbOrTrx, slug: string) {
  return db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function firstOrganization(db: DbOrTrx) {
  return db.selectFrom('organizations').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export function toOrganization(row: { id: string; slug: string; name: string; time_zone: string }): Organization {
  return { id: row.id, slug: row.slug, name: row.name, timeZone: row.time_zone };
}

export async function updateOrganization(
  db: DbOrTrx,
  id: string,
  patch: {
    program_name?: string;
    time_zone?: string;
    supporter_directory_enabled?: boolean;
    retention_days?: number;
    supporters_need_second_factor?: boolean;
    cooldown_days?: number;
    report_min_count?: number;
  },
) {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('organizations').set(patch).where('id', '=', id).execute();
}

export async function listSites(db: DbOrTrx, organizationId: string): Promise<Site[]> {
  const rows = await db.selectFrom('sites').selectAll().where('organization_id', '=', organizationId).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, active: toBool(r.active) }));
}

export async function listDepartments(db: DbOrTrx, organizationId: string): Promise<Department[]> {
  const rows = await db.selectFrom('departments').selectAll().where('organization_id', '=', organizationId).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, siteId: r.site_id, parentId: r.parent_id, active: toBool(r.active) }));
}

export async function listProfessions(db: DbOrTrx, organizationId: string): Promise<Profession[]> {
  const rows = await db.selectFrom('professions').selectAll().where('organization_id', '=', organizationId).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, category: r.category, active: toBool(r.active) }));
}

export function toSupportLine(r: SupportLinesTable): SupportLine {
  return {
    id: r.id,
    kind: r.kind as SupportLine['kind'],
    name: r.name,
    phone: r.phone,
    hours: parseJsonArray(r.hours),
    timeZone: r.time_zone,
    description: r.description,
    sortOrder: r.sort_order,
  };
}

export async function listSupportLines(db: DbOrTrx, organizationId: string): Promise<SupportLine[]> {
  const rows = await db
    .selectFrom('support_lines')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('sort_order')
    .execute();
  return rows.map(toSupportLine);
}

/** The organisation's structure: sites, departments and professions, each with an id, a name and an active flag. */
export type StructureTable = 'sites' | 'departments' | 'professions';

/** A site, department or profession of the organisation: one of another organisation is simply not found. */
export async function findStructureEntry(db: DbOrTrx, table: StructureTable, organizationId: string, id: string) {
  return db
    .selectFrom(table)
    .select(['id', 'active'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether another site or profession of the organisation (not `exceptId`) already has this name. */
export async function isStructureNameTaken(
  db: DbOrTrx,
  table: 'sites' | 'professions',
  organizationId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db.selectFrom(table).select('id').where('organization_id', '=', organizationId).where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return Boolean(await query.executeTakeFirst());
}

export async function insertSite(db: DbOrTrx, row: SitesTable): Promise<void> {
  await db.insertInto('sites').values(row).execute();
}

export async function updateSite(db: DbOrTrx, organizationId: string, id: string, patch: Partial<Pick<SitesTable, 'name' | 'active'>>) {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('sites').set(patch).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function insertDepartment(db: DbOrTrx, row: DepartmentsTable): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

export async function updateDepartment(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  patch: Partial<Pick<DepartmentsTable, 'name' | 'site_id' | 'parent_id' | 'active'>>,
) {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('departments').set(patch).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function insertProfession(db: DbOrTrx, row: ProfessionsTable): Promise<void> {
  await db.insertInto('professions').values(row).execute();
}

export async function updateProfession(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  patch: Partial<Pick<ProfessionsTable, 'name' | 'category' | 'active'>>,
) {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('professions').set(patch).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function findSupportLine(db: DbOrTrx, organizationId: string, id: string): Promise<SupportLinesTable | undefined> {
  return db.selectFrom('support_lines').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function updateSupportLine(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  patch: Partial<Pick<SupportLinesTable, 'name' | 'phone' | 'hours' | 'time_zone' | 'description'>>,
) {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('support_lines').set(patch).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}
