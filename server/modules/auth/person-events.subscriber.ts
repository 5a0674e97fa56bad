import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';
import { findAccountByPerson, type PersonEvent } from '../people/index.ts';
import { deleteSessionsOfPerson } from './sessions.repository.ts';
import { deleteUnusedSignInLinks } from './sign-in-links.repository.ts';
import { issueSignInLink } from './sign-in-links.service.ts';

/**
 * Auth's part when a person's standing changes: a deactivated person's sessions and unused sign-in
 * links end in the same transaction (ASVS 7.4.2); a first director who cannot sign in yet gets an
 * invitation, since nobody else may set their password.
 */
export async function authPersonSubscriber(ctx: AppContext, trx: Trx, event: PersonEvent): Promise<void> {
  if (event.kind === 'deactivated') {
    await deleteSessionsOfPerson(trx, event.personId);
    await deleteUnusedSignInLinks(trx, event.personId);
    return;
  }
  const account = await findAccountByPerson(trx, event.organizationId, event.person.id);
  if (account?.password_hash) return;
  await issueSignInLink(trx, {
    organizationId: event.organizationId,
    person: event.person,
    createdBy: event.actorPersonId,
    now: ctx.clock.now(),
  });
}
