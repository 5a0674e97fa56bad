import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

/**
 * Changes that widen someone's reach (roles, integration tokens, retention, exports, a person's
 * second factor) ask the person to prove again who they are when they last did so more than five
 * minutes ago: a session left open on a ward computer is not enough. See
 * docs/decisions/011-two-step-sign-in.md.
 */
export const STEP_UP_MINUTES = 5;

export function assertRecentlyVerified(ctx: AppContext, actor: Actor): void {
  const at = actor.verifiedAt ? Date.parse(actor.verifiedAt) : Number.NaN;
  if (Number.isFinite(at) && ctx.clock.now().getTime() - at <= STEP_UP_MINUTES * 60_000) return;
  throw new AppError('step_up_required', 'Please confirm it is you: enter your password or a code from your authenticator app.');
}
