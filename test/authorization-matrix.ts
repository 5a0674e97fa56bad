/**
 * The authorization matrix (ASVS 8.1.1; docs/product.md, "Security requirements"): every route, a
 * concrete request for it, and the status each caller gets. The hard-coded `expect` rows below ARE
 * the documentation of who may call what; test/authorization-matrix.test.ts checks them against
 * shared/permissions.ts and against the running app. Adding a route means adding a row here (the
 * coverage test fails until you do).
 *
 * Callers: anonymous; one person of organisation A per role (one role each, password accounts); and
 * `other_org`, the program director of organisation B. Requests always name organisation A's objects,
 * so `other_org` shows what another tenant gets for them (404 for ids in the path, 400 for ids in the
 * body: "unknown" in their organisation).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { can, ROLES, type AccessRule, type Role } from '../shared/permissions.ts';
import { newId } from '../server/db/values.ts';
import {
  buildDepartment,
  buildOrganization,
  buildCase,
  buildOffer,
  buildPerson,
  buildResource,
  buildSite,
  type BuiltOrganization,
  type BuiltPerson,
  FACTORY_TOTP_SECRET,
} from '../server/demo/factories.ts';
import { hashToken } from '../server/modules/auth/auth.service.ts';
import { hashSecret } from '../server/modules/cases/anonymous-access.ts';
import { insertSession } from '../server/modules/auth/sessions.repository.ts';
import { issueSignInLink } from '../server/modules/auth/sign-in-links.service.ts';
import { sessionCookieName } from '../server/plugins/session-cookie.ts';
import { nextTotpCode, signIn, type TestApp } from './harness.ts';
import { CASE_BOARD_ROUTE_CASES } from './matrix/case-board.routes.ts';
import { CASEWORK_ROUTE_CASES } from './matrix/casework.routes.ts';
import { DEBRIEF_ROUTE_CASES } from './matrix/debriefs.routes.ts';
import { EVENT_NOTICE_ROUTE_CASES } from './matrix/event-notices.routes.ts';
import { INTAKE_ROUTE_CASES } from './matrix/intake.routes.ts';
import { ON_CALL_ROUTE_CASES } from './matrix/on-call.routes.ts';
import { SCHEDULING_ROUTE_CASES } from './matrix/scheduling.routes.ts';
import { SERVICE_LEVEL_ROUTE_CASES } from './matrix/service-levels.routes.ts';
import { PAGING_ROUTE_CASES } from './matrix/paging.routes.ts';
import { SSO_ROUTE_CASES } from './matrix/sso.routes.ts';
import { TEAM_ROUTE_CASES } from './matrix/team.routes.ts';
import { TRAINING_ROUTE_CASES } from './matrix/training.routes.ts';
import { TEAM_MEETING_ROUTE_CASES } from './matrix/team-meetings.routes.ts';
import { REPORT_ROUTE_CASES } from './matrix/reports.routes.ts';
import { SETUP_ROUTE_CASES } from './matrix/setup.routes.ts';
import { personOf } from './matrix/person-of.ts';

// ---------------------------------------------------------------------------------------------
// Callers

export const CALLERS = ['anonymous', ...ROLES, 'other_org'] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedInCaller = Exclude<Caller, 'anonymous'>;

/** Every matrix account shares one password (one argon2 hash per process). */
export const MATRIX_PASSWORD = 'matrix-caller-long-passphrase';

type Status = 200 | 201 | 202 | 204 | 302 | 400 | 401 | 404 | 409;
/** Statuses in CALLERS order: anonymous, the 7 roles of organisation A, then organisation B's director. */
export type ExpectedRow = readonly [Status, Status, Status, Status, Status, Status, Status, Status, Status];

export function expectedFor(row: ExpectedRow, caller: Caller): number {
  return row[CALLERS.indexOf(caller)]!;
}

// ---------------------------------------------------------------------------------------------
// The world every matrix cell runs in

export interface MatrixWorld {
  t: TestApp;
  orgA: BuiltOrganization;
  orgB: BuiltOrganization;
  /** Organisation A: one person per role, each holding only that role. */
  byRole: Record<Role, BuiltPerson>;
  /** Organisation B's program director. */
  otherDirector: BuiltPerson;
  /** Organisation A: the account the login row signs in as. */
  loginSubject: BuiltPerson;
  /** Organisation A: a plain staff member that read-only rows look at. */
  colleague: BuiltPerson;
}

