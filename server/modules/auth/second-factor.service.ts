import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { nowIso } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import { appendAuditEvent } from '../audit/index.ts';
import * as factors from './second-factor.repository.ts';
import { deleteSessionsOfAccount } from './sessions.repository.ts';
import { findAccountById } from '../people/index.ts';
import { verifyPassword } from './passwords.ts';
import { assertRecentlyVerified } from '../../lib/step-up.ts';
import { countSignInAttempt } from './throttle.ts';
import { clearThrottle } from './throttle.repository.ts';
import { acceptedTotpStep, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpQrSvg, totpUri } from './totp.ts';

/**
 * Two-step sign-in with an authenticator app (TOTP) and recovery codes. Who must use it, the replay
 * rule and why sessions carry their stage: docs/decisions/011-two-step-sign-in.md.
 */

const codeKey = (accountId: string) => `code:${accountId}`;

async function audit(ctx: AppContext, db: DbOrTrx, actor: Actor, action: string, origin: RequestOrigin, detail?: string) {
  await appendAuditEvent(db, {
    organizationId: actor.organizationId,
    actorPersonId: actor.personId,
    action,
    at: nowIso(ctx.clock),
    ip: origin.ip,
    ...(detail ? { detail } : {}),
  });
}

/** The person hears of every change to how they sign in, in case it was not them. */
async function tellPerson(ctx: AppContext, db: DbOrTrx, organizationId: string, to: string) {
  await queueEmail(db, { organizationId, to, template: 'sign_in_security_changed', link: '/app/account', now: ctx.clock.now() });
}

/**
 * Checks a current code of the account's authenticator and claims its time step, so the same code
 * (or an older one) is refused from then on, even by a parallel request.
 */
export async function checkAuthenticatorCode(ctx: AppContext, accountId: string, code: string): Promise<boolean> {
  const totp = await factors.findTotp(ctx.db, accountId);
  if (!totp?.totp_secret) return false;
  const step = await acceptedTotpStep(totp.totp_secret, code, ctx.clock.now(), totp.totp_last_step);
  return step !== null && (await factors.claimTotpStep(ctx.db, accountId, step));
}

/** The second step of sign-in: a code from the authenticator, or one of the recovery codes. */
export async function passSecondFactor(
  ctx: AppContext,
  actor: Actor,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  origin: RequestOrigin,
): Promise<void> {
  if (actor.signInStage === 'complete') return;
  if (actor.signInStage === 'enrolment') throw new AppError('conflict', 'Set up your authenticator app first');
  await countSignInAttempt(ctx, [codeKey(actor.accountId)]);
  const at = nowIso(ctx.clock);
  if (input.code !== undefined) {
    if (!(await checkAuthenticatorCode(ctx, actor.accountId, input.code))) throw wrongCode();
    await ctx.db.transaction().execute(async (trx) => {
      await factors.markSessionVerified(trx, actor.sessionId, at, 'totp');
      await audit(ctx, trx, actor, 'auth.second_factor_passed', origin, 'totp');
    });
  } else {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await factors.useRecoveryCode(trx, actor.accountId, hashRecoveryCode(input.recoveryCode ?? ''), at))) throw wrongCode();
      await factors.markSessionVerified(trx, actor.sessionId, at, 'recovery_code');
      await audit(ctx, trx, actor, 'auth.second_factor_passed', origin, 'recovery_code');
      await tellPerson(ctx, trx, actor.organizationId, actor.self.person.workEmail);
    });
  }
  await clearThrottle(ctx.db, codeKey(actor.accountId));
}

const wrongCode = () =>
  new AppError('invalid_credentials', 'That code is not right. Use the newest code your app shows, or a recovery code you have not used.');

export async function getSecondFactorStatus(ctx: AppContext, actor: Actor) {
  const totp = await factors.findTotp(ctx.db, actor.accountId);
  return {
    enrolled: Boolean(totp?.totp_secret),
    enrolledAt: totp?.totp_enrolled_at ?? null,
    required: actor.secondFactorRequired,
    recoveryCodesLeft: totp?.totp_secret ? await factors.countUnusedRecoveryCodes(ctx.db, actor.accountId) : 0,
  };
}

/**
 * A new secret for this session to confirm. Replacing an authenticator that is already set up is a
 * step-up change: the password alone must not be enough to move someone's second factor.
 */
export async function startEnrolment(ctx: AppContext, actor: Actor) {
  if (actor.hasAuthenticator) {
    if (actor.signInStage !== 'complete') throw new AppError('conflict', 'Enter a code from your authenticator app first');
    assertRecentlyVerified(ctx, actor);
  }
  const secret = newTotpSecret();
  await factors.setPendingTotpSecret(ctx.db, actor.sessionId, secret);
  const issuer = `Peerline (${actor.self.organization.name})`.replace(/:/g, ' ');
  const otpauthUri = totpUri(secret, issuer, actor.self.person.workEmail);
  return { secret, otpauthUri, qrSvg: await totpQrSvg(otpauthUri) };
}

