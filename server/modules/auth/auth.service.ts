import { createHash, randomBytes } from 'node:crypto';
import { allowedActions, needsSecondFactor, ROLES, type Role } from '../../../shared/permissions.ts';
import type { Me } from '../../../shared/schemas/auth.ts';
import { newId, nowIso } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findAccountById, findAccountsForSignIn, recordLogin, setAccountPassword } from '../people/index.ts';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { toSelf } from './me.repository.ts';
import { signInStage } from './sign-in-stage.ts';
import { passwordSignInAllowed } from './password-sign-in.ts';
import * as sessions from './sessions.repository.ts';
import { countSignInAttempt, signInSucceeded } from './throttle.ts';

const MINUTE = 60_000;
/** Writing last_seen_at on every request would serialise reads behind writes; 30 s is precise enough. */
const TOUCH_INTERVAL_MS = 30_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function expiries(ctx: AppContext, lastSeenAt: string, expiresAt: string) {
  const idle = new Date(Date.parse(lastSeenAt) + ctx.config.sessionIdleMinutes * MINUTE).toISOString();
  return { idleExpiresAt: idle < expiresAt ? idle : expiresAt, absoluteExpiresAt: expiresAt };
}

/** Resolves the cookie token to an actor, ending the session if it is idle, expired or its person is deactivated. */
export async function resolveSession(ctx: AppContext, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const row = await sessions.findSessionWithRoles(ctx.db, tokenHash);
  if (!row) return null;
  const now = ctx.clock.now().getTime();
  const idleDeadline = Date.parse(row.last_seen_at) + ctx.config.sessionIdleMinutes * MINUTE;
  if (!row.person_active || now >= Date.parse(row.expires_at) || now >= idleDeadline) {
    await sessions.deleteSessionByTokenHash(ctx.db, tokenHash);
    return null;
  }
  let lastSeenAt = row.last_seen_at;
  if (now - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
    lastSeenAt = new Date(now).toISOString();
    await sessions.touchSession(ctx.db, tokenHash, lastSeenAt);
  }
  const roles = row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const stage = signInStage({
    roles,
    supportersNeedSecondFactor: row.supporters_need_second_factor,
    enrolled: row.has_authenticator,
    sessionSecondFactor: row.second_factor,
  });
  return {
    accountId: row.account_id,
    personId: row.person_id,
    organizationId: row.organization_id,
    roles,
    sessionId: row.id,
    sessionTokenHash: tokenHash,
    ...expiries(ctx, lastSeenAt, row.expires_at),
    signInStage: stage,
    verifiedAt: row.verified_at,
    hasPassword: row.has_password,
    hasAuthenticator: row.has_authenticator,
    secondFactorRequired: needsSecondFactor(roles, row.supporters_need_second_factor),
    self: toSelf(row, roles),
  };
}

const INVALID = () => new AppError('invalid_credentials', 'The e-mail address or password is incorrect');

/**
 * Signs in. Unknown e-mail, deactivated person, no password and wrong password all take the same
 * time and give the same answer, so nobody can learn who has an account (ASVS 6.3.8). An address
 * with accounts in several organisations signs in only on its organisation's page (`/{slug}/login`,
 * `organization` here); elsewhere it gets that same answer, so nothing tells that it exists twice.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; organization?: string | undefined },
  origin: RequestOrigin,
  previousToken: string | undefined,
): Promise<{ token: string; actor: Actor }> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `account:${email}`;
  const addressKey = `address:${origin.ip}`;
  await countSignInAttempt(ctx, [accountKey, addressKey]);

  const found = await findAccountsForSignIn(ctx.db, email, input.organization);
  const account = found.length === 1 ? found[0] : undefined;
  const passwordAllowed = await passwordSignInAllowed(ctx.db, account); // docs/decisions/012: break-glass only when off
  const ok =
    account && passwordAllowed && account.person_active && account.password_hash
      ? await verifyPassword(account.password_hash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!ok || !account) throw INVALID();
  await signInSucceeded(ctx, accountKey, addressKey);
  return startSession(ctx, account, origin, previousToken, 'password');
}

/**
 * Opens a session for an account whose person has just proved who they are (password, or the
 * organisation's single sign-on). A fresh token every time; any session the browser carried before
 * is ended (fixation).
 */