export async function buildMatrixWorld(t: TestApp): Promise<MatrixWorld> {
  const { db } = t.ctx;
  const orgA = await buildOrganization(db, t.clock);
  const orgB = await buildOrganization(db, t.clock);
  const byRole = {} as Record<Role, BuiltPerson>;
  for (const role of ROLES) {
    byRole[role] = await buildPerson(db, t.clock, orgA.id, { roles: [role], password: MATRIX_PASSWORD, lastName: `Role-${role}` });
  }
  return {
    t,
    orgA,
    orgB,
    byRole,
    otherDirector: await buildPerson(db, t.clock, orgB.id, { roles: ['program_director'], password: MATRIX_PASSWORD }),
    loginSubject: await buildPerson(db, t.clock, orgA.id, { roles: ['staff_member'], password: MATRIX_PASSWORD }),
    colleague: await buildPerson(db, t.clock, orgA.id, { roles: ['staff_member'] }),
  };
}

export { personOf };

/** Signed-in cookies per caller, made once and re-made after a row that ends the caller's session. */
export class CallerSessions {
  readonly #cookies = new Map<Caller, string>();
  signIns = 0;
  constructor(private readonly world: MatrixWorld) {}

  async cookieFor(caller: Caller): Promise<string | undefined> {
    if (caller === 'anonymous') return undefined;
    let cookie = this.#cookies.get(caller);
    if (!cookie) {
      cookie = await signIn(this.world.t.app, personOf(this.world, caller).email, MATRIX_PASSWORD);
      this.signIns += 1;
      this.#cookies.set(caller, cookie);
    }
    return cookie;
  }

  forget(caller: Caller): void {
    this.#cookies.delete(caller);
  }
}

/** A built web app (index.html + one asset), so the SPA fallback route has something to serve. */
export function createWebDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerline-web-'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><title>Peerline</title></head><body><div id="root"></div></body></html>',
  );
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log("peerline");');
  return dir;
}

/** Everything a request could change, sessions and sign-in throttling aside (reads touch sessions). */
export async function databaseFingerprint(t: TestApp): Promise<string> {
  const db = t.ctx.db;
  const tables = await Promise.all([
    db.selectFrom('organizations').selectAll().orderBy('id').execute(),
    db.selectFrom('sites').selectAll().orderBy('id').execute(),
    db.selectFrom('departments').selectAll().orderBy('id').execute(),
    db.selectFrom('professions').selectAll().orderBy('id').execute(),
    db.selectFrom('people').selectAll().orderBy('id').execute(),
    db.selectFrom('accounts').selectAll().orderBy('id').execute(),
    db.selectFrom('role_grants').selectAll().orderBy('person_id').orderBy('role').execute(),
    db.selectFrom('support_lines').selectAll().orderBy('id').execute(),
    db.selectFrom('audit_events').selectAll().orderBy('id').execute(),
    db.selectFrom('resources').selectAll().orderBy('id').execute(),
    db.selectFrom('supporter_profiles').selectAll().orderBy('person_id').execute(),
    db.selectFrom('supporter_nominations').selectAll().orderBy('id').execute(),
    db.selectFrom('training_settings').selectAll().orderBy('organization_id').execute(),
    db.selectFrom('training_curricula').selectAll().orderBy('id').execute(),
    db.selectFrom('training_scenarios').selectAll().orderBy('id').execute(),
    db.selectFrom('training_sessions').selectAll().orderBy('id').execute(),
    db.selectFrom('training_invitations').selectAll().orderBy('session_id').orderBy('person_id').execute(),
    db.selectFrom('training_attendance').selectAll().orderBy('session_id').orderBy('person_id').orderBy('module_key').execute(),
    db.selectFrom('training_observations').selectAll().orderBy('id').execute(),
  ]);
  return JSON.stringify(tables);
}

// ---------------------------------------------------------------------------------------------
// Fresh objects, so that every allowed cell can succeed on its own

