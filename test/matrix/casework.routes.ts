/**
 * Authorization-matrix rows and invalid-input cases for the casework routes. Same format as the core
 * table in test/authorization-matrix.ts (statuses in CALLERS order).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { newId } from '../../server/db/values.ts';
import { buildCase, type CaseOverrides } from '../../server/demo/factories.ts';
import { hashSecret } from '../../server/modules/cases/anonymous-access.ts';
import { createFeedbackToken } from '../../server/modules/casework/casework.repository.ts';
import type { CellContext, InvalidCase, MatrixWorld, RouteCase } from '../authorization-matrix.ts';

//                      columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
const SUPPORTER_ONLY_200 = [401, 404, 404, 200, 404, 404, 404, 404, 404] as const;
const SUPPORTER_ONLY_204 = [401, 404, 404, 204, 404, 404, 404, 404, 404] as const;

/** A fresh case of organisation A assigned to the matrix's peer supporter (every caller names the same kind). */
async function assignedCase(world: MatrixWorld, state: CaseOverrides['state'] = 'assigned'): Promise<string> {
  return buildCase(world.t.ctx.db, world.t.clock, world.orgA.id, { state, assignedSupporterId: world.byRole.peer_supporter.id });
}

/** Yesterday, so "not in the future" holds in any program time zone. */
function yesterday(world: MatrixWorld): string {
  return new Date(world.t.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** A request withdrawn an hour ago: within the reopen window. */
function closedCase(world: MatrixWorld, overrides: CaseOverrides): Promise<string> {
  const closedAt = new Date(world.t.clock.now().getTime() - 3_600_000).toISOString();
  return buildCase(world.t.ctx.db, world.t.clock, world.orgA.id, { ...overrides, state: 'withdrawn', outcome: 'withdrawn', closedAt });
}

/** A case code in the anonymous format (`XXXX-XXXX` without 0, 1, O or I), random enough to be unique. */
function anonymousCode(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const pick = () => Array.from(randomBytes(4), (b) => letters[b % letters.length]).join('');
  return `${pick()}-${pick()}`;
}

function encounter(world: MatrixWorld) {
  return {
    date: yesterday(world),
    modality: 'phone',
    minutes: 30,
    format: 'individual',
    topics: ['adverse_event'],
    referralsOffered: ['therapy_eap'],
    followUpOn: null,
    escalationTier: 1,
  };
}

/** An active case whose encounter offered `therapy_eap`. */
async function caseWithReferral(world: MatrixWorld): Promise<string> {
  const caseId = await assignedCase(world, 'active');
  const { db } = world.t.ctx;
  const at = world.t.clock.now().toISOString();
  const encounterId = newId();
  await db
    .insertInto('encounters')
    .values({
      id: encounterId,
      organization_id: world.orgA.id,
      case_id: caseId,
      supporter_id: world.byRole.peer_supporter.id,
      date: at.slice(0, 10),
      modality: 'phone',
      minutes: 30,
      format: 'individual',
      head_count: null,
      topics: '["other"]',
      follow_up_on: null,
      escalation_tier: 1,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('referral_offers')
    .values({
      id: newId(),
      organization_id: world.orgA.id,
      case_id: caseId,
      encounter_id: encounterId,
      category: 'therapy_eap',
      offered_at: at,
      taken_up_at: null,
    })
    .execute();
  return caseId;
}

const feedbackToken = (world: MatrixWorld) =>
  createFeedbackToken(world.t.ctx.db, world.orgA.id, world.t.clock.now().toISOString().slice(0, 7));

export const CASEWORK_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/supporter/outreach-templates',
    access: 'supporter.self',
    success: 200,
    expect: SUPPORTER_ONLY_200,
    request: () => ({ url: '/api/supporter/outreach-templates' }),
  },
  {
    method: 'GET',
    url: '/api/supporter/cases/:id',
    access: 'supporter.self',
    success: 200,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_200,
    request: async ({ world }: CellContext) => ({ url: `/api/supporter/cases/${await assignedCase(world)}` }),
  },
  {
    method: 'POST',
    url: '/api/supporter/cases/:id/contact-attempts',
    access: 'supporter.self',
    success: 204,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_204,
    request: async ({ world }: CellContext) => ({
      url: `/api/supporter/cases/${await assignedCase(world)}/contact-attempts`,
      payload: { channel: 'phone', result: 'no_answer' },
    }),
  },
  {
    method: 'POST',
    url: '/api/supporter/cases/:id/encounters',
    access: 'supporter.self',
    success: 204,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_204,
    request: async ({ world }: CellContext) => ({
      url: `/api/supporter/cases/${await assignedCase(world, 'contacted')}/encounters`,
      payload: encounter(world),
    }),
  },
  {
    method: 'POST',
    url: '/api/supporter/cases/:id/referrals/:category/taken-up',
    access: 'supporter.self',
    success: 204,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_204,
    request: async ({ world }: CellContext) => ({
      url: `/api/supporter/cases/${await caseWithReferral(world)}/referrals/therapy_eap/taken-up`,
    }),
  },
  {
    method: 'POST',
    url: '/api/supporter/cases/:id/close',
    access: 'supporter.self',
    success: 204,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_204,
    request: async ({ world }: CellContext) => ({
      url: `/api/supporter/cases/${await assignedCase(world, 'active')}/close`,
      payload: { outcome: 'supported' },
    }),
  },
  {
    method: 'POST',
    url: '/api/supporter/cases/:id/escalate',
    access: 'supporter.self',
    success: 200,
    crossOrg: 404,
    expect: SUPPORTER_ONLY_200,
    request: async ({ world }: CellContext) => ({ url: `/api/supporter/cases/${await assignedCase(world, 'contacted')}/escalate` }),
  },
  {
    // Only the requester may say "no thanks": each caller declines a request of their own; organisation
    // B's director names one of organisation A's.
    method: 'POST',
    url: '/api/support/requests/:id/decline',
    access: 'support.request',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 404],
    request: async ({ world, caller }: CellContext) => {
      const requester = caller === 'anonymous' || caller === 'other_org' ? world.colleague.id : world.byRole[caller].id;
      return {
        url: `/api/support/requests/${await buildCase(world.t.ctx.db, world.t.clock, world.orgA.id, { requesterPersonId: requester })}/decline`,
      };
    },
  },
  {
    // Each caller reopens a finished request of their own; organisation B's director names one of A's.
    method: 'POST',
    url: '/api/support/requests/:id/reopen',
    access: 'support.request',
    success: 200,
    crossOrg: 404,
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 404],
    request: async ({ world, caller }: CellContext) => {
      const requester = caller === 'anonymous' || caller === 'other_org' ? world.colleague.id : world.byRole[caller].id;
      return { url: `/api/support/requests/${await closedCase(world, { requesterPersonId: requester })}/reopen` };
    },
  },
  {
    method: 'POST',
    url: '/api/public/support/requests/reopen',
    access: 'public',
    success: 200,
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    request: async ({ world }: CellContext) => {
      const secret = `secret-${randomUUID()}`;
      const caseCode = anonymousCode();
      await closedCase(world, { origin: 'anonymous', anonymousCode: caseCode, anonymousSecretHash: hashSecret(secret) });
      return { url: '/api/public/support/requests/reopen', payload: { caseCode, secret } };
    },
  },
  {
    method: 'GET',
    url: '/api/public/feedback/:token',
    access: 'public',
    success: 200,
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    request: async ({ world }: CellContext) => ({ url: `/api/public/feedback/${await feedbackToken(world)}` }),
  },
  {
    method: 'POST',
    url: '/api/public/feedback/:token',
    access: 'public',
    success: 204,
    expect: [204, 204, 204, 204, 204, 204, 204, 204, 204],
    request: async ({ world }: CellContext) => ({
      url: `/api/public/feedback/${await feedbackToken(world)}`,
      payload: { helpfulness: 4, wouldRecommend: true },
    }),
  },
];

