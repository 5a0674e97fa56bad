/**
 * Bad input (ASVS 2.2.1, 15.3.3, 15.3.6, 16.5.1; docs/product.md, "Security requirements"): invalid
 * fields are named, unknown fields are refused and never written, malformed or oversized bodies and
 * wrong content types are refused, and random input never gets a 5xx, a stack trace, or a polluted
 * prototype.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_BODY_MAX_BYTES, ROSTER_BODY_MAX_BYTES } from '../shared/limits.ts';
import { ROSTER_COLUMNS } from '../shared/schemas/roster.ts';
import { buildDepartment, buildPerson, buildResource, buildSite } from '../server/demo/factories.ts';
import type { RegisteredRoute } from '../server/plugins/access.ts';
import {
  buildMatrixWorld,
  databaseFingerprint,
  mintSession,
  ROUTE_CASES,
  routeKey,
  type CellRequest,
  type InvalidCase,
  type MatrixWorld,
  type RouteCase,
} from './authorization-matrix.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { CASE_BOARD_INVALID_CASES } from './matrix/case-board.routes.ts';
import { CASEWORK_INVALID_CASES } from './matrix/casework.routes.ts';
import { DEBRIEF_INVALID_CASES } from './matrix/debriefs.routes.ts';
import { EVENT_NOTICE_INVALID_CASES } from './matrix/event-notices.routes.ts';
import { INTAKE_INVALID_CASES } from './matrix/intake.routes.ts';
import { ON_CALL_INVALID_CASES } from './matrix/on-call.routes.ts';
import { SCHEDULING_INVALID_CASES } from './matrix/scheduling.routes.ts';
import { SERVICE_LEVEL_INVALID_CASES } from './matrix/service-levels.routes.ts';
import { PAGING_INVALID_CASES } from './matrix/paging.routes.ts';
import { SSO_INVALID_CASES } from './matrix/sso.routes.ts';
import { TEAM_INVALID_CASES } from './matrix/team.routes.ts';
import { TRAINING_INVALID_CASES } from './matrix/training.routes.ts';
import { TEAM_MEETING_INVALID_CASES } from './matrix/team-meetings.routes.ts';
import { REPORT_INVALID_CASES } from './matrix/reports.routes.ts';
import { SETUP_INVALID_CASES } from './matrix/setup.routes.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type ErrorBody = { error?: { code?: string; message?: string; fields?: { path: string; message: string }[] } };
type JsonSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
};
type OpenApiOperation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
};

const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const UNKNOWN_KEYS = ['role', 'organizationId', 'isAdmin'] as const;

let t: TestApp;
let world: MatrixWorld;
let directorCookie: string;
let supporterCookie: string;
let itCookie: string;
let operations: Map<string, OpenApiOperation>;

function registered(routes: RegisteredRoute[]): RegisteredRoute[] {
  return routes.filter((r) => r.method !== 'HEAD' || !routes.some((g) => g.method === 'GET' && g.url === r.url));
}

function errorOf(response: LightMyRequestResponse): NonNullable<ErrorBody['error']> {
  try {
    return (response.json() as ErrorBody).error ?? {};
  } catch {
    return {};
  }
}

/** Whether a field path names `name`: `body.firstName`, `querystring.isAdmin`, `body.role,isAdmin`, `line 1.role`. */
function names(response: LightMyRequestResponse, name: string): boolean {
  return (errorOf(response).fields ?? []).some((f) =>
    f.path
      .split(/[.,]/)
      .map((p) => p.trim())
      .includes(name),
  );
}

/** The director can call every route but a supporter's own ones and IT's single sign-on settings; those go as their holder. */
function cookieFor(url: string): string {
  if (url.startsWith('/api/settings/sso')) return itCookie;
  return url.startsWith('/api/supporter/') ? supporterCookie : directorCookie;
}

async function send(method: string, request: CellRequest, extraHeaders: Record<string, string> = {}, cookie = cookieFor(request.url)) {
  return t.app.inject({
    method: method as Method,
    url: request.url,
    payload: request.payload as string | object | undefined,
    headers: { cookie, ...request.headers, ...extraHeaders },
  });
}

/** The valid request the matrix uses for a route, as organisation A's director. */
function caseFor(key: string): RouteCase {
  const found = ROUTE_CASES.find((r) => routeKey(r) === key);
  if (!found) throw new Error(`no matrix row for ${key}`);
  return found;
}

async function validRequest(route: RouteCase): Promise<CellRequest> {
  return route.request({ world, caller: 'program_director' });
}

function bodyContentTypes(route: { method: string; url: string }): string[] {
  return Object.keys(operations.get(routeKey(route))?.requestBody?.content ?? {});
}

const jsonBodyRoutes = () => registered(t.routes).filter((r) => bodyContentTypes(r).includes('application/json'));
const csvBodyRoutes = () => registered(t.routes).filter((r) => bodyContentTypes(r).includes('text/csv'));
const idRoutes = () => registered(t.routes).filter((r) => r.url.includes(':id'));