let counter = 0;
export function unique(label = 'x'): string {
  counter += 1;
  return `${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

async function freshProfession(world: MatrixWorld): Promise<string> {
  const id = newId();
  await world.t.ctx.db
    .insertInto('professions')
    .values({
      id,
      organization_id: world.orgA.id,
      name: unique('Profession'),
      category: 'other',
      active: true,
      created_at: world.t.clock.now().toISOString(),
    })
    .execute();
  return id;
}

/**
 * A session made straight in the database, as a finished sign-in (password and, where the roles
 * need one, an authenticator code) would make it, without the argon2 cost. Used for
 * "a session of mine I want to end" and for callers whose session a test may end on purpose.
 */
export async function mintSession(t: TestApp, person: BuiltPerson, organizationId: string): Promise<{ id: string; cookie: string }> {
  const id = newId();
  const token = randomBytes(32).toString('base64url');
  const at = t.clock.now();
  await insertSession(t.ctx.db, {
    id,
    token_hash: hashToken(token),
    account_id: person.accountId!,
    organization_id: organizationId,
    created_at: at.toISOString(),
    expires_at: new Date(at.getTime() + t.ctx.config.sessionAbsoluteHours * 3_600_000).toISOString(),
    user_agent: 'minted by a test',
    second_factor: 'totp',
    verified_at: at.toISOString(),
  });
  return { id, cookie: `${sessionCookieName(t.ctx.config)}=${token}` };
}

const SUPPORT_REQUEST = {
  modality: 'phone',
  departmentPreference: 'no_preference',
  urgency: 'this_week',
  reason: 'burnout_or_overload',
  contactMethod: 'work_email',
} as const;

/** An anonymous request of organisation A with a known code and secret. */
async function anonymousCase(world: MatrixWorld): Promise<{ caseCode: string; secret: string }> {
  const secret = `secret-${unique('s')}`;
  const caseCode = `T${randomBytes(2).toString('hex').slice(0, 3).toUpperCase().replace(/[01]/g, 'A')}-${randomBytes(2).toString('hex').slice(0, 4).toUpperCase().replace(/[01]/g, 'B')}`;
  await buildCase(world.t.ctx.db, world.t.clock, world.orgA.id, {
    origin: 'anonymous',
    anonymousCode: caseCode,
    anonymousSecretHash: hashSecret(secret),
  });
  return { caseCode, secret };
}

// ---------------------------------------------------------------------------------------------
// The table

export interface CellContext {
  world: MatrixWorld;
  caller: Caller;
  /** The caller's session cookie (none for anonymous), for a row that must prepare with it. */
  cookie?: string | undefined;
}

export interface CellRequest {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface RouteCase {
  method: string;
  /** Exactly as registered (Fastify syntax, `:id`). */
  url: string;
  /** The access rule the route declares; must match what it registered. */
  access: AccessRule;
  /** What an allowed caller gets. */
  success: 200 | 201 | 202 | 204 | 302;
  /** What organisation B's director gets when the rules allow the action but the request names A's objects. */
  crossOrg?: 400 | 404;
  /** The documentation: statuses in CALLERS order. */
  expect: ExpectedRow;
  /** One concrete request; builds fresh objects of organisation A so each cell can succeed. */
  request(ctx: CellContext): Promise<CellRequest> | CellRequest;
  /** The caller's session ends on success (sign-in replaces it, sign-out ends it). */
  endsCallerSession?: boolean;
  /** Allowed callers whom the service then answers 409 for a reason of their own, not of access. */
  conflictFor?: readonly SignedInCaller[];
}

const directorOfA = (ctx: CellContext) => ctx.world.byRole.program_director;
const freshPersonId = async (ctx: CellContext, overrides: { active?: boolean } = {}) =>
  (await buildPerson(ctx.world.t.ctx.db, ctx.world.t.clock, ctx.world.orgA.id, { roles: ['staff_member'], ...overrides })).id;
/** A set-password link for a fresh person of organisation A, as the e-mail would carry it. */
const freshSignInLink = async (ctx: CellContext): Promise<string> => {
  const { t, orgA } = ctx.world;
  const person = await buildPerson(t.ctx.db, t.clock, orgA.id, { roles: ['staff_member'] });
  const link = await t.ctx.db.transaction().execute((trx) =>
    issueSignInLink(trx, {
      organizationId: orgA.id,
      person: { id: person.id, workEmail: person.email },
      createdBy: null,
      now: t.clock.now(),
      sendEmail: false,
    }),
  );
  return link.path.split('#')[1]!;
};
const csvRoster = () => `first_name,last_name,work_email\nRoster,${unique('Import')},${unique('roster')}@import.peerline.test\n`;

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
const PUBLIC_200: ExpectedRow = [200, 200, 200, 200, 200, 200, 200, 200, 200];

const CORE_ROUTE_CASES: RouteCase[] = [
  // --- system & public -------------------------------------------------------------------------
  { method: 'GET', url: '/healthz', access: 'public', success: 200, expect: PUBLIC_200, request: () => ({ url: '/healthz' }) },
  { method: 'GET', url: '/readyz', access: 'public', success: 200, expect: PUBLIC_200, request: () => ({ url: '/readyz' }) },
  {
    method: 'GET',
    url: '/api/openapi.json',
    access: 'public',
    success: 200,
    expect: PUBLIC_200,
    request: () => ({ url: '/api/openapi.json' }),
  },
  {
    method: 'GET',
    url: '/api/public/program',
    access: 'public',
    success: 200,
    expect: PUBLIC_200,
    request: ({ world }) => ({ url: `/api/public/program?org=${world.orgA.slug}` }),
  },
  { method: 'GET', url: '/*', access: 'public', success: 200, expect: PUBLIC_200, request: () => ({ url: '/people/deep/link' }) },

  // --- authentication and my own account ---------------------------------------------------------
  {
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    success: 200,
    endsCallerSession: true,
    expect: PUBLIC_200,
    request: ({ world }) => ({ url: '/api/auth/login', payload: { email: world.loginSubject.email, password: MATRIX_PASSWORD } }),
  },
  {
    method: 'POST',
    url: '/api/auth/logout',
    access: 'public',
    success: 204,
    endsCallerSession: true,
    expect: [204, 204, 204, 204, 204, 204, 204, 204, 204],
    request: () => ({ url: '/api/auth/logout' }),
  },
  {
    method: 'GET',
    url: '/api/me',
    access: 'account.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/me' }),
  },
  {
    method: 'POST',
    url: '/api/me/password',
    access: 'account.self',
    success: 204,
    expect: [401, 204, 204, 204, 204, 204, 204, 204, 204],
    // Same password again: the cell succeeds and the cached sign-ins keep working.
    request: () => ({ url: '/api/me/password', payload: { currentPassword: MATRIX_PASSWORD, newPassword: MATRIX_PASSWORD } }),
  },
  {
    method: 'GET',
    url: '/api/me/sessions',
    access: 'account.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/me/sessions' }),
  },
  // Two-step sign-in. Callers whose roles need it have the factories' authenticator; the others
  // have none until the enrolment row below sets one up for them, so the rows before it see 409s.
  {
    method: 'POST',
    url: '/api/auth/second-factor',
    access: 'account.self',
    success: 200,
    // Every matrix session has finished signing in: nothing more to give, the answer is who one is.
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/auth/second-factor', payload: { code: '123456' } }),
  },
  {
    method: 'GET',
    url: '/api/me/second-factor',
    access: 'account.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/me/second-factor' }),
  },
  {
    method: 'POST',
    url: '/api/me/second-factor/recovery-codes',
    access: 'account.self',
    success: 200,
    expect: [401, 200, 200, 409, 409, 409, 409, 200, 200],
    conflictFor: ['peer_supporter', 'leadership_viewer', 'event_reporter', 'staff_member'],
    request: () => ({ url: '/api/me/second-factor/recovery-codes' }),
  },
  {
    method: 'DELETE',
    url: '/api/me/second-factor',
    access: 'account.self',
    success: 204,
    // Required by the roles of director, administrator and IT administrator; nothing to remove for the others.
    expect: [401, 409, 409, 204, 204, 204, 204, 409, 409],
    conflictFor: ['program_director', 'program_admin', 'it_admin', 'other_org'],
    request: () => ({ url: '/api/me/second-factor' }),
  },
  {
    method: 'POST',
    url: '/api/me/second-factor/enrolment',
    access: 'account.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/me/second-factor/enrolment' }),
  },
  {
    method: 'POST',
    url: '/api/me/second-factor/enrolment/confirm',
    access: 'account.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    // Starts an enrolment with the caller's own session and answers with the new app's first code.
    request: async ({ world, caller, cookie }) => {
      if (!cookie || caller === 'anonymous') return { url: '/api/me/second-factor/enrolment/confirm', payload: { code: '123456' } };
      const started = await world.t.app.inject({ method: 'POST', url: '/api/me/second-factor/enrolment', headers: { cookie } });
      const { secret } = started.json() as { secret: string };
      return {
        url: '/api/me/second-factor/enrolment/confirm',
        payload: { code: await nextTotpCode(world.t.app, personOf(world, caller).id, secret, world.t.clock) },
      };
    },
  },
  {
    method: 'POST',
    url: '/api/auth/step-up',
    access: 'account.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/auth/step-up', payload: { password: MATRIX_PASSWORD } }),
  },
  {
    method: 'DELETE',
    url: '/api/me/sessions/:id',
    access: 'account.self',
    success: 204,
    crossOrg: 404,
    expect: [401, 204, 204, 204, 204, 204, 204, 204, 404],
    // Own callers end a spare session of their own; anonymous and organisation B name one of A's director.
    request: async (ctx) => {
      const owner = ctx.caller === 'anonymous' || ctx.caller === 'other_org' ? directorOfA(ctx) : ctx.world.byRole[ctx.caller];
      return { url: `/api/me/sessions/${(await mintSession(ctx.world.t, owner, ctx.world.orgA.id)).id}` };
    },
  },

  // --- organisation structure --------------------------------------------------------------------
  {
    method: 'GET',
    url: '/api/organization/structure',
    access: 'organization.read',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/organization/structure' }),
  },
  {
    method: 'POST',
    url: '/api/organization/sites',
    access: 'organization.manage',
    success: 201,
    expect: [401, 201, 201, 404, 404, 404, 404, 201, 201],
    request: () => ({ url: '/api/organization/sites', payload: { name: unique('Site') } }),
  },
  {
    method: 'PATCH',
    url: '/api/organization/sites/:id',
    access: 'organization.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 404],
    request: async ({ world }) => ({
      url: `/api/organization/sites/${await buildSite(world.t.ctx.db, world.t.clock, world.orgA.id)}`,
      payload: { name: unique('Renamed site') },
    }),
  },
  {
    method: 'POST',
    url: '/api/organization/departments',
    access: 'organization.manage',
    success: 201,
    crossOrg: 400,
    expect: [401, 201, 201, 404, 404, 404, 404, 201, 400],
    request: async ({ world }) => {
      const siteId = await buildSite(world.t.ctx.db, world.t.clock, world.orgA.id);
      const parentId = await buildDepartment(world.t.ctx.db, world.t.clock, world.orgA.id, { siteId });
      return { url: '/api/organization/departments', payload: { name: unique('Unit'), siteId, parentId } };
    },
  },
  {
    method: 'PATCH',
    url: '/api/organization/departments/:id',
    access: 'organization.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 404],
    request: async ({ world }) => ({
      url: `/api/organization/departments/${await buildDepartment(world.t.ctx.db, world.t.clock, world.orgA.id)}`,
      payload: { name: unique('Renamed department') },
    }),
  },
  {
    method: 'POST',
    url: '/api/organization/professions',
    access: 'organization.manage',
    success: 201,
    expect: [401, 201, 201, 404, 404, 404, 404, 201, 201],
    request: () => ({ url: '/api/organization/professions', payload: { name: unique('Profession'), category: 'nurse' } }),
  },
  {
    method: 'PATCH',
    url: '/api/organization/professions/:id',
    access: 'organization.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 404],
    request: async ({ world }) => ({
      url: `/api/organization/professions/${await freshProfession(world)}`,
      payload: { name: unique('Renamed profession') },
    }),
  },

  // --- program settings --------------------------------------------------------------------------
  {
    method: 'GET',
    url: '/api/settings/program',
    access: 'settings.manage',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 200, 200],
    request: () => ({ url: '/api/settings/program' }),
  },
  {
    method: 'PATCH',
    url: '/api/settings/program',
    access: 'settings.manage',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 200, 200],
    request: () => ({ url: '/api/settings/program', payload: { programName: 'Peer Support Program' } }),
  },
  {
    method: 'PATCH',
    url: '/api/settings/support-lines/:id',
    access: 'settings.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 404, 404, 404, 404, 404, 200, 404],
    request: ({ world }) => ({
      url: `/api/settings/support-lines/${world.orgA.supportLineIds[1]}`,
      payload: { description: unique('Call or text 988') },
    }),
  },

  // --- people directory --------------------------------------------------------------------------
  {
    method: 'GET',
    url: '/api/people',
    access: 'people.read',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 200],
    request: () => ({ url: '/api/people?active=all&limit=200' }),
  },
  {
    method: 'POST',
    url: '/api/people',
    access: 'people.manage',
    success: 201,
    crossOrg: 400,
    expect: [401, 201, 201, 404, 404, 404, 404, 201, 400],
    request: async ({ world }) => ({
      url: '/api/people',
      payload: {
        firstName: 'Morgan',
        lastName: unique('New'),
        workEmail: `${unique('new')}@matrix.peerline.test`,
        professionId: world.orgA.professions.nurse,
        departmentId: await buildDepartment(world.t.ctx.db, world.t.clock, world.orgA.id),
        languages: ['en'],
      },
    }),
  },
  {
    method: 'GET',
    url: '/api/people/:id',
    access: 'people.read',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 404],
    request: ({ world }) => ({ url: `/api/people/${world.colleague.id}` }),
  },
  {
    method: 'PATCH',
    url: '/api/people/:id',
    access: 'people.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 404],
    request: async (ctx) => ({
      url: `/api/people/${await freshPersonId(ctx)}`,
      payload: { firstName: 'Renamed', specialty: 'Nephrology' },
    }),
  },
  {
    method: 'POST',
    url: '/api/people/:id/deactivate',
    access: 'people.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 404],
    request: async (ctx) => ({ url: `/api/people/${await freshPersonId(ctx)}/deactivate` }),
  },
  {
    method: 'POST',
    url: '/api/people/:id/reactivate',
    access: 'people.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 404],
    request: async (ctx) => ({ url: `/api/people/${await freshPersonId(ctx, { active: false })}/reactivate` }),
  },
  {
    method: 'PUT',
    url: '/api/people/:id/roles',
    access: 'roles.grant',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 404],
    // A role all three granters may give; who may grant which role to whom is test/account-changes.test.ts.
    request: async (ctx) => ({
      url: `/api/people/${await freshPersonId(ctx)}/roles`,
      payload: { roles: ['staff_member', 'event_reporter'] },
    }),
  },
  {
    method: 'POST',
    url: '/api/people/:id/sign-in-link',
    access: 'people.manage',
    success: 202,
    crossOrg: 404,
    expect: [401, 202, 202, 404, 404, 404, 404, 202, 404],
    request: async (ctx) => ({ url: `/api/people/${await freshPersonId(ctx)}/sign-in-link` }),
  },
  {
    method: 'POST',
    url: '/api/people/:id/second-factor/reset',
    access: 'people.manage',
    success: 204,
    crossOrg: 404,
    expect: [401, 204, 204, 404, 404, 404, 404, 204, 404],
    // A staff member who set up an authenticator of their own: any of the three may reset it.
    request: async (ctx) => {
      const { t, orgA } = ctx.world;
      const person = await buildPerson(t.ctx.db, t.clock, orgA.id, {
        roles: ['staff_member'],
        password: MATRIX_PASSWORD,
        totpSecret: FACTORY_TOTP_SECRET,
      });
      return { url: `/api/people/${person.id}/second-factor/reset` };
    },
  },
  {
    method: 'POST',
    url: '/api/public/sign-in-links/check',
    access: 'public',
    success: 200,
    expect: PUBLIC_200,
    request: async (ctx) => ({ url: '/api/public/sign-in-links/check', payload: { token: await freshSignInLink(ctx) } }),
  },
  {
    method: 'POST',
    url: '/api/public/sign-in-links/redeem',
    access: 'public',
    success: 204,
    expect: [204, 204, 204, 204, 204, 204, 204, 204, 204],
    request: async (ctx) => ({
      url: '/api/public/sign-in-links/redeem',
      payload: { token: await freshSignInLink(ctx), password: `Chosen by them ${unique('pw')}` },
    }),
  },

  // --- roster import (text/csv) -------------------------------------------------------------------
  {
    method: 'POST',
    url: '/api/people/import/preview',
    access: 'people.import',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 200],
    request: () => ({ url: '/api/people/import/preview', payload: csvRoster(), headers: { 'content-type': 'text/csv' } }),
  },
  {
    method: 'POST',
    url: '/api/people/import',
    access: 'people.import',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 200, 200],
    request: () => ({ url: '/api/people/import', payload: csvRoster(), headers: { 'content-type': 'text/csv' } }),
  },

  // --- referral resources directory ----------------------------------------------------------------
  {
    method: 'GET',
    url: '/api/resources',
    access: 'resources.read',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/resources' }),
  },
  {
    method: 'POST',
    url: '/api/resources',
    access: 'resources.manage',
    success: 201,
    expect: [401, 201, 404, 404, 404, 404, 404, 404, 201],
    request: () => ({ url: '/api/resources', payload: { category: 'chaplaincy', name: unique('Chaplaincy'), phone: '555-0100' } }),
  },
  {
    method: 'PATCH',
    url: '/api/resources/:id',
    access: 'resources.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({
      url: `/api/resources/${await buildResource(world.t.ctx.db, world.t.clock, world.orgA.id)}`,
      payload: { name: unique('Renamed resource') },
    }),
  },

  // --- supporter profiles and the supporter pool -----------------------------------------------------
  {
    method: 'GET',
    url: '/api/supporter/profile',
    access: 'supporter.self',
    success: 200,
    expect: [401, 404, 404, 200, 404, 404, 404, 404, 404],
    request: () => ({ url: '/api/supporter/profile' }),
  },
  {
    method: 'PUT',
    url: '/api/supporter/profile',
    access: 'supporter.self',
    success: 200,
    expect: [401, 404, 404, 200, 404, 404, 404, 404, 404],
    request: () => ({
      url: '/api/supporter/profile',
      payload: { modalities: ['phone'], weeklyAvailability: [{ day: 2, start: '09:00', end: '12:00' }] },
    }),
  },
  {
    method: 'GET',
    url: '/api/supporters',
    access: 'supporters.manage',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/supporters' }),
  },
  {
    method: 'PATCH',
    url: '/api/supporters/:id',
    access: 'supporters.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: ({ world }) => ({ url: `/api/supporters/${world.byRole.peer_supporter.id}`, payload: { capacity: 4 } }),
  },

  // --- support requests: intake and the requester's own view ------------------------------------------
  {
    method: 'POST',
    url: '/api/support/requests',
    access: 'support.request',
    success: 201,
    expect: [401, 201, 201, 201, 201, 201, 201, 201, 201],
    request: () => ({ url: '/api/support/requests', payload: SUPPORT_REQUEST }),
  },
  {
    method: 'GET',
    url: '/api/support/requests',
    access: 'support.request',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/support/requests' }),
  },
  {
    // Only the requester may withdraw: each caller withdraws a request of their own; organisation B's
    // director names one of organisation A's.
    method: 'POST',
    url: '/api/support/requests/:id/withdraw',
    access: 'support.request',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 404],
    request: async ({ world, caller }) => {
      const requester = caller === 'anonymous' || caller === 'other_org' ? world.colleague.id : world.byRole[caller].id;
      return {
        url: `/api/support/requests/${await buildCase(world.t.ctx.db, world.t.clock, world.orgA.id, { requesterPersonId: requester })}/withdraw`,
      };
    },
  },
  {
    method: 'POST',
    url: '/api/support/referrals',
    access: 'support.request',
    success: 202,
    crossOrg: 400,
    expect: [401, 202, 202, 202, 202, 202, 202, 202, 400],
    request: async ({ world }) => ({
      url: '/api/support/referrals',
      payload: {
        colleagueEmail: (await buildPerson(world.t.ctx.db, world.t.clock, world.orgA.id)).email,
        toldColleague: true,
        reason: 'patient_death',
        urgency: 'this_week',
      },
    }),
  },
  {
    method: 'POST',
    url: '/api/public/support/requests',
    access: 'public',
    success: 201,
    expect: [201, 201, 201, 201, 201, 201, 201, 201, 201],
    request: ({ world }) => ({
      url: '/api/public/support/requests',
      payload: {
        ...SUPPORT_REQUEST,
        org: world.orgA.slug,
        preferredName: 'Sam',
        contactMethod: 'personal_email',
        contactValue: 'sam@example.test',
      },
    }),
  },
  {
    method: 'POST',
    url: '/api/public/support/requests/status',
    access: 'public',
    success: 200,
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    request: async ({ world }) => ({ url: '/api/public/support/requests/status', payload: await anonymousCase(world) }),
  },
  {
    method: 'POST',
    url: '/api/public/support/requests/withdraw',
    access: 'public',
    success: 200,
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    request: async ({ world }) => ({ url: '/api/public/support/requests/withdraw', payload: await anonymousCase(world) }),
  },

  // --- supporter workspace: offers and assigned cases ----------------------------------------------------
  {
    method: 'GET',
    url: '/api/supporter/offers',
    access: 'supporter.self',
    success: 200,
    expect: [401, 404, 404, 200, 404, 404, 404, 404, 404],
    request: () => ({ url: '/api/supporter/offers' }),
  },
  {
    method: 'POST',
    url: '/api/supporter/offers/:id/accept',
    access: 'supporter.self',
    success: 200,
    crossOrg: 404,
    expect: [401, 404, 404, 200, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({
      url: `/api/supporter/offers/${(await buildOffer(world.t.ctx.db, world.t.clock, world.orgA.id, world.byRole.peer_supporter.id)).offerId}/accept`,
    }),
  },
  {
    method: 'POST',
    url: '/api/supporter/offers/:id/decline',
    access: 'supporter.self',
    success: 204,
    crossOrg: 404,
    expect: [401, 404, 404, 204, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({
      url: `/api/supporter/offers/${(await buildOffer(world.t.ctx.db, world.t.clock, world.orgA.id, world.byRole.peer_supporter.id)).offerId}/decline`,
      payload: { reason: 'no_capacity' },
    }),
  },
  {
    method: 'GET',
    url: '/api/supporter/cases',
    access: 'supporter.self',
    success: 200,
    expect: [401, 404, 404, 200, 404, 404, 404, 404, 404],
    request: () => ({ url: '/api/supporter/cases' }),
  },
];

/** Every row: the core table above plus one file per later area (each owns its rows). */
export const ROUTE_CASES: RouteCase[] = [
  ...CORE_ROUTE_CASES,
  ...CASEWORK_ROUTE_CASES,
  ...CASE_BOARD_ROUTE_CASES,
  ...SCHEDULING_ROUTE_CASES,
  ...INTAKE_ROUTE_CASES,
  ...EVENT_NOTICE_ROUTE_CASES,
  ...SERVICE_LEVEL_ROUTE_CASES,
  ...ON_CALL_ROUTE_CASES,
  ...PAGING_ROUTE_CASES,
  ...DEBRIEF_ROUTE_CASES,
  ...SSO_ROUTE_CASES,
  // Last: these rows move the callers' own supporter journeys.
  ...TEAM_ROUTE_CASES,
  ...TRAINING_ROUTE_CASES,
  ...TEAM_MEETING_ROUTE_CASES,
  ...REPORT_ROUTE_CASES,
  ...SETUP_ROUTE_CASES,
];

/** An invalid request for a route and the fields its 400 must name (test/bad-input.test.ts). */
export interface InvalidCase {
  route: string;
  why: string;
  request(world: MatrixWorld): Promise<CellRequest> | CellRequest;
  fields: string[];
}

export function routeKey(route: { method: string; url: string }): string {
  return `${route.method} ${route.url}`;
}

/**
 * What shared/permissions.ts says a caller gets: anonymous → 401 on non-public routes; signed in
 * without the permission → 404; allowed → the route's success status (or `crossOrg` for organisation
 * B's director when the request names organisation A's objects).
 */
export function derivedExpectation(route: Pick<RouteCase, 'access' | 'success' | 'crossOrg' | 'conflictFor'>, caller: Caller): number {
  if (route.access === 'public') return route.success;
  if (caller === 'anonymous') return 401;
  const roles: Role[] = caller === 'other_org' ? ['program_director'] : [caller];
  if (!can(roles, route.access)) return 404;
  if (route.conflictFor?.includes(caller)) return 409;
  return caller === 'other_org' ? (route.crossOrg ?? route.success) : route.success;
}
