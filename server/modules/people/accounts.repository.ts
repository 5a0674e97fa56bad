import type { DbOrTrx } from '../../db/database.ts';
import { toBool } from '../../db/values.ts';

/**
 * Sign-in lookup: the accounts with this e-mail, in one organisation when its slug is known (the
 * `/{slug}/login` page), else in every organisation of the deployment. E-mail is unique per
 * organisation, so the caller signs in only when exactly one account is found.
 */
export async function findAccountsForSignIn(db: DbOrTrx, email: string, organizationSlug?: string) {
  let query = db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .innerJoin('organizations', 'organizations.id', 'accounts.organization_id')
    .select(['accounts.id', 'accounts.organization_id', 'accounts.person_id', 'accounts.password_hash', 'people.active as person_active'])
    .where('accounts.email', '=', email);
  if (organizationSlug !== undefined) query = query.where('organizations.slug', '=', organizationSlug);
  const rows = await query.limit(2).execute();
  return rows.map((row) => ({ ...row, person_active: toBool(row.person_active) }));
}

export async function findAccountById(db: DbOrTrx, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountByPerson(db: DbOrTrx, organizationId: string, personId: string) {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Within one organisation: another organisation's accounts are never consulted (nor revealed). */
export async function isAccountEmailTaken(db: DbOrTrx, organizationId: string, email: string, exceptPersonId?: string): Promise<boolean> {
  let query = db.selectFrom('accounts').select('id').where('organization_id', '=', organizationId).where('email', '=', email);
  if (exceptPersonId) query = query.where('person_id', '!=', exceptPersonId);
  return Boolean(await query.executeTakeFirst());
}

export async function insertAccount(
  db: DbOrTrx,
  row: { id: string; organization_id: string; person_id: string; email: string; password_hash: string | null; created_at: string },
): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ ...row, password_changed_at: row.password_hash ? row.created_at : null, last_login_at: null })
    .execute();
}

export async function setAccountPassword(db: DbOrTrx, accountId: string, passwordHash: string, at: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: at }).where('id', '=', accountId).execute();
}

export async function setAccountEmail(db: DbOrTrx, personId: string, email: string): Promise<void> {
  await db.updateTable('accounts').set({ email }).where('person_id', '=', personId).execute();
}

export async function recordLogin(db: DbOrTrx, accountId: string, at: string): Promise<void> {
  await db.updateTable('accounts').set({ last_login_at: at }).where('id', '=', accountId).execute();
}
