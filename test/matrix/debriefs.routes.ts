/**
 * Authorization-matrix rows and invalid-input cases for group debriefs. Same format
 * as the core table in test/authorization-matrix.ts (statuses in CALLERS order).
 */
import { randomBytes } from 'node:crypto';
import { buildDepartment, buildPerson } from '../../server/demo/factories.ts';
import { newId } from '../../server/db/values.ts';
import { insertNotice } from '../../server/modules/event-notices/event-notices.repository.ts';
import { ensureTriggers } from '../../server/modules/event-notices/event-triggers.service.ts';
import { insertDebrief } from '../../server/modules/group-debriefs/group-debriefs.repository.ts';
import { hashDebriefToken } from '../../server/modules/group-debriefs/group-debriefs.service.ts';
import { newInviteUid } from '../../server/modules/scheduling/ics.ts';
import type { CellContext, InvalidCase, MatrixWorld, RouteCase } from '../authorization-matrix.ts';

/** A notice of organisation A naming two fresh colleagues; returns its id and theirs. */
export async function freshNotice(world: MatrixWorld, organizationId = world.orgA.id): Promise<{ id: string; involved: string[] }> {
  const db = world.t.ctx.db;
  const clock = world.t.clock;
  const involved = [(await buildPerson(db, clock, organizationId)).id, (await buildPerson(db, clock, organizationId)).id];
  const trigger = (await ensureTriggers(db, organizationId, clock.now()))[0]!.id;
  const department = await buildDepartment(db, clock, organizationId);
  const id = newId();
  const at = clock.now().toISOString();
  await db.transaction().execute((trx) =>
    insertNotice(
      trx,
      {
        id,
        organization_id: organizationId,
        trigger_id: trigger,
        department_id: department,
        occurred_at: at,
        urgent: false,
        filed_by_person_id: null,
        filed_by_token_id: null,
        filed_at: at,
        involved_count: involved.length,
      },
      involved,
    ),
  );
  return { id, involved };
}

/** A valid debrief for a notice: one fresh supporter facilitates, the involved staff are invited. */
export async function debriefBody(world: MatrixWorld, notice: { involved: string[] }) {
  const facilitator = await buildPerson(world.t.ctx.db, world.t.clock, world.orgA.id, { roles: ['staff_member', 'peer_supporter'] });
  return {
    startsAt: new Date(world.t.clock.now().getTime() + 2 * 86_400_000).toISOString(),
    minutes: 60,
    modality: 'in_person',
    facilitators: [facilitator.id],
    invitees: notice.involved.map((personId) => ({ personId })),
  };
}

/** A debrief that already happened (yesterday), with one invitee whose link token is returned. */
async function pastDebrief(world: MatrixWorld): Promise<{ noticeId: string; debriefId: string; token: string }> {
  const notice = await freshNotice(world);
  const at = world.t.clock.now();
  const debriefId = newId();
  const token = randomBytes(24).toString('base64url');
  await world.t.ctx.db.transaction().execute((trx) =>
    insertDebrief(
      trx,
      {
        id: debriefId,
        organization_id: world.orgA.id,
        notice_id: notice.id,
        starts_at: new Date(at.getTime() - 86_400_000).toISOString(),
        minutes: 60,
        modality: 'video',
        ics_uid: newInviteUid(),
        created_by_person_id: null,
        created_at: at.toISOString(),
        head_count: null,
        actual_minutes: null,
        recorded_at: null,
        status: 'scheduled',
        sequence: 0,
        video_link: null,
        updated_at: at.toISOString(),
        cancelled_at: null,
        invite_list_erased_at: null,
        erased_invitee_count: null,
        erased_named_invitee_count: null,
      },
      [
        {
          debrief_id: debriefId,
          person_id: notice.involved[0]!,
          organization_id: world.orgA.id,
          role: 'invitee',
          invite_token_hash: hashDebriefToken(token),
          removed_at: null,
        },
      ],
    ),
  );
  return { noticeId: notice.id, debriefId, token };
}

