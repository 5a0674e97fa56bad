import type { DbOrTrx } from '../../db/database.ts';
import type { SsoSettingsTable } from '../../db/schema-sso.ts';

export type SsoSettingsRow = SsoSettingsTable;

export async function findSsoSettings(db: DbOrTrx, organizationId: string): Promise<SsoSettingsRow | undefined> {
  return db.selectFrom('sso_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function upsertSsoSettings(db: DbOrTrx, row: SsoSettingsRow): Promise<void> {
  const { organization_id: _key, ...changes } = row;
  await db
    .insertInto('sso_settings')
    .values(row)
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(changes))
    .execute();
}

/** The deployment's organisation when it has exactly one. */
export async function onlyOrganization(db: DbOrTrx) {
  const rows = await db.selectFrom('organizations').select(['id', 'slug', 'name']).limit(2).execute();
  return rows.length === 1 ? rows[0] : undefined;
}
