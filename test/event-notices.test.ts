/**
 * Event notices: filing by a reporter and by an organisation token, the receipt
 * as the only answer (the firewall), deduplication against open cases, co-involved staff excluded
 * from matching, the one-click "no thanks" without signing in, and tokens that can do nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCase,
  buildDepartment,
  buildOrganization,
  buildPerson,
  buildSupporterProfile,
  type BuiltOrganization,
  type BuiltPerson,
} from '../server/demo/factories.ts';
import type { Actor } from '../server/lib/actor.ts';
import { seedDemoNotices } from '../server/demo/demo-notices.ts';
import { ensureTriggers } from '../server/modules/event-notices/event-triggers.service.ts';
import { createIntegrationToken } from '../server/modules/event-notices/integration-tokens.service.ts';
import { buildMatrixWorld, MATRIX_PASSWORD, ROUTE_CASES, type MatrixWorld } from './authorization-matrix.ts';
import { createTestApp, sessionsFor, signIn, usingPostgres, type TestApp } from './harness.ts';
import { noticeBody } from './matrix/event-notices.routes.ts';

const PASSWORD = 'a long test password';

describe(`event notices on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: BuiltOrganization;
  let reporter: BuiltPerson;
  let director: BuiltPerson;
  let departmentId: string;
  let triggerId: string;
  const supporters: BuiltPerson[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.ctx;
    org = await buildOrganization(db, t.clock);
    departmentId = await buildDepartment(db, t.clock, org.id);
    reporter = await buildPerson(db, t.clock, org.id, { roles: ['event_reporter'], password: PASSWORD, firstName: 'Rhiannon' });
    director = await buildPerson(db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    for (let i = 0; i < 4; i++) {
      const s = await buildPerson(db, t.clock, org.id, {
        roles: ['peer_supporter'],
        firstName: `Supporter${i}`,
        lastName: `Zephyrine${i}`,
        password: PASSWORD,
      });
      await buildSupporterProfile(db, t.clock, org.id, s.id, { capacity: 10 });
      supporters.push(s);
    }
    triggerId = (await ensureTriggers(db, org.id, t.clock.now()))[0]!.id;
  });
  afterAll(async () => t.close());

  const notice = (involved: unknown[], extra: object = {}) => ({
    occurredAt: new Date(t.clock.now().getTime() - 2 * 3_600_000).toISOString(),
    triggerId,
    departmentId,
    urgent: false,
    involved,
    ...extra,
  });
  const file = async (payload: object, headers?: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: headers ? '/api/integrations/event-notices' : '/api/event-notices',
      headers: headers ?? (await as(reporter.email)),
      payload,
    });
  const casesOf = (personId: string) => t.ctx.db.selectFrom('cases').selectAll().where('requester_person_id', '=', personId).execute();
  const newToken = async (label = 'Incident system') => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/integrations/tokens',
      headers: await as(director.email),
      payload: { label },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { token: { id: string }; secret: string };
  };
  const tableCounts = async () => {
    const count = async (
      table: 'cases' | 'event_notices' | 'event_notice_people' | 'case_event_notices' | 'outreach_invites' | 'email_outbox' | 'case_offers',
    ) =>
      Number(
        (
          await t.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return Promise.all(
      (
        ['cases', 'event_notices', 'event_notice_people', 'case_event_notices', 'outreach_invites', 'email_outbox', 'case_offers'] as const
      ).map(count),
    );
  };

  it('files a notice by work e-mail and by directory id: one outreach case each, and the receipt only', async () => {
    const a = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Anwen' });
    const b = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Bronwen' });
    const response = await file(notice([{ workEmail: a.email.toUpperCase() }, { personId: b.id }], { urgent: true }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ received: true, offeredCount: 2 });
    for (const person of [a, b]) {
      const [created] = await casesOf(person.id);
      expect(created).toMatchObject({
        origin: 'event_outreach',
        urgency: 'today',
        reason: 'patient_death',
        state: 'offered',
        contact_method: 'work_email',
        contact_value: person.email,
      });
      const mail = await t.ctx.db.selectFrom('email_outbox').selectAll().where('to_address', '=', person.email).execute();
      expect(mail).toEqual([
        expect.objectContaining({ template: 'outreach_invite', link: expect.stringMatching(/^\/o\/[A-Za-z0-9_-]{20,}$/) }),
      ]);
    }
    // The reporter is never an e-mail recipient because of the notice.
    expect(await t.ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', reporter.email).execute()).toEqual([]);
  });

  it('files the same notice with an organisation token, which is stored hashed and records its last use', async () => {
    const { token, secret } = await newToken();
    const person = await buildPerson(t.ctx.db, t.clock, org.id);
    const response = await file(notice([{ workEmail: person.email }]), { authorization: `Bearer ${secret}` });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ received: true, offeredCount: 1 });
    expect(await casesOf(person.id)).toHaveLength(1);
    const stored = await t.ctx.db.selectFrom('integration_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.last_used_at).toBe(t.clock.now().toISOString());
    const listed = (await t.app.inject({ url: '/api/integrations/tokens', headers: await as(director.email) })).json();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.tokens).toContainEqual(
      expect.objectContaining({ id: token.id, label: 'Incident system', revokedAt: null, lastUsedAt: stored.last_used_at }),
    );
  });

  it('attaches the notice to an open case instead of opening a second one, and counts that person as offered', async () => {
    const person = await buildPerson(t.ctx.db, t.clock, org.id);
    const open = await buildCase(t.ctx.db, t.clock, org.id, {
      origin: 'self',
      state: 'assigned',
      requesterPersonId: person.id,
      assignedSupporterId: supporters[0]!.id,
    });
    const fresh = await buildPerson(t.ctx.db, t.clock, org.id);
    const response = await file(notice([{ personId: person.id }, { personId: fresh.id }]));
    expect(response.json()).toEqual({ received: true, offeredCount: 2 });
    expect((await casesOf(person.id)).map((c) => c.id)).toEqual([open]);
    const links = await t.ctx.db.selectFrom('case_event_notices').select('notice_id').where('case_id', '=', open).execute();
    expect(links).toHaveLength(1);
    // A second event for the same person: still one case, now carrying both notices.
    expect((await file(notice([{ personId: person.id }]))).json()).toEqual({ received: true, offeredCount: 1 });
    expect(await casesOf(person.id)).toHaveLength(1);
    expect(await t.ctx.db.selectFrom('case_event_notices').select('notice_id').where('case_id', '=', open).execute()).toHaveLength(2);
  });

  it('never offers a case to anyone involved in the same event, nor to its reporter, also on re-offers', async () => {
    // Three of the four supporters are involved in the event, and the reporter is a supporter too:
    // every case must go to the one supporter left.
    const reportingSupporter = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['peer_supporter', 'event_reporter'],
      password: PASSWORD,
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, reportingSupporter.id, { capacity: 50 });
    const staff = await buildPerson(t.ctx.db, t.clock, org.id);
    const involved = [supporters[0]!, supporters[1]!, supporters[2]!, staff];
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/event-notices',
      headers: await as(reportingSupporter.email),
      payload: notice(involved.map((p) => ({ personId: p.id }))),
    });
    expect(response.json()).toMatchObject({ received: true });
    const offered = await t.ctx.db
      .selectFrom('case_offers')
      .innerJoin('cases', 'cases.id', 'case_offers.case_id')
      .select(['case_offers.supporter_id', 'cases.requester_person_id', 'case_offers.id'])
      .where(
        'cases.requester_person_id',
        'in',
        involved.map((p) => p.id),
      )
      .execute();
    expect(offered.length).toBeGreaterThan(0);
    for (const o of offered) expect(o.supporter_id).toBe(supporters[3]!.id);
    // The only eligible supporter declines one: nobody else may get it (the event's people and its
    // reporter stay excluded when the cascade looks again), so it waits for the administrators.
    const staffOffer = offered.find((o) => o.requester_person_id === staff.id)!;
    const declined = await t.app.inject({
      method: 'POST',
      url: `/api/supporter/offers/${staffOffer.id}/decline`,
      headers: await as(supporters[3]!.email),
      payload: { reason: 'no_capacity' },
    });
    expect(declined.statusCode, declined.body).toBeLessThan(300);
    const [staffCase] = await casesOf(staff.id);
    expect(staffCase).toMatchObject({ state: 'new', offered_supporter_id: null });
    const reOffers = await t.ctx.db.selectFrom('case_offers').select('supporter_id').where('case_id', '=', staffCase!.id).execute();
    expect(reOffers.map((o) => o.supporter_id)).toEqual([supporters[3]!.id]);
  });

  it('lets the person say "no thanks" in one click without signing in: single use, resource sheet, no further offers', async () => {
    const person = await buildPerson(t.ctx.db, t.clock, org.id);
    await file(notice([{ personId: person.id }]));
    const [created] = await casesOf(person.id);
    const invite = await t.ctx.db
      .selectFrom('email_outbox')
      .select('link')
      .where('to_address', '=', person.email)
      .where('template', '=', 'outreach_invite')
      .executeTakeFirstOrThrow();
    const token = invite.link.slice('/o/'.length);
    // A mail scanner's GET changes nothing.
    expect((await t.app.inject({ url: `/api/public/outreach/${token}` })).json()).toEqual({ valid: true });
    expect((await casesOf(person.id))[0]!.state).toBe('offered');
    const before = await t.ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', person.email).execute();

    const decline = await t.app.inject({ method: 'POST', url: `/api/public/outreach/${token}/decline` });
    expect(decline.statusCode, decline.body).toBe(204);
    const [after] = await casesOf(person.id);
    expect(after).toMatchObject({ id: created!.id, state: 'declined', outcome: 'declined', offered_supporter_id: null });
    const offers = await t.ctx.db.selectFrom('case_offers').select('status').where('case_id', '=', created!.id).execute();
    expect(offers.map((o) => o.status)).toEqual(['withdrawn']);
    const mails = await t.ctx.db.selectFrom('email_outbox').select(['template', 'link']).where('to_address', '=', person.email).execute();
    expect(mails.length).toBe(before.length + 1);
    expect(mails).toContainEqual({ template: 'case_update', link: '/resources' });

    // Single use, and the page then says so.
    expect((await t.app.inject({ url: `/api/public/outreach/${token}` })).json()).toEqual({ valid: false });
    expect((await t.app.inject({ method: 'POST', url: `/api/public/outreach/${token}/decline` })).statusCode).toBe(404);
    // No further contact: nothing is offered again.
    expect(
      await t.ctx.db.selectFrom('case_offers').select('id').where('case_id', '=', created!.id).where('status', '=', 'pending').execute(),
    ).toEqual([]);
  });

  it('refuses bad input with the exact field and writes nothing', async () => {
    const known = await buildPerson(t.ctx.db, t.clock, org.id);
    const otherOrg = await buildOrganization(t.ctx.db, t.clock);
    const stranger = await buildPerson(t.ctx.db, t.clock, otherOrg.id);
    const inactive = await buildPerson(t.ctx.db, t.clock, org.id, { active: false });
    const { secret } = await newToken();
    const before = await tableCounts();
    const cases: [object, string[], Record<string, string>?][] = [
      [notice([{ personId: known.id }, { workEmail: known.email }]), ['body.involved.1.workEmail']],
      [notice([{ personId: known.id }, { personId: stranger.id }]), ['body.involved.1.personId']],
      [notice([{ workEmail: stranger.email }]), ['body.involved.0.workEmail']],
      [notice([{ personId: inactive.id }]), ['body.involved.0.personId']],
      [notice([{ personId: known.id }], { description: 'What happened in room 4' }), ['body.description']],
      [notice([{ personId: known.id }], { notes: 'x' }), ['body.notes'], { authorization: `Bearer ${secret}` }],
      [
        notice([{ personId: known.id }], { triggerId: (await ensureTriggers(t.ctx.db, otherOrg.id, t.clock.now()))[0]!.id }),
        ['body.triggerId'],
      ],
      [notice([{ personId: known.id }], { departmentId: await buildDepartment(t.ctx.db, t.clock, otherOrg.id) }), ['body.departmentId']],
      [notice([{ personId: known.id }], { occurredAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString() }), ['body.occurredAt']],
    ];
    for (const [payload, fields, headers] of cases) {
      const response = await file(payload, headers);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual(fields);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a revoked token, a made-up token, and any token on a session route', async () => {
    const { token, secret } = await newToken('Old system');
    const person = await buildPerson(t.ctx.db, t.clock, org.id);
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/integrations/tokens/${token.id}/revoke`,
      headers: await as(director.email),
    });
    expect(revoke.json()).toMatchObject({ id: token.id, revokedAt: t.clock.now().toISOString() });
    const before = await tableCounts();
    for (const authorization of [`Bearer ${secret}`, 'Bearer plit_made-up', '', 'Basic dXNlcjpwYXNz']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/integrations/event-notices',
        headers: { authorization },
        payload: notice([{ personId: person.id }]),
      });
      expect(response.statusCode, authorization).toBe(401);
    }
    // A session cookie cannot stand in for the token.
    const withCookie = await t.app.inject({
      method: 'POST',
      url: '/api/integrations/event-notices',
      headers: await as(reporter.email),
      payload: notice([{ personId: person.id }]),
    });
    expect(withCookie.statusCode).toBe(401);
    expect(await tableCounts()).toEqual(before);
  });

  it('lets the administrators follow outreach per notice, while the reporter\'s list says "received" and nothing more', async () => {
    const mine = (await t.app.inject({ url: '/api/event-notices/mine', headers: await as(reporter.email) })).json();
    expect(mine.notices.length).toBeGreaterThan(0);
    for (const n of mine.notices)
      expect(Object.keys(n).sort()).toEqual([
        'department',
        'filedAt',
        'id',
        'involvedCount',
        'occurredAt',
        'received',
        'trigger',
        'urgent',
      ]);
    const managed = (await t.app.inject({ url: '/api/event-notices', headers: await as(director.email) })).json();
    const declinedSomewhere = managed.notices.some((n: { casesByState: Record<string, number> }) => (n.casesByState.declined ?? 0) > 0);
    expect(declinedSomewhere).toBe(true);
    expect((await t.app.inject({ url: '/api/event-notices', headers: await as(reporter.email) })).statusCode).toBe(404);
  });
});

describe(`the firewall and the token's reach on ${usingPostgres ? 'PostgreSQL' : 'SQLite'} (every route of the matrix)`, () => {
  let t: TestApp;
  let world: MatrixWorld;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildMatrixWorld(t);
  });
  afterAll(async () => t.close());

  it('an integration token opens its one route and nothing else', async () => {
    const director = world.byRole.program_director;
    const { secret } = await createIntegrationToken(
      t.ctx,
      { organizationId: world.orgA.id, personId: director.id, verifiedAt: t.clock.now().toISOString() } as Actor,
      'Reach test',
    );
    const opened: string[] = [];
    for (const route of ROUTE_CASES) {
      if (route.url === '/api/integrations/event-notices') continue;
      const request = await route.request({ world, caller: 'anonymous' });
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: request.url,
        payload: request.payload as object | undefined,
        headers: { ...request.headers, authorization: `Bearer ${secret}` },
      });
      if (![401, 404].includes(response.statusCode)) opened.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(opened).toEqual([]);
  });

  it('after filing, nothing the reporter can call reveals the outreach: no supporter, no case id, no state', async () => {
    const { db } = t.ctx;
    const reporter = world.byRole.event_reporter;
    const supporter = await buildPerson(db, t.clock, world.orgA.id, {
      roles: ['peer_supporter'],
      firstName: 'Thaddeus',
      lastName: 'Quarrington',
    });
    await buildSupporterProfile(db, t.clock, world.orgA.id, supporter.id, { capacity: 10 });
    const involved = await buildPerson(db, t.clock, world.orgA.id, { firstName: 'Perpetua', lastName: 'Vasquez-Lindqvist' });
    // Only this supporter can be matched, so the test knows whose name must never show.
    await db.updateTable('supporter_profiles').set({ status: 'paused' }).where('person_id', '!=', supporter.id).execute();
    const cookie = await signIn(t.app, reporter.email, MATRIX_PASSWORD);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/event-notices',
      headers: { cookie },
      payload: await noticeBody(world, [{ personId: involved.id }]),
    });
    expect(filed.json()).toEqual({ received: true, offeredCount: 1 });
    const [created] = await db.selectFrom('cases').selectAll().where('requester_person_id', '=', involved.id).execute();
    expect(created!.offered_supporter_id).toBe(supporter.id);
    const offer = await db.selectFrom('case_offers').select('id').where('case_id', '=', created!.id).executeTakeFirstOrThrow();
    const secrets = [
      'Thaddeus',
      'Quarrington',
      supporter.email,
      supporter.id,
      created!.id,
      offer.id,
      'Perpetua',
      'Vasquez',
      involved.email,
    ];
    // Case states are vocabulary the API description lists for everyone; anywhere else they would be news.
    const states = ['"offered"', '"assigned"', '"declined"', 'offeredCount'];

    const leaks: string[] = [];
    for (const route of ROUTE_CASES.filter((r) => r.method === 'GET')) {
      const request = await route.request({ world, caller: 'event_reporter' });
      const response = await t.app.inject({ url: request.url, headers: { ...request.headers, cookie } });
      for (const secret of secrets) if (response.body.includes(secret)) leaks.push(`${route.url} → ${secret}`);
      if (route.url !== '/api/openapi.json')
        for (const state of states) if (response.body.includes(state)) leaks.push(`${route.url} → ${state}`);
    }
    expect(leaks).toEqual([]);
    // Their own list holds the notice as "received", with a head count and nothing more.
    const mine = (await t.app.inject({ url: '/api/event-notices/mine', headers: { cookie } })).json();
    expect(mine.notices).toEqual([expect.objectContaining({ received: true, involvedCount: 1 })]);
  });
});

describe(`demo notices on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('seedDemoNotices files three notices with outreach in different states', async () => {
    const t = await createTestApp();
    try {
      const { db } = t.ctx;
      const org = await buildOrganization(db, t.clock);
      const departmentId = await buildDepartment(db, t.clock, org.id, { name: 'Emergency Medicine' });
      await buildPerson(db, t.clock, org.id, { roles: ['event_reporter'], email: 'reporter@demo.peerline.test' });
      for (let i = 0; i < 3; i++) {
        const s = await buildPerson(db, t.clock, org.id, { roles: ['peer_supporter'] });
        await buildSupporterProfile(db, t.clock, org.id, s.id, { capacity: 5 });
      }
      for (let i = 0; i < 7; i++) await buildPerson(db, t.clock, org.id, { departmentId, roles: ['staff_member'] });
      expect(await seedDemoNotices(t.ctx, org.id)).toEqual({ notices: 3, involved: 6 });
      const states = await db
        .selectFrom('cases')
        .select('state')
        .where('organization_id', '=', org.id)
        .where('origin', '=', 'event_outreach')
        .execute();
      expect(states.map((s) => s.state).sort()).toEqual(['assigned', 'declined', 'offered', 'offered', 'offered', 'offered']);
    } finally {
      await t.close();
    }
  });
});