const tomorrow = (w: MatrixWorld) => new Date(w.t.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);

export const CASEWORK_INVALID_CASES: InvalidCase[] = [
  {
    route: 'GET /api/supporter/cases/:id',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/supporter/cases/mine' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/supporter/cases/:id/contact-attempts',
    why: 'unknown channel and result',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w)}/contact-attempts`,
      payload: { channel: 'pigeon', result: 'maybe' },
    }),
    fields: ['body.channel', 'body.result'],
  },
  {
    route: 'POST /api/supporter/cases/:id/contact-attempts',
    why: 'a free-text note',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w)}/contact-attempts`,
      payload: { channel: 'phone', result: 'reached', note: 'sounded upset' },
    }),
    fields: ['body.note'],
  },
  {
    route: 'POST /api/supporter/cases/:id/encounters',
    why: 'a date in the future',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w, 'contacted')}/encounters`,
      payload: { ...encounter(w), date: tomorrow(w) },
    }),
    fields: ['body.date'],
  },
  {
    route: 'POST /api/supporter/cases/:id/encounters',
    why: 'a group without a head count',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w, 'contacted')}/encounters`,
      payload: { ...encounter(w), format: 'group' },
    }),
    fields: ['body.headCount'],
  },
  {
    route: 'POST /api/supporter/cases/:id/encounters',
    why: 'an unknown topic, minutes out of range',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w, 'contacted')}/encounters`,
      payload: { ...encounter(w), topics: ['gossip'], minutes: 0 },
    }),
    fields: ['body.topics.0', 'body.minutes'],
  },
  {
    route: 'POST /api/supporter/cases/:id/encounters',
    why: 'a free-text notes field',
    request: async (w) => ({
      url: `/api/supporter/cases/${await assignedCase(w, 'contacted')}/encounters`,
      payload: { ...encounter(w), notes: 'what was said' },
    }),
    fields: ['body.notes'],
  },
  {
    route: 'POST /api/supporter/cases/:id/referrals/:category/taken-up',
    why: 'unknown category',
    request: async (w) => ({ url: `/api/supporter/cases/${await assignedCase(w, 'active')}/referrals/astrology/taken-up` }),
    fields: ['params.category'],
  },
  {
    route: 'POST /api/supporter/cases/:id/close',
    why: 'unknown outcome',
    request: async (w) => ({ url: `/api/supporter/cases/${await assignedCase(w, 'active')}/close`, payload: { outcome: 'cured' } }),
    fields: ['body.outcome'],
  },
  {
    route: 'POST /api/supporter/cases/:id/escalate',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/supporter/cases/urgent/escalate' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/support/requests/:id/reopen',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/support/requests/last/reopen' }),
    fields: ['params.id'],
  },
  {
    route: 'POST /api/public/support/requests/reopen',
    why: 'no code, secret too short, an extra field',
    request: () => ({ url: '/api/public/support/requests/reopen', payload: { secret: 'x', note: 'I want to talk' } }),
    fields: ['body.caseCode', 'body.note', 'body.secret'],
  },
  {
    route: 'POST /api/support/requests/:id/decline',
    why: 'id is not a UUID',
    request: () => ({ url: '/api/support/requests/mine/decline' }),
    fields: ['params.id'],
  },
  {
    route: 'GET /api/public/feedback/:token',
    why: 'malformed token',
    request: () => ({ url: '/api/public/feedback/a.b' }),
    fields: ['params.token'],
  },
  {
    route: 'POST /api/public/feedback/:token',
    why: 'helpfulness out of range, answer not a boolean',
    request: () => ({ url: `/api/public/feedback/${randomUUID().replace(/-/g, '')}`, payload: { helpfulness: 6, wouldRecommend: 'yes' } }),
    fields: ['body.helpfulness', 'body.wouldRecommend'],
  },
];
