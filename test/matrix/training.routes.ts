/**
 * Authorization-matrix rows for training the team: the director and administrator run sessions,
 * attendance and role-plays; the curriculum, scenarios and certification period are the director's;
 * everyone sees their own training record. Same format as the core table in
 * test/authorization-matrix.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { newId } from '../../server/db/values.ts';
import type { InvalidCase, MatrixWorld, RouteCase } from '../authorization-matrix.ts';
import { personOf } from './person-of.ts';

/** A session of organisation A made straight in the database, optionally with people invited. */
async function sessionOfA(world: MatrixWorld, invited: string[] = []): Promise<string> {
  const { db } = world.t.ctx;
  const at = world.t.clock.now();
  const id = newId();
  await db
    .insertInto('training_sessions')
    .values({
      id,
      organization_id: world.orgA.id,
      starts_at: new Date(at.getTime() + 7 * 86_400_000).toISOString(),
      ends_at: new Date(at.getTime() + 7 * 86_400_000 + 3 * 3_600_000).toISOString(),
      modality: 'in_person',
      place: 'Room 2',
      video_link: null,
      facilitator_person_id: world.byRole.program_director.id,
      capacity: 50,
      module_keys: JSON.stringify(['empathetic-listening', 'open-questions']),
      status: 'scheduled',
      ics_uid: `${randomBytes(12).toString('base64url')}@peerline`,
      sequence: 0,
      created_by: null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .execute();
  for (const personId of invited) {
    await db
      .insertInto('training_invitations')
      .values({ session_id: id, person_id: personId, organization_id: world.orgA.id, invited_at: at.toISOString() })
      .execute();
  }
  return id;
}

async function scenarioOfA(world: MatrixWorld): Promise<string> {
  const at = world.t.clock.now().toISOString();
  const id = newId();
  await world.t.ctx.db
    .insertInto('training_scenarios')
    .values({
      id,
      organization_id: world.orgA.id,
      title: 'A near miss',
      situation: 'Caught just in time.',
      position: 99,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

const CHECKLIST = {
  listenedWithoutJudging: true,
  askedCommonQuestions: true,
  offeredResources: true,
  checkedSafety: true,
  keptConfidentiality: true,
};

const MODULES = [{ key: 'empathetic-listening', title: 'Empathetic listening', description: '', minutes: 120, required: true }];

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const TRAINING_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/training',
    access: 'training.manage',
    success: 200,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/training' }),
  },
  {
    method: 'GET',
    url: '/api/training/curriculum/versions/:version',
    access: 'training.manage',
    success: 200,
    // Version 1 exists in every organisation (seeded on first read): organisation B reads its own.
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/training/curriculum/versions/1' }),
  },
  {
    method: 'PUT',
    url: '/api/training/curriculum',
    access: 'training.configure',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/training/curriculum', payload: { modules: MODULES } }),
  },
  {
    method: 'PUT',
    url: '/api/training/settings',
    access: 'training.configure',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/training/settings', payload: { certificationMonths: 24 } }),
  },
  {
    method: 'POST',
    url: '/api/training/scenarios',
    access: 'training.configure',
    success: 201,
    expect: [401, 201, 404, 404, 404, 404, 404, 404, 201],
    request: () => ({ url: '/api/training/scenarios', payload: { title: 'Violence at work', situation: 'A nurse was hit by a visitor.' } }),
  },
  {
    method: 'PATCH',
    url: '/api/training/scenarios/:id',
    access: 'training.configure',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({
      url: `/api/training/scenarios/${await scenarioOfA(world)}`,
      payload: { title: 'A near miss, retold' },
    }),
  },
  {
    method: 'POST',
    url: '/api/training/sessions',
    access: 'training.manage',
    success: 201,
    // Organisation A's facilitator is unknown in organisation B: a field error, as for any body id.
    crossOrg: 400,
    expect: [401, 201, 201, 404, 404, 404, 404, 404, 400],
    request: ({ world }) => ({
      url: '/api/training/sessions',
      payload: {
        startsAt: '2027-01-12T09:00:00.000Z',
        endsAt: '2027-01-12T12:00:00.000Z',
        modality: 'in_person',
        place: 'Room 2',
        facilitatorId: world.byRole.program_director.id,
        capacity: 12,
        moduleKeys: ['empathetic-listening'],
      },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/training/sessions/:id',
    access: 'training.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({
      url: `/api/training/sessions/${await sessionOfA(world, [world.colleague.id])}`,
      payload: { startsAt: '2027-01-12T10:00:00.000Z', endsAt: '2027-01-12T13:00:00.000Z', place: 'Room 3' },
    }),
  },
  {
    method: 'POST',
    url: '/api/training/sessions/:id/invitations',
    access: 'training.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({
      url: `/api/training/sessions/${await sessionOfA(world)}/invitations`,
      payload: { personIds: [world.colleague.id] },
    }),
  },
  {
    method: 'POST',
    url: '/api/training/sessions/:id/cancel',
    access: 'training.manage',
    success: 204,
    crossOrg: 404,
    expect: [401, 204, 204, 404, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({ url: `/api/training/sessions/${await sessionOfA(world)}/cancel` }),
  },
  {
    method: 'PUT',
    url: '/api/training/sessions/:id/attendance',
    access: 'training.manage',
    success: 204,
    crossOrg: 404,
    expect: [401, 204, 204, 404, 404, 404, 404, 404, 404],
    request: async ({ world }) => ({
      url: `/api/training/sessions/${await sessionOfA(world, [world.colleague.id])}/attendance`,
      payload: { personId: world.colleague.id, moduleKeys: ['empathetic-listening'] },
    }),
  },
  {
    method: 'POST',
    url: '/api/training/observations',
    access: 'training.manage',
    success: 201,
    crossOrg: 400,
    expect: [401, 201, 201, 404, 404, 404, 404, 404, 400],
    request: async ({ world }) => ({
      url: '/api/training/observations',
      payload: {
        traineeId: world.colleague.id,
        scenarioId: await scenarioOfA(world),
        observerId: world.byRole.program_director.id,
        observedAt: '2027-01-12T10:00:00.000Z',
        checklist: CHECKLIST,
        result: 'repeat',
      },
    }),
  },
  {
    method: 'GET',
    url: '/api/training/me',
    access: 'team.self',
    success: 200,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    request: () => ({ url: '/api/training/me' }),
  },
  {
    method: 'GET',
    url: '/api/training/me/sessions/:id/invite.ics',
    access: 'team.self',
    success: 200,
    // The session is organisation A's even though B's director is on its list: hidden all the same.
    crossOrg: 404,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 404],
    request: async ({ world, caller }) => {
      const invited = caller === 'anonymous' ? [] : [personOf(world, caller).id];
      return { url: `/api/training/me/sessions/${await sessionOfA(world, invited)}/invite.ics` };
    },
  },
];

export const TRAINING_INVALID_CASES: InvalidCase[] = [
  {
    route: 'GET /api/training/curriculum/versions/:version',
    why: 'not a version number',
    request: () => ({ url: '/api/training/curriculum/versions/first' }),
    fields: ['params.version'],
  },
  {
    route: 'PUT /api/training/curriculum',
    why: 'a module without a title, too short, required not a yes/no',
    request: () => ({
      url: '/api/training/curriculum',
      payload: { modules: [{ title: '', description: '', minutes: 5, required: 'yes' }] },
    }),
    fields: ['body.modules.0.title', 'body.modules.0.minutes', 'body.modules.0.required'],
  },
  {
    route: 'PUT /api/training/settings',
    why: 'a certification of no months',
    request: () => ({ url: '/api/training/settings', payload: { certificationMonths: 0 } }),
    fields: ['body.certificationMonths'],
  },
  {
    route: 'POST /api/training/scenarios',
    why: 'an empty title, no situation',
    request: () => ({ url: '/api/training/scenarios', payload: { title: ' ' } }),
    fields: ['body.title', 'body.situation'],
  },
  {
    route: 'PATCH /api/training/scenarios/:id',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/training/scenarios/first', payload: { title: 'x' } }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/training/sessions',
    why: 'an unknown modality, no room at all, no modules',
    request: (w) => ({
      url: '/api/training/sessions',
      payload: {
        startsAt: '2027-01-12T09:00:00.000Z',
        endsAt: '2027-01-12T12:00:00.000Z',
        modality: 'phone',
        facilitatorId: w.byRole.program_director.id,
        capacity: 0,
        moduleKeys: [],
      },
    }),
    fields: ['body.modality', 'body.capacity', 'body.moduleKeys'],
  },
  {
    route: 'PATCH /api/training/sessions/:id',
    why: 'a time that is not a date, no places, a module key with spaces',
    request: () => ({
      url: `/api/training/sessions/${randomUUID()}`,
      payload: { startsAt: 'next Tuesday', capacity: 0, moduleKeys: ['Open questions'] },
    }),
    fields: ['body.startsAt', 'body.capacity', 'body.moduleKeys.0'],
  },
  {
    route: 'POST /api/training/sessions/:id/invitations',
    why: 'nobody to invite',
    request: () => ({ url: `/api/training/sessions/${randomUUID()}/invitations`, payload: { personIds: [] } }),
    fields: ['body.personIds'],
  },
  {
    route: 'POST /api/training/sessions/:id/cancel',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/training/sessions/next/cancel' }),
    fields: ['params.id'],
  },
  {
    route: 'PUT /api/training/sessions/:id/attendance',
    why: 'a person that is not an id, a module key with spaces',
    request: () => ({
      url: `/api/training/sessions/${randomUUID()}/attendance`,
      payload: { personId: 'me', moduleKeys: ['Open questions'] },
    }),
    fields: ['body.personId', 'body.moduleKeys.0'],
  },
  {
    route: 'POST /api/training/observations',
    why: 'a result that is neither pass nor repeat, a checklist item missing',
    request: (w) => ({
      url: '/api/training/observations',
      payload: {
        traineeId: w.colleague.id,
        scenarioId: randomUUID(),
        observerId: w.byRole.program_director.id,
        observedAt: '2027-01-12T10:00:00.000Z',
        checklist: { ...CHECKLIST, checkedSafety: undefined },
        result: 'maybe',
      },
    }),
    fields: ['body.checklist.checkedSafety', 'body.result'],
  },
  {
    route: 'GET /api/training/me/sessions/:id/invite.ics',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/training/me/sessions/mine/invite.ics' }),
    fields: ['params.id'],
  },
];
