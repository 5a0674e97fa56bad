import type { DbOrTrx } from '../../db/database.ts';

export async function findTotp(db: DbOrTrx, accountId: string) {
  return db
    .selectFrom('accounts')
    .select(['totp_secret', 'totp_enrolled_at', 'totp_last_step'])
    .where('id', '=', accountId)
    .executeTakeFirst();
}

/**
 * Records an accepted code's time step, but only if no code of that step or later was accepted
 * meanwhile (two parallel requests with one code: exactly one wins). Returns whether this one did.
 */
export async function claimTotpStep(db: DbOrTrx, accountId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function saveTotp(db: DbOrTrx, accountId: string, secret: string, step: number, at: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ totp_secret: secret, totp_enrolled_at: at, totp_last_step: step })
    .where('id', '=', accountId)
    .execute();
}

export async function clearTotp(db: DbOrTrx, accountId: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ totp_secret: null, totp_enrolled_at: null, totp_last_step: null })
    .where('id', '=', accountId)
    .execute();
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
}

export async function replaceRecoveryCodes(db: DbOrTrx, accountId: string, hashes: string[], at: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ code_hash, account_id: accountId, created_at: at, used_at: null })))
    .execute();
}

/** Marks an unused code of this account used; false when there is none (wrong, used, or another's). */
export async function useRecoveryCode(db: DbOrTrx, accountId: string, hash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('account_id', '=', accountId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: DbOrTrx, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setPendingTotpSecret(db: DbOrTrx, sessionId: string, secret: string | null): Promise<void> {
  await db.updateTable('sessions').set({ pending_totp_secret: secret }).where('id', '=', sessionId).execute();
}

export async function findPendingTotpSecret(db: DbOrTrx, sessionId: string): Promise<string | null> {
  const row = await db.selectFrom('sessions').select('pending_totp_secret').where('id', '=', sessionId).executeTakeFirst();
  return row?.pending_totp_secret ?? null;
}

/** The session passed its second factor (how) and its holder proved who they are just now. */
export async function markSessionVerified(
  db: DbOrTrx,
  sessionId: string,
  at: string,
  secondFactor?: 'totp' | 'recovery_code',
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ verified_at: at, ...(secondFactor ? { second_factor: secondFactor, pending_totp_secret: null } : {}) })
    .where('id', '=', sessionId)
    .execute();
}
