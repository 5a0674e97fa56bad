import type { DbOrTrx } from '../../db/database.ts';
import { toBool } from '../../db/values.ts';

/**
 * Whether this account may sign in with a password: yes unless its organisation turned password
 * sign-in off, and then only for IT administrators (break-glass). Always exactly one statement, also
 * without an account, so an unknown address takes the same time as a known one.
 */
export async function passwordSignInRule(
  db: DbOrTrx,
  organizationId: string,
  personId: string,
): Promise<{ passwordSignIn: boolean; breakGlass: boolean } | undefined> {
  const row = await db
    .selectFrom('organizations')
    .leftJoin('sso_settings', 'sso_settings.organization_id', 'organizations.id')
    .select('sso_settings.password_sign_in')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('role_grants')
            .select('role_grants.person_id')
            .where('role_grants.organization_id', '=', organizationId)
            .where('role_grants.person_id', '=', personId)
            .where('role_grants.role', '=', 'it_admin'),
        )
        .as('break_glass'),
    )
    .where('organizations.id', '=', organizationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    passwordSignIn: row.password_sign_in === null ? true : toBool(row.password_sign_in),
    breakGlass: toBool(row.break_glass as boolean | number),
  };
}
