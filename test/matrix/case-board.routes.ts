/**
 * Authorization-matrix rows and invalid-input cases for the case-board routes. Same format as the core
 * table in test/authorization-matrix.ts (statuses in CALLERS order).
 */
import { randomUUID } from 'node:crypto';
import { buildCase, buildPerson, buildSupporterProfile } from '../../server/demo/factories.ts';
import type { CellContext, InvalidCase, MatrixWorld, RouteCase } from '../authorization-matrix.ts';

/** A fresh open case of organisation A (no requester identity needed by these routes). */
const freshCase = (world: MatrixWorld) => buildCase(world.t.ctx.db, world.t.clock, world.orgA.id, { state: 'new' });

/** A fresh certified, active supporter of organisation A with room for one more case. */
async function freshSupporter(world: MatrixWorld): Promise<string> {
  const person = await buildPerson(world.t.ctx.db, world.t.clock, world.orgA.id, { roles: ['peer_supporter', 'staff_member'] });
  await buildSupporterProfile(world.t.ctx.db, world.t.clock, world.orgA.id, person.id, { capacity: 5 });
  return person.id;
}

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const CASE_BOARD_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/cases',
    access: 'cases.manage',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/cases?urgency=this_week' }),
  },
  {
    method: 'GET',
    url: '/api/cases/:id/contact',
    access: 'cases.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => ({ url: `/api/cases/${await freshCase(world)}/contact` }),
  },
  {
    method: 'GET',
    url: '/api/cases/:id/suggestions',
    access: 'cases.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => ({ url: `/api/cases/${await freshCase(world)}/suggestions` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:id/assign',
    access: 'cases.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => ({
      url: `/api/cases/${await freshCase(world)}/assign`,
      payload: { supporterId: await freshSupporter(world), expectedSupporterId: null },
    }),
  },
  {
    // The test app has no SMTP server, so the outbox exists (with SMTP it is 404 for everyone).
    method: 'GET',
    url: '/api/outbox',
    access: 'cases.manage',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/outbox' }),
  },
  {
    method: 'GET',
    url: '/api/audit',
    access: 'audit.read',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/audit?action=case.contact_viewed&limit=20' }),
  },
];

export const CASE_BOARD_INVALID_CASES: InvalidCase[] = [
  {
    route: 'GET /api/cases',
    why: 'unknown state and urgency',
    request: () => ({ url: '/api/cases?state=open&urgency=soon' }),
    fields: ['querystring.state', 'querystring.urgency'],
  },
  {
    route: 'GET /api/cases/:id/contact',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/cases/latest/contact' }),
    fields: ['params.id'],
  },
  {
    route: 'GET /api/cases/:id/suggestions',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/cases/42/suggestions' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/cases/:id/assign',
    why: 'supporter id is not a UUID',
    request: () => ({ url: `/api/cases/${randomUUID()}/assign`, payload: { supporterId: 'bob' } }),
    fields: ['body.supporterId'],
  },
  {
    route: 'POST /api/cases/:id/assign',
    why: 'a staff member who is not a supporter',
    request: async (world) => ({ url: `/api/cases/${await freshCase(world)}/assign`, payload: { supporterId: world.colleague.id } }),
    fields: ['body.supporterId'],
  },
  {
    route: 'GET /api/audit',
    why: 'limit 0, a date that is not ISO, unknown action characters',
    request: () => ({ url: '/api/audit?limit=0&from=yesterday&action=DROP%20TABLE' }),
    fields: ['querystring.limit', 'querystring.from', 'querystring.action'],
  },
];
