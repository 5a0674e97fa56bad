/**
 * Authorization-matrix rows and invalid-input cases for event notices: filing by a reporter
 * or an integration token, the trigger catalogue, the notice lists, tokens, and the one-click
 * "no thanks" link. Same format as the core table in test/authorization-matrix.ts (statuses in
 * CALLERS order).
 */
import { randomBytes } from 'node:crypto';
import { buildCase, buildDepartment, buildPerson } from '../../server/demo/factories.ts';
import { ensureTriggers } from '../../server/modules/event-notices/event-triggers.service.ts';
import { createIntegrationToken } from '../../server/modules/event-notices/integration-tokens.service.ts';
import { hashInviteToken } from '../../server/modules/event-notices/outreach.service.ts';
import type { CellContext, InvalidCase, MatrixWorld, RouteCase } from '../authorization-matrix.ts';

export async function triggerOf(world: MatrixWorld, organizationId = world.orgA.id): Promise<string> {
  return (await ensureTriggers(world.t.ctx.db, organizationId, world.t.clock.now()))[0]!.id;
}

/** A valid notice for organisation A naming one fresh colleague by work e-mail. */
export async function noticeBody(world: MatrixWorld, involved?: unknown[]) {
  const db = world.t.ctx.db;
  return {
    occurredAt: new Date(world.t.clock.now().getTime() - 3_600_000).toISOString(),
    triggerId: await triggerOf(world),
    departmentId: await buildDepartment(db, world.t.clock, world.orgA.id),
    urgent: false,
    involved: involved ?? [{ workEmail: (await buildPerson(db, world.t.clock, world.orgA.id)).email }],
  };
}

/** A live token of organisation A, as the director would create it. */
export async function bearerFor(world: MatrixWorld): Promise<Record<string, string>> {
  const director = world.byRole.program_director;
  const actor = { organizationId: world.orgA.id, personId: director.id, verifiedAt: world.t.clock.now().toISOString() } as Parameters<
    typeof createIntegrationToken
  >[1];
  const { secret } = await createIntegrationToken(world.t.ctx, actor, 'Incident system');
  return { authorization: `Bearer ${secret}` };
}

/** A fresh outreach case of organisation A with a "no thanks" link; returns the link's token. */
async function freshInvite(world: MatrixWorld): Promise<string> {
  const db = world.t.ctx.db;
  const caseId = await buildCase(db, world.t.clock, world.orgA.id, { origin: 'event_outreach', state: 'new' });
  const token = randomBytes(24).toString('base64url');
  const at = world.t.clock.now();
  await db
    .insertInto('outreach_invites')
    .values({
      token_hash: hashInviteToken(token),
      organization_id: world.orgA.id,
      case_id: caseId,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + 86_400_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

async function freshTokenId(world: MatrixWorld): Promise<string> {
  const actor = {
    organizationId: world.orgA.id,
    personId: world.byRole.program_director.id,
    verifiedAt: world.t.clock.now().toISOString(),
  } as Parameters<typeof createIntegrationToken>[1];
  return (await createIntegrationToken(world.t.ctx, actor, 'Old system')).token.id;
}

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const EVENT_NOTICE_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/event-triggers',
    access: 'events.report',
    success: 200,
    expect: [401, 200, 200, 404, 404, 200, 404, 404, 200],
    request: () => ({ url: '/api/event-triggers' }),
  },
  {
    method: 'POST',
    url: '/api/event-triggers',
    access: 'events.manage',
    success: 201,
    expect: [401, 201, 201, 404, 404, 404, 404, 404, 201],
    request: () => ({ url: '/api/event-triggers', payload: { label: 'Needle-stick injury', reason: 'other' } }),
  },
  {
    method: 'PATCH',
    url: '/api/event-triggers/:id',
    access: 'events.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => ({
      url: `/api/event-triggers/${await triggerOf(world)}`,
      payload: { label: 'Unexpected patient death' },
    }),
  },
  {
    // Organisation B's director names A's trigger, department and people: "unknown" there, a 400.
    method: 'POST',
    url: '/api/event-notices',
    access: 'events.report',
    success: 201,
    crossOrg: 400,
    expect: [401, 201, 201, 404, 404, 201, 404, 404, 400],
    request: async ({ world }: CellContext) => ({ url: '/api/event-notices', payload: await noticeBody(world) }),
  },
  {
    method: 'GET',
    url: '/api/event-notices/mine',
    access: 'events.report',
    success: 200,
    expect: [401, 200, 200, 404, 404, 200, 404, 404, 200],
    request: () => ({ url: '/api/event-notices/mine' }),
  },
  {
    method: 'GET',
    url: '/api/event-notices',
    access: 'events.manage',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/event-notices' }),
  },
  {
    // Public to sessions (it reads none): the token decides, and every cell carries a live one of A.
    method: 'POST',
    url: '/api/integrations/event-notices',
    access: 'public',
    success: 201,
    expect: [201, 201, 201, 201, 201, 201, 201, 201, 201],
    request: async ({ world }: CellContext) => ({
      url: '/api/integrations/event-notices',
      payload: await noticeBody(world),
      headers: await bearerFor(world),
    }),
  },
  {
    method: 'GET',
    url: '/api/integrations/tokens',
    access: 'tokens.manage',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/integrations/tokens' }),
  },
  {
    method: 'POST',
    url: '/api/integrations/tokens',
    access: 'tokens.manage',
    success: 201,
    expect: [401, 201, 404, 404, 404, 404, 404, 404, 201],
    request: () => ({ url: '/api/integrations/tokens', payload: { label: 'Incident reporting system' } }),
  },
  {
    method: 'POST',
    url: '/api/integrations/tokens/:id/revoke',
    access: 'tokens.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => ({ url: `/api/integrations/tokens/${await freshTokenId(world)}/revoke` }),
  },
  {
    method: 'GET',
    url: '/api/public/outreach/:token',
    access: 'public',
    success: 200,
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    request: async ({ world }: CellContext) => ({ url: `/api/public/outreach/${await freshInvite(world)}` }),
  },
  {
    method: 'POST',
    url: '/api/public/outreach/:token/decline',
    access: 'public',
    success: 204,
    expect: [204, 204, 204, 204, 204, 204, 204, 204, 204],
    request: async ({ world }: CellContext) => ({ url: `/api/public/outreach/${await freshInvite(world)}/decline` }),
  },
];

