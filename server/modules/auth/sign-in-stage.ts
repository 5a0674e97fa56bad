import { needsSecondFactor, type Role } from '../../../shared/permissions.ts';
import type { SignInStage } from '../../../shared/schemas/auth.ts';

/**
 * Where a session stands, worked out on every request from what is true now rather than stored:
 * a role granted to someone already signed in takes effect at their next click.
 * - `second_factor`: the account has an authenticator and this session has not given a code yet;
 * - `enrolment`: the person's roles require an authenticator and the account has none;
 * - `complete`: everything else, including a session whose identity provider checked a second factor.
 */
export function signInStage(facts: {
  roles: readonly Role[];
  supportersNeedSecondFactor: boolean;
  enrolled: boolean;
  sessionSecondFactor: string | null;
}): SignInStage {
  if (facts.sessionSecondFactor) return 'complete';
  if (facts.enrolled) return 'second_factor';
  return needsSecondFactor(facts.roles, facts.supportersNeedSecondFactor) ? 'enrolment' : 'complete';
}
