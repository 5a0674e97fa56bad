/**
 * Authorization-matrix rows and invalid-input cases for the scheduling and conversation-guide
 * routes. Same format as the core table in test/authorization-matrix.ts (statuses in CALLERS order).
 */
import { newId } from '../../server/db/values.ts';
import { buildCase } from '../../server/demo/factories.ts';
import { newInviteUid } from '../../server/modules/scheduling/ics.ts';
import type { CellContext, InvalidCase, MatrixWorld, RouteCase } from '../authorization-matrix.ts';

//                       columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
const SUPPORTER_ONLY_200 = [401, 404, 404, 200, 404, 404, 404, 404, 404] as const;
const SUPPORTER_ONLY_201 = [401, 404, 404, 201, 404, 404, 404, 404, 404] as const;
const EVERY_REQUESTER_200 = [401, 200, 200, 200, 200, 200, 200, 200, 404] as const;
const DIRECTOR_ONLY_200 = [401, 200, 404, 404, 404, 404, 404, 404, 200] as const;
const SETTINGS_200 = [401, 200, 404, 404, 404, 404, 404, 200, 200] as const;

/** A fresh case of organisation A assigned to the matrix's peer supporter, optionally for `requesterId`. */
function assignedCase(world: MatrixWorld, requesterId: string | null = null): Promise<string> {
  return buildCase(world.t.ctx.db, world.t.clock, world.orgA.id, {
    state: 'contacted',
    assignedSupporterId: world.byRole.peer_supporter.id,
    requesterPersonId: requesterId,
  });
}

/** A scheduled phone conversation tomorrow on a fresh case; returns both ids. */
async function caseWithConversation(
  world: MatrixWorld,
  requesterId: string | null = null,
): Promise<{ caseId: string; conversationId: string }> {
  const caseId = await assignedCase(world, requesterId);
  const now = world.t.clock.now();
  const start = new Date(now.getTime() + 86_400_000);
  const conversationId = newId();
  await world.t.ctx.db
    .insertInto('conversations')
    .values({
      id: conversationId,
      organization_id: world.orgA.id,
      case_id: caseId,
      supporter_id: world.byRole.peer_supporter.id,
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 30 * 60_000).toISOString(),
      modality: 'phone',
      status: 'scheduled',
      video_link: null,
      ics_uid: newInviteUid(),
      sequence: 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  return { caseId, conversationId };
}

/** The caller's own request (organisation B's director names one of organisation A's). */
function requesterOf({ world, caller }: CellContext): string {
  return caller === 'anonymous' || caller === 'other_org' ? world.colleague.id : world.byRole[caller].id;
}

const inHours = (w: MatrixWorld, hours: number) => new Date(w.t.clock.now().getTime() + hours * 3_600_000).toISOString();
const conversationInput = (w: MatrixWorld) => ({ startsAt: inHours(w, 48), minutes: 30, modality: 'phone' });
const GUIDE = { sections: [{ id: 'opening', title: 'Opening', prompts: ['Thank them for the time.'] }] };

export const SCHEDULING_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/supporter/cases/:id/conversations',
    access: 'supporter.self',
    success: 200,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_200,
    request: async ({ world }: CellContext) => ({ url: `/api/supporter/cases/${await assignedCase(world)}/conversations` }),
  },
  {
    method: 'POST',
    url: '/api/supporter/cases/:id/conversations',
    access: 'supporter.self',
    success: 201,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_201,
    request: async ({ world }: CellContext) => ({
      url: `/api/supporter/cases/${await assignedCase(world)}/conversations`,
      payload: conversationInput(world),
    }),
  },
  {
    method: 'PATCH',
    url: '/api/supporter/cases/:id/conversations/:conversationId',
    access: 'supporter.self',
    success: 200,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_200,
    request: async ({ world }: CellContext) => {
      const { caseId, conversationId } = await caseWithConversation(world);
      return { url: `/api/supporter/cases/${caseId}/conversations/${conversationId}`, payload: { startsAt: inHours(world, 72) } };
    },
  },
  {
    method: 'POST',
    url: '/api/supporter/cases/:id/conversations/:conversationId/cancel',
    access: 'supporter.self',
    success: 200,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_200,
    request: async ({ world }: CellContext) => {
      const { caseId, conversationId } = await caseWithConversation(world);
      return { url: `/api/supporter/cases/${caseId}/conversations/${conversationId}/cancel` };
    },
  },
  {
    method: 'GET',
    url: '/api/supporter/cases/:id/conversations/:conversationId/invite.ics',
    access: 'supporter.self',
    success: 200,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_200,
    request: async ({ world }: CellContext) => {
      const { caseId, conversationId } = await caseWithConversation(world);
      return { url: `/api/supporter/cases/${caseId}/conversations/${conversationId}/invite.ics` };
    },
  },
  {
    method: 'GET',
    url: '/api/support/requests/:id/conversations',
    access: 'support.request',
    success: 200,
    crossOrg: 404,
    expect: EVERY_REQUESTER_200,
    request: async (cell: CellContext) => ({
      url: `/api/support/requests/${await assignedCase(cell.world, requesterOf(cell))}/conversations`,
    }),
  },
  {
    method: 'GET',
    url: '/api/support/requests/:id/conversations/:conversationId/invite.ics',
    access: 'support.request',
    success: 200,
    crossOrg: 404,
    expect: EVERY_REQUESTER_200,
    request: async (cell: CellContext) => {
      const { caseId, conversationId } = await caseWithConversation(cell.world, requesterOf(cell));
      return { url: `/api/support/requests/${caseId}/conversations/${conversationId}/invite.ics` };
    },
  },
  {
    method: 'GET',
    url: '/api/supporter/conversation-guide',
    access: 'supporter.self',
    success: 200,
    expect: SUPPORTER_ONLY_200,
    request: () => ({ url: '/api/supporter/conversation-guide' }),
  },
  {
    method: 'GET',
    url: '/api/settings/conversation-guide',
    access: 'guide.manage',
    success: 200,
    expect: DIRECTOR_ONLY_200,
    request: () => ({ url: '/api/settings/conversation-guide' }),
  },
  {
    method: 'PUT',
    url: '/api/settings/conversation-guide',
    access: 'guide.manage',
    success: 200,
    expect: DIRECTOR_ONLY_200,
    request: () => ({ url: '/api/settings/conversation-guide', payload: GUIDE }),
  },
  {
    method: 'GET',
    url: '/api/settings/conversations',
    access: 'settings.manage',
    success: 200,
    expect: SETTINGS_200,
    request: () => ({ url: '/api/settings/conversations' }),
  },
  {
    method: 'PATCH',
    url: '/api/settings/conversations',
    access: 'settings.manage',
    success: 200,
    expect: SETTINGS_200,
    request: () => ({ url: '/api/settings/conversations', payload: { conversationTitle: 'Conversation' } }),
  },
];

