/**
 * Authorization-matrix rows and invalid-input cases for the on-call rota routes. Same format as the
 * core table in test/authorization-matrix.ts (statuses in CALLERS order).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { newId } from '../../server/db/values.ts';
import { buildPerson, buildSupporterProfile } from '../../server/demo/factories.ts';
import { hashFeedToken, feedPath } from '../../server/modules/on-call/on-call-feed.ts';
import type { CellContext, InvalidCase, MatrixWorld, RouteCase } from '../authorization-matrix.ts';

//                       columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
const MANAGE_200 = [401, 200, 200, 404, 404, 404, 404, 404, 200] as const;
const MANAGE_201_CROSS_400 = [401, 201, 201, 404, 404, 404, 404, 404, 400] as const;
const MANAGE_200_CROSS_400 = [401, 200, 200, 404, 404, 404, 404, 404, 400] as const;
const MANAGE_204_CROSS_404 = [401, 204, 204, 404, 404, 404, 404, 404, 404] as const;
const SELF_200 = [401, 404, 404, 200, 404, 404, 404, 404, 404] as const;
const SELF_201 = [401, 404, 404, 201, 404, 404, 404, 404, 404] as const;
const SELF_204 = [401, 404, 404, 204, 404, 404, 404, 404, 404] as const;
const PUBLIC_200 = [200, 200, 200, 200, 200, 200, 200, 200, 200] as const;

const DAY_MS = 86_400_000;
let spanCounter = 0;
/** A fresh day-long span far ahead, so the stretches rows create never overlap each other. */
function freshSpan(world: MatrixWorld): { startsAt: string; endsAt: string } {
  spanCounter += 1;
  const start = new Date(world.t.clock.now().getTime() + (30 + spanCounter) * DAY_MS);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + DAY_MS).toISOString() };
}

/** A fresh certified, active supporter of organisation A. */
async function freshSupporter(world: MatrixWorld): Promise<string> {
  const person = await buildPerson(world.t.ctx.db, world.t.clock, world.orgA.id, { roles: ['peer_supporter', 'staff_member'] });
  await buildSupporterProfile(world.t.ctx.db, world.t.clock, world.orgA.id, person.id);
  return person.id;
}

/** The matrix's supporter holds only the role (an earlier row may have given them a default, uncertified profile); the rota needs them certified and active. */
async function matrixSupporter(world: MatrixWorld): Promise<string> {
  const id = world.byRole.peer_supporter.id;
  const profile = await world.t.ctx.db
    .selectFrom('supporter_profiles')
    .select(['status', 'certified_until'])
    .where('person_id', '=', id)
    .executeTakeFirst();
  if (profile?.status === 'active' && profile.certified_until) return id;
  await world.t.ctx.db.deleteFrom('supporter_profiles').where('person_id', '=', id).execute();
  await buildSupporterProfile(world.t.ctx.db, world.t.clock, world.orgA.id, id);
  return id;
}

async function insertOverride(world: MatrixWorld, personId: string, span: { startsAt: string; endsAt: string }): Promise<string> {
  const id = newId();
  await world.t.ctx.db
    .insertInto('on_call_shifts')
    .values({
      id,
      organization_id: world.orgA.id,
      person_id: personId,
      kind: 'override',
      starts_at: span.startsAt,
      ends_at: span.endsAt,
      created_by: null,
      created_at: world.t.clock.now().toISOString(),
    })
    .execute();
  return id;
}

async function pendingSwap(world: MatrixWorld, direction: 'to_me' | 'from_me'): Promise<string> {
  const me = await matrixSupporter(world);
  const colleague = await freshSupporter(world);
  const span = freshSpan(world);
  const id = newId();
  const [from, to] = direction === 'to_me' ? [colleague, me] : [me, colleague];
  await world.t.ctx.db
    .insertInto('on_call_swaps')
    .values({
      id,
      organization_id: world.orgA.id,
      from_person_id: from,
      to_person_id: to,
      starts_at: span.startsAt,
      ends_at: span.endsAt,
      status: 'pending',
      created_by: from,
      created_at: world.t.clock.now().toISOString(),
      decided_at: null,
      override_id: null,
    })
    .execute();
  return id;
}

function scheduleUrl(world: MatrixWorld, base: string): string {
  const from = world.t.clock.now();
  return `${base}/schedule?from=${from.toISOString()}&to=${new Date(from.getTime() + 14 * DAY_MS).toISOString()}`;
}

async function liveFeed(world: MatrixWorld): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const personId = await matrixSupporter(world);
  await world.t.ctx.db
    .insertInto('on_call_feed_tokens')
    .values({
      person_id: personId,
      organization_id: world.orgA.id,
      token_hash: hashFeedToken(token),
      created_at: world.t.clock.now().toISOString(),
    })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ token_hash: hashFeedToken(token) }))
    .execute();
  return feedPath(token);
}