export const EVENT_NOTICE_INVALID_CASES: InvalidCase[] = [
  {
    route: 'GET /api/public/outreach/:token',
    why: 'a link token that is not one',
    request: () => ({ url: '/api/public/outreach/not*a*token' }),
    fields: ['params.token'],
  },
  {
    route: 'POST /api/public/outreach/:token/decline',
    why: 'a link token that is not one',
    request: () => ({ url: '/api/public/outreach/short/decline' }),
    fields: ['params.token'],
  },
  {
    route: 'POST /api/event-triggers',
    why: 'an empty label and an unknown reason',
    request: () => ({ url: '/api/event-triggers', payload: { label: ' ', reason: 'bad_day' } }),
    fields: ['body.label', 'body.reason'],
  },
  {
    route: 'PATCH /api/event-triggers/:id',
    why: 'active that is not a yes/no and an empty label',
    request: async (w) => ({ url: `/api/event-triggers/${await triggerOf(w)}`, payload: { active: 'maybe', label: '' } }),
    fields: ['body.active', 'body.label'],
  },
  {
    route: 'POST /api/event-notices',
    why: 'an unknown work e-mail names its exact entry',
    request: async (w) => {
      const db = w.t.ctx.db;
      const a = await buildPerson(db, w.t.clock, w.orgA.id);
      const b = await buildPerson(db, w.t.clock, w.orgA.id);
      return {
        url: '/api/event-notices',
        payload: await noticeBody(w, [{ personId: a.id }, { workEmail: b.email }, { workEmail: 'nobody-here@elsewhere.test' }]),
      };
    },
    fields: ['body.involved.2.workEmail'],
  },
  {
    route: 'POST /api/event-notices',
    why: 'the same person named twice',
    request: async (w) => {
      const a = await buildPerson(w.t.ctx.db, w.t.clock, w.orgA.id);
      return { url: '/api/event-notices', payload: await noticeBody(w, [{ workEmail: a.email }, { personId: a.id }]) };
    },
    fields: ['body.involved.1.personId'],
  },
  {
    route: 'POST /api/event-notices',
    why: 'a description of the event: there is no such field',
    request: async (w) => ({
      url: '/api/event-notices',
      payload: { ...(await noticeBody(w)), description: 'Patient died after a medication error' },
    }),
    fields: ['body.description'],
  },
  {
    route: 'POST /api/event-notices',
    why: 'nobody involved',
    request: async (w) => ({ url: '/api/event-notices', payload: { ...(await noticeBody(w)), involved: [] } }),
    fields: ['body.involved'],
  },
  {
    route: 'POST /api/integrations/event-notices',
    why: 'a person of another organisation',
    request: async (w) => {
      const other = await buildPerson(w.t.ctx.db, w.t.clock, w.orgB.id);
      return {
        url: '/api/integrations/event-notices',
        payload: await noticeBody(w, [{ personId: other.id }]),
        headers: await bearerFor(w),
      };
    },
    fields: ['body.involved.0.personId'],
  },
  {
    route: 'POST /api/integrations/event-notices',
    why: 'extra text fields about the event',
    request: async (w) => ({
      url: '/api/integrations/event-notices',
      payload: { ...(await noticeBody(w)), summary: 'x', notes: 'y' },
      headers: await bearerFor(w),
    }),
    fields: ['body.summary', 'body.notes'],
  },
  {
    route: 'POST /api/integrations/tokens',
    why: 'an empty label',
    request: () => ({ url: '/api/integrations/tokens', payload: { label: '' } }),
    fields: ['body.label'],
  },
  {
    route: 'POST /api/integrations/tokens/:id/revoke',
    why: 'an id that is not one',
    request: () => ({ url: '/api/integrations/tokens/abc/revoke' }),
    fields: ['params.id'],
  },
];