export async function startSession(
  ctx: AppContext,
  account: { id: string; person_id: string; organization_id: string },
  origin: RequestOrigin,
  previousToken: string | undefined,
  method: 'password' | 'sso',
  /** The identity provider says (RFC 8176 `amr`) that it checked a second factor itself. */
  options: { providerCheckedSecondFactor?: boolean } = {},
): Promise<{ token: string; actor: Actor }> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionAbsoluteHours * 60 * MINUTE).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (previousToken) await sessions.deleteSessionByTokenHash(trx, hashToken(previousToken));
    await sessions.insertSession(trx, {
      id: newId(),
      token_hash: hashToken(token),
      account_id: account.id,
      organization_id: account.organization_id,
      created_at: createdAt,
      expires_at: expiresAt,
      user_agent: origin.userAgent?.slice(0, 300) ?? null,
      second_factor: options.providerCheckedSecondFactor ? 'provider' : null,
      verified_at: createdAt,
    });
    await recordLogin(trx, account.id, createdAt);
    await appendAuditEvent(trx, {
      organizationId: account.organization_id,
      actorPersonId: account.person_id,
      action: 'auth.sign_in',
      detail: method,
      at: createdAt,
      ip: origin.ip,
    });
  });
  const actor = await resolveSession(ctx, token);
  if (!actor) throw INVALID();
  return { token, actor };
}

export async function signOut(ctx: AppContext, token: string | undefined, actor: Actor | null, origin: RequestOrigin) {
  if (!token) return;
  await sessions.deleteSessionByTokenHash(ctx.db, hashToken(token));
  if (actor) {
    await appendAuditEvent(ctx.db, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'auth.sign_out',
      at: nowIso(ctx.clock),
      ip: origin.ip,
    });
  }
}

/**
 * Everything here was read with the session (resolveSession), so this makes no statement. A session
 * that has not finished signing in shows no roles and no actions: the app offers nothing but that.
 */
export function getMe(actor: Actor): Me {
  const complete = actor.signInStage === 'complete';
  return {
    person: actor.self.person,
    roles: complete ? actor.roles : [],
    organization: actor.self.organization,
    actions: complete ? allowedActions(actor.roles) : [],
    session: {
      idleExpiresAt: actor.idleExpiresAt,
      absoluteExpiresAt: actor.absoluteExpiresAt,
      stage: actor.signInStage,
      stepUpWith: [...(actor.hasPassword ? (['password'] as const) : []), ...(actor.hasAuthenticator ? (['code'] as const) : [])],
    },
  };
}

/** Changing one's password ends every other session of the account. */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
) {
  const account = await findAccountById(ctx.db, actor.accountId);
  if (!account?.password_hash || !(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw new AppError('invalid_credentials', 'The current password is incorrect');
  }
  const problem = passwordProblem(input.newPassword, { email: account.email });
  if (problem) throw new AppError('weak_password', problem, [{ path: 'body.newPassword', message: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await setAccountPassword(trx, account.id, passwordHash, at);
    await sessions.deleteSessionsOfAccount(trx, account.id, actor.sessionId);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'auth.password_changed',
      at,
      ip: origin.ip,
    });
  });
}

export async function listOwnSessions(ctx: AppContext, actor: Actor) {
  const rows = await sessions.listSessionsOfAccount(ctx.db, actor.accountId);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    userAgent: r.user_agent,
    current: r.id === actor.sessionId,
  }));
}

export async function endOwnSession(ctx: AppContext, actor: Actor, sessionId: string) {
  const deleted = await sessions.deleteSessionById(ctx.db, actor.accountId, sessionId);
  if (deleted === 0) throw notFound();
}