/** The first code from the new authenticator proves it is set up; the recovery codes are shown once. */
export async function confirmEnrolment(
  ctx: AppContext,
  actor: Actor,
  code: string,
  origin: RequestOrigin,
): Promise<{ recoveryCodes: string[] }> {
  const secret = await factors.findPendingTotpSecret(ctx.db, actor.sessionId);
  if (!secret) throw new AppError('conflict', 'This set-up has expired. Start again.');
  await countSignInAttempt(ctx, [codeKey(actor.accountId)]);
  const step = await acceptedTotpStep(secret, code, ctx.clock.now(), null);
  if (step === null)
    throw invalid('body.code', 'That code does not match. Check that the time on your phone is right, then enter the newest code.');
  const replacing = actor.hasAuthenticator;
  const recoveryCodes = newRecoveryCodes();
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await factors.saveTotp(trx, actor.accountId, secret, step, at);
    await factors.replaceRecoveryCodes(trx, actor.accountId, recoveryCodes.map(hashRecoveryCode), at);
    await factors.markSessionVerified(trx, actor.sessionId, at, 'totp');
    // A new authenticator ends the sessions that the old one (or none) let in.
    await deleteSessionsOfAccount(trx, actor.accountId, actor.sessionId);
    await audit(ctx, trx, actor, 'auth.second_factor_enrolled', origin, replacing ? 'replaced' : 'first');
    await tellPerson(ctx, trx, actor.organizationId, actor.self.person.workEmail);
  });
  await clearThrottle(ctx.db, codeKey(actor.accountId));
  return { recoveryCodes };
}

export async function regenerateRecoveryCodes(ctx: AppContext, actor: Actor, origin: RequestOrigin): Promise<{ recoveryCodes: string[] }> {
  if (!actor.hasAuthenticator) throw new AppError('conflict', 'Set up an authenticator app first');
  assertRecentlyVerified(ctx, actor);
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    await factors.replaceRecoveryCodes(trx, actor.accountId, recoveryCodes.map(hashRecoveryCode), nowIso(ctx.clock));
    await audit(ctx, trx, actor, 'auth.recovery_codes_replaced', origin);
    await tellPerson(ctx, trx, actor.organizationId, actor.self.person.workEmail);
  });
  return { recoveryCodes };
}

/** Only for people whose roles do not require it (they turned it on themselves). */
export async function removeOwnSecondFactor(ctx: AppContext, actor: Actor, origin: RequestOrigin): Promise<void> {
  if (!actor.hasAuthenticator) return;
  if (actor.secondFactorRequired)
    throw new AppError('conflict', 'Your roles require two-step sign-in; you can replace your authenticator app, not turn it off');
  assertRecentlyVerified(ctx, actor);
  await ctx.db.transaction().execute(async (trx) => {
    await factors.clearTotp(trx, actor.accountId);
    await audit(ctx, trx, actor, 'auth.second_factor_removed', origin);
    await tellPerson(ctx, trx, actor.organizationId, actor.self.person.workEmail);
  });
}

/**
 * For someone who lost their phone and their recovery codes: the authenticator and codes go, every
 * session ends, and the person sets up a new one at their next sign-in. Whoever may change the
 * person's account decides (people.service); this does the work inside their transaction.
 */
export async function resetSecondFactor(
  ctx: AppContext,
  trx: DbOrTrx,
  target: { organizationId: string; accountId: string; email: string },
) {
  await factors.clearTotp(trx, target.accountId);
  await deleteSessionsOfAccount(trx, target.accountId);
  await tellPerson(ctx, trx, target.organizationId, target.email);
}

/**
 * The password or a current authenticator code, counted against the same limits as sign-in (key
 * `step-up:`). A wrong answer is 401 `invalid_credentials` and changes nothing.
 */
export async function stepUp(
  ctx: AppContext,
  actor: Actor,
  input: { password?: string | undefined; code?: string | undefined },
  origin: RequestOrigin,
) {
  const key = `step-up:${actor.accountId}`;
  await countSignInAttempt(ctx, [key]);
  let ok: boolean;
  if (input.password !== undefined) {
    const account = await findAccountById(ctx.db, actor.accountId);
    ok = Boolean(account?.password_hash) && (await verifyPassword(account?.password_hash ?? '', input.password));
  } else {
    ok = await checkAuthenticatorCode(ctx, actor.accountId, input.code ?? '');
  }
  if (!ok) throw new AppError('invalid_credentials', 'That is not right. Try again.');
  await clearThrottle(ctx.db, key);
  const at = nowIso(ctx.clock);
  await factors.markSessionVerified(ctx.db, actor.sessionId, at);
  await appendAuditEvent(ctx.db, {
    organizationId: actor.organizationId,
    actorPersonId: actor.personId,
    action: 'auth.step_up',
    detail: input.password !== undefined ? 'password' : 'totp',
    at,
    ip: origin.ip,
  });
  return { verifiedAt: at };
}
