/**
 * Driving a single sign-on end to end for API tests: Peerline through `app.inject()`, the provider
 * (test/oidc-provider.ts) over real HTTP with a small cookie jar, like a browser would.
 */
import { buildOrganization, buildPerson, type BuiltOrganization, type BuiltPerson } from '../server/demo/factories.ts';
import { sessionCookieName } from '../server/plugins/session-cookie.ts';
import { createTestApp, signIn, TestClock, type TestApp } from './harness.ts';
import { startTestProvider, type TestProvider } from './oidc-provider.ts';

export const SSO_PASSWORD = 'sso-tests-long-passphrase';
export const DOMAIN = 'riverside.test';
/** Where the test app's provider sends people back (no PUBLIC_ORIGIN: http://localhost:3000). */
export const REDIRECT_URI = 'http://localhost:3000/api/public/sso/callback';

/** A provider-side browser: follows nothing by itself, keeps the provider's cookies. */
export class ProviderBrowser {
  readonly #cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; body?: string } = {}): Promise<Response> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
      if (!value || /expires=Thu, 01 Jan 1970/i.test(header)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }
}

function locationOf(response: Response, base: string): string {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect from ${base}, got ${response.status}`);
  return new URL(location, base).href;
}

/**
 * Signs in at the provider as `sub` from the authorization URL Peerline redirected to, and returns
 * the URL the provider sends the browser back to (Peerline's callback with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, sub: string, browser = new ProviderBrowser()): Promise<string> {
  const toInteraction = await browser.request(authorizationUrl);
  const interactionUrl = locationOf(toInteraction, authorizationUrl);
  const page = await browser.request(interactionUrl);
  if (page.status !== 200) throw new Error(`provider login page: ${page.status} ${await page.text()}`);
  const submitted = await browser.request(`${interactionUrl}/login`, {
    method: 'POST',
    body: new URLSearchParams({ login: sub }).toString(),
  });
  let url = locationOf(submitted, interactionUrl);
  // The provider resumes the authorization and redirects to the client (maybe via its own pages).
  for (let hops = 0; hops < 5 && !url.startsWith(REDIRECT_URI.split('/api/')[0]!); hops += 1) {
    url = locationOf(await browser.request(url), url);
  }
  return url;
}

export interface SsoWorld {
  t: TestApp;
  provider: TestProvider;
  org: BuiltOrganization;
  itAdmin: BuiltPerson;
  itCookie: string;
  secretEnv: string;
  /** Saves the organisation's SSO settings through the IT administrator's route. */
  configure(overrides?: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/** The real app (its clock at real time: the provider signs with the real one), a provider, an organisation. */
export async function createSsoWorld(secretEnv: string): Promise<SsoWorld> {
  const t = await createTestApp({ clock: new TestClock(Date.now()) });
  const provider = await startTestProvider({ redirectUris: [REDIRECT_URI] });
  process.env[secretEnv] = provider.clientSecret;
  const org = await buildOrganization(t.ctx.db, t.clock);
  const itAdmin = await buildPerson(t.ctx.db, t.clock, org.id, {
    roles: ['it_admin'],
    password: SSO_PASSWORD,
    email: `it-${org.slug}@${DOMAIN}`,
  });
  const itCookie = await signIn(t.app, itAdmin.email, SSO_PASSWORD);
  const world: SsoWorld = {
    t,
    provider,
    org,
    itAdmin,
    itCookie,
    secretEnv,
    configure: async (overrides = {}) => {
      const response = await t.app.inject({
        method: 'PUT',
        url: '/api/settings/sso',
        headers: { cookie: world.itCookie },
        payload: ssoSettings(world, overrides),
      });
      if (response.statusCode !== 200) throw new Error(`configure: ${response.statusCode} ${response.body}`);
    },
    close: async () => {
      delete process.env[secretEnv];
      await provider.close();
      await t.close();
    },
  };
  return world;
}

export function ssoSettings(world: Pick<SsoWorld, 'provider' | 'secretEnv'>, overrides: Record<string, unknown> = {}) {
  return {
    enabled: true,
    issuer: world.provider.issuer,
    clientId: world.provider.clientId,
    clientSecretEnv: world.secretEnv,
    allowedDomains: [DOMAIN],
    buttonLabel: 'Sign in with Riverside Entra ID',
    trustProviderMfa: false,
    passwordSignIn: true,
    ...overrides,
  };
}

export interface StartedSignIn {
  /** Where Peerline sent the browser (the provider's authorization endpoint, or a refusal page). */
  location: string;
  /** `name=value` of the pending-sign-in cookie, when one was set. */
  pendingCookie: string | undefined;
}

export async function startSso(t: TestApp, slug: string, query = ''): Promise<StartedSignIn> {
  const response = await t.app.inject({ url: `/api/public/sso/${slug}/start${query}` });
  if (response.statusCode !== 302) throw new Error(`start: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name.endsWith('peerline_sso'));
  return { location: String(response.headers.location), pendingCookie: cookie ? `${cookie.name}=${cookie.value}` : undefined };
}

export interface CallbackResult {
  status: number;
  location: string;
  /** `name=value` of the session cookie, when a session was opened. */
  sessionCookie: string | undefined;
}

export async function finishSso(t: TestApp, callbackUrl: string, cookies: (string | undefined)[]): Promise<CallbackResult> {
  const url = new URL(callbackUrl);
  const cookie = cookies.filter(Boolean).join('; ');
  const response = await t.app.inject({ url: `${url.pathname}${url.search}`, headers: cookie ? { cookie } : {} });
  const session = response.cookies.find((c) => c.name === sessionCookieName(t.ctx.config) && c.value);
  return {
    status: response.statusCode,
    location: String(response.headers.location),
    sessionCookie: session ? `${session.name}=${session.value}` : undefined,
  };
}

/** The whole journey: start, sign in at the provider as `sub`, come back. */
export async function ssoSignIn(world: SsoWorld, sub: string): Promise<CallbackResult> {
  const started = await startSso(world.t, world.org.slug);
  const callbackUrl = await signInAtProvider(started.location, sub);
  return finishSso(world.t, callbackUrl, [started.pendingCookie]);
}

export async function meOf(t: TestApp, sessionCookie: string | undefined) {
  const response = await t.app.inject({ url: '/api/me', headers: sessionCookie ? { cookie: sessionCookie } : {} });
  return { status: response.statusCode, body: response.json() as { person: { id: string }; roles: string[] } };
}
