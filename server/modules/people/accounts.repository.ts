import type { DbOrTrx } from '../../db/database.ts';
import { toBool } from '../../db/values.ts';

/** Sign-in lookup across the deployment: e-mail is unique over all organisations. */
export async function findAccountForSignIn(db: DbOrTrx, email: string) {
  const row = await db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select([
      'accounts.id',
      'accounts.organization_id',
      'accounts.person_id',
      'accounts.password_hash',
      'people.active as person_active',
    ])
    .where('accounts.email', '=', email)
    .executeTakeFirst();
  return row && { ...row, person_active: toBool(row.person_active) };
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

export async function isAccountEmailTaken(db: DbOrTrx, email: string, exceptPersonId?: string): Promise<boolean> {
  let query = db.selectFrom('accounts').select('id').where('email', '=', email);
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
