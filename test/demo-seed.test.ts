import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from '../server/demo/seed-demo.ts';
import { startMissingFirstContactClocks } from '../server/modules/service-levels/first-contact-clock.ts';
import { createTestApp, signIn, type TestApp } from './harness.ts';

describe('demo organisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    expect(await seedDemoIfEmpty(t.ctx)).toEqual({ organizationName: 'Demo Health System' });
  });
  afterAll(async () => t.close());
  /** The live demo's cases are from the last weeks; the year of finished history behind them ends two months ago. */
  const live = () => new Date(t.clock.now().getTime() - 45 * 86_400_000).toISOString();

  it('gives every open case waiting for first contact its breach check, so start-up has none to add', async () => {
    expect(await startMissingFirstContactClocks(t.ctx)).toBe(0);
    const waiting = await t.ctx.db
      .selectFrom('cases')
      .select('id')
      .where('state', 'in', ['new', 'offered', 'assigned'])
      .where('first_contact_at', 'is', null)
      .execute();
    expect(waiting.length).toBeGreaterThan(0);
    const checks = await t.ctx.db.selectFrom('jobs').select('payload').where('kind', '=', 'first-contact-breach').execute();
    for (const { id } of waiting)
      expect(
        checks.some((j) => j.payload.includes(id)),
        id,
      ).toBe(true);
  });

  it('is seeded once: a second start leaves the database alone', async () => {
    expect(await seedDemoIfEmpty(t.ctx)).toBeNull();
    const orgs = await t.ctx.db.selectFrom('organizations').select('id').execute();
    expect(orgs).toHaveLength(1);
  });

  it('has 2 sites, about 12 departments, 300 staff across professions and 20 peer supporters', async () => {
    const db = t.ctx.db;
    const count = async (table: 'sites' | 'departments' | 'people') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('sites')).toBe(2);
    expect(await count('departments')).toBeGreaterThanOrEqual(12);
    expect(await count('people')).toBe(300);
    const supporters = await db.selectFrom('role_grants').select('person_id').where('role', '=', 'peer_supporter').execute();
    expect(supporters).toHaveLength(20);
    const professions = await db.selectFrom('people').select('profession_id').distinct().execute();
    expect(professions.length).toBeGreaterThanOrEqual(6);
  });

  it('gives the demo supporter an offer and a case, and the clinician a request in progress', async () => {
    const states = (
      await t.ctx.db.selectFrom('cases').select('state').where('origin', '!=', 'event_outreach').where('created_at', '>=', live()).execute()
    )
      .map((c) => c.state)
      .sort();
    expect(states).toEqual(['active', 'assigned', 'closed', 'closed', 'contacted', 'declined', 'new', 'offered', 'withdrawn']);
    // Three event notices reached in to six staff: one said no thanks, one was taken on, four wait for an answer.
    const outreach = (
      await t.ctx.db.selectFrom('cases').select('state').where('origin', '=', 'event_outreach').where('created_at', '>=', live()).execute()
    )
      .map((c) => c.state)
      .sort();
    expect(outreach).toEqual(['assigned', 'declined', 'offered', 'offered', 'offered', 'offered']);
    // Two group debriefs: one held (head count and length recorded), one coming up.
    const debriefs = await t.ctx.db
      .selectFrom('group_debriefs')
      .select(['starts_at', 'status', 'head_count', 'actual_minutes'])
      .orderBy('starts_at')
      .execute();
    expect(
      debriefs.map((d) => ({
        status: d.status,
        headCount: d.head_count === null ? null : Number(d.head_count),
        minutes: d.actual_minutes === null ? null : Number(d.actual_minutes),
      })),
    ).toEqual([
      { status: 'scheduled', headCount: 5, minutes: 70 },
      { status: 'scheduled', headCount: null, minutes: null },
    ]);
    expect(Date.parse(debriefs[0]!.starts_at)).toBeLessThan(t.clock.now().getTime());
    expect(Date.parse(debriefs[1]!.starts_at)).toBeGreaterThan(t.clock.now().getTime());
    const supporter = await signIn(t.app, 'supporter@demo.peerline.test', DEMO_PASSWORD);
    const offers = (await t.app.inject({ url: '/api/supporter/offers', headers: { cookie: supporter } })).json().offers;
    expect(offers).toHaveLength(1);
    expect(offers[0].matchReasons.map((r: { code: string }) => r.code)).toContain('same_profession');
    const cases = (await t.app.inject({ url: '/api/supporter/cases', headers: { cookie: supporter } })).json().cases;
    expect(cases).toHaveLength(3);
    expect(cases).toContainEqual(expect.objectContaining({ requesterFirstName: 'Tomás', reason: 'adverse_event', state: 'assigned' }));
    const clinician = await signIn(t.app, 'clinician@demo.peerline.test', DEMO_PASSWORD);
    expect((await t.app.inject({ url: '/api/support/requests', headers: { cookie: clinician } })).json().requests).toEqual([
      expect.objectContaining({ state: 'assigned', supporterFirstName: 'Priya' }),
    ]);
  });

  it('has weeks of casework behind it: every case state, encounters, a planned conversation, referrals and feedback', async () => {
    const db = t.ctx.db;
    const now = t.clock.now().getTime();
    const cases = await db
      .selectFrom('cases')
      .selectAll()
      .where('origin', '!=', 'event_outreach')
      .where('created_at', '>=', live())
      .execute();
    const byState = (state: string) => cases.filter((c) => c.state === state);
    const created = cases.map((c) => Date.parse(c.created_at));
    expect(Math.min(...created)).toBeLessThan(now - 14 * 86_400_000);
    expect(Math.max(...created)).toBeLessThanOrEqual(now);

    const [contacted] = byState('contacted');
    expect(contacted?.first_contact_at).not.toBeNull();
    const attempts = await db.selectFrom('contact_attempts').select(['case_id', 'result']).execute();
    expect(
      attempts
        .filter((a) => a.case_id === contacted?.id)
        .map((a) => a.result)
        .sort(),
    ).toEqual(['no_answer', 'reached']);

    const [active] = byState('active');
    const encounters = await db.selectFrom('encounters').selectAll().execute();
    expect(encounters.filter((e) => e.case_id === active?.id)).toHaveLength(2);
    expect(
      encounters.some((e) => e.case_id === active?.id && e.follow_up_on !== null && e.follow_up_on > t.clock.now().toISOString()),
    ).toBe(true);
    expect(encounters.every((e) => [1, 2, 3].includes(e.escalation_tier))).toBe(true);
    // What the supporter's own screens read of it passes the response schemas.
    const supporter = await signIn(t.app, 'supporter@demo.peerline.test', DEMO_PASSWORD);
    const detail = await t.app.inject({ url: `/api/supporter/cases/${active?.id}`, headers: { cookie: supporter } });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().encounters).toHaveLength(2);
    const planned = await t.app.inject({ url: `/api/supporter/cases/${active?.id}/conversations`, headers: { cookie: supporter } });
    expect(planned.json().conversations).toEqual([expect.objectContaining({ status: 'scheduled', minutes: 45 })]);
    const conversations = await db
      .selectFrom('conversations')
      .selectAll()
      .where('case_id', '=', active?.id ?? '')
      .execute();
    expect(conversations).toEqual([expect.objectContaining({ status: 'scheduled' })]);
    expect(Date.parse(conversations[0]?.starts_at ?? '')).toBeGreaterThan(now);
    const jobs = (await db.selectFrom('jobs').select('kind').execute()).map((j) => j.kind);
    expect(jobs).toEqual(expect.arrayContaining(['follow-up-reminder', 'conversation-reminder', 'offer-expiry']));

    expect(
      byState('closed')
        .map((c) => c.outcome)
        .sort(),
    ).toEqual(['supported', 'unreachable']);
    const supported = byState('closed').find((c) => c.outcome === 'supported');
    const referrals = await db
      .selectFrom('referral_offers')
      .selectAll()
      .where('case_id', '=', supported?.id ?? '')
      .execute();
    expect(referrals.length).toBeGreaterThanOrEqual(2);
    expect(referrals.filter((r) => r.taken_up_at !== null)).toHaveLength(1);
    const unreachable = byState('closed').find((c) => c.outcome === 'unreachable');
    expect(attempts.filter((a) => a.case_id === unreachable?.id)).toHaveLength(3);
    expect(byState('declined')).toEqual([expect.objectContaining({ outcome: 'declined' })]);

    // Every step was audited like the services do it, and closing a supported case e-mailed a feedback link.
    const audit = await db.selectFrom('case_audit').select(['case_id', 'action']).execute();
    expect(audit.filter((a) => a.case_id === supported?.id).map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.offered', 'case.offer_accepted', 'case.contact_made', 'case.encounter_logged', 'case.closed']),
    );
    const outbox = await db.selectFrom('email_outbox').select(['template', 'link']).execute();
    expect(outbox.some((m) => m.template === 'feedback_request' && m.link.startsWith('/feedback/'))).toBe(true);
    expect((await db.selectFrom('feedback').select('helpfulness').execute()).length).toBeGreaterThanOrEqual(5);

    // The demo supporter keeps room for the cases that tests and visitors add.
    const priya = await db
      .selectFrom('people')
      .innerJoin('supporter_profiles', 'supporter_profiles.person_id', 'people.id')
      .select('capacity')
      .where('work_email', '=', 'supporter@demo.peerline.test')
      .executeTakeFirstOrThrow();
    const open = cases.filter(
      (c) =>
        ['assigned', 'contacted', 'active'].includes(c.state) &&
        c.assigned_supporter_id === cases.find((x) => x.requester_first_name === 'Tomás')?.assigned_supporter_id,
    );
    expect(open).toHaveLength(3);
    expect(priya.capacity - open.length).toBeGreaterThanOrEqual(3);
  });

  it('the case board shows every open state with its SLA clock', async () => {
    const admin = await signIn(t.app, 'admin@demo.peerline.test', DEMO_PASSWORD);
    const states = new Set<string>();
    for (const state of ['new', 'offered', 'assigned', 'contacted', 'active']) {
      const response = await t.app.inject({ url: `/api/cases?state=${state}`, headers: { cookie: admin } });
      expect(response.statusCode, state).toBe(200);
      for (const c of response.json().cases as { state: string }[]) states.add(c.state);
    }
    expect([...states].sort()).toEqual(['active', 'assigned', 'contacted', 'new', 'offered']);
  });

  it('shows a cohort part-way through training: a held session, one coming up, a passed role-play, nobody certified by it', async () => {
    const admin = await signIn(t.app, 'admin@demo.peerline.test', DEMO_PASSWORD);
    const response = await t.app.inject({ url: '/api/training', headers: { cookie: admin } });
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json();
    expect(overview.sessions).toHaveLength(2);
    expect(overview.trainees).toHaveLength(3);
    for (const trainee of overview.trainees) expect(trainee.requiredAttended).toBeLessThan(trainee.requiredTotal);
    expect(overview.trainees.filter((p: { passedRolePlay: boolean }) => p.passedRolePlay)).toHaveLength(1);
  });

  it('lets every demo account sign in with the demo password and hold its roles', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const cookie = await signIn(t.app, account.email, DEMO_PASSWORD);
      const me = (await t.app.inject({ url: '/api/me', headers: { cookie } })).json();
      expect(me.roles.sort(), account.email).toEqual([...account.roles].sort());
    }
  });
});
