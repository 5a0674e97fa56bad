import type { Trx } from '../../db/database.ts';
import { newId } from '../../db/values.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { insertAccount } from '../people/index.ts';
import type { VerifiedIdentity } from './oidc-client.ts';
import { SsoRefusal } from './sso-refusal.ts';
import {
  findAccountByEmail,
  findAccountByIdentity,
  findPersonWithoutAccount,
  findSubjectOfAccount,
  insertIdentity,
  touchIdentity,
  type LinkableAccount,
} from './sso-identities.repository.ts';

export interface LinkContext {
  organizationId: string;
  slug: string;
  allowedDomains: readonly string[];
  at: string;
  ip: string;
}

/**
 * Which account a verified identity signs in to (docs/decisions/012-single-sign-on.md):
 * 1. an (issuer, subject) linked before — so an e-mail changed at the provider neither breaks the
 *    link nor lands on someone else's account;
 * 2. else the verified e-mail (`email_verified` true, domain allowed) of an account in THIS
 *    organisation, linking its subject now; an account already linked to another subject at this
 *    provider is refused (an address given to someone new must not inherit the account);
 * 3. else a directory person of this organisation with that work e-mail and no account yet: their
 *    account is created, without a password.
 * Roles never come from the provider: the account has exactly the roles granted in Peerline.
 */
export async function linkIdentity(trx: Trx, identity: VerifiedIdentity, link: LinkContext): Promise<LinkableAccount> {
  const where = { organizationId: link.organizationId, slug: link.slug };
  const linked = await findAccountByIdentity(trx, link.organizationId, identity.issuer, identity.subject);
  if (linked) {
    if (!linked.person_active)
      throw new SsoRefusal('deactivated', 'the linked person is deactivated', { ...where, personId: linked.person_id });
    await touchIdentity(trx, link.organizationId, identity.issuer, identity.subject, link.at);
    return linked;
  }

  if (!identity.emailVerified || !identity.email)
    throw new SsoRefusal('email_unverified', 'the id_token has no e-mail with email_verified true', where);
  const domain = identity.email.split('@').pop() ?? '';
  if (!link.allowedDomains.includes(domain)) throw new SsoRefusal('domain_not_allowed', `e-mail domain ${domain} is not allowed`, where);

  let account = await findAccountByEmail(trx, link.organizationId, identity.email);
  let how: 'existing_account' | 'new_account' = 'existing_account';
  if (account) {
    if (!account.person_active) throw new SsoRefusal('deactivated', 'the person is deactivated', { ...where, personId: account.person_id });
    if (await findSubjectOfAccount(trx, account.id, identity.issuer)) {
      throw new SsoRefusal('already_linked', 'the account is linked to another subject at this issuer', {
        ...where,
        personId: account.person_id,
      });
    }
  } else {
    const person = await findPersonWithoutAccount(trx, link.organizationId, identity.email);
    if (!person) throw new SsoRefusal('unknown_person', 'no account or directory person has this e-mail in the organisation', where);
    if (!person.active) throw new SsoRefusal('deactivated', 'the person is deactivated', { ...where, personId: person.id });
    account = { id: newId(), organization_id: link.organizationId, person_id: person.id, person_active: true };
    await insertAccount(trx, {
      id: account.id,
      organization_id: link.organizationId,
      person_id: person.id,
      email: person.workEmail,
      password_hash: null,
      created_at: link.at,
    });
    how = 'new_account';
  }
  await insertIdentity(trx, {
    organization_id: link.organizationId,
    issuer: identity.issuer,
    subject: identity.subject,
    account_id: account.id,
    at: link.at,
  });
  await appendAuditEvent(trx, {
    organizationId: link.organizationId,
    actorPersonId: account.person_id,
    action: 'auth.sso_linked',
    subjectType: 'person',
    subjectId: account.person_id,
    detail: how,
    at: link.at,
    ip: link.ip,
  });
  return account;
}
