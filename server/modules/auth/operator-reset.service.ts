import type { Db } from '../../db/database.ts';
import { queueEmail } from '../../email/outbox.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findAccountsForSignIn } from '../people/index.ts';
import * as factors from './second-factor.repository.ts';
import { deleteSessionsOfAccount } from './sessions.repository.ts';

/**
 * For operators with access to the server (`npm run reset-second-factor`): an organisation whose
 * only director lost both their phone and their recovery codes has nobody in the app who may reset
 * it (docs/decisions/011-two-step-sign-in.md). The authenticator and codes go, every session ends,
 * the person sets up a new app at the next sign-in; audited without an actor and e-mailed to them.
 */
export async function resetSecondFactorByOperator(
  db: Db,
  input: { email: string; organizationSlug?: string | undefined; now: Date },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const accounts = await findAccountsForSignIn(db, email, input.organizationSlug);
  if (accounts.length === 0)
    throw new Error(`No account signs in with ${email}${input.organizationSlug ? ` in ${input.organizationSlug}` : ''}`);
  if (accounts.length > 1) throw new Error(`${email} signs in to several organisations: name one with --org`);
  const account = accounts[0]!;
  const at = input.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await factors.clearTotp(trx, account.id);
    await deleteSessionsOfAccount(trx, account.id);
    await appendAuditEvent(trx, {
      organizationId: account.organization_id,
      actorPersonId: null,
      action: 'person.second_factor_reset_by_operator',
      subjectType: 'person',
      subjectId: account.person_id,
      at,
    });
    await queueEmail(trx, {
      organizationId: account.organization_id,
      to: email,
      template: 'sign_in_security_changed',
      link: '/app/account',
      now: input.now,
    });
  });
}
