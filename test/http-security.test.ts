/**
 * HTTP-level protections (ASVS 3.4, 3.5, 4.1, 13.4; docs/product.md, "Security requirements"):
 * security headers, cross-site write refusal, no CORS echo, health endpoints, and the OpenAPI
 * document.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildOrganization, buildPerson, type BuiltOrganization, type BuiltPerson } from '../server/demo/factories.ts';
import type { RegisteredRoute } from '../server/plugins/access.ts';
import { createWebDist } from './authorization-matrix.ts';
import { createTestApp, signIn, usingPostgres, type TestApp } from './harness.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

const PASSWORD = 'http-security-long-passphrase';
const EVIL = 'https://evil.example';

let t: TestApp;
let webDist: string;
let org: BuiltOrganization;
let director: BuiltPerson;
let cookie: string;

function cspDirectives(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name.toLowerCase(), values] as const;
      }),
  );
}

async function siteCount(): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('sites')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', org.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function sessionCount(): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function errorCode(response: LightMyRequestResponse): string | undefined {
  return (response.json() as { error?: { code?: string } }).error?.code;
}

/** The responses every header check runs against: an API answer, errors, health, the SPA, a static asset. */
const SAMPLES: { label: string; url: string; signedIn?: boolean; status: number; api: boolean }[] = [
  { label: 'API answer (/api/me)', url: '/api/me', signedIn: true, status: 200, api: true },
  { label: 'API 401 (/api/me, anonymous)', url: '/api/me', status: 401, api: true },
  { label: 'public API (/api/public/program)', url: '/api/public/program', status: 200, api: true },
  { label: 'unknown API path (404)', url: '/api/no/such/thing', status: 404, api: true },
  { label: '/healthz', url: '/healthz', status: 200, api: false },
  { label: 'SPA deep link (index.html)', url: '/people/some/deep/link', status: 200, api: false },
  { label: 'static asset', url: '/assets/app-abc123.js', status: 200, api: false },
];

beforeAll(async () => {
  webDist = createWebDist();
  t = await createTestApp({ webDist });
  org = await buildOrganization(t.ctx.db, t.clock, { slug: `http-${Date.now().toString(36)}` });
  director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
  cookie = await signIn(t.app, director.email, PASSWORD);
});