beforeAll(async () => {
  t = await createTestApp();
  world = await buildMatrixWorld(t);
  directorCookie = (await mintSession(t, world.byRole.program_director, world.orgA.id)).cookie;
  supporterCookie = (await mintSession(t, world.byRole.peer_supporter, world.orgA.id)).cookie;
  itCookie = (await mintSession(t, world.byRole.it_admin, world.orgA.id)).cookie;
  const document = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, OpenApiOperation>> };
  operations = new Map(
    Object.entries(document.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`, op] as const),
    ),
  );
});

afterAll(async () => t?.close());

// ---------------------------------------------------------------------------------------------

const site = (w: MatrixWorld) => buildSite(w.t.ctx.db, w.t.clock, w.orgA.id);
const department = (w: MatrixWorld) => buildDepartment(w.t.ctx.db, w.t.clock, w.orgA.id);
const somebody = async (w: MatrixWorld) => (await buildPerson(w.t.ctx.db, w.t.clock, w.orgA.id)).id;
const csv = (text: string, query = '') => ({ url: `/api/people/import${query}`, payload: text, headers: { 'content-type': 'text/csv' } });

const CORE_INVALID_CASES: InvalidCase[] = [
  {
    route: 'POST /api/auth/login',
    why: 'empty e-mail, no password',
    request: () => ({ url: '/api/auth/login', payload: { email: '  ' } }),
    fields: ['body.email', 'body.password'],
  },
  {
    route: 'POST /api/me/password',
    why: 'wrong types',
    request: () => ({ url: '/api/me/password', payload: { currentPassword: 42, newPassword: ['x'] } }),
    fields: ['body.currentPassword', 'body.newPassword'],
  },
  {
    route: 'POST /api/auth/second-factor',
    why: 'a code of letters, and both kinds at once',
    request: () => ({ url: '/api/auth/second-factor', payload: { code: 'abcdef' } }),
    fields: ['body.code'],
  },
  {
    route: 'POST /api/me/second-factor/enrolment/confirm',
    why: 'a code too short',
    request: () => ({ url: '/api/me/second-factor/enrolment/confirm', payload: { code: '12' } }),
    fields: ['body.code'],
  },
  {
    route: 'POST /api/auth/step-up',
    why: 'neither password nor code',
    request: () => ({ url: '/api/auth/step-up', payload: {} }),
    fields: ['body.password'],
  },
  {
    route: 'POST /api/people/:id/second-factor/reset',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/people/someone/second-factor/reset' }),
    fields: ['params.id'],
  },
  {
    route: 'DELETE /api/me/sessions/:id',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/me/sessions/not-a-uuid' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/organization/sites',
    why: 'blank name, active not boolean',
    request: () => ({ url: '/api/organization/sites', payload: { name: '   ', active: 'yes' } }),
    fields: ['body.name', 'body.active'],
  },
  {
    route: 'PATCH /api/organization/sites/:id',
    why: 'name too long',
    request: async (w) => ({ url: `/api/organization/sites/${await site(w)}`, payload: { name: 'x'.repeat(101) } }),
    fields: ['body.name'],
  },
  {
    route: 'POST /api/organization/departments',
    why: 'ids that are not UUIDs',
    request: () => ({ url: '/api/organization/departments', payload: { name: 'Unit', siteId: 'site-1', parentId: 42 } }),
    fields: ['body.siteId', 'body.parentId'],
  },
  {
    route: 'PATCH /api/organization/departments/:id',
    why: 'active as a string',
    request: async (w) => ({ url: `/api/organization/departments/${await department(w)}`, payload: { active: 'false' } }),
    fields: ['body.active'],
  },
  {
    route: 'POST /api/organization/professions',
    why: 'unknown category',
    request: () => ({ url: '/api/organization/professions', payload: { name: 'Scribe', category: 'wizard' } }),
    fields: ['body.category'],
  },
  {
    route: 'PATCH /api/organization/professions/:id',
    why: 'category null',
    request: (w) => ({ url: `/api/organization/professions/${w.orgA.professions.other}`, payload: { category: null } }),
    fields: ['body.category'],
  },
  {
    route: 'GET /api/public/program',
    why: 'organisation slug with forbidden characters',
    request: () => ({ url: '/api/public/program?org=Bad%20Org!' }),
    fields: ['querystring.org'],
  },
  {
    route: 'PATCH /api/settings/program',
    why: 'empty name, over-long time zone, retention over a year',
    request: () => ({ url: '/api/settings/program', payload: { programName: '', timeZone: 'x'.repeat(65), retentionDays: 366 } }),
    fields: ['body.programName', 'body.timeZone', 'body.retentionDays'],
  },
  {
    route: 'PATCH /api/settings/support-lines/:id',
    why: 'letters in phone, impossible hours',
    request: (w) => ({
      url: `/api/settings/support-lines/${w.orgA.supportLineIds[0]}`,
      payload: { phone: 'call me', hours: [{ days: [7], opens: '8am', closes: '25:00' }] },
    }),
    fields: ['body.phone', 'body.hours.0.days.0', 'body.hours.0.opens', 'body.hours.0.closes'],
  },
  {
    route: 'GET /api/people',
    why: 'limit 0, unknown role, bad active',
    request: () => ({ url: '/api/people?limit=0&role=king&active=maybe' }),
    fields: ['querystring.limit', 'querystring.role', 'querystring.active'],
  },
  {
    route: 'POST /api/people',
    why: 'blank first name, bad e-mail, bad language',
    request: () => ({
      url: '/api/people',
      payload: { firstName: '', lastName: 'Doe', workEmail: 'not-an-email', languages: ['english!'] },
    }),
    fields: ['body.firstName', 'body.workEmail', 'body.languages.0'],
  },
  { route: 'GET /api/people/:id', why: 'id is not a UUID', request: () => ({ url: '/api/people/123' }), fields: ['params.id'] },
  {
    route: 'PATCH /api/people/:id',
    why: 'manager id is not a UUID',
    request: async (w) => ({ url: `/api/people/${await somebody(w)}`, payload: { managerId: 'boss' } }),
    fields: ['body.managerId'],
  },
  {
    route: 'POST /api/people/:id/deactivate',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/people/nobody/deactivate' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/people/:id/sign-in-link',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/people/nobody/sign-in-link' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/people/:id/reactivate',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/people/nobody/reactivate' }),
    fields: ['params.id'],
  },
  {
    route: 'PUT /api/people/:id/roles',
    why: 'unknown role',
    request: async (w) => ({ url: `/api/people/${await somebody(w)}/roles`, payload: { roles: ['staff_member', 'king'] } }),
    fields: ['body.roles.1'],
  },
  {
    route: 'PUT /api/people/:id/roles',
    why: 'roles not a list',
    request: async (w) => ({ url: `/api/people/${await somebody(w)}/roles`, payload: { roles: 'staff_member' } }),
    fields: ['body.roles'],
  },
  {
    route: 'POST /api/public/sign-in-links/redeem',
    why: 'password as a number',
    request: () => ({ url: '/api/public/sign-in-links/redeem', payload: { token: 'A'.repeat(43), password: 12345678 } }),
    fields: ['body.password'],
  },
  {
    route: 'POST /api/public/sign-in-links/check',
    why: 'token with a slash',
    request: () => ({ url: '/api/public/sign-in-links/check', payload: { token: `${'A'.repeat(30)}/../x` } }),
    fields: ['body.token'],
  },
  {
    route: 'POST /api/people/import/preview',
    why: 'required column missing',
    request: () => ({
      url: '/api/people/import/preview',
      payload: 'first_name,last_name\nAda,Lovelace\n',
      headers: { 'content-type': 'text/csv' },
    }),
    fields: ['line 1.work_email'],
  },
  {
    route: 'POST /api/people/import',
    why: 'skipInvalid not true/false',
    request: () => csv('first_name,last_name,work_email\nAda,Lovelace,ada@example.test\n', '?skipInvalid=maybe'),
    fields: ['querystring.skipInvalid'],
  },
  {
    route: 'POST /api/people/import',
    why: 'a row with a bad e-mail',
    request: () => csv('first_name,last_name,work_email\nAda,Lovelace,not-an-email\n'),
    fields: ['line 2.work_email'],
  },
  {
    route: 'POST /api/resources',
    why: 'unknown category, http link',
    request: () => ({ url: '/api/resources', payload: { category: 'astrology', name: 'X', url: 'http://eap.example' } }),
    fields: ['body.category', 'body.url'],
  },
  {
    route: 'PATCH /api/resources/:id',
    why: 'letters in phone',
    request: async (w) => ({
      url: `/api/resources/${await buildResource(w.t.ctx.db, w.t.clock, w.orgA.id)}`,
      payload: { phone: 'call us' },
    }),
    fields: ['body.phone'],
  },
  {
    route: 'PUT /api/supporter/profile',
    why: 'window ends before it starts, unknown modality',
    request: () => ({
      url: '/api/supporter/profile',
      payload: { weeklyAvailability: [{ day: 1, start: '20:00', end: '08:00' }], modalities: ['carrier_pigeon'] },
    }),
    fields: ['body.weeklyAvailability.0.end', 'body.modalities.0'],
  },
  {
    route: 'PATCH /api/supporters/:id',
    why: 'a capacity out of range; status and certification are lifecycle steps, not fields',
    request: (w) => ({ url: `/api/supporters/${w.byRole.peer_supporter.id}`, payload: { capacity: 99, status: 'active' } }),
    fields: ['body.capacity', 'body.status'],
  },
  {
    route: 'POST /api/support/requests',
    why: 'a phone contact that is not a number',
    request: () => ({
      url: '/api/support/requests',
      payload: {
        modality: 'phone',
        departmentPreference: 'no_preference',
        urgency: 'today',
        reason: 'personal',
        contactMethod: 'personal_phone',
        contactValue: 'call me',
      },
    }),
    fields: ['body.contactValue'],
  },
  {
    route: 'POST /api/support/requests/:id/withdraw',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/support/requests/mine/withdraw' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/support/referrals',
    why: 'colleague e-mail and answer of the wrong kind',
    request: () => ({
      url: '/api/support/referrals',
      payload: { colleagueEmail: 'bob', toldColleague: 'yes', reason: 'patient_death', urgency: 'today' },
    }),
    fields: ['body.colleagueEmail', 'body.toldColleague'],
  },
  {
    route: 'POST /api/public/support/requests',
    why: 'markup as a name, unknown reason',
    request: () => ({
      url: '/api/public/support/requests',
      payload: {
        preferredName: '<b>x</b>',
        contactMethod: 'personal_email',
        contactValue: 'a@b.test',
        modality: 'phone',
        departmentPreference: 'no_preference',
        urgency: 'today',
        reason: 'gossip',
      },
    }),
    fields: ['body.preferredName', 'body.reason'],
  },
  {
    route: 'POST /api/public/support/requests/status',
    why: 'malformed code',
    request: () => ({ url: '/api/public/support/requests/status', payload: { caseCode: 'abc', secret: 'long-enough-secret' } }),
    fields: ['body.caseCode'],
  },
  {
    route: 'POST /api/public/support/requests/withdraw',
    why: 'secret too short',
    request: () => ({ url: '/api/public/support/requests/withdraw', payload: { caseCode: 'ABCD-EFGH', secret: 'x' } }),
    fields: ['body.secret'],
  },
  {
    route: 'POST /api/supporter/offers/:id/accept',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/supporter/offers/first/accept' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/supporter/offers/:id/decline',
    why: 'unknown reason',
    request: () => ({ url: `/api/supporter/offers/${randomUUID()}/decline`, payload: { reason: 'bored' } }),
    fields: ['body.reason'],
  },
];
const INVALID_CASES: InvalidCase[] = [
  ...CORE_INVALID_CASES,
  ...CASEWORK_INVALID_CASES,
  ...CASE_BOARD_INVALID_CASES,
  ...SCHEDULING_INVALID_CASES,
  ...INTAKE_INVALID_CASES,
  ...EVENT_NOTICE_INVALID_CASES,
  ...SERVICE_LEVEL_INVALID_CASES,
  ...ON_CALL_INVALID_CASES,
  ...PAGING_INVALID_CASES,
  ...DEBRIEF_INVALID_CASES,
  ...SSO_INVALID_CASES,
  ...TEAM_INVALID_CASES,
  ...TRAINING_INVALID_CASES,
  ...TEAM_MEETING_INVALID_CASES,
  ...REPORT_INVALID_CASES,
  ...SETUP_INVALID_CASES,
];

describe('invalid input → 400 validation_failed naming the field (ASVS 2.2.1)', () => {
  it('every route with a body, query or path parameters has a case below', () => {
    const covered = new Set(INVALID_CASES.map((c) => c.route));
    const withInput = [...operations.entries()].filter(([, op]) => op.requestBody || (op.parameters?.length ?? 0) > 0).map(([key]) => key);
    expect(withInput.length).toBeGreaterThan(15);
    expect(withInput.filter((key) => !covered.has(key))).toEqual([]);
  });

  it.each(INVALID_CASES)('$route: $why', async (invalid) => {
    const [method = 'GET'] = invalid.route.split(' ');
    const request = await invalid.request(world);
    const before = await databaseFingerprint(t);
    const response = await send(method, request);
    expect(response.statusCode, response.body).toBe(400);
    expect(errorOf(response).code).toBe('validation_failed');
    expect([...new Set((errorOf(response).fields ?? []).map((f) => f.path))].sort()).toEqual([...invalid.fields].sort());
    expect(await databaseFingerprint(t)).toBe(before);
  });
});

describe('unknown fields are refused and nothing is written (mass assignment, ASVS 15.3.3)', () => {
  async function withUnknownKeys(route: RegisteredRoute) {
    const request = await validRequest(caseFor(routeKey(route)));
    const payload = { ...(request.payload as object), role: 'program_director', organizationId: world.orgB.id, isAdmin: true };
    return { ...request, payload };
  }

  it('every JSON body route answers 400 validation_failed and changes nothing', async () => {
    const problems: string[] = [];
    for (const route of jsonBodyRoutes()) {
      const request = await withUnknownKeys(route);
      const before = await databaseFingerprint(t);
      const response = await send(route.method, request);
      if (response.statusCode !== 400 || errorOf(response).code !== 'validation_failed')
        problems.push(`${routeKey(route)} → ${response.statusCode} ${response.body.slice(0, 120)}`);
      if ((await databaseFingerprint(t)) !== before) problems.push(`${routeKey(route)}: the database changed`);
    }
    expect(problems).toEqual([]);
  });

  it('every JSON body route names each unknown field (role, organizationId, isAdmin)', async () => {
    const unnamed: string[] = [];
    for (const route of jsonBodyRoutes()) {
      const response = await send(route.method, await withUnknownKeys(route));
      const missing = UNKNOWN_KEYS.filter((key) => !names(response, key));
      if (missing.length)
        unnamed.push(`${routeKey(route)}: ${missing.join(', ')} not named in ${JSON.stringify(errorOf(response).fields)}`);
    }
    expect(unnamed).toEqual([]);
  });

  it('a person cannot be moved to another organisation or given a role through PATCH', async () => {
    const target = await buildPerson(t.ctx.db, t.clock, world.orgA.id, { firstName: 'Unchanged' });
    const row = () => t.ctx.db.selectFrom('people').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow();
    const grants = () => t.ctx.db.selectFrom('role_grants').select('role').where('person_id', '=', target.id).execute();
    const [before, rolesBefore] = [await row(), await grants()];
    const response = await send('PATCH', {
      url: `/api/people/${target.id}`,
      payload: {
        firstName: 'Changed',
        organizationId: world.orgB.id,
        role: 'program_director',
        roles: ['program_director'],
        isAdmin: true,
        active: false,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(await row()).toEqual(before);
    expect(await grants()).toEqual(rolesBefore);
  });

  it('__proto__ and constructor.prototype in a body are refused, nothing is written, Object.prototype stays clean', async () => {
    const problems: string[] = [];
    for (const route of jsonBodyRoutes()) {
      const request = await validRequest(caseFor(routeKey(route)));
      const valid = JSON.stringify(request.payload).slice(1, -1);
      for (const poison of ['"__proto__":{"isAdmin":true,"role":"program_director"}', '"constructor":{"prototype":{"isAdmin":true}}']) {
        const before = await databaseFingerprint(t);
        const response = await send(
          route.method,
          { ...request, payload: `{${valid}${valid ? ',' : ''}${poison}}` },
          { 'content-type': 'application/json' },
        );
        if (response.statusCode !== 400 || errorOf(response).code !== 'validation_failed')
          problems.push(`${routeKey(route)} ${poison.slice(0, 14)} → ${response.statusCode}`);
        if ((await databaseFingerprint(t)) !== before) problems.push(`${routeKey(route)} ${poison.slice(0, 14)}: the database changed`);
      }
    }
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('unknown query parameters are refused and named', async () => {
    for (const url of ['/api/people?isAdmin=true', '/api/public/program?organizationId=x', '/api/people/import?role=program_director']) {
      const response = await send(url.startsWith('/api/people/import') ? 'POST' : 'GET', {
        url,
        payload: url.startsWith('/api/people/import') ? 'first_name,last_name,work_email\nAda,Lovelace,ada@q.test\n' : undefined,
        headers: url.startsWith('/api/people/import') ? { 'content-type': 'text/csv' } : {},
      });
      expect(response.statusCode, url).toBe(400);
      const key = url.split('?')[1]!.split('=')[0]!;
      expect(names(response, key), `${url}: ${JSON.stringify(errorOf(response).fields)}`).toBe(true);
    }
  });

  it.each([...UNKNOWN_KEYS, '__proto__'])('a roster column %s is refused, named, and nothing is imported', async (column) => {
    const before = await databaseFingerprint(t);
    const response = await send('POST', csv(`first_name,last_name,work_email,${column}\nAda,Lovelace,ada-${column}@q.test,x\n`));
    expect(response.statusCode).toBe(400);
    expect(names(response, column), JSON.stringify(errorOf(response).fields)).toBe(true);
    expect(await databaseFingerprint(t)).toBe(before);
  });
});

describe('NUL characters (PostgreSQL cannot store them; found by the property test)', () => {
  /** Puts a NUL into the first string field of the matrix's valid body for the route. */
  function withNul(payload: unknown): { payload: unknown; field: string | null } {
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return { payload, field: null };
    const entry = Object.entries(payload).find(([, v]) => typeof v === 'string');
    if (!entry) return { payload, field: null };
    return { payload: { ...payload, [entry[0]]: `x\u0000${entry[1] as string}` }, field: entry[0] };
  }

  it('a NUL in any string field of a JSON body → 400 naming the field, nothing written', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const route of jsonBodyRoutes()) {
      const request = await validRequest(caseFor(routeKey(route)));
      const { payload, field } = withNul(request.payload);
      if (!field) continue;
      checked += 1;
      const before = await databaseFingerprint(t);
      const response = await send(route.method, { ...request, payload });
      if (response.statusCode !== 400 || !names(response, field))
        problems.push(`${routeKey(route)} → ${response.statusCode} ${response.body.slice(0, 120)}`);
      if ((await databaseFingerprint(t)) !== before) problems.push(`${routeKey(route)}: the database changed`);
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    expect(problems).toEqual([]);
  });

  it('a NUL in a query string or a CSV cell → 400, never a 500', async () => {
    const search = await send('GET', { url: '/api/people?q=a%00b' });
    expect(search.statusCode).toBe(400);
    expect(names(search, 'q')).toBe(true);
    const before = await databaseFingerprint(t);
    const roster = await send('POST', csv('first_name,last_name,work_email\nA\u0000da,Lovelace,ada.nul@example.test\n'));
    expect(roster.statusCode).toBe(400);
    expect(await databaseFingerprint(t)).toBe(before);
  });
});

describe('malformed, oversized and mistyped bodies', () => {
  it('malformed or empty JSON → 400 validation_failed on every JSON route', async () => {
    const problems: string[] = [];
    for (const route of jsonBodyRoutes()) {
      // The valid request's own headers too: the integration route's credential is a bearer token.
      const { url, headers } = await validRequest(caseFor(routeKey(route)));
      for (const payload of ['{"name":', '{name: 1}', '[1,2', '', '\u0000']) {
        const response = await send(route.method, { url, payload, headers }, { 'content-type': 'application/json' });
        if (response.statusCode !== 400 || errorOf(response).code !== 'validation_failed')
          problems.push(`${routeKey(route)} ${JSON.stringify(payload)} → ${response.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a content type other than JSON → 415 on every JSON route (cross-site forms send these without a preflight)', async () => {
    const problems: string[] = [];
    for (const route of jsonBodyRoutes()) {
      const request = await validRequest(caseFor(routeKey(route)));
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'text/csv',
      ]) {
        const response = await send(
          route.method,
          { url: request.url, payload: JSON.stringify(request.payload), headers: request.headers },
          { 'content-type': type },
        );
        if (response.statusCode !== 415 || errorOf(response).code !== 'unsupported_media_type')
          problems.push(`${routeKey(route)} as ${type} → ${response.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the roster routes take text/csv only: JSON and form bodies → 415', async () => {
    const problems: string[] = [];
    for (const route of csvBodyRoutes()) {
      for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
        const response = await send(route.method, { url: route.url, payload: '{"first_name":"Ada"}' }, { 'content-type': type });
        if (response.statusCode !== 415) problems.push(`${routeKey(route)} as ${type} → ${response.statusCode}`);
      }
    }
    expect(csvBodyRoutes()).toHaveLength(2);
    expect(problems).toEqual([]);
  });

  it(`JSON bodies over ${JSON_BODY_MAX_BYTES / 1024} KiB → 413 payload_too_large on every JSON route`, async () => {
    const problems: string[] = [];
    const big = JSON.stringify({ name: 'x'.repeat(JSON_BODY_MAX_BYTES) });
    for (const route of jsonBodyRoutes()) {
      const { url, headers } = await validRequest(caseFor(routeKey(route)));
      const response = await send(route.method, { url, payload: big, headers }, { 'content-type': 'application/json' });
      if (response.statusCode !== 413 || errorOf(response).code !== 'payload_too_large')
        problems.push(`${routeKey(route)} → ${response.statusCode}`);
    }
    expect(problems).toEqual([]);
  });

  it(`roster files over ${ROSTER_BODY_MAX_BYTES / 1024 / 1024} MiB → 413`, async () => {
    const header = `${ROSTER_COLUMNS.join(',')}\n`;
    const response = await send('POST', csv(header + 'x'.repeat(ROSTER_BODY_MAX_BYTES)));
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('payload_too_large');
  });
});

describe('path parameters and unknown paths', () => {
  it('a non-UUID :id → 400 naming params.id on every route that takes one', async () => {
    const problems: string[] = [];
    for (const route of idRoutes()) {
      const request = await validRequest(caseFor(routeKey(route)));
      for (const bad of ['123', 'not-a-uuid', "1' OR '1'='1", '%2e%2e%2f', `${randomUUID()}x`]) {
        const response = await send(route.method, { ...request, url: request.url.replace(UUID_RE, bad) });
        if (response.statusCode !== 400 || !names(response, 'id'))
          problems.push(`${routeKey(route)} ${bad} → ${response.statusCode} ${response.body.slice(0, 100)}`);
      }
    }
    expect(idRoutes().length).toBeGreaterThan(8);
    expect(problems).toEqual([]);
  });

  it('a UUID of nothing → 404 not_found on every route that takes an :id', async () => {
    const problems: string[] = [];
    for (const route of idRoutes()) {
      const request = await validRequest(caseFor(routeKey(route)));
      const before = await databaseFingerprint(t);
      const response = await send(route.method, { ...request, url: request.url.replace(UUID_RE, randomUUID()) });
      if (response.statusCode !== 404 || errorOf(response).code !== 'not_found')
        problems.push(`${routeKey(route)} → ${response.statusCode} ${response.body.slice(0, 100)}`);
      if ((await databaseFingerprint(t)) !== before) problems.push(`${routeKey(route)}: the database changed`);
    }
    expect(problems).toEqual([]);
  });

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const)('%s to an unknown /api path → 404 not_found JSON', async (method) => {
    for (const url of ['/api/nothing-here', '/api/people/import/everything', '/api/me/x/y', '/api/people/' + randomUUID() + '/secrets']) {
      const response = await t.app.inject({
        method,
        url,
        headers: { cookie: cookieFor(url) },
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(errorOf(response).code).toBe('not_found');
    }
  });

  it('a malformed percent-escape in the URL → 400 JSON, not a crash', async () => {
    for (const url of ['/api/people/%ZZ', '/api/%E0%A4%A', '/%C0%AF']) {
      const response = await t.app.inject({ url, headers: { cookie: cookieFor(url) } });
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property-based: random input to every registered route never gets a 5xx, a stack trace, or pollution.

// 302: the single sign-on routes answer every browser with a redirect (to the provider, the app, or a refusal page).
const ALLOWED = new Set([200, 201, 202, 204, 302, 400, 401, 403, 404, 409, 413, 415, 429]);
const RUNS_PER_ROUTE = 40;
const STACK_FRAME = /\bat\s+\S*\s*\(?(?:file:\/\/|\/|[A-Za-z]:\\|node:)[^\s)]*:\d+:\d+\)?/;
const SERVER_PATH = /\/work\/|node_modules|\.ts:\d+/;

/** Strings that make SQL, HTML, CSV, JSON and path handling nervous. */
const NASTY = [
  "' OR '1'='1",
  '"; DROP TABLE people; --',
  "Robert'); DELETE FROM accounts;--",
  '%',
  '_',
  '\\',
  '%_\\%',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x","y")',
  '+SUM(1,1)',
  '-1+1',
  '@cmd',
  '\t=1',
  '"a,b"',
  'a\nb',
  'a\r\nb',
  '""',
  ',,,',
  '\u0000',
  '\u202e\u0041',
  '\ud800',
  '🙂👩🏽‍⚕️',
  'Zoë Ñúñez',
  'ＡＢＣ',
  'İı',
  '../../etc/passwd',
  '%2e%2e%2f',
  '${7*7}',
  '{{7*7}}',
  'null',
  'undefined',
  'true',
  'NaN',
  '0x7fffffff',
  '1e309',
  '-0',
  ' ',
  '',
  'x'.repeat(300),
  'program_director',
  'it_admin',
  '2026-02-30T25:61:00Z',
  'a@b',
  'UPPER@EXAMPLE.TEST',
];
const KEY_SPICE = [
  'role',
  'roles',
  'organizationId',
  'isAdmin',
  'id',
  'active',
  'email',
  'password',
  'name',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
];
/** Every own property of Object.prototype with its value (or getter), to see additions and replacements. */
function prototypeSnapshot(): [string, unknown][] {
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, name);
      return [name, descriptor?.value ?? descriptor?.get];
    });
}

/** Generated text never spells an error or a stack frame itself, so finding one in an answer means the server leaked it. */
const clean = (s: string) => !/Error:|\bat\s|work\/|node_modules/.test(s);

function arbitraries(route: RegisteredRoute, pool: string[]) {
  const op = operations.get(routeKey(route));
  const bodyKeys = Object.keys(Object.values(op?.requestBody?.content ?? {})[0]?.schema?.properties ?? {});
  const queryKeys = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);

  const text = fc.oneof(
    { arbitrary: fc.constantFrom(...NASTY), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).filter(clean), weight: 2 },
    { arbitrary: fc.string({ maxLength: 20 }).filter(clean), weight: 1 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.constantFrom(...pool), weight: 2 },
  );
  const scalar = fc.oneof(
    { arbitrary: text, weight: 5 },
    { arbitrary: fc.integer(), weight: 1 },
    { arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, -1, 0, 0.5, 2 ** 53 + 1), weight: 1 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
  const key = fc.oneof(
    { arbitrary: fc.constantFrom(...(bodyKeys.length ? bodyKeys : ['x'])), weight: 4 },
    { arbitrary: fc.constantFrom(...KEY_SPICE), weight: 1 },
    { arbitrary: fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,12}$/), weight: 1 },
  );
  const { json } = fc.letrec<{ json: unknown }>((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      { arbitrary: scalar, weight: 4 },
      { arbitrary: fc.array(tie('json'), { maxLength: 5 }), weight: 1 },
      { arbitrary: fc.dictionary(key, tie('json'), { maxKeys: 5 }), weight: 1 },
    ),
  }));
  // Shaped like the route's schema (known keys, plausible types) so that input also reaches the
  // services and the database, not only the validator.
  const fromSchema = (schema: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> => {
    if (!schema || depth > 3) return json;
    const nullable = schema.nullable ? [fc.constant(null)] : [];
    if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), ...nullable);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
    switch (schema.type) {
      case 'string':
        if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...pool), fc.uuid(), ...nullable);
        if (schema.format === 'email') return fc.oneof(fc.emailAddress(), text, ...nullable);
        return fc.oneof(text, ...nullable);
      case 'boolean':
        return fc.oneof(fc.boolean(), ...nullable);
      case 'integer':
      case 'number':
        return fc.oneof(fc.integer({ min: -2, max: 10 }), scalar);
      case 'array':
        return fc.array(fromSchema(schema.items, depth + 1), { maxLength: 4 });
      case 'object':
        return fc.record(Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, fromSchema(v, depth + 1)])), {
          requiredKeys: [],
        });
      default:
        return fc.oneof(scalar, ...nullable);
    }
  };
  const bodySchema = Object.values(op?.requestBody?.content ?? {})[0]?.schema;
  const body = fc.oneof(
    { arbitrary: fromSchema(bodySchema?.properties ? bodySchema : undefined, 0), weight: 4 },
    { arbitrary: fc.dictionary(key, json, { maxKeys: 6 }), weight: 3 },
    { arbitrary: json, weight: 1 },
  );
  const csvCell = fc.oneof(text, fc.constant(''), fc.constantFrom('true', 'false', 'en;es', 'Nurse', 'yes'));
  const csvBody = fc
    .tuple(
      fc.shuffledSubarray([...ROSTER_COLUMNS, 'role', 'isAdmin', 'First_Name '], { minLength: 0, maxLength: 8 }),
      fc.array(fc.array(csvCell, { maxLength: 10 }), { maxLength: 6 }),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([header, rows, eol]) =>
      [header.join(','), ...rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))].join(eol),
    );
  const query = fc.dictionary(
    fc.oneof(
      { arbitrary: fc.constantFrom(...(queryKeys.length ? queryKeys : ['q'])), weight: 3 },
      { arbitrary: fc.constantFrom(...KEY_SPICE.filter(Boolean)), weight: 1 },
    ),
    fc.oneof(text.map(String), fc.integer().map(String), fc.array(text, { maxLength: 3 })),
    { maxKeys: 4 },
  );
  const segment = fc.oneof(
    { arbitrary: fc.constantFrom(...pool), weight: 3 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: text, weight: 2 },
  );
  return { body, csvBody, query, segment };
}

function toQueryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Percent-encodes like encodeURIComponent, and encodes lone surrogates as their UTF-8 replacement instead of throwing. */
function encodeSegment(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    return [...Buffer.from(segment, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

function fillPath(url: string, segment: string): string {
  const encoded = encodeSegment(segment);
  return url.replace(/:\w+/g, () => encoded).replace('/*', () => `/${encoded}/x`);
}

describe('property: random input to every route never breaks the server (ASVS 16.5.1, 15.3.6)', () => {
  it(`${RUNS_PER_ROUTE} random requests per registered route, as organisation A's director`, { timeout: 180_000 }, async () => {
    const prototypeBefore = prototypeSnapshot();
    const director = world.byRole.program_director;
    // Organisation A's ids, the director's own person aside (a random password for them would end the run's session).
    const pool = [
      world.colleague.id,
      world.loginSubject.id,
      world.byRole.staff_member.id,
      world.orgA.supportLineIds[0]!,
      world.orgA.professions.nurse,
      await buildSite(t.ctx.db, t.clock, world.orgA.id),
      await buildDepartment(t.ctx.db, t.clock, world.orgA.id),
      world.otherDirector.id,
      world.orgB.supportLineIds[0]!,
      world.loginSubject.email,
    ];
    let cookie = (await mintSession(t, director, world.orgA.id)).cookie;
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;

    for (const route of registered(t.routes)) {
      const arb = arbitraries(route, pool);
      const isCsv = bodyContentTypes(route).includes('text/csv');
      const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
      const property = fc.asyncProperty(arb.segment, arb.query, isCsv ? arb.csvBody : arb.body, async (segment, query, body) => {
        const url = fillPath(route.url, segment) + toQueryString(query);
        const response = await t.app.inject({
          method: route.method as Method,
          url,
          headers: { cookie, ...(hasBody ? { 'content-type': isCsv ? 'text/csv' : 'application/json' } : {}) },
          ...(hasBody && body !== undefined && body !== null ? { payload: isCsv ? String(body) : JSON.stringify(body) } : {}),
        });
        requests += 1;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        // Some routes end the session on purpose (sign-out, a password set for oneself): start a new one.
        if (response.statusCode === 401 && errorOf(response).code === 'unauthenticated')
          cookie = (await mintSession(t, director, world.orgA.id)).cookie;
        const where = `${route.method} ${url} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        if (!ALLOWED.has(response.statusCode)) throw new Error(`status not allowed: ${where}`);
        if (STACK_FRAME.test(response.body) || /Error:/.test(response.body) || SERVER_PATH.test(response.body))
          throw new Error(`internals leaked: ${where}`);
        if (response.statusCode >= 400 && !/^application\/json/.test(String(response.headers['content-type'])))
          throw new Error(`error is not JSON: ${where}`);
      });
      try {
        await fc.assert(property, { numRuns: RUNS_PER_ROUTE });
      } catch (error) {
        failures.push(`${routeKey(route)}: ${(error as Error).message.split('\n').slice(0, 12).join(' | ')}`);
      }
    }

    const histogram = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(
      `[fuzz] ${registered(t.routes).length} routes, ${requests} requests (${RUNS_PER_ROUTE} runs each + shrinking): ${histogram}; failures: ${failures.length}`,
    );
    expect(failures).toEqual([]);
    expect([...statuses.keys()].some((s) => s >= 500)).toBe(false);
    expect(prototypeSnapshot()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
