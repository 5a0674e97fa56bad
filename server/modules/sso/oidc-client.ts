import * as client from 'openid-client';
import type { Clock } from '../../config.ts';

/**
 * The one place that speaks OpenID Connect, through openid-client (certified, maintained): discovery,
 * the authorization URL with PKCE (S256), state and nonce, and the code exchange, which checks the
 * id_token's issuer, audience, expiry, nonce and the state, and (non-repudiation checks on) its
 * signature against the provider's published keys. Nothing here checks a token by hand.
 */

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
/** Seconds to wait for the provider before telling the person it did not answer. */
const PROVIDER_TIMEOUT_SECONDS = 10;
export const SSO_SCOPES = 'openid email profile';

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Discovers the provider. Plain http is allowed only for a provider on this machine (tests, a
 * developer's Keycloak); the settings refuse anything else, and this checks again. The app's clock
 * is what "now" means for the id_token's expiry, like for everything else.
 */
export async function discoverProvider(settings: ProviderSettings, clock: Clock): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  const loopbackHttp = issuer.protocol === 'http:' && LOOPBACK_HOSTS.includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !loopbackHttp) throw new Error('the issuer must use https');
  const skewSeconds = Math.round((clock.now().getTime() - Date.now()) / 1000);
  return client.discovery(issuer, settings.clientId, { [client.clockSkew]: skewSeconds }, client.ClientSecretBasic(settings.clientSecret), {
    timeout: PROVIDER_TIMEOUT_SECONDS,
    // The id_token's signature is checked against the provider's published keys too, not only
    // trusted because TLS brought it: hospital networks often re-sign TLS at a proxy.
    execute: loopbackHttp ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
  });
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function buildAuthorizationRequest(config: client.Configuration, redirectUri: string): Promise<AuthorizationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SSO_SCOPES,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/** What Peerline reads from a validated id_token; nothing else (no groups, no roles). */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  amr: string[];
}

/** Exchanges the code and validates the id_token; throws on anything wrong. */
export async function exchangeCode(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedIdentity> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no id_token in the token response');
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined,
    // Strictly true: a string "true" or a missing claim is not a verified address.
    emailVerified: claims.email_verified === true,
    amr: Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [],
  };
}