/** A debrief the day after tomorrow, with the notice's staff invited; for changing and cancelling. */
async function upcomingDebrief(world: MatrixWorld): Promise<{ notice: { id: string; involved: string[] }; debriefId: string }> {
  const notice = await freshNotice(world);
  const debriefId = newId();
  const at = world.t.clock.now();
  await world.t.ctx.db.transaction().execute((trx) =>
    insertDebrief(
      trx,
      {
        id: debriefId,
        organization_id: world.orgA.id,
        notice_id: notice.id,
        starts_at: new Date(at.getTime() + 2 * 86_400_000).toISOString(),
        minutes: 60,
        modality: 'in_person',
        ics_uid: newInviteUid(),
        created_by_person_id: null,
        created_at: at.toISOString(),
        head_count: null,
        actual_minutes: null,
        recorded_at: null,
        status: 'scheduled',
        sequence: 0,
        video_link: null,
        updated_at: at.toISOString(),
        cancelled_at: null,
        invite_list_erased_at: null,
        erased_invitee_count: null,
        erased_named_invitee_count: null,
      },
      notice.involved.map((personId) => ({
        debrief_id: debriefId,
        person_id: personId,
        organization_id: world.orgA.id,
        role: 'invitee' as const,
        invite_token_hash: hashDebriefToken(randomBytes(24).toString('base64url')),
        removed_at: null,
      })),
    ),
  );
  return { notice, debriefId };
}

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const DEBRIEF_ROUTE_CASES: RouteCase[] = [
  {
    method: 'POST',
    url: '/api/event-notices/:id/debriefs',
    access: 'events.manage',
    success: 201,
    crossOrg: 404,
    expect: [401, 201, 201, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => {
      const notice = await freshNotice(world);
      return { url: `/api/event-notices/${notice.id}/debriefs`, payload: await debriefBody(world, notice) };
    },
  },
  {
    method: 'GET',
    url: '/api/event-notices/:id/debriefs',
    access: 'events.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => ({ url: `/api/event-notices/${(await pastDebrief(world)).noticeId}/debriefs` }),
  },
  {
    method: 'PUT',
    url: '/api/event-notices/:id/debriefs/:debriefId',
    access: 'events.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => {
      const { notice, debriefId } = await upcomingDebrief(world);
      return {
        url: `/api/event-notices/${notice.id}/debriefs/${debriefId}`,
        payload: { ...(await debriefBody(world, notice)), minutes: 75 },
      };
    },
  },
  {
    method: 'POST',
    url: '/api/event-notices/:id/debriefs/:debriefId/cancel',
    access: 'events.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => {
      const { notice, debriefId } = await upcomingDebrief(world);
      return { url: `/api/event-notices/${notice.id}/debriefs/${debriefId}/cancel` };
    },
  },
  {
    method: 'POST',
    url: '/api/event-notices/:id/debriefs/:debriefId/outcome',
    access: 'events.manage',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 404, 404, 404, 404, 404, 404],
    request: async ({ world }: CellContext) => {
      const past = await pastDebrief(world);
      return { url: `/api/event-notices/${past.noticeId}/debriefs/${past.debriefId}/outcome`, payload: { headCount: 7, minutes: 75 } };
    },
  },
  {
    // The e-mail's link: the token is the only key, whoever opens it.
    method: 'GET',
    url: '/api/public/debrief-invites/:token',
    access: 'public',
    success: 200,
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    request: async ({ world }: CellContext) => ({ url: `/api/public/debrief-invites/${(await pastDebrief(world)).token}` }),
  },
];

