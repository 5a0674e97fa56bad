/**
 * A real OpenID provider for the single sign-on tests: `oidc-provider` (a certified implementation)
 * on 127.0.0.1 with a random port. Tests control each person's claims (e-mail, email_verified, the
 * `amr` of their sign-in), the id_token's lifetime, and can make the token endpoint answer with an
 * id_token signed by a key the provider never published (a forgery).
 *
 * The login page is a minimal HTML form (`/interaction/:uid`): a field for who signs in and a
 * button, so a test can post it with fetch or Chromium can fill it. Consent is granted by the
 * provider itself (a first-party client), as hospital providers configure it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestIdentity {
  sub: string;
  email?: string;
  email_verified?: unknown;
  /** RFC 8176 methods the provider says it used for this sign-in. */
  amr?: string[];
  /** Claims a provider might send that Peerline must ignore (e.g. groups, roles). */
  extra?: Record<string, unknown>;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who can sign in at the provider, by subject. */
  identities: Map<string, TestIdentity>;
  /** id_token lifetime in seconds for tokens issued from now on. */
  idTokenTtlSeconds: number;
  /** When true, the token endpoint answers with an id_token re-signed by an unpublished key. */
  forgeIdTokens: boolean;
  close(): Promise<void>;
}

const SIGNING_KID = 'peerline-test-signing-key';
const KEY_ALG = 'RS256';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestProvider(options: {
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
}): Promise<TestProvider> {
  const clientId = options.clientId ?? 'peerline-test';
  const clientSecret = options.clientSecret ?? 'test-client-secret-that-is-long-enough-0123456789';
  const { privateKey } = await generateKeyPair(KEY_ALG, { extractable: true });
  const forgeryKey = (await generateKeyPair(KEY_ALG, { extractable: true })).privateKey;
  const signingJwk = { ...(await exportJWK(privateKey)), kid: SIGNING_KID, alg: KEY_ALG, use: 'sig' };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const state: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    identities: new Map(),
    idTokenTtlSeconds: 3600,
    forgeIdTokens: false,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: ['test-provider-cookie-key-not-a-secret'] },
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['groups', 'roles'] },
    // The e-mail claims in the id_token itself, as Entra ID, Okta and Keycloak send them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { IdToken: () => state.idTokenTtlSeconds, AccessToken: 600, Interaction: 600, Grant: 600, Session: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const identity = state.identities.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...(identity.email !== undefined ? { email: identity.email } : {}),
          ...(identity.email_verified !== undefined ? { email_verified: identity.email_verified } : {}),
          ...identity.extra,
        }),
      };
    },
    // A first-party client: consent to `openid email profile` is given, never asked.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { session, client } = ctx.oidc;
      if (!session?.accountId || !client) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'groups', 'roles']);
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
  });

  // A compromised or impersonated token endpoint: the same claims, signed by a key the provider
  // never published under its kid.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (state.forgeIdTokens && ctx.path === '/token' && body && typeof body.id_token === 'string') {
      const claims = decodeJwt(body.id_token);
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: KEY_ALG, kid: SIGNING_KID }).sign(forgeryKey);
    }
  });

  const callback = provider.callback();
  server.on('request', (req, res) => {
    // Browsers ask every site for an icon; a 404 would be a console error in the Chromium tests.
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url?.split('?')[0] ?? '');
    if (!match) return void callback(req, res);
    void (async () => {
      try {
        await provider.interactionDetails(req, res);
        if (req.method === 'POST' && match[2]) {
          const form = await readForm(req);
          const sub = form.get('login') ?? '';
          const identity = state.identities.get(sub);
          if (!identity) {
            res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown test identity');
            return;
          }
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: sub, ...(identity.amr ? { amr: identity.amr } : {}) } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><title>Test identity provider</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}label,input,button{display:block;font-size:1rem;margin:.5rem 0}input{padding:.4rem;width:100%}button{padding:.5rem 1rem}</style></head>
<body><h1>Test identity provider</h1><p>Sign in to continue to Peerline.</p>
<form method="post" action="/interaction/${escapeHtml(match[1]!)}/login">
<label for="login">Username</label><input id="login" name="login" autocomplete="username" required>
<button type="submit">Sign in at the provider</button></form></body></html>`);
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(`interaction failed: ${(error as Error).message}`);
      }
    })();
  });

  return state;
}
