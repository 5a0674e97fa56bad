import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildOrganization, buildPerson, buildSupporterProfile } from '../server/demo/factories.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';
const REQUEST = {
  modality: 'phone',
  departmentPreference: 'no_preference',
  urgency: 'this_week',
  reason: 'patient_death',
  contactMethod: 'work_email',
};

/** The requester can come back later and reopen a finished request (docs/product.md, "Origins, states and outcomes"). */
describe('reopening a finished request', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);

  /** A requester, an administrator and two certified supporters in other departments. */
  async function world() {
    const org = await buildOrganization(t.ctx.db, t.clock);
    const surgery = await buildDepartment(t.ctx.db, t.clock, org.id, { name: 'Surgery' });
    const requester = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Ines',
      departmentId: surgery,
      professionId: org.professions.physician,
      password: PASSWORD,
    });
    const admin = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['program_admin'],
      email: `admin-${org.slug}@h.test`,
      password: PASSWORD,
    });
    const supporters = [];
    for (let i = 0; i < 2; i++) {
      const dept = await buildDepartment(t.ctx.db, t.clock, org.id);
      const s = await buildPerson(t.ctx.db, t.clock, org.id, {
        firstName: `Peer${i}`,
        roles: ['peer_supporter', 'staff_member'],
        departmentId: dept,
        professionId: org.professions.physician,
        password: PASSWORD,
      });
      await buildSupporterProfile(t.ctx.db, t.clock, org.id, s.id, { capacity: 3 });
      supporters.push(s);
    }
    return { org, requester, admin, supporters };
  }

  const post = async (email: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: await as(email), ...(payload ? { payload } : {}) });

  /** Asks, lets whoever got the offer accept it, then withdraws: a finished request with a known supporter. */
  async function finishedRequest(w: Awaited<ReturnType<typeof world>>) {
    const asked = await post(w.requester.email, '/api/support/requests', REQUEST);
    expect(asked.statusCode, asked.body).toBe(201);
    const caseId = asked.json().id as string;
    let holder: { id: string; email: string } | undefined;
    for (const s of w.supporters) {
      const offers = (await t.app.inject({ url: '/api/supporter/offers', headers: await as(s.email) })).json().offers as { id: string }[];
      if (offers[0]) {
        expect((await post(s.email, `/api/supporter/offers/${offers[0].id}/accept`)).statusCode).toBe(200);
        holder = s;
      }
    }
    expect(holder).toBeDefined();
    const withdrawn = await post(w.requester.email, `/api/support/requests/${caseId}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', canReopen: true, canWithdraw: false });
    return { caseId, previous: holder! };
  }

  const caseRow = (id: string) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('starts matching again, offering the previous supporter first, tells the administrators and audits it', async () => {
    const w = await world();
    const { caseId, previous } = await finishedRequest(w);
    const mailsBefore = await t.ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', w.admin.email).execute();

    t.clock.advanceMinutes(5 * 24 * 60);
    const reopened = await post(w.requester.email, `/api/support/requests/${caseId}/reopen`);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({
      id: caseId,
      state: 'offered',
      outcome: null,
      closedAt: null,
      canReopen: false,
      canWithdraw: true,
    });

    const row = await caseRow(caseId);
    expect(row).toMatchObject({ state: 'offered', offered_supporter_id: previous.id, assigned_supporter_id: null, closed_at: null });
    const offers = (await t.app.inject({ url: '/api/supporter/offers', headers: await as(previous.email) })).json().offers;
    expect(offers).toHaveLength(1);
    const mailsAfter = await t.ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', w.admin.email).execute();
    expect(mailsAfter.length).toBe(mailsBefore.length + 1);
    const audit = await t.ctx.db
      .selectFrom('case_audit')
      .select(['action', 'actor_person_id'])
      .where('case_id', '=', caseId)
      .where('action', '=', 'case.reopened')
      .execute();
    expect(audit).toEqual([{ action: 'case.reopened', actor_person_id: w.requester.id }]);
  });

  it('refuses an open request, a request past the 30-day window, and another person’s request, changing nothing', async () => {
    const w = await world();
    const { caseId } = await finishedRequest(w);

    const other = await buildPerson(t.ctx.db, t.clock, w.org.id, { password: PASSWORD });
    const stranger = await post(other.email, `/api/support/requests/${caseId}/reopen`);
    expect(stranger.statusCode).toBe(404);

    t.clock.advanceMinutes(30 * 24 * 60 + 1);
    const before = await caseRow(caseId);
    const late = await post(w.requester.email, `/api/support/requests/${caseId}/reopen`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('conflict');
    expect(await caseRow(caseId)).toEqual(before);
    const mine = (await t.app.inject({ url: '/api/support/requests', headers: await as(w.requester.email) })).json().requests;
    expect(mine.find((r: { id: string }) => r.id === caseId)).toMatchObject({ state: 'withdrawn', canReopen: false });

    const open = (await post(w.requester.email, '/api/support/requests', REQUEST)).json();
    const again = await post(w.requester.email, `/api/support/requests/${open.id}/reopen`);
    expect(again.statusCode).toBe(409);
    expect((await caseRow(open.id)).state).toBe('offered');
  });

  it('lets an anonymous requester come back with the case code and secret, and nobody without them', async () => {
    const w = await world();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/public/support/requests',
      payload: {
        org: w.org.slug,
        preferredName: 'Sam',
        modality: 'phone',
        departmentPreference: 'no_preference',
        urgency: 'this_week',
        reason: 'burnout_or_overload',
        contactMethod: 'personal_phone',
        contactValue: '+1 555 0100',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { caseCode, secret } = created.json() as { caseCode: string; secret: string };
    const withdrawn = await t.app.inject({ method: 'POST', url: '/api/public/support/requests/withdraw', payload: { caseCode, secret } });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', canReopen: true });

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/public/support/requests/reopen',
      payload: { caseCode, secret: `${secret}x` },
    });
    expect(wrong.statusCode).toBe(404);
    const reopened = await t.app.inject({ method: 'POST', url: '/api/public/support/requests/reopen', payload: { caseCode, secret } });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'offered', canWithdraw: true, canReopen: false });
  });
});
