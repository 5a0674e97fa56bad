import type { DbOrTrx } from '../../db/database.ts';
import { toBool } from '../../db/values.ts';

const accountColumns = ['accounts.id', 'accounts.organization_id', 'accounts.person_id', 'people.active as person_active'] as const;

export interface LinkableAccount {
  id: string;
  organization_id: string;
  person_id: string;
  person_active: boolean;
}

const toLinkable = (row: { id: string; organization_id: string; person_id: string; person_active: boolean | number }): LinkableAccount => ({
  ...row,
  person_active: toBool(row.person_active),
});

/** The account an (issuer, subject) was linked to in this organisation. */
export async function findAccountByIdentity(
  db: DbOrTrx,
  organizationId: string,
  issuer: string,
  subject: string,
): Promise<LinkableAccount | undefined> {
  const row = await db
    .selectFrom('sso_identities')
    .innerJoin('accounts', 'accounts.id', 'sso_identities.account_id')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select(accountColumns)
    .where('sso_identities.organization_id', '=', organizationId)
    .where('sso_identities.issuer', '=', issuer)
    .where('sso_identities.subject', '=', subject)
    .executeTakeFirst();
  return row && toLinkable(row);
}

/** The account signing in with this address in this organisation (unique per organisation, decision 010). */
export async function findAccountByEmail(db: DbOrTrx, organizationId: string, email: string): Promise<LinkableAccount | undefined> {
  const row = await db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select(accountColumns)
    .where('accounts.organization_id', '=', organizationId)
    .where('accounts.email', '=', email)
    .executeTakeFirst();
  return row && toLinkable(row);
}

/** A directory person with this work e-mail and no account yet. */
export async function findPersonWithoutAccount(db: DbOrTrx, organizationId: string, email: string) {
  const row = await db
    .selectFrom('people')
    .leftJoin('accounts', 'accounts.person_id', 'people.id')
    .select(['people.id', 'people.active', 'people.work_email'])
    .where('people.organization_id', '=', organizationId)
    .where('people.work_email', '=', email)
    .where('accounts.id', 'is', null)
    .executeTakeFirst();
  return row && { id: row.id, active: toBool(row.active), workEmail: row.work_email };
}

/** The subject an account is already linked to at this issuer, if any. */
export async function findSubjectOfAccount(db: DbOrTrx, accountId: string, issuer: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('sso_identities')
    .select('subject')
    .where('account_id', '=', accountId)
    .where('issuer', '=', issuer)
    .executeTakeFirst();
  return row?.subject;
}

export async function insertIdentity(
  db: DbOrTrx,
  row: { organization_id: string; issuer: string; subject: string; account_id: string; at: string },
): Promise<void> {
  await db
    .insertInto('sso_identities')
    .values({
      organization_id: row.organization_id,
      issuer: row.issuer,
      subject: row.subject,
      account_id: row.account_id,
      created_at: row.at,
      last_used_at: row.at,
    })
    .execute();
}

export async function touchIdentity(db: DbOrTrx, organizationId: string, issuer: string, subject: string, at: string): Promise<void> {
  await db
    .updateTable('sso_identities')
    .set({ last_used_at: at })
    .where('organization_id', '=', organizationId)
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .execute();
}
