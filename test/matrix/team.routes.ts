/**
 * Authorization-matrix rows for building the team: everyone nominates and follows their own
 * journey; the director and administrator see the pipeline; only the director decides. Same format
 * as the core table in test/authorization-matrix.ts. These rows run last: they move the callers'
 * own journeys.
 */
import { buildPerson, buildSupporterProfile } from '../../server/demo/factories.ts';
import type { InvalidCase, MatrixWorld, RouteCase, SignedInCaller } from '../authorization-matrix.ts';
import { personOf } from './person-of.ts';

/** Puts the caller's own journey at "nominated", so answering it can succeed in every allowed cell. */
async function nominatedCaller(world: MatrixWorld, caller: SignedInCaller): Promise<void> {
  const person = personOf(world, caller);
  const organizationId = caller === 'other_org' ? world.orgB.id : world.orgA.id;
  const db = world.t.ctx.db;
  await db.deleteFrom('supporter_profiles').where('person_id', '=', person.id).execute();
  await buildSupporterProfile(db, world.t.clock, organizationId, person.id, { status: 'nominated', certifiedUntil: null });
}

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const TEAM_ROUTE_CASES: RouteCase[] = [
  {
    method: 'POST',
    url: '/api/team/nominations',
    access: 'team.self',
    success: 202,
    // Organisation B's director gets the same receipt for A's colleague: it tells nobody anything.
    expect: [401, 202, 202, 202, 202, 202, 202, 202, 202],
    request: ({ world }) => ({ url: '/api/team/nominations', payload: { email: world.colleague.email } }),
  },
  {
    method: 'GET',
    url: '/api/team/me',
    access: 'team.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/team/me' }),
  },
  {
    method: 'POST',
    url: '/api/team/me/events',
    access: 'team.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: async ({ world, caller }) => {
      if (caller !== 'anonymous') await nominatedCaller(world, caller);
      return { url: '/api/team/me/events', payload: { type: 'interest_confirmed' } };
    },
  },
  {
    method: 'GET',
    url: '/api/team',
    access: 'team.read',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/team' }),
  },
  {
    method: 'POST',
    url: '/api/team/:id/events',
    access: 'team.decide',
    success: 204,
    crossOrg: 404,
    expect: [401, 204, 404, 404, 404, 404, 404, 404, 404],
    request: async ({ world }) => {
      const candidate = await buildPerson(world.t.ctx.db, world.t.clock, world.orgA.id, { roles: ['staff_member'] });
      await buildSupporterProfile(world.t.ctx.db, world.t.clock, world.orgA.id, candidate.id, {
        status: 'under_review',
        certifiedUntil: null,
      });
      return { url: `/api/team/${candidate.id}/events`, payload: { type: 'accepted_for_training' } };
    },
  },
];

// The cool-down is a supporter's own (docs/team.md, "Looking after supporters").
TEAM_ROUTE_CASES.push({
  method: 'POST',
  url: '/api/supporter/profile/cool-down',
  access: 'supporter.self',
  success: 200,
  expect: [401, 404, 404, 200, 404, 404, 404, 404, 404],
  request: () => ({ url: '/api/supporter/profile/cool-down' }),
});

// A supporter's own debrief request goes to the director (docs/team.md, "Looking after supporters").
TEAM_ROUTE_CASES.push({
  method: 'POST',
  url: '/api/supporter/debrief-request',
  access: 'supporter.self',
  success: 201,
  expect: [401, 404, 404, 201, 404, 404, 404, 404, 404],
  request: () => ({ url: '/api/supporter/debrief-request', payload: { urgency: 'this_week', modality: 'phone' } }),
});

export const TEAM_INVALID_CASES: InvalidCase[] = [
  {
    route: 'POST /api/supporter/debrief-request',
    why: 'an unknown urgency and modality',
    request: () => ({ url: '/api/supporter/debrief-request', payload: { urgency: 'yesterday', modality: 'pigeon' } }),
    fields: ['body.urgency', 'body.modality'],
  },
  {
    route: 'POST /api/team/nominations',
    why: 'not an e-mail address, an extra field',
    request: () => ({ url: '/api/team/nominations', payload: { email: 'not an address', nominator: 'me' } }),
    fields: ['body.email', 'body.nominator'],
  },
  {
    route: 'POST /api/team/me/events',
    why: 'an event that is the director’s to fire',
    request: () => ({ url: '/api/team/me/events', payload: { type: 'certified' } }),
    fields: ['body.type'],
  },
  {
    route: 'POST /api/team/:id/events',
    why: 'certifying without a last day, a day that does not exist',
    request: (w) => ({ url: `/api/team/${w.colleague.id}/events`, payload: { type: 'certified', until: '2027-02-30x' } }),
    fields: ['body.until'],
  },
];
