/**
 * Authorization-matrix rows for supervision and community meetings: the director and administrator
 * run them; a team member sees their own. Same format as the core table in
 * test/authorization-matrix.ts. These rows run after the team's: they put callers on the team.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { buildSupporterProfile } from '../../server/demo/factories.ts';
import { newId } from '../../server/db/values.ts';
import type { InvalidCase, MatrixWorld, RouteCase, SignedInCaller } from '../authorization-matrix.ts';
import { personOf } from './person-of.ts';

/** A meeting of organisation A made straight in the database, `hours` from now. */
async function meetingOfA(world: MatrixWorld, hours = 48): Promise<string> {
  const at = world.t.clock.now();
  const id = newId();
  await world.t.ctx.db
    .insertInto('team_meetings')
    .values({
      id,
      organization_id: world.orgA.id,
      kind: 'community',
      starts_at: new Date(at.getTime() + hours * 3_600_000).toISOString(),
      ends_at: new Date(at.getTime() + (hours + 1) * 3_600_000).toISOString(),
      modality: 'in_person',
      place: 'Room 2',
      video_link: null,
      facilitator_person_id: world.byRole.program_director.id,
      status: 'scheduled',
      ics_uid: `${randomBytes(12).toString('base64url')}@peerline`,
      sequence: 0,
      created_by: null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .execute();
  return id;
}

/** Puts the caller on the team (certified: on the team, yet never matched or put on call). */
async function onTheTeam(world: MatrixWorld, caller: SignedInCaller): Promise<void> {
  const person = personOf(world, caller);
  const organizationId = caller === 'other_org' ? world.orgB.id : world.orgA.id;
  const db = world.t.ctx.db;
  await db.deleteFrom('supporter_profiles').where('person_id', '=', person.id).execute();
  await buildSupporterProfile(db, world.t.clock, organizationId, person.id, { status: 'certified' });
}

const meetingInput = (world: MatrixWorld) => ({
  kind: 'supervision',
  startsAt: '2027-01-12T18:00:00.000Z',
  endsAt: '2027-01-12T19:30:00.000Z',
  modality: 'remote',
  videoLink: 'https://video.example.org/room/7',
  facilitatorId: world.byRole.program_director.id,
});

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const TEAM_MEETING_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/team/meetings',
    access: 'team.meetings',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/team/meetings' }),
  },
  {
    method: 'POST',
    url: '/api/team/meetings',
    access: 'team.meetings',
    success: 201,
    // Organisation A's facilitator is unknown in organisation B: a field error, as for any body id.
    crossOrg: 400,
    expect: [401, 201, 201, 404, 404, 404, 404, 404, 400],
    request: ({ world }) => ({ url: '/api/team/meetings', payload: meetingInput(world) }),
  },
  {
    method: 'PUT',
    url: '/api/team/meetings/:id',
    access: 'team.meetings',
    success: 204,
    crossOrg: 404,
    expect: [401, 204, 204, 404, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({ url: `/api/team/meetings/${await meetingOfA(world)}`, payload: meetingInput(world) }),
  },
  {
    method: 'POST',
    url: '/api/team/meetings/:id/cancel',
    access: 'team.meetings',
    success: 204,
    crossOrg: 404,
    expect: [401, 204, 204, 404, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({ url: `/api/team/meetings/${await meetingOfA(world)}/cancel` }),
  },
  {
    method: 'PUT',
    url: '/api/team/meetings/:id/attendance',
    access: 'team.meetings',
    success: 204,
    crossOrg: 404,
    expect: [401, 204, 204, 404, 404, 404, 404, 404, 404],
    // A meeting that started an hour ago; nobody came (an empty list is a valid record).
    request: async ({ world }) => ({ url: `/api/team/meetings/${await meetingOfA(world, -1)}/attendance`, payload: { personIds: [] } }),
  },
  {
    method: 'GET',
    url: '/api/team/me/meetings',
    access: 'team.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/team/me/meetings' }),
  },
  {
    method: 'GET',
    url: '/api/team/me/meetings/:id/invite.ics',
    access: 'team.self',
    success: 200,
    // Organisation B's director is on B's team: A's meeting does not exist for them.
    crossOrg: 404,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 404],
    request: async ({ world, caller }) => {
      if (caller !== 'anonymous') await onTheTeam(world, caller);
      return { url: `/api/team/me/meetings/${await meetingOfA(world)}/invite.ics` };
    },
  },
];

export const TEAM_MEETING_INVALID_CASES: InvalidCase[] = [
  {
    route: 'POST /api/team/meetings',
    why: 'a kind that is not a team meeting, a plain-http link, no facilitator',
    request: () => ({
      url: '/api/team/meetings',
      payload: {
        kind: 'therapy',
        startsAt: '2027-01-12T18:00:00.000Z',
        endsAt: '2027-01-12T19:30:00.000Z',
        modality: 'remote',
        videoLink: 'http://video.example.org/room/7',
      },
    }),
    fields: ['body.kind', 'body.videoLink', 'body.facilitatorId'],
  },
  {
    route: 'PUT /api/team/meetings/:id',
    why: 'a start that is not a date, an unknown field',
    request: (w) => ({ url: `/api/team/meetings/${randomUUID()}`, payload: { ...meetingInput(w), startsAt: 'Tuesday', notes: 'x' } }),
    fields: ['body.notes', 'body.startsAt'],
  },
  {
    route: 'POST /api/team/meetings/:id/cancel',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/team/meetings/next/cancel' }),
    fields: ['params.id'],
  },
  {
    route: 'PUT /api/team/meetings/:id/attendance',
    why: 'a person that is not an id',
    request: () => ({ url: `/api/team/meetings/${randomUUID()}/attendance`, payload: { personIds: ['me'] } }),
    fields: ['body.personIds.0'],
  },
  {
    route: 'GET /api/team/me/meetings/:id/invite.ics',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/team/me/meetings/latest/invite.ics' }),
    fields: ['params.id'],
  },
];
