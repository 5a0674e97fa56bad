import type { AppContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { clearThrottle, findThrottle, saveThrottle } from './throttle.repository.ts';

const MINUTE = 60_000;

/**
 * Failed sign-ins are counted per e-mail (whether or not an account exists, so the answer reveals
 * nothing) and per client address, in the database so every app instance sees the same counts.
 */
function limitFor(ctx: AppContext, key: string): number {
  return key.startsWith('account:') ? ctx.config.loginMaxFailuresPerAccount : ctx.config.loginMaxFailuresPerAddress;
}

export async function assertNotThrottled(ctx: AppContext, keys: string[]): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const key of keys) {
    const row = await findThrottle(ctx.db, key);
    if (row?.locked_until && row.locked_until > now) {
      const minutes = Math.max(1, Math.ceil((Date.parse(row.locked_until) - Date.parse(now)) / MINUTE));
      throw new AppError('too_many_requests', `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
  }
}

export async function recordFailure(ctx: AppContext, keys: string[]): Promise<void> {
  const now = ctx.clock.now();
  const windowMs = ctx.config.loginThrottleMinutes * MINUTE;
  for (const key of keys) {
    const row = await findThrottle(ctx.db, key);
    const fresh = !row || now.getTime() - Date.parse(row.window_started_at) >= windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= limitFor(ctx, key) ? new Date(now.getTime() + windowMs).toISOString() : null;
    await saveThrottle(ctx.db, {
      key,
      failures: lockedUntil ? 0 : failures,
      window_started_at: fresh || lockedUntil ? now.toISOString() : row.window_started_at,
      locked_until: lockedUntil,
    });
  }
}

export async function clearFailures(ctx: AppContext, keys: string[]): Promise<void> {
  for (const key of keys) await clearThrottle(ctx.db, key);
}
