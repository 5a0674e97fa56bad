import { createHash, randomBytes } from 'node:crypto';
import { toBool } from '../../db/values.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { findOrganizationBySlug } from '../organization/index.ts';
import { clientSecretFromEnv } from './client-secret.ts';
import { buildAuthorizationRequest, discoverProvider } from './oidc-client.ts';
import { insertPendingLogin } from './pending-logins.repository.ts';
import { recordRefusal, SsoRefusal, type RefusedOutcome } from './sso-refusal.ts';
import { findSsoSettings, type SsoSettingsRow } from './sso-settings.repository.ts';
import { ssoRedirectUri } from './sso-settings.service.ts';

/** Long enough to type a password and answer a second factor at the provider; short enough to be useless later. */
export const PENDING_LOGIN_MINUTES = 10;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Only paths inside the app are followed after sign-in, never another site. */
export function safeReturnPath(next: string | undefined): string {
  return next && /^\/app(?:[/?#]|$)/.test(next) && !next.includes('\\') && !next.includes('//') ? next : '/app';
}

/** Settings that can start a sign-in, with the client secret from the environment. */
export function usableSettings(row: SsoSettingsRow | undefined, where: { organizationId: string; slug: string }) {
  if (!row || !toBool(row.enabled)) throw new SsoRefusal('not_configured', 'single sign-on is off for this organisation', where);
  const clientSecret = clientSecretFromEnv(row.client_secret_env);
  if (!clientSecret) {
    throw new SsoRefusal(
      'not_configured',
      `the environment variable ${row.client_secret_env} holding the client secret is not set on this server`,
      where,
    );
  }
  return { issuer: row.issuer, clientId: row.client_id, clientSecret, trustProviderMfa: toBool(row.trust_provider_mfa) };
}

export type StartOutcome = { kind: 'redirect'; location: string; browserValue: string } | RefusedOutcome;

/**
 * "Sign in with …": discovers the organisation's provider, stores a pending sign-in (PKCE verifier,
 * nonce, where to return; keyed by the state's hash, bound to this browser by a cookie value's hash)
 * and sends the browser to the provider.
 */
export async function startSsoSignIn(
  ctx: AppContext,
  slug: string,
  next: string | undefined,
  origin: RequestOrigin,
): Promise<StartOutcome> {
  const now = ctx.clock.now();
  try {
    const org = await findOrganizationBySlug(ctx.db, slug);
    if (!org) throw new SsoRefusal('not_configured', 'no organisation has this slug');
    const where = { organizationId: org.id, slug: org.slug };
    const settings = usableSettings(await findSsoSettings(ctx.db, org.id), where);
    const config = await discoverProvider(settings, ctx.clock).catch((error: unknown) => {
      throw new SsoRefusal('provider_error', `discovery failed: ${errorText(error)}`, where);
    });
    const request = await buildAuthorizationRequest(config, ssoRedirectUri(ctx.config));
    const browserValue = randomBytes(32).toString('base64url');
    await insertPendingLogin(ctx.db, {
      state_hash: sha256(request.state),
      browser_hash: sha256(browserValue),
      organization_id: org.id,
      nonce: request.nonce,
      code_verifier: request.codeVerifier,
      return_to: safeReturnPath(next),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + PENDING_LOGIN_MINUTES * 60_000).toISOString(),
    });
    return { kind: 'redirect', location: request.url.href, browserValue };
  } catch (error) {
    if (error instanceof SsoRefusal) return recordRefusal(ctx.db, error, origin, now.toISOString());
    throw error;
  }
}

/** An error's own text, for the server log (openid-client's say what check failed; no token contents). */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}`.slice(0, 300);
  }
  return 'unknown error';
}
