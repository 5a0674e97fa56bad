import { timingSafeEqual } from 'node:crypto';
import { parseJsonArray } from '../../db/values.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { startSession } from '../auth/index.ts';
import { findOrganization } from '../organization/index.ts';
import { discoverProvider, exchangeCode, type VerifiedIdentity } from './oidc-client.ts';
import { consumePendingLogin, findPendingLogin, takePendingLoginOfBrowser } from './pending-logins.repository.ts';
import { providerCheckedSecondFactor } from './provider-mfa.ts';
import { linkIdentity } from './sso-link.ts';
import { recordRefusal, SsoRefusal, type RefusedOutcome } from './sso-refusal.ts';
import { findSsoSettings } from './sso-settings.repository.ts';
import { ssoRedirectUri } from './sso-settings.service.ts';
import { errorText, sha256, usableSettings } from './sso-start.service.ts';

/**
 * A callback whose state matches no pending sign-in: a tampered or replayed state, or one from
 * another sign-in. This browser's own pending sign-in (by its cookie), if any, says which
 * organisation to audit it for and whose sign-in page to show.
 */
async function unmatchedCallback(ctx: AppContext, browserValue: string | undefined, reason: string): Promise<SsoRefusal> {
  const own = browserValue ? await takePendingLoginOfBrowser(ctx.db, sha256(browserValue)) : undefined;
  if (!own) return new SsoRefusal('sign_in_expired', reason);
  const org = await findOrganization(ctx.db, own.organization_id);
  return new SsoRefusal('sign_in_expired', `${reason}; this browser's own pending sign-in was ended`, {
    organizationId: own.organization_id,
    slug: org?.slug,
  });
}

export type CallbackOutcome = { kind: 'signed_in'; location: string; token: string } | RefusedOutcome;

function sameHash(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Back from the provider. The pending sign-in is found by the state's hash and must belong to this
 * browser (its cookie) and be fresh; it is used up before anything else. openid-client then checks the
 * code exchange and the id_token (signature, issuer, audience, expiry, nonce, state, PKCE). The
 * identity is linked to an account of the pending sign-in's organisation and a session is opened
 * exactly like a password sign-in's.
 */
export async function finishSsoSignIn(
  ctx: AppContext,
  input: { query: Record<string, unknown>; rawQuery: string; browserValue: string | undefined; previousToken: string | undefined },
  origin: RequestOrigin,
): Promise<CallbackOutcome> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  try {
    const state = typeof input.query.state === 'string' ? input.query.state : undefined;
    const pending = state ? await findPendingLogin(ctx.db, sha256(state)) : undefined;
    if (!state || !pending)
      throw await unmatchedCallback(
        ctx,
        input.browserValue,
        state ? 'no pending sign-in has this state (unknown, used or cleared)' : 'the callback carries no state',
      );
    const org = await findOrganization(ctx.db, pending.organization_id);
    const where = { organizationId: pending.organization_id, slug: org?.slug };
    if (!input.browserValue || !sameHash(sha256(input.browserValue), pending.browser_hash)) {
      throw new SsoRefusal('sign_in_expired', 'the pending sign-in belongs to another browser (cookie missing or different)', where);
    }
    if (!(await consumePendingLogin(ctx.db, pending.state_hash)))
      throw new SsoRefusal('sign_in_expired', 'the pending sign-in was used already', where);
    if (pending.expires_at <= at) throw new SsoRefusal('sign_in_expired', 'the pending sign-in expired', where);
    if (typeof input.query.error === 'string')
      throw new SsoRefusal('provider_error', `the provider answered error=${input.query.error}`, where);

    const row = await findSsoSettings(ctx.db, pending.organization_id);
    const settings = usableSettings(row, { organizationId: pending.organization_id, slug: org?.slug ?? '' });
    let identity: VerifiedIdentity;
    try {
      const config = await discoverProvider(settings, ctx.clock);
      const callbackUrl = new URL(`${ssoRedirectUri(ctx.config)}${input.rawQuery ? `?${input.rawQuery}` : ''}`);
      identity = await exchangeCode(config, callbackUrl, { state, nonce: pending.nonce, codeVerifier: pending.code_verifier });
    } catch (error) {
      throw new SsoRefusal('provider_error', `code exchange or id_token check failed: ${errorText(error)}`, where);
    }

    const link = () =>
      ctx.db.transaction().execute((trx) =>
        linkIdentity(trx, identity, {
          organizationId: pending.organization_id,
          slug: org?.slug ?? '',
          allowedDomains: parseJsonArray<string>(row?.allowed_domains ?? '[]'),
          at,
          ip: origin.ip,
        }),
      );
    // Two first sign-ins of one person at once: the loser's insert hits the unique link or account;
    // once more, it finds what the winner stored.
    const account = await link().catch((error: unknown) => {
      if (error instanceof SsoRefusal) throw error;
      return link();
    });
    const { token } = await startSession(ctx, account, origin, input.previousToken, 'sso', {
      providerCheckedSecondFactor: providerCheckedSecondFactor(settings.trustProviderMfa, identity.amr),
    });
    return { kind: 'signed_in', location: pending.return_to, token };
  } catch (error) {
    if (error instanceof SsoRefusal) return recordRefusal(ctx.db, error, origin, at);
    throw error;
  }
}