const rotation = async (world: MatrixWorld) => ({
  members: [await freshSupporter(world), await freshSupporter(world)],
  startsOn: '2026-11-23',
  handoffAt: '08:00',
  periodDays: 7,
});

export const ON_CALL_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/on-call/now',
    access: 'rota.manage',
    success: 200,
    expect: MANAGE_200,
    request: () => ({ url: '/api/on-call/now' }),
  },
  {
    method: 'GET',
    url: '/api/on-call/schedule',
    access: 'rota.manage',
    success: 200,
    expect: MANAGE_200,
    request: ({ world }: CellContext) => ({ url: scheduleUrl(world, '/api/on-call') }),
  },
  {
    method: 'GET',
    url: '/api/on-call/rota',
    access: 'rota.manage',
    success: 200,
    expect: MANAGE_200,
    request: () => ({ url: '/api/on-call/rota' }),
  },
  {
    method: 'PUT',
    url: '/api/on-call/rotation',
    access: 'rota.manage',
    success: 200,
    crossOrg: 400,
    expect: MANAGE_200_CROSS_400,
    request: async ({ world }: CellContext) => ({ url: '/api/on-call/rotation', payload: await rotation(world) }),
  },
  {
    method: 'POST',
    url: '/api/on-call/shifts',
    access: 'rota.manage',
    success: 201,
    crossOrg: 400,
    expect: MANAGE_201_CROSS_400,
    request: async ({ world }: CellContext) => ({
      url: '/api/on-call/shifts',
      payload: { personId: await freshSupporter(world), kind: 'shift', ...freshSpan(world) },
    }),
  },
  {
    method: 'DELETE',
    url: '/api/on-call/shifts/:id',
    access: 'rota.manage',
    success: 204,
    crossOrg: 404,
    expect: MANAGE_204_CROSS_404,
    request: async ({ world }: CellContext) => ({
      url: `/api/on-call/shifts/${await insertOverride(world, await freshSupporter(world), freshSpan(world))}`,
    }),
  },
  {
    method: 'POST',
    url: '/api/on-call/swaps',
    access: 'rota.manage',
    success: 201,
    crossOrg: 400,
    expect: MANAGE_201_CROSS_400,
    request: async ({ world }: CellContext) => {
      const from = await freshSupporter(world);
      const span = freshSpan(world);
      await insertOverride(world, from, span);
      return { url: '/api/on-call/swaps', payload: { fromPersonId: from, toPersonId: await freshSupporter(world), ...span } };
    },
  },
  {
    method: 'GET',
    url: '/api/supporter/on-call/now',
    access: 'rota.self',
    success: 200,
    expect: SELF_200,
    request: () => ({ url: '/api/supporter/on-call/now' }),
  },
  {
    method: 'GET',
    url: '/api/supporter/on-call/schedule',
    access: 'rota.self',
    success: 200,
    expect: SELF_200,
    request: ({ world }: CellContext) => ({ url: scheduleUrl(world, '/api/supporter/on-call') }),
  },
  {
    method: 'POST',
    url: '/api/supporter/on-call/take-now',
    access: 'rota.self',
    success: 200,
    expect: SELF_200,
    request: async ({ world }: CellContext) => {
      await matrixSupporter(world);
      return { url: '/api/supporter/on-call/take-now', payload: { hours: 1 } };
    },
  },
  {
    method: 'GET',
    url: '/api/supporter/on-call/swaps',
    access: 'rota.self',
    success: 200,
    expect: SELF_200,
    request: () => ({ url: '/api/supporter/on-call/swaps' }),
  },
  {
    method: 'POST',
    url: '/api/supporter/on-call/swaps',
    access: 'rota.self',
    success: 201,
    expect: SELF_201,
    request: async ({ world }: CellContext) => {
      const span = freshSpan(world);
      await insertOverride(world, await matrixSupporter(world), span);
      return { url: '/api/supporter/on-call/swaps', payload: { toPersonId: await freshSupporter(world), ...span } };
    },
  },
  {
    method: 'POST',
    url: '/api/supporter/on-call/swaps/:id/accept',
    access: 'rota.self',
    success: 200,
    expect: SELF_200,
    request: async ({ world }: CellContext) => ({ url: `/api/supporter/on-call/swaps/${await pendingSwap(world, 'to_me')}/accept` }),
  },
  {
    method: 'POST',
    url: '/api/supporter/on-call/swaps/:id/decline',
    access: 'rota.self',
    success: 200,
    expect: SELF_200,
    request: async ({ world }: CellContext) => ({ url: `/api/supporter/on-call/swaps/${await pendingSwap(world, 'to_me')}/decline` }),
  },
  {
    method: 'POST',
    url: '/api/supporter/on-call/swaps/:id/cancel',
    access: 'rota.self',
    success: 200,
    expect: SELF_200,
    request: async ({ world }: CellContext) => ({ url: `/api/supporter/on-call/swaps/${await pendingSwap(world, 'from_me')}/cancel` }),
  },
  {
    method: 'POST',
    url: '/api/supporter/on-call/feed-token',
    access: 'rota.self',
    success: 201,
    expect: SELF_201,
    request: () => ({ url: '/api/supporter/on-call/feed-token' }),
  },
  {
    method: 'DELETE',
    url: '/api/supporter/on-call/feed-token',
    access: 'rota.self',
    success: 204,
    expect: SELF_204,
    request: () => ({ url: '/api/supporter/on-call/feed-token' }),
  },
  {
    // The token in the address is the credential: anyone holding it gets the (neutral) feed.
    method: 'GET',
    url: '/api/public/on-call/feed/:token.ics',
    access: 'public',
    success: 200,
    expect: PUBLIC_200,
    request: async ({ world }: CellContext) => ({ url: await liveFeed(world) }),
  },
];

