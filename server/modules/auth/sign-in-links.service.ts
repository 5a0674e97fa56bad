import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTrx, Trx } from '../../db/database.ts';
import { newId, toBool } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findAccountByPerson, insertAccount, isAccountEmailTaken, setAccountPassword } from '../people/index.ts';
import { findPerson, listPeopleWithWorkEmail } from '../people/index.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { deleteSessionsOfPerson } from './sessions.repository.ts';
import * as repo from './sign-in-links.repository.ts';

/**
 * Nobody sets another person's password (docs/decisions/009-separation-of-duties.md). Whoever may
 * change someone's account sends them a link to their work e-mail instead; only the person who reads
 * that mailbox can use it. An invitation (no password yet) lasts 3 days, since a newcomer may read
 * it the next morning; a reset lasts 60 minutes. Single use, only the SHA-256 stored.
 */
export const SIGN_IN_LINK_MINUTES = { invitation: 3 * 24 * 60, reset: 60 } as const;
export type SignInLinkPurpose = keyof typeof SIGN_IN_LINK_MINUTES;
/** The token travels in the fragment, which browsers never send: it stays out of request logs and Referer headers. */
export const SIGN_IN_LINK_PATH = '/set-password#';

const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedSignInLink {
  purpose: SignInLinkPurpose;
  expiresAt: string;
  /** The app path with the token: e-mailed, or printed by the operators' command line. Never returned by the API. */
  path: string;
}

/**
 * Issues a link in the caller's transaction and queues its e-mail to the person's work address
 * (`sendEmail: false` only for the operators' command line, which prints it). An earlier unused link
 * of the same person stops working.
 */
export async function issueSignInLink(
  trx: Trx,
  input: { organizationId: string; person: { id: string; workEmail: string }; createdBy: string | null; now: Date; sendEmail?: boolean },
): Promise<IssuedSignInLink> {
  const account = await findAccountByPerson(trx, input.organizationId, input.person.id);
  const purpose: SignInLinkPurpose = account?.password_hash ? 'reset' : 'invitation';
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + SIGN_IN_LINK_MINUTES[purpose] * 60_000).toISOString();
  await repo.replaceSignInLink(trx, {
    token_hash: hashLinkToken(token),
    organization_id: input.organizationId,
    person_id: input.person.id,
    email: input.person.workEmail,
    purpose,
    created_by_person_id: input.createdBy,
    created_at: input.now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
  });
  const path = `${SIGN_IN_LINK_PATH}${token}`;
  if (input.sendEmail !== false) {
    const template = purpose === 'invitation' ? 'sign_in_invitation' : 'password_reset';
    await queueEmail(trx, { organizationId: input.organizationId, to: input.person.workEmail, template, link: path, now: input.now });
  }
  return { purpose, expiresAt, path };
}

/** A link is usable while unused, unexpired, its person active and still at the address it was sent to. */
async function usableLink(db: DbOrTrx, token: string, now: Date) {
  if (token.length < 20 || token.length > 100) return undefined;
  const link = await repo.findSignInLink(db, hashLinkToken(token));
  if (!link || link.used_at || link.expires_at <= now.toISOString()) return undefined;
  const person = await findPerson(db, link.organization_id, link.person_id);
  if (!person?.active || person.workEmail !== link.email) return undefined;
  return { link, person };
}

/** What the set-password page shows before the person chooses: the purpose and the address (the password manager's username). */
export async function describeSignInLink(ctx: AppContext, token: string) {
  const found = await usableLink(ctx.db, token, ctx.clock.now());
  if (!found) throw notFound('This link is no longer valid');
  return { purpose: found.link.purpose, email: found.link.email, expiresAt: found.link.expires_at };
}

/**
 * Sets the password the link was sent for (creating the account of an invitation) and ends every
 * session of the person. A refused password leaves the link usable; a used one answers 404.
 */
export async function redeemSignInLink(ctx: AppContext, input: { token: string; password: string }, origin: RequestOrigin): Promise<void> {
  const preview = await usableLink(ctx.db, input.token, ctx.clock.now());
  if (!preview) throw notFound('This link is no longer valid');
  const problem = passwordProblem(input.password, { email: preview.link.email });
  if (problem) throw new AppError('weak_password', problem, [{ path: 'body.password', message: problem }]);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const found = await usableLink(trx, input.token, now);
    if (!found || !(await repo.useSignInLink(trx, found.link.token_hash, at))) throw notFound('This link is no longer valid');
    const { link } = found;
    const account = await findAccountByPerson(trx, link.organization_id, link.person_id);
    if (account) {
      await setAccountPassword(trx, account.id, passwordHash, at);
    } else {
      if (await isAccountEmailTaken(trx, link.organization_id, link.email))
        throw new AppError('conflict', 'This e-mail is already used to sign in');
      await insertAccount(trx, {
        id: newId(),
        organization_id: link.organization_id,
        person_id: link.person_id,
        email: link.email,
        password_hash: passwordHash,
        created_at: at,
      });
    }
    await deleteSessionsOfPerson(trx, link.person_id);
    await appendAuditEvent(trx, {
      organizationId: link.organization_id,
      actorPersonId: link.person_id,
      action: 'auth.password_set_by_link',
      subjectType: 'person',
      subjectId: link.person_id,
      detail: link.purpose,
      at,
      ip: origin.ip,
    });
  });
}

/**
 * The operators' way in (`npm run sign-in-link -- <work e-mail>`): whoever runs the server can issue
 * a link for anyone, printed rather than e-mailed — for a deployment whose mail is not set up yet,
 * or an organisation whose only director is locked out. Audited with no actor.
 */
export async function issueOperatorSignInLink(
  db: Db,
  input: { email: string; organizationSlug?: string; now: Date },
): Promise<IssuedSignInLink & { organizationSlug: string }> {
  const email = input.email.trim().toLowerCase();
  const matches = await listPeopleWithWorkEmail(db, email, input.organizationSlug);
  if (matches.length === 0) throw new Error(`Nobody in the directory has the work e-mail ${email}`);
  if (matches.length > 1)
    throw new Error(`${email} is in several organisations (${matches.map((m) => m.slug).join(', ')}): name one with --org`);
  const person = matches[0]!;
  if (!toBool(person.active)) throw new Error(`${email} is deactivated; reactivate them first`);
  return db.transaction().execute(async (trx) => {
    const link = await issueSignInLink(trx, {
      organizationId: person.organization_id,
      person: { id: person.id, workEmail: person.work_email },
      createdBy: null,
      now: input.now,
      sendEmail: false,
    });
    await appendAuditEvent(trx, {
      organizationId: person.organization_id,
      actorPersonId: null,
      action: 'person.sign_in_link_issued_by_operator',
      subjectType: 'person',
      subjectId: person.id,
      detail: link.purpose,
      at: input.now.toISOString(),
    });
    return { ...link, organizationSlug: person.slug };
  });
}
