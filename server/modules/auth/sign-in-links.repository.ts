import type { DbOrTrx } from '../../db/database.ts';
import type { SignInLinksTable } from '../../db/schema.ts';

export type SignInLinkRow = SignInLinksTable;

/** One live link per person: a new one replaces any earlier link that was not used. */
export async function replaceSignInLink(db: DbOrTrx, row: SignInLinkRow): Promise<void> {
  await db.deleteFrom('sign_in_links').where('person_id', '=', row.person_id).where('used_at', 'is', null).execute();
  await db.insertInto('sign_in_links').values(row).execute();
}

export async function findSignInLink(db: DbOrTrx, tokenHash: string): Promise<SignInLinkRow | undefined> {
  return db.selectFrom('sign_in_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Compare-and-set: of two redemptions of the same link at once, exactly one gets `true`. */
export async function useSignInLink(db: DbOrTrx, tokenHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('sign_in_links')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A deactivated person's links die with their sessions. */
export async function deleteUnusedSignInLinks(db: DbOrTrx, personId: string): Promise<void> {
  await db.deleteFrom('sign_in_links').where('person_id', '=', personId).where('used_at', 'is', null).execute();
}