const later = (w: MatrixWorld, days: number) => new Date(w.t.clock.now().getTime() + days * DAY_MS).toISOString();

export const ON_CALL_INVALID_CASES: InvalidCase[] = [
  {
    route: 'GET /api/on-call/schedule',
    why: 'a range over 62 days',
    request: (w) => ({ url: `/api/on-call/schedule?from=${later(w, 0)}&to=${later(w, 90)}` }),
    fields: ['querystring.to'],
  },
  {
    route: 'GET /api/supporter/on-call/schedule',
    why: 'from is not a date-time',
    request: (w) => ({ url: `/api/supporter/on-call/schedule?from=monday&to=${later(w, 1)}` }),
    fields: ['querystring.from'],
  },
  {
    route: 'PUT /api/on-call/rotation',
    why: 'an unknown person, a bad hand-off time and a zero period',
    request: () => ({
      url: '/api/on-call/rotation',
      payload: { members: [randomUUID()], startsOn: '2026-11-23', handoffAt: '25:00', periodDays: 0 },
    }),
    fields: ['body.handoffAt', 'body.periodDays'],
  },
  {
    route: 'PUT /api/on-call/rotation',
    why: 'a staff member who is not a supporter',
    request: (w) => ({
      url: '/api/on-call/rotation',
      payload: { members: [w.colleague.id], startsOn: '2026-11-23', handoffAt: '08:00', periodDays: 7 },
    }),
    fields: ['body.members.0'],
  },
  {
    route: 'POST /api/on-call/shifts',
    why: 'ends before it starts',
    request: async (w) => ({
      url: '/api/on-call/shifts',
      payload: { personId: await freshSupporter(w), kind: 'shift', startsAt: later(w, 2), endsAt: later(w, 1) },
    }),
    fields: ['body.endsAt'],
  },
  {
    route: 'DELETE /api/on-call/shifts/:id',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/on-call/shifts/tomorrow' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/on-call/swaps',
    why: 'an unknown kind of person id',
    request: (w) => ({
      url: '/api/on-call/swaps',
      payload: { fromPersonId: 'ana', toPersonId: randomUUID(), startsAt: later(w, 1), endsAt: later(w, 2) },
    }),
    fields: ['body.fromPersonId'],
  },
  {
    route: 'POST /api/supporter/on-call/take-now',
    why: 'zero hours',
    request: () => ({ url: '/api/supporter/on-call/take-now', payload: { hours: 0 } }),
    fields: ['body.hours'],
  },
  {
    route: 'POST /api/supporter/on-call/swaps',
    why: 'a colleague who is not a supporter',
    request: (w) => ({
      url: '/api/supporter/on-call/swaps',
      payload: { toPersonId: w.colleague.id, startsAt: later(w, 1), endsAt: later(w, 2) },
    }),
    fields: ['body.toPersonId'],
  },
  {
    route: 'POST /api/supporter/on-call/swaps/:id/accept',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/supporter/on-call/swaps/1/accept' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/supporter/on-call/swaps/:id/decline',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/supporter/on-call/swaps/x/decline' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/supporter/on-call/swaps/:id/cancel',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/supporter/on-call/swaps/x/cancel' }),
    fields: ['params.id'],
  },
  {
    route: 'GET /api/public/on-call/feed/:token.ics',
    why: 'not a feed token',
    request: () => ({ url: '/api/public/on-call/feed/short.ics' }),
    fields: ['params.token'],
  },
];