export const DEBRIEF_INVALID_CASES: InvalidCase[] = [
  {
    route: 'POST /api/event-notices/:id/debriefs',
    why: 'a free-text title or notes: there are no such fields',
    request: async (w) => {
      const notice = await freshNotice(w);
      return {
        url: `/api/event-notices/${notice.id}/debriefs`,
        payload: { ...(await debriefBody(w, notice)), title: 'Debrief after the death in bay 4', notes: 'x' },
      };
    },
    fields: ['body.title', 'body.notes'],
  },
  {
    route: 'POST /api/event-notices/:id/debriefs',
    why: 'a facilitator who is not a supporter (one of the involved staff)',
    request: async (w) => {
      const notice = await freshNotice(w);
      const body = await debriefBody(w, notice);
      return { url: `/api/event-notices/${notice.id}/debriefs`, payload: { ...body, facilitators: [notice.involved[1]!] } };
    },
    fields: ['body.facilitators.0'],
  },
  {
    route: 'POST /api/event-notices/:id/debriefs',
    why: 'an invitee by e-mail who is not in the directory',
    request: async (w) => {
      const notice = await freshNotice(w);
      const body = await debriefBody(w, notice);
      return {
        url: `/api/event-notices/${notice.id}/debriefs`,
        payload: { ...body, invitees: [...body.invitees, { workEmail: 'nobody-here@elsewhere.test' }] },
      };
    },
    fields: ['body.invitees.2.workEmail'],
  },
  {
    route: 'POST /api/event-notices/:id/debriefs',
    why: 'an invitee by id who was not named in the notice',
    request: async (w) => {
      const notice = await freshNotice(w);
      const stranger = await buildPerson(w.t.ctx.db, w.t.clock, w.orgA.id);
      return {
        url: `/api/event-notices/${notice.id}/debriefs`,
        payload: { ...(await debriefBody(w, notice)), invitees: [{ personId: stranger.id }] },
      };
    },
    fields: ['body.invitees.0.personId'],
  },
  {
    route: 'POST /api/event-notices/:id/debriefs',
    why: 'no length, an unknown modality and no facilitator',
    request: async (w) => {
      const notice = await freshNotice(w);
      return {
        url: `/api/event-notices/${notice.id}/debriefs`,
        payload: { ...(await debriefBody(w, notice)), minutes: 0, modality: 'bar', facilitators: [] },
      };
    },
    fields: ['body.minutes', 'body.modality', 'body.facilitators'],
  },
  {
    route: 'POST /api/event-notices/:id/debriefs',
    why: 'nobody invited',
    request: async (w) => {
      const notice = await freshNotice(w);
      return { url: `/api/event-notices/${notice.id}/debriefs`, payload: { ...(await debriefBody(w, notice)), invitees: [] } };
    },
    fields: ['body.invitees'],
  },
  {
    route: 'POST /api/event-notices/:id/debriefs/:debriefId/outcome',
    why: 'a negative head count and an attendance list',
    request: async (w) => {
      const past = await pastDebrief(w);
      return {
        url: `/api/event-notices/${past.noticeId}/debriefs/${past.debriefId}/outcome`,
        payload: { headCount: -1, minutes: 60, attendees: ['a'] },
      };
    },
    fields: ['body.headCount', 'body.attendees'],
  },
  {
    route: 'PUT /api/event-notices/:id/debriefs/:debriefId',
    why: 'a room or a note slipped into a change, and a time in the past',
    request: async (w) => {
      const { notice, debriefId } = await upcomingDebrief(w);
      const body = await debriefBody(w, notice);
      return { url: `/api/event-notices/${notice.id}/debriefs/${debriefId}`, payload: { ...body, location: 'Room 4', notes: 'x' } };
    },
    fields: ['body.location', 'body.notes'],
  },
  {
    route: 'PUT /api/event-notices/:id/debriefs/:debriefId',
    why: 'moved into the past',
    request: async (w) => {
      const { notice, debriefId } = await upcomingDebrief(w);
      const body = await debriefBody(w, notice);
      return {
        url: `/api/event-notices/${notice.id}/debriefs/${debriefId}`,
        payload: { ...body, startsAt: new Date(w.t.clock.now().getTime() - 86_400_000).toISOString() },
      };
    },
    fields: ['body.startsAt'],
  },
  {
    route: 'PUT /api/event-notices/:id/debriefs/:debriefId',
    why: 'everyone taken off the list and a length of 10 hours',
    request: async (w) => {
      const { notice, debriefId } = await upcomingDebrief(w);
      return {
        url: `/api/event-notices/${notice.id}/debriefs/${debriefId}`,
        payload: { ...(await debriefBody(w, notice)), invitees: [], minutes: 600 },
      };
    },
    fields: ['body.minutes'],
  },
  {
    route: 'PUT /api/event-notices/:id/debriefs/:debriefId',
    why: 'nobody invited any more',
    request: async (w) => {
      const { notice, debriefId } = await upcomingDebrief(w);
      return { url: `/api/event-notices/${notice.id}/debriefs/${debriefId}`, payload: { ...(await debriefBody(w, notice)), invitees: [] } };
    },
    fields: ['body.invitees'],
  },
  {
    route: 'POST /api/event-notices/:id/debriefs/:debriefId/cancel',
    why: 'a debrief id that is not one',
    request: async (w) => ({ url: `/api/event-notices/${(await freshNotice(w)).id}/debriefs/not-an-id/cancel` }),
    fields: ['params.debriefId'],
  },
  {
    route: 'GET /api/event-notices/:id/debriefs',
    why: 'a notice id that is not one',
    request: () => ({ url: '/api/event-notices/abc/debriefs' }),
    fields: ['params.id'],
  },
  {
    route: 'GET /api/public/debrief-invites/:token',
    why: 'a link token that is not one',
    request: () => ({ url: '/api/public/debrief-invites/not*a*token' }),
    fields: ['params.token'],
  },
];
