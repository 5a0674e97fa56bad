import type { DbOrTrx } from '../../db/database.ts';
import type { PagesTable, PagingSettingsTable } from '../../db/schema-paging.ts';

export type PageRow = PagesTable;
export type PagingSettingsRow = PagingSettingsTable;

export async function findSettings(db: DbOrTrx, organizationId: string): Promise<PagingSettingsRow | undefined> {
  return db.selectFrom('paging_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function replaceSettings(db: DbOrTrx, row: PagingSettingsRow): Promise<void> {
  await db.deleteFrom('paging_settings').where('organization_id', '=', row.organization_id).execute();
  await db.insertInto('paging_settings').values(row).execute();
}

/** Inserts the page unless this person was already paged at this step of this chain (a rerun). */
export async function insertPage(db: DbOrTrx, row: PageRow): Promise<boolean> {
  const result = await db
    .insertInto('pages')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'step', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function findPage(db: DbOrTrx, organizationId: string, id: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function pagesOfCase(db: DbOrTrx, caseId: string): Promise<PageRow[]> {
  return db.selectFrom('pages').selectAll().where('case_id', '=', caseId).orderBy('step').orderBy('sent_at').execute();
}

export async function openPagesOf(db: DbOrTrx, organizationId: string, personId: string | null): Promise<PageRow[]> {
  let query = db.selectFrom('pages').selectAll().where('organization_id', '=', organizationId).where('status', '=', 'open');
  if (personId) query = query.where('person_id', '=', personId);
  return query.orderBy('sent_at', 'desc').limit(50).execute();
}

/** Ends every open page of the chain, as acknowledged (by someone) or closed (no longer needed). */
export async function endChain(
  db: DbOrTrx,
  caseId: string,
  status: 'acknowledged' | 'closed',
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('pages')
    .set(status === 'acknowledged' ? { status, acknowledged_at: at, acknowledged_by: by } : { status })
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .execute();
}

export async function wasAcknowledged(db: DbOrTrx, caseId: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('pages').select('id').where('case_id', '=', caseId).where('status', '=', 'acknowledged').executeTakeFirst(),
  );
}

/** Active people of the organisation holding a role, with their work e-mail. */
export async function activeWithRole(
  db: DbOrTrx,
  organizationId: string,
  role: 'program_admin' | 'program_director',
): Promise<{ id: string; work_email: string }[]> {
  return db
    .selectFrom('people')
    .innerJoin('role_grants', 'role_grants.person_id', 'people.id')
    .select(['people.id', 'people.work_email'])
    .distinct()
    .where('people.organization_id', '=', organizationId)
    .where('role_grants.organization_id', '=', organizationId)
    .where('people.active', '=', true)
    .where('role_grants.role', '=', role)
    .orderBy('people.id')
    .execute();
}

export async function activePerson(
  db: DbOrTrx,
  organizationId: string,
  personId: string,
): Promise<{ id: string; work_email: string } | undefined> {
  return db
    .selectFrom('people')
    .select(['id', 'work_email'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', personId)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function organizationSlug(db: DbOrTrx, organizationId: string): Promise<string | undefined> {
  return (await db.selectFrom('organizations').select('slug').where('id', '=', organizationId).executeTakeFirst())?.slug;
}
