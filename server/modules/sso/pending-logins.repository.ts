import type { DbOrTrx } from '../../db/database.ts';
import type { SsoPendingLoginsTable } from '../../db/schema-sso.ts';

export type PendingLoginRow = SsoPendingLoginsTable;

/** Stores a new pending sign-in and clears those nobody came back for. */
export async function insertPendingLogin(db: DbOrTrx, row: PendingLoginRow): Promise<void> {
  await db.deleteFrom('sso_pending_logins').where('expires_at', '<=', row.created_at).execute();
  await db.insertInto('sso_pending_logins').values(row).execute();
}

export async function findPendingLogin(db: DbOrTrx, stateHash: string): Promise<PendingLoginRow | undefined> {
  return db.selectFrom('sso_pending_logins').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
}

/** Single use: of two callbacks with the same state at once, exactly one gets `true`. */
export async function consumePendingLogin(db: DbOrTrx, stateHash: string): Promise<boolean> {
  const result = await db.deleteFrom('sso_pending_logins').where('state_hash', '=', stateHash).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The browser's pending sign-in, to know whose sign-in page a broken callback belongs to; removed, as it cannot finish. */
export async function takePendingLoginOfBrowser(db: DbOrTrx, browserHash: string): Promise<PendingLoginRow | undefined> {
  const row = await db.selectFrom('sso_pending_logins').selectAll().where('browser_hash', '=', browserHash).executeTakeFirst();
  if (row) await db.deleteFrom('sso_pending_logins').where('state_hash', '=', row.state_hash).execute();
  return row;
}