const NOT_AN_ID = 'first';

export const SCHEDULING_INVALID_CASES: InvalidCase[] = [
  {
    route: 'GET /api/supporter/cases/:id/conversations',
    why: 'id is not a UUID',
    request: () => ({ url: `/api/supporter/cases/${NOT_AN_ID}/conversations` }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/supporter/cases/:id/conversations',
    why: 'a time in the past',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w)}/conversations`,
      payload: { ...conversationInput(w), startsAt: inHours(w, -1) },
    }),
    fields: ['body.startsAt'],
  },
  {
    route: 'POST /api/supporter/cases/:id/conversations',
    why: '500 minutes and an unknown modality',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w)}/conversations`,
      payload: { ...conversationInput(w), minutes: 500, modality: 'carrier_pigeon' },
    }),
    fields: ['body.minutes', 'body.modality'],
  },
  {
    route: 'POST /api/supporter/cases/:id/conversations',
    why: 'notes (nothing said is stored)',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w)}/conversations`,
      payload: { ...conversationInput(w), notes: 'sounded upset' },
    }),
    fields: ['body.notes'],
  },
  {
    route: 'PATCH /api/supporter/cases/:id/conversations/:conversationId',
    why: 'conversation id not a UUID',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w)}/conversations/${NOT_AN_ID}`,
      payload: { startsAt: inHours(w, 48) },
    }),
    fields: ['params.conversationId'],
  },
  {
    route: 'PATCH /api/supporter/cases/:id/conversations/:conversationId',
    why: 'start not a date-time, minutes out of range',
    request: async (w) => {
      const { caseId, conversationId } = await caseWithConversation(w);
      return { url: `/api/supporter/cases/${caseId}/conversations/${conversationId}`, payload: { startsAt: 'tomorrow', minutes: 5 } };
    },
    fields: ['body.startsAt', 'body.minutes'],
  },
  {
    route: 'PATCH /api/supporter/cases/:id/conversations/:conversationId',
    why: 'a time in the past',
    request: async (w) => {
      const { caseId, conversationId } = await caseWithConversation(w);
      return { url: `/api/supporter/cases/${caseId}/conversations/${conversationId}`, payload: { startsAt: inHours(w, -2) } };
    },
    fields: ['body.startsAt'],
  },
  {
    route: 'POST /api/supporter/cases/:id/conversations/:conversationId/cancel',
    why: 'conversation id not a UUID',
    request: async (w) => ({ url: `/api/supporter/cases/${await assignedCase(w)}/conversations/${NOT_AN_ID}/cancel` }),
    fields: ['params.conversationId'],
  },
  {
    route: 'GET /api/supporter/cases/:id/conversations/:conversationId/invite.ics',
    why: 'conversation id not a UUID',
    request: async (w) => ({ url: `/api/supporter/cases/${await assignedCase(w)}/conversations/${NOT_AN_ID}/invite.ics` }),
    fields: ['params.conversationId'],
  },
  {
    route: 'GET /api/support/requests/:id/conversations',
    why: 'id is not a UUID',
    request: () => ({ url: `/api/support/requests/${NOT_AN_ID}/conversations` }),
    fields: ['params.id'],
  },
  {
    route: 'GET /api/support/requests/:id/conversations/:conversationId/invite.ics',
    why: 'ids are not UUIDs',
    request: () => ({ url: `/api/support/requests/${NOT_AN_ID}/conversations/${NOT_AN_ID}/invite.ics` }),
    fields: ['params.id', 'params.conversationId'],
  },
  {
    route: 'PUT /api/settings/conversation-guide',
    why: 'no sections',
    request: () => ({ url: '/api/settings/conversation-guide', payload: { sections: [] } }),
    fields: ['body.sections'],
  },
  {
    route: 'PUT /api/settings/conversation-guide',
    why: 'a section with a notes field and no prompts',
    request: () => ({
      url: '/api/settings/conversation-guide',
      payload: { sections: [{ id: 'opening', title: 'Opening', prompts: [], notes: 'x' }] },
    }),
    fields: ['body.sections.0.prompts', 'body.sections.0.notes'],
  },
  {
    route: 'PATCH /api/settings/conversations',
    why: 'a title that says "peer support"',
    request: () => ({ url: '/api/settings/conversations', payload: { conversationTitle: 'Peer support' } }),
    fields: ['body.conversationTitle'],
  },
  {
    route: 'PATCH /api/settings/conversations',
    why: 'a video link pattern without {token}',
    request: () => ({ url: '/api/settings/conversations', payload: { videoLinkPattern: 'https://meet.example.org/room' } }),
    fields: ['body.videoLinkPattern'],
  },
];
