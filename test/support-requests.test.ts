import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import {
  buildDepartment,
  buildOrganization,
  buildPerson,
  buildSupporterProfile,
  type BuiltOrganization,
} from '../server/demo/factories.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';
const REQUEST = {
  modality: 'phone',
  departmentPreference: 'no_preference',
  urgency: 'this_week',
  reason: 'adverse_event',
  contactMethod: 'work_email',
};

interface World {
  org: BuiltOrganization;
  requester: { id: string; email: string };
  supporters: { id: string; email: string }[];
}

describe('support requests: intake, offers, acceptance', () => {
  let t: TestApp;
  /** Sessions expire when the test clock jumps; this signs in again when needed. */
  const as = sessionsFor(() => t.app, PASSWORD);

  /** An organisation with a requester (surgeon) and `n` certified supporters of other departments. */
  async function world(n: number, supporterOverrides: { professionCategory?: 'physician' | 'nurse' }[] = []): Promise<World> {
    const org = await buildOrganization(t.ctx.db, t.clock);
    const surgery = await buildDepartment(t.ctx.db, t.clock, org.id, { name: 'Surgery' });
    const requester = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Tomás',
      departmentId: surgery,
      professionId: org.professions.physician,
      password: PASSWORD,
    });
    await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], email: `admin-${org.slug}@h.test`, password: PASSWORD });
    const supporters = [];
    for (let i = 0; i < n; i++) {
      const dept = await buildDepartment(t.ctx.db, t.clock, org.id);
      const category = supporterOverrides[i]?.professionCategory ?? 'physician';
      const s = await buildPerson(t.ctx.db, t.clock, org.id, {
        firstName: `Supporter${i}`,
        roles: ['peer_supporter', 'staff_member'],
        departmentId: dept,
        professionId: org.professions[category],
        password: PASSWORD,
      });
      await buildSupporterProfile(t.ctx.db, t.clock, org.id, s.id, { capacity: 2 });
      supporters.push(s);
    }
    return { org, requester, supporters };
  }

  async function ask(w: World, body: object = REQUEST) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/support/requests',
      headers: await as(w.requester.email),
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function offersOf(email: string) {
    return (await t.app.inject({ url: '/api/supporter/offers', headers: await as(email) })).json().offers as {
      id: string;
      reason: string;
    }[];
  }

  async function whoHasTheOffer(w: World) {
    for (const s of w.supporters) {
      const offers = await offersOf(s.email);
      if (offers.length) return { supporter: s, offer: offers[0]! };
    }
    return null;
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('offers a new request to a matching supporter, who sees no identity until accepting', async () => {
    const w = await world(1);
    const mine = await ask(w);
    expect(mine).toMatchObject({ state: 'offered', origin: 'self', reason: 'adverse_event', supporterFirstName: null, canWithdraw: true });
    const [offer] = await offersOf(w.supporters[0]!.email);
    expect(offer).toMatchObject({
      reason: 'adverse_event',
      urgency: 'this_week',
      modality: 'phone',
      requesterProfessionCategory: 'physician',
    });
    expect(JSON.stringify(offer)).not.toMatch(/Tomás|@|Surgery/);

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/supporter/offers/${offer!.id}/accept`,
      headers: await as(w.supporters[0]!.email),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const cases = (await t.app.inject({ url: '/api/supporter/cases', headers: await as(w.supporters[0]!.email) })).json().cases;
    expect(cases).toEqual([
      expect.objectContaining({
        requesterFirstName: 'Tomás',
        contactMethod: 'work_email',
        contactValue: w.requester.email,
        state: 'assigned',
        reason: 'adverse_event',
      }),
    ]);
    const audit = await t.ctx.db.selectFrom('case_audit').select('action').where('case_id', '=', mine.id).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.created.self', 'case.offered', 'case.offer_accepted', 'case.contact_viewed']),
    );
    const requests = (await t.app.inject({ url: '/api/support/requests', headers: await as(w.requester.email) })).json().requests;
    expect(requests[0]).toMatchObject({ state: 'assigned', supporterFirstName: 'Supporter0' });
  });

  it('e-mails the supporter only "something to look at" and a link', async () => {
    const w = await world(1);
    await ask(w);
    const mail = await t.ctx.db.selectFrom('email_outbox').selectAll().where('to_address', '=', w.supporters[0]!.email).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: 'new_offer', link: '/app/offers' });
    expect(JSON.stringify(mail[0])).not.toMatch(/Tomás|adverse|Surgery|peer support/i);
  });

  it('cascades on decline to the next supporter, then alerts the administrators when nobody is left', async () => {
    const w = await world(2);
    const mine = await ask(w);
    const first = await whoHasTheOffer(w);
    const declined = await t.app.inject({
      method: 'POST',
      url: `/api/supporter/offers/${first!.offer.id}/decline`,
      headers: await as(first!.supporter.email),
      payload: { reason: 'no_capacity' },
    });
    expect(declined.statusCode, declined.body).toBe(204);
    const second = await whoHasTheOffer(w);
    expect(second?.supporter.id).not.toBe(first!.supporter.id);
    await t.app.inject({
      method: 'POST',
      url: `/api/supporter/offers/${second!.offer.id}/decline`,
      headers: await as(second!.supporter.email),
      payload: { reason: 'unavailable' },
    });
    const requests = (await t.app.inject({ url: '/api/support/requests', headers: await as(w.requester.email) })).json().requests;
    expect(requests.find((r: { id: string }) => r.id === mine.id).state).toBe('new');
    const alerts = await t.ctx.db
      .selectFrom('email_outbox')
      .select(['to_address', 'template'])
      .where('organization_id', '=', w.org.id)
      .where('template', '=', 'attention_needed')
      .execute();
    expect(alerts.map((a) => a.to_address)).toEqual([`admin-${w.org.slug}@h.test`]);
  });

  it('treats silence as a decline when the window ends (4 h), through the job runner', async () => {
    const w = await world(2);
    await ask(w);
    const first = await whoHasTheOffer(w);
    t.clock.advanceMinutes(3 * 60 + 59);
    await runDueJobsOnce(t.ctx, appJobs);
    expect((await whoHasTheOffer(w))?.supporter.id).toBe(first!.supporter.id);
    t.clock.advanceMinutes(2);
    await runDueJobsOnce(t.ctx, appJobs);
    const next = await whoHasTheOffer(w);
    expect(next?.supporter.id).not.toBe(first!.supporter.id);
    const expired = await t.ctx.db.selectFrom('case_offers').select('status').where('id', '=', first!.offer.id).executeTakeFirstOrThrow();
    expect(expired.status).toBe('expired');
  });

  it('gives urgent requests a 30-minute window', async () => {
    const w = await world(1);
    await ask(w, { ...REQUEST, urgency: 'today' });
    const offer = await t.ctx.db
      .selectFrom('case_offers')
      .select(['offered_at', 'expires_at'])
      .where('supporter_id', '=', w.supporters[0]!.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(offer.expires_at) - Date.parse(offer.offered_at)).toBe(30 * 60_000);
  });

  it('lets exactly one of many simultaneous accepts win', async () => {
    const w = await world(1);
    await ask(w);
    const [offer] = await offersOf(w.supporters[0]!.email);
    const headers = await as(w.supporters[0]!.email);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => t.app.inject({ method: 'POST', url: `/api/supporter/offers/${offer!.id}/accept`, headers })),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const holders = await t.ctx.db
      .selectFrom('case_offers')
      .select('id')
      .where('status', '=', 'accepted')
      .where('supporter_id', '=', w.supporters[0]!.id)
      .execute();
    expect(holders).toHaveLength(1);
  });

  it('hides supporter A’s offer and case from supporter B (404 on every route)', async () => {
    const w = await world(2);
    await ask(w);
    const holder = await whoHasTheOffer(w);
    const other = w.supporters.find((s) => s.id !== holder!.supporter.id)!;
    const headers = await as(other.email);
    expect((await t.app.inject({ method: 'POST', url: `/api/supporter/offers/${holder!.offer.id}/accept`, headers })).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/supporter/offers/${holder!.offer.id}/decline`,
          headers,
          payload: { reason: 'other' },
        })
      ).statusCode,
    ).toBe(404);
    await t.app.inject({
      method: 'POST',
      url: `/api/supporter/offers/${holder!.offer.id}/accept`,
      headers: await as(holder!.supporter.email),
    });
    expect((await t.app.inject({ url: '/api/supporter/cases', headers })).json().cases).toEqual([]);
    expect((await t.app.inject({ url: '/api/supporter/offers', headers })).json().offers).toEqual([]);
  });

  it('never offers a request to the requester’s own manager or someone who reports to them', async () => {
    const org = await buildOrganization(t.ctx.db, t.clock);
    const boss = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['peer_supporter'],
      professionId: org.professions.physician,
      password: PASSWORD,
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, boss.id);
    const requester = await buildPerson(t.ctx.db, t.clock, org.id, {
      managerId: boss.id,
      professionId: org.professions.physician,
      password: PASSWORD,
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/support/requests',
      headers: await as(requester.email),
      payload: REQUEST,
    });
    expect(response.json().state).toBe('new');
    expect(await offersOf(boss.email)).toEqual([]);
  });

  it('lets the requester withdraw at any time; the pending offer disappears', async () => {
    const w = await world(1);
    const mine = await ask(w);
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/support/requests/${mine.id}/withdraw`,
      headers: await as(w.requester.email),
    });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', outcome: 'withdrawn', canWithdraw: false });
    expect(await offersOf(w.supporters[0]!.email)).toEqual([]);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/support/requests/${mine.id}/withdraw`,
      headers: await as(w.requester.email),
    });
    expect(again.statusCode).toBe(409);
    const stranger = await buildPerson(t.ctx.db, t.clock, w.org.id, { password: PASSWORD });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/support/requests/${mine.id}/withdraw`, headers: await as(stranger.email) }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses any free-text field about what happened', async () => {
    const w = await world(1);
    for (const extra of [{ description: 'It was awful' }, { notes: 'x' }, { whatHappened: 'x' }]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/support/requests',
        headers: await as(w.requester.email),
        payload: { ...REQUEST, ...extra },
      });
      expect(response.statusCode).toBe(400);
    }
    const count = await t.ctx.db.selectFrom('cases').select('id').where('organization_id', '=', w.org.id).execute();
    expect(count).toHaveLength(0);
  });

  it('takes anonymous requests without an account: code and secret check and withdraw', async () => {
    const w = await world(1);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/public/support/requests',
      payload: {
        org: w.org.slug,
        preferredName: 'Sam',
        contactMethod: 'personal_phone',
        contactValue: '+1 555 0100',
        modality: 'video',
        urgency: 'this_week',
        reason: 'burnout_or_overload',
        departmentPreference: 'no_preference',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { caseCode, secret } = created.json();
    expect(caseCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const status = await t.app.inject({ method: 'POST', url: '/api/public/support/requests/status', payload: { caseCode, secret } });
    expect(status.json()).toEqual({ state: 'offered', canWithdraw: true, canReopen: false });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/public/support/requests/status',
      payload: { caseCode, secret: 'not-the-secret-at-all' },
    });
    expect(wrong.statusCode).toBe(404);
    const withdrawn = await t.app.inject({ method: 'POST', url: '/api/public/support/requests/withdraw', payload: { caseCode, secret } });
    expect(withdrawn.json()).toEqual({ state: 'withdrawn', canWithdraw: false, canReopen: true });
    const stored = await t.ctx.db
      .selectFrom('cases')
      .select(['anonymous_secret_hash'])
      .where('anonymous_code', '=', caseCode)
      .executeTakeFirstOrThrow();
    expect(stored.anonymous_secret_hash).not.toContain(secret);
  });

  it('turns a colleague referral into a case for the colleague; the referrer learns nothing more', async () => {
    const w = await world(1);
    const referrer = await buildPerson(t.ctx.db, t.clock, w.org.id, { password: PASSWORD });
    const body = { colleagueEmail: w.requester.email, toldColleague: true, reason: 'patient_death', urgency: 'this_week' };
    const first = await t.app.inject({ method: 'POST', url: '/api/support/referrals', headers: await as(referrer.email), payload: body });
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ received: true });
    const second = await t.app.inject({ method: 'POST', url: '/api/support/referrals', headers: await as(referrer.email), payload: body });
    expect(second.json()).toEqual({ received: true });
    expect((await t.app.inject({ url: '/api/support/requests', headers: await as(referrer.email) })).json().requests).toEqual([]);
    const theirs = (await t.app.inject({ url: '/api/support/requests', headers: await as(w.requester.email) })).json().requests;
    expect(theirs).toEqual([expect.objectContaining({ origin: 'colleague_referral', reason: 'patient_death', state: 'offered' })]);
    const self = await t.app.inject({
      method: 'POST',
      url: '/api/support/referrals',
      headers: await as(referrer.email),
      payload: { ...body, colleagueEmail: referrer.email },
    });
    expect(self.statusCode).toBe(400);
  });
});
