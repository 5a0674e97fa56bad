/**
 * Authorization-matrix rows and invalid-input cases for the urgent path: a
 * supporter acknowledges their own pages, administrators and directors any page of their program,
 * and the chain's settings are the director's. Same format as test/authorization-matrix.ts.
 */
import { newId } from '../../server/db/values.ts';
import { buildCase } from '../../server/demo/factories.ts';
import type { CellContext, InvalidCase, MatrixWorld, RouteCase } from '../authorization-matrix.ts';

//                       columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
const SELF_200 = [401, 404, 404, 200, 404, 404, 404, 404, 404] as const;
const MANAGE_200 = [401, 200, 200, 404, 404, 404, 404, 404, 200] as const;
const MANAGE_200_CROSS_404 = [401, 200, 200, 404, 404, 404, 404, 404, 404] as const;
const DIRECTOR_200 = [401, 200, 404, 404, 404, 404, 404, 404, 200] as const;

const VALID = { ackMinutes: 10, steps: ['on_call', 'program_admin', 'program_director'], webhookUrl: null };

/** A fresh open page of organisation A for the matrix's supporter. */
async function freshPage(world: MatrixWorld): Promise<string> {
  const { db } = world.t.ctx;
  const caseId = await buildCase(db, world.t.clock, world.orgA.id);
  const id = newId();
  await db
    .insertInto('pages')
    .values({
      id,
      organization_id: world.orgA.id,
      case_id: caseId,
      case_count: 1,
      step: 0,
      target_role: 'on_call',
      person_id: world.byRole.peer_supporter.id,
      channels: '["in_app","email"]',
      sent_at: world.t.clock.now().toISOString(),
      status: 'open',
      acknowledged_at: null,
      acknowledged_by: null,
    })
    .execute();
  return id;
}

export const PAGING_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/supporter/pages',
    access: 'rota.self',
    success: 200,
    expect: [...SELF_200],
    request: () => ({ url: '/api/supporter/pages' }),
  },
  {
    method: 'POST',
    url: '/api/supporter/pages/:id/ack',
    access: 'rota.self',
    success: 200,
    expect: [...SELF_200],
    request: async ({ world }: CellContext) => ({ url: `/api/supporter/pages/${await freshPage(world)}/ack` }),
  },
  {
    method: 'GET',
    url: '/api/admin/pages',
    access: 'rota.manage',
    success: 200,
    expect: [...MANAGE_200],
    request: () => ({ url: '/api/admin/pages' }),
  },
  {
    method: 'POST',
    url: '/api/admin/pages/:id/ack',
    access: 'rota.manage',
    success: 200,
    crossOrg: 404,
    expect: [...MANAGE_200_CROSS_404],
    request: async ({ world }: CellContext) => ({ url: `/api/admin/pages/${await freshPage(world)}/ack` }),
  },
  {
    method: 'GET',
    url: '/api/settings/paging',
    access: 'service_levels.manage',
    success: 200,
    expect: [...DIRECTOR_200],
    request: () => ({ url: '/api/settings/paging' }),
  },
  {
    method: 'PUT',
    url: '/api/settings/paging',
    access: 'service_levels.manage',
    success: 200,
    expect: [...DIRECTOR_200],
    request: () => ({ url: '/api/settings/paging', payload: VALID }),
  },
];

export const PAGING_INVALID_CASES: InvalidCase[] = [
  {
    route: 'POST /api/supporter/pages/:id/ack',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/supporter/pages/first/ack' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/admin/pages/:id/ack',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/admin/pages/first/ack' }),
    fields: ['params.id'],
  },
  {
    route: 'PUT /api/settings/paging',
    why: 'zero-minute window, unknown step, non-http webhook',
    request: () => ({ url: '/api/settings/paging', payload: { ackMinutes: 0, steps: ['pager'], webhookUrl: 'ftp://gateway.test/x' } }),
    fields: ['body.ackMinutes', 'body.steps.0', 'body.webhookUrl'],
  },
];
