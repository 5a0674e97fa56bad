/**
 * Authorization matrix (ASVS 8.1.1, 8.2.1, 8.2.2, 8.4.1; docs/product.md, "Security requirements"):
 * every registered route × every caller, against the hard-coded table in
 * test/authorization-matrix.ts.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAction } from '../shared/permissions.ts';
import type { RegisteredRoute } from '../server/plugins/access.ts';
import {
  buildMatrixWorld,
  CALLERS,
  CallerSessions,
  createWebDist,
  databaseFingerprint,
  derivedExpectation,
  expectedFor,
  ROUTE_CASES,
  routeKey,
  type Caller,
  type MatrixWorld,
  type RouteCase,
} from './authorization-matrix.ts';
import { createTestApp, type TestApp } from './harness.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Registered routes, HEAD duplicates of GET routes aside (Fastify adds those itself). */
function registeredRoutes(routes: RegisteredRoute[]): RegisteredRoute[] {
  return routes.filter((r) => r.method !== 'HEAD' || !routes.some((g) => g.method === 'GET' && g.url === r.url));
}

/** Every id (and the slug) belonging to organisation A: none may appear in organisation B's answers. */
async function idsOfOrganization(t: TestApp, world: MatrixWorld): Promise<string[]> {
  const db = t.ctx.db;
  const org = world.orgA.id;
  const rows = await Promise.all([
    db.selectFrom('people').select('id').where('organization_id', '=', org).execute(),
    db.selectFrom('sites').select('id').where('organization_id', '=', org).execute(),
    db.selectFrom('departments').select('id').where('organization_id', '=', org).execute(),
    db.selectFrom('professions').select('id').where('organization_id', '=', org).execute(),
    db.selectFrom('support_lines').select('id').where('organization_id', '=', org).execute(),
    db.selectFrom('sessions').select('id').where('organization_id', '=', org).execute(),
  ]);
  return [org, world.orgA.slug, ...rows.flat().map((r) => r.id)];
}

const ERROR_CODE_FOR: Record<number, string> = { 401: 'unauthenticated', 404: 'not_found', 400: 'validation_failed', 409: 'conflict' };

// ---------------------------------------------------------------------------------------------

let t: TestApp;
let world: MatrixWorld;
let sessions: CallerSessions;
let webDist: string;
const summary = { routes: 0, cells: 0, mismatches: 0 };

beforeAll(async () => {
  webDist = createWebDist();
  t = await createTestApp({ webDist });
  world = await buildMatrixWorld(t);
  sessions = new CallerSessions(world);
});

afterAll(async () => {
  console.log(
    `[authorization matrix] ${summary.routes} routes × ${CALLERS.length} callers: ${summary.cells} cells tested, ` +
      `${summary.mismatches} mismatches (${sessions?.signIns ?? 0} sign-ins)`,
  );
  await t?.close();
  if (webDist) fs.rmSync(webDist, { recursive: true, force: true });
});

describe('the table agrees with shared/permissions.ts', () => {
  it("every hard-coded cell equals what can() derives from the route's access rule", () => {
    const disagreements: string[] = [];
    for (const route of ROUTE_CASES) {
      for (const caller of CALLERS) {
        const written = expectedFor(route.expect, caller);
        const derived = derivedExpectation(route, caller);
        if (written !== derived)
          disagreements.push(`${routeKey(route)} as ${caller}: table says ${written}, permissions.ts gives ${derived}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('names each route once, with an access rule that exists', () => {
    const keys = ROUTE_CASES.map(routeKey);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const route of ROUTE_CASES) {
      expect(route.access === 'public' || isAction(route.access), routeKey(route)).toBe(true);
    }
  });
});

describe('coverage: the table and the registered routes match', () => {
  it('every registered route has a row', () => {
    const inTable = new Set(ROUTE_CASES.map(routeKey));
    const missing = registeredRoutes(t.routes)
      .map(routeKey)
      .filter((k) => !inTable.has(k));
    expect(missing, 'add these routes to ROUTE_CASES in test/authorization-matrix.ts').toEqual([]);
  });

  it('every row names a registered route', () => {
    const registered = new Set(registeredRoutes(t.routes).map(routeKey));
    const stale = ROUTE_CASES.filter((r) => !registered.has(routeKey(r))).map(routeKey);
    expect(stale, 'these rows name routes that do not exist').toEqual([]);
  });

  it('each row declares the access rule its route registered', () => {
    const wrong: string[] = [];
    for (const route of registeredRoutes(t.routes)) {
      const row = ROUTE_CASES.find((r) => routeKey(r) === routeKey(route));
      if (row && row.access !== route.access) wrong.push(`${routeKey(route)}: registered ${route.access}, table ${row.access}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('every route × every caller', () => {
  async function runCell(route: RouteCase, caller: Caller, expected: number, problems: string[]) {
    const cookie = await sessions.cookieFor(caller);
    const request = await route.request({ world, caller, cookie });
    const before = expected >= 400 ? await databaseFingerprint(t) : undefined;
    const response = await t.app.inject({
      method: route.method as 'GET',
      url: request.url,
      payload: request.payload as string | object | undefined,
      headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
    });
    summary.cells += 1;
    const where = `${routeKey(route)} as ${caller}`;
    if (response.statusCode !== expected) {
      problems.push(`${where}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`);
    } else if (expected >= 400) {
      const code = (response.json() as { error?: { code?: string } }).error?.code;
      if (code !== ERROR_CODE_FOR[expected]) problems.push(`${where}: ${expected} with code ${code}, expected ${ERROR_CODE_FOR[expected]}`);
    }
    if (before !== undefined && (await databaseFingerprint(t)) !== before) problems.push(`${where}: refused, yet the database changed`);
    if (caller === 'other_org' && route.access !== 'public' && response.statusCode < 300 && response.body) {
      const leaked = (await idsOfOrganization(t, world)).filter((id) => response.body.includes(id));
      if (leaked.length) problems.push(`${where}: answer contains organisation A's ids ${leaked.join(', ')}`);
    }
    if (route.endsCallerSession && response.statusCode < 300) sessions.forget(caller);
  }

  it.each(ROUTE_CASES.map((route) => [routeKey(route), route] as const))('%s', async (_key, route) => {
    const problems: string[] = [];
    summary.routes += 1;
    for (const caller of CALLERS) await runCell(route, caller, expectedFor(route.expect, caller), problems);
    summary.mismatches += problems.length;
    expect(problems).toEqual([]);
  });
});
