import type { DbOrTrx } from '../../db/database.ts';
import { passwordSignInRule } from './sign-in-policy.repository.ts';

/**
 * Called by the password sign-in for the account the e-mail found (or none): false when the
 * organisation turned password sign-in off for everyone but its IT administrators (break-glass,
 * docs/decisions/012-single-sign-on.md) and this is not one of them. The caller then gives the very
 * answer a wrong password gets, after the same password-hashing work. One statement either way.
 */
export async function passwordSignInAllowed(
  db: DbOrTrx,
  account: { organization_id: string; person_id: string } | undefined,
): Promise<boolean> {
  const rule = await passwordSignInRule(db, account?.organization_id ?? '', account?.person_id ?? '');
  if (!account || !rule) return false;
  return rule.passwordSignIn || rule.breakGlass;
}
