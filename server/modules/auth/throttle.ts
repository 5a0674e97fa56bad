import type { AppContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { clearThrottle, countAttempt, lockKey, uncountAttempt } from './throttle.repository.ts';

const MINUTE = 60_000;

/**
 * Sign-in attempts are counted per e-mail (whether or not an account exists, so the answer reveals
 * nothing) and per client address, in the database so every app instance sees the same counts.
 * Each attempt is counted atomically *before* the password is checked: a burst of parallel guesses
 * cannot slip past the limit while the slow argon2 checks run. Second-factor codes and step-up
 * checks are counted the same way, per account (keys `code:` and `step-up:`).
 */
function limitFor(ctx: AppContext, key: string): number {
  return key.startsWith('address:') ? ctx.config.loginMaxFailuresPerAddress : ctx.config.loginMaxFailuresPerAccount;
}

function tooMany(until: string, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / MINUTE));
  return new AppError('too_many_requests', `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
}

/** Counts this attempt against every key; throws 429 if any key is locked or now over its limit. */
export async function countSignInAttempt(ctx: AppContext, keys: string[]): Promise<void> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const windowMs = ctx.config.loginThrottleMinutes * MINUTE;
  const windowStartedBefore = new Date(now.getTime() - windowMs).toISOString();
  let refusal: AppError | null = null;
  for (const key of keys) {
    const row = await countAttempt(ctx.db, key, nowIso, windowStartedBefore);
    if (row.locked_until && row.locked_until > nowIso) {
      refusal ??= tooMany(row.locked_until, now);
    } else if (row.failures > limitFor(ctx, key)) {
      const until = new Date(now.getTime() + windowMs).toISOString();
      await lockKey(ctx.db, key, nowIso, until);
      refusal ??= tooMany(until, now);
    }
  }
  if (refusal) throw refusal;
}

/** After a successful sign-in: the account starts afresh; the address gives back this attempt. */
export async function signInSucceeded(ctx: AppContext, accountKey: string, addressKey: string): Promise<void> {
  await clearThrottle(ctx.db, accountKey);
  await uncountAttempt(ctx.db, addressKey);
}