afterAll(async () => {
  await t?.close();
  if (webDist) fs.rmSync(webDist, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe('security headers on every kind of response (ASVS 3.4)', () => {
  it.each(SAMPLES)('$label', async (sample) => {
    const response = await t.app.inject({ url: sample.url, headers: sample.signedIn ? { cookie } : {} });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(sample.status);

    const csp = cspDirectives(response);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    const policy = String(response.headers['content-security-policy']);
    expect(policy).not.toMatch(/https?:\/\//i);
    expect(policy).not.toMatch(/(^|\s)\*(\s|;|$)/);
    expect(csp.get('script-src') ?? csp.get('default-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src') ?? csp.get('default-src')).not.toContain("'unsafe-eval'");

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['server']).toBeUndefined();
    const hsts = String(response.headers['strict-transport-security'] ?? '');
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0)).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toMatch(/includeSubDomains/i);
    // OWASP: do not enable the legacy XSS auditor.
    expect(['0', undefined]).toContain(response.headers['x-xss-protection']);
    if (sample.api) expect(response.headers['cache-control']).toBe('no-store');
  });

  it('the SPA page itself is not cached (it is rebuilt with each release)', async () => {
    const response = await t.app.inject({ url: '/people/some/deep/link' });
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('every /api answer carries Cache-Control: no-store, errors included', async () => {
    const answers = await Promise.all([
      t.app.inject({ url: '/api/people', headers: { cookie } }),
      t.app.inject({ url: '/api/people/not-a-uuid', headers: { cookie } }),
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@y.test', password: 'wrong password' } }),
      t.app.inject({ url: '/api/openapi.json' }),
      t.app.inject({ url: '/readyz' }),
    ]);
    for (const response of answers) expect(response.headers['cache-control'], response.raw.req.url).toBe('no-store');
  });
});

describe('cross-site writes are refused (ASVS 3.5.1–3.5.3)', () => {
  it('POST with Sec-Fetch-Site: cross-site → 403 cross_site_request, and nothing is created', async () => {
    const before = await siteCount();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organization/sites',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      payload: { name: 'Created from another site' },
    });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('cross_site_request');
    expect(await siteCount()).toBe(before);
  });

  it('sign-in from another site is refused too (login CSRF): 403, no cookie, no session', async () => {
    const before = await sessionCount();
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: EVIL }]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers,
        payload: { email: director.email, password: PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('cross_site_request');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(await sessionCount()).toBe(before);
  });

  it('POST with Origin: https://evil.example → 403, and nothing is created', async () => {
    const before = await siteCount();
    for (const origin of [EVIL, 'null', 'http://localhost.evil.example', 'https://localhost']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/organization/sites',
        headers: { cookie, origin },
        payload: { name: `From ${origin}` },
      });
      expect(response.statusCode, origin).toBe(403);
      expect(errorCode(response)).toBe('cross_site_request');
    }
    expect(await siteCount()).toBe(before);
  });

  it('every state-changing route refuses a cross-site request before doing anything', async () => {
    const writes = t.routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    expect(writes.length).toBeGreaterThan(10);
    const accepted: string[] = [];
    for (const route of writes) {
      const url = route.url.replace(/:\w+/g, director.id);
      for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: EVIL }]) {
        const response = await t.app.inject({ method: route.method as 'POST', url, headers: { cookie, ...headers }, payload: {} });
        if (response.statusCode !== 403 || errorCode(response) !== 'cross_site_request')
          accepted.push(`${route.method} ${route.url} ${JSON.stringify(headers)} → ${response.statusCode}`);
      }
    }
    expect(accepted).toEqual([]);
    // The director's own session was never ended by the refused sign-out above.
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('same-origin writes are allowed (Origin matching Host, or Sec-Fetch-Site: same-origin)', async () => {
    const cases = [
      { host: 'peerline.test', origin: 'http://peerline.test' },
      { host: 'localhost:3000', origin: 'http://localhost:3000' },
      { host: 'peerline.test', 'sec-fetch-site': 'same-origin' },
      { host: 'peerline.test', 'sec-fetch-site': 'same-origin', origin: 'http://peerline.test' },
    ];
    for (const headers of cases) {
      const before = await siteCount();
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/organization/sites',
        headers: { cookie, ...headers },
        payload: { name: `Same origin ${JSON.stringify(headers)}` },
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(201);
      expect(await siteCount()).toBe(before + 1);
    }
  });

  it('an Origin equal to the Host with its default port spelled out is the same origin', async () => {
    // Browsers omit :80 in Origin; a proxy may still forward `Host: name:80`. Same origin either way (RFC 6454).
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organization/sites',
      headers: { cookie, host: 'peerline.test:80', origin: 'http://peerline.test' },
      payload: { name: 'Default port spelled out' },
    });
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe('CORS: no Access-Control-Allow-Origin echo (ASVS 3.4.2)', () => {
  it.each([
    { method: 'GET' as const, url: '/api/me', withCookie: true },
    { method: 'GET' as const, url: '/api/public/program', withCookie: false },
    { method: 'GET' as const, url: '/healthz', withCookie: false },
    { method: 'OPTIONS' as const, url: '/api/me', withCookie: false },
    { method: 'OPTIONS' as const, url: '/api/organization/sites', withCookie: false },
  ])('$method $url with Origin: https://evil.example', async ({ method, url, withCookie }) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { origin: EVIL, 'access-control-request-method': 'POST', ...(withCookie ? { cookie } : {}) },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.statusCode).not.toBe(204);
  });
});

describe('health endpoints', () => {
  it('/healthz answers 200 ok', async () => {
    const response = await t.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 with the database engine', async () => {
    const response = await t.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: usingPostgres ? 'postgres' : 'sqlite' });
  });
});

describe('OpenAPI document', () => {
  /** Routes deliberately left out of the document: the document itself and the SPA fallback. */
  const HIDDEN = ['GET /api/openapi.json', 'GET /*'];

  function operations(document: { paths: Record<string, Record<string, Record<string, unknown>>> }) {
    return Object.entries(document.paths).flatMap(([openApiPath, ops]) =>
      Object.entries(ops).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${openApiPath.replace(/\{(\w+)\}/g, ':$1')}`,
        operation,
      })),
    );
  }

  function registered(routes: RegisteredRoute[]): RegisteredRoute[] {
    return routes.filter((r) => r.method !== 'HEAD' || !routes.some((g) => g.method === 'GET' && g.url === r.url));
  }

  it('is OpenAPI 3, lists every registered route, and nothing that is not registered', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(document.openapi).toMatch(/^3\./);
    const listed = new Set(operations(document).map((o) => o.key));
    const routeKeys = registered(t.routes).map((r) => `${r.method} ${r.url}`);
    expect(routeKeys.filter((k) => !listed.has(k) && !HIDDEN.includes(k))).toEqual([]);
    expect([...listed].filter((k) => !routeKeys.includes(k))).toEqual([]);
    expect([...listed].filter((k) => HIDDEN.includes(k))).toEqual([]);
  });

  it('marks each operation with x-access equal to the access rule its route declared', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const wrong: string[] = [];
    for (const { key, operation } of operations(document)) {
      const route = registered(t.routes).find((r) => `${r.method} ${r.url}` === key);
      if (!route || operation['x-access'] !== route.access)
        wrong.push(`${key}: x-access ${String(operation['x-access'])}, declared ${route?.access}`);
      const expectedSecurity = route?.access === 'public' ? [] : [{ session: [] }];
      if (JSON.stringify(operation.security) !== JSON.stringify(expectedSecurity))
        wrong.push(`${key}: security ${JSON.stringify(operation.security)}`);
    }
    expect(wrong).toEqual([]);
  });
});
