import { setTimeout as sleep } from 'node:timers/promises';
/**
 * The administrator case board and the director's audit log (docs/product.md, C5): clocks,
 * no requester identity on the board, audited contact views, suggestions, manual assignment and its
 * refusals, concurrency, and who may see any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../server/modules/audit/audit.repository.ts';
import { newId } from '../server/db/values.ts';
import {
  buildCase,
  buildDepartment,
  buildOffer,
  buildOrganization,
  buildPerson,
  buildSupporterProfile,
  type BuiltOrganization,
} from '../server/demo/factories.ts';
import { createTestApp, signIn, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

interface Person {
  id: string;
  email: string;
}

interface World {
  org: BuiltOrganization;
  director: Person;
  admin: Person;
  admin2: Person;
  leader: Person;
  reporter: Person;
  supporter: Person;
  requester: Person;
  manager: Person;
  supporters: Person[];
}

describe('administrator case board and audit log', () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  /** Sessions end when the test clock jumps; sign in again when needed. */
  const as = async (who: Person) => {
    let cookie = cookies.get(who.email);
    if (!cookie || (await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode !== 200) {
      cookie = await signIn(t.app, who.email, PASSWORD);
      cookies.set(who.email, cookie);
    }
    return { cookie };
  };

  async function world(): Promise<World> {
    const db = t.ctx.db;
    const org = await buildOrganization(db, t.clock);
    const person = (overrides: Parameters<typeof buildPerson>[3] = {}) =>
      buildPerson(db, t.clock, org.id, { password: PASSWORD, ...overrides });
    const supporterIn = async (
      firstName: string,
      lastName: string,
      profile: Parameters<typeof buildSupporterProfile>[4] = {},
      extra: Parameters<typeof buildPerson>[3] = {},
    ) => {
      const departmentId = await buildDepartment(db, t.clock, org.id);
      const s = await person({
        firstName,
        lastName,
        roles: ['peer_supporter', 'staff_member'],
        departmentId,
        professionId: org.professions.physician,
        ...extra,
      });
      await buildSupporterProfile(db, t.clock, org.id, s.id, { capacity: 2, ...profile });
      return s;
    };
    const manager = await supporterIn('Marisol', 'Overbeck');
    const surgery = await buildDepartment(db, t.clock, org.id, { name: 'Surgery' });
    const requester = await person({
      firstName: 'Quillon',
      lastName: 'Featherstone',
      email: `quillon-${org.slug}@h.test`,
      departmentId: surgery,
      managerId: manager.id,
      professionId: org.professions.physician,
    });
    return {
      org,
      director: await person({ roles: ['program_director'], firstName: 'Dana', lastName: 'Director' }),
      admin: await person({ roles: ['program_admin'], firstName: 'Ada', lastName: 'Admin' }),
      admin2: await person({ roles: ['program_admin'], firstName: 'Abe', lastName: 'Admin' }),
      leader: await person({ roles: ['leadership_viewer', 'staff_member'] }),
      reporter: await person({ roles: ['event_reporter', 'staff_member'] }),
      supporter: await supporterIn('Sol', 'Supporter'),
      requester,
      manager,
      supporters: [
        await supporterIn('Bianca', 'Bergstrom'),
        await supporterIn('Carlo', 'Castellano'),
        await supporterIn('Dora', 'Delacroix'),
      ],
    };
  }

  /** A case for the requester, with identifying data the board must never show. */
  const caseFor = (w: World, overrides: Parameters<typeof buildCase>[3] = {}) =>
    buildCase(t.ctx.db, t.clock, w.org.id, {
      requesterPersonId: w.requester.id,
      requesterFirstName: 'Quillon',
      contactValue: 'quillon.private@mail.test',
      ...overrides,
    });

  const board = async (who: Person, query = '') => {
    const response = await t.app.inject({ url: `/api/cases${query}`, headers: await as(who) });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  const assign = async (who: Person, caseId: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/assign`, headers: await as(who), payload });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lists every open case with its state, supporter, offers and first-contact clock; finished ones on request', async () => {
    const w = await world();
    const [b, c] = w.supporters as [Person, Person, Person];
    const fresh = await caseFor(w);
    const offered = await buildOffer(t.ctx.db, t.clock, w.org.id, b.id, { requesterPersonId: w.requester.id });
    const assigned = await caseFor(w, { state: 'assigned', assignedSupporterId: c.id });
    const closed = await caseFor(w, {
      state: 'closed',
      outcome: 'unreachable',
      closedAt: t.clock.now().toISOString(),
      assignedSupporterId: c.id,
    });
    const urgent = await caseFor(w, { origin: 'anonymous', requesterPersonId: null });
    await t.ctx.db.updateTable('cases').set({ urgency: 'today' }).where('id', '=', urgent).execute();

    const cases = (await board(w.admin)).json().cases as {
      id: string;
      state: string;
      offerCount: number;
      assignedSupporter: unknown;
      offeredSupporter: unknown;
      serviceLevel: { firstContactDueAt: string; breached: boolean; firstContactAt: string | null };
    }[];
    expect(cases.map((x) => x.id).sort()).toEqual([fresh, offered.caseId, assigned, urgent].sort());
    const byId = new Map(cases.map((x) => [x.id, x]));
    expect(byId.get(offered.caseId)).toMatchObject({
      state: 'offered',
      offerCount: 1,
      offeredSupporter: { id: b.id, firstName: 'Bianca', lastName: 'Bergstrom' },
      assignedSupporter: null,
    });
    expect(byId.get(assigned)).toMatchObject({
      state: 'assigned',
      assignedSupporter: { id: c.id, firstName: 'Carlo', lastName: 'Castellano' },
    });
    const created = t.clock.now().getTime();
    expect(Date.parse(byId.get(fresh)!.serviceLevel.firstContactDueAt) - created).toBe(24 * 3_600_000);
    // Default targets (shared/schemas/service-levels.ts): 24 h for a self request, 30 min when urgent.
    expect(Date.parse(byId.get(urgent)!.serviceLevel.firstContactDueAt) - created).toBe(30 * 60_000);
    expect(cases.every((x) => !x.serviceLevel.breached && x.serviceLevel.firstContactAt === null)).toBe(true);

    expect((await board(w.admin, '?state=closed')).json().cases.map((x: { id: string }) => x.id)).toEqual([closed]);
    expect((await board(w.admin, '?origin=anonymous')).json().cases.map((x: { id: string }) => x.id)).toEqual([urgent]);
    expect((await board(w.admin, '?urgency=today')).json().cases.map((x: { id: string }) => x.id)).toEqual([urgent]);

    // Past the urgent due time only the urgent case is breached; past 24 h every open one is.
    t.clock.advanceMinutes(2 * 60 + 1);
    let now = new Map(((await board(w.admin)).json().cases as typeof cases).map((x) => [x.id, x.serviceLevel.breached]));
    expect(now.get(urgent)).toBe(true);
    expect(now.get(fresh)).toBe(false);
    // A first contact in time stops the clock.
    await t.ctx.db.updateTable('cases').set({ first_contact_at: t.clock.now().toISOString() }).where('id', '=', assigned).execute();
    t.clock.advanceMinutes(22 * 60);
    now = new Map(((await board(w.director)).json().cases as typeof cases).map((x) => [x.id, x.serviceLevel.breached]));
    expect(now.get(fresh)).toBe(true);
    expect(now.get(offered.caseId)).toBe(true);
    expect(now.get(assigned)).toBe(false);
  });

  it("never puts the requester's name or contact on the board", async () => {
    const w = await world();
    await caseFor(w);
    await caseFor(w, { state: 'assigned', assignedSupporterId: w.supporters[0]!.id });
    await caseFor(w, { origin: 'anonymous', requesterPersonId: null, requesterFirstName: 'Zebediah', contactValue: 'zeb@private.test' });
    const body = (await board(w.admin)).body;
    expect(JSON.parse(body).cases).toHaveLength(3);
    for (const secret of [
      'Quillon',
      'Featherstone',
      w.requester.email,
      'quillon.private@mail.test',
      'Zebediah',
      'zeb@private.test',
      w.requester.id,
    ]) {
      expect(body).not.toContain(secret);
    }
  });

  it('shows the contact only on request, and audits every view with the actor and IP', async () => {
    const w = await world();
    const id = await caseFor(w);
    const response = await t.app.inject({ url: `/api/cases/${id}/contact`, headers: await as(w.admin), remoteAddress: '10.1.2.3' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      caseId: id,
      requesterFirstName: 'Quillon',
      contactMethod: 'personal_phone',
      contactValue: 'quillon.private@mail.test',
    });
    const audit = await t.ctx.db
      .selectFrom('case_audit')
      .selectAll()
      .where('case_id', '=', id)
      .where('action', '=', 'case.contact_viewed')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_person_id: w.admin.id, ip: '10.1.2.3', organization_id: w.org.id })]);
    await t.app.inject({ url: `/api/cases/${id}/contact`, headers: await as(w.director) });
    expect(
      await t.ctx.db
        .selectFrom('case_audit')
        .select('actor_person_id')
        .where('case_id', '=', id)
        .where('action', '=', 'case.contact_viewed')
        .execute(),
    ).toHaveLength(2);
  });

  it('suggests the best supporter and two alternates with reasons, including those offered before', async () => {
    const w = await world();
    const { caseId } = await buildOffer(t.ctx.db, t.clock, w.org.id, w.supporters[0]!.id, { requesterPersonId: w.requester.id });
    const response = await t.app.inject({ url: `/api/cases/${caseId}/suggestions`, headers: await as(w.admin) });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as {
      best: { supporter: { id: string; firstName: string }; reasons: { code: string; text: string }[] };
      alternates: { supporter: { id: string } }[];
      relaxedRules: string[];
    };
    expect(result.best.supporter.firstName).toBeTruthy();
    expect(result.best.reasons.length).toBeGreaterThan(0);
    expect(result.alternates).toHaveLength(2);
    expect(Array.isArray(result.relaxedRules)).toBe(true);
    const suggested = [result.best.supporter.id, ...result.alternates.map((a) => a.supporter.id)];
    // The requester's manager is a supporter too, but is in the reporting line: never suggested.
    expect(suggested).not.toContain(w.manager.id);
    expect(new Set(suggested).size).toBe(3);
    // Four eligible supporters (Sol, Bianca, Carlo, Dora): the one already offered is back in the pool.
    const again = await t.app.inject({ url: `/api/cases/${caseId}/suggestions`, headers: await as(w.admin) });
    expect(again.json()).toEqual(result);
  });

  it('assigns by hand, withdrawing a pending offer, e-mailing the supporter and auditing; then reassigns', async () => {
    const w = await world();
    const [b, c, d] = w.supporters as [Person, Person, Person];
    const { caseId, offerId } = await buildOffer(t.ctx.db, t.clock, w.org.id, b.id, { requesterPersonId: w.requester.id });
    const first = await assign(w.admin, caseId, { supporterId: c.id });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      id: caseId,
      state: 'assigned',
      assignedSupporter: { id: c.id, firstName: 'Carlo' },
      offeredSupporter: null,
      offerCount: 1,
    });
    expect((await t.ctx.db.selectFrom('case_offers').select('status').where('id', '=', offerId).executeTakeFirstOrThrow()).status).toBe(
      'withdrawn',
    );
    const mail = await t.ctx.db.selectFrom('email_outbox').selectAll().where('organization_id', '=', w.org.id).execute();
    expect(mail.filter((m) => m.to_address === c.email)).toEqual([
      expect.objectContaining({ template: 'case_update', link: '/app/cases' }),
    ]);
    expect(JSON.stringify(mail.map(({ template, link }) => ({ template, link })))).not.toMatch(/Quillon|burnout|peer support/i);
    const audit = await t.ctx.db
      .selectFrom('case_audit')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('action', '=', 'case.assigned_manually')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_person_id: w.admin.id, ip: expect.any(String) })]);

    // Reassignment from assigned, then from contacted and active.
    for (const [state, to] of [
      ['assigned', d],
      ['contacted', c],
      ['active', d],
    ] as const) {
      await t.ctx.db.updateTable('cases').set({ state }).where('id', '=', caseId).execute();
      const again = await assign(w.director, caseId, { supporterId: to.id });
      expect(again.statusCode, `${state}: ${again.body}`).toBe(200);
      expect(again.json()).toMatchObject({ state: 'assigned', assignedSupporter: { id: to.id } });
    }
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'assigned', assigned_supporter_id: d.id, contact_attempts: 0 });
    // The supporter who already holds it: a conflict, nothing changes.
    expect((await assign(w.admin, caseId, { supporterId: d.id })).statusCode).toBe(409);
    // A finished case is not assigned.
    const closed = await caseFor(w, {
      state: 'closed',
      outcome: 'unreachable',
      closedAt: t.clock.now().toISOString(),
      assignedSupporterId: c.id,
    });
    expect((await assign(w.admin, closed, { supporterId: d.id })).statusCode).toBe(409);
  });

  it('refuses supporters the matcher could not choose, naming body.supporterId, and changes nothing', async () => {
    const w = await world();
    const db = t.ctx.db;
    const uncertified = await buildPerson(db, t.clock, w.org.id, { roles: ['peer_supporter'] });
    await buildSupporterProfile(db, t.clock, w.org.id, uncertified.id, { certifiedUntil: null });
    const lapsed = await buildPerson(db, t.clock, w.org.id, { roles: ['peer_supporter'] });
    await buildSupporterProfile(db, t.clock, w.org.id, lapsed.id, { certifiedUntil: '2020-01-01' });
    const full = await buildPerson(db, t.clock, w.org.id, { roles: ['peer_supporter'] });
    await buildSupporterProfile(db, t.clock, w.org.id, full.id, { capacity: 1 });
    await buildCase(db, t.clock, w.org.id, { state: 'active', assignedSupporterId: full.id });
    const retired = await buildPerson(db, t.clock, w.org.id, { roles: ['peer_supporter'] });
    await buildSupporterProfile(db, t.clock, w.org.id, retired.id, { status: 'retired' });
    const otherOrg = await buildOrganization(db, t.clock);
    const foreign = await buildPerson(db, t.clock, otherOrg.id, { roles: ['peer_supporter'] });
    await buildSupporterProfile(db, t.clock, otherOrg.id, foreign.id);

    const id = await caseFor(w);
    // A supporter asking for support themselves: not their own supporter.
    const ownCase = await caseFor(w, { requesterPersonId: w.supporter.id });
    const refusals: [string, string, string][] = [
      [id, uncertified.id, 'certified'],
      [id, lapsed.id, 'certified'],
      [id, full.id, 'capacity'],
      [id, w.manager.id, 'reporting line'],
      [id, w.requester.id, 'supporter'],
      [id, retired.id, 'active'],
      [id, foreign.id, 'supporter'],
      [id, w.admin.id, 'supporter'],
      [ownCase, w.supporter.id, 'own request'],
    ];
    const before = await db.selectFrom('cases').selectAll().where('organization_id', '=', w.org.id).orderBy('id').execute();
    for (const [caseId, supporterId, words] of refusals) {
      const response = await assign(w.admin, caseId, { supporterId });
      expect(response.statusCode, `${words}: ${response.body}`).toBe(400);
      const error = response.json().error as { code: string; fields: { path: string; message: string }[] };
      expect(error.code).toBe('validation_failed');
      expect(error.fields.map((f) => f.path)).toEqual(['body.supporterId']);
      expect(error.fields[0]!.message.toLowerCase()).toContain(words);
    }
    expect(await db.selectFrom('cases').selectAll().where('organization_id', '=', w.org.id).orderBy('id').execute()).toEqual(before);
    expect(
      await db
        .selectFrom('case_audit')
        .select('id')
        .where('action', '=', 'case.assigned_manually')
        .where('organization_id', '=', w.org.id)
        .execute(),
    ).toEqual([]);
  });

  it('lets exactly one of two administrators assigning the same case at once win', async () => {
    const w = await world();
    const [b, c] = w.supporters as [Person, Person, Person];
    for (const start of ['new', 'assigned'] as const) {
      const id = start === 'new' ? await caseFor(w) : await caseFor(w, { state: 'assigned', assignedSupporterId: w.supporter.id });
      const expectedSupporterId = start === 'new' ? null : w.supporter.id;
      const [one, two] = await Promise.all([
        assign(w.admin, id, { supporterId: b.id, expectedSupporterId }),
        assign(w.admin2, id, { supporterId: c.id, expectedSupporterId }),
      ]);
      expect([one.statusCode, two.statusCode].sort(), `${start}: ${one.body} ${two.body}`).toEqual([200, 409]);
      const winner = one.statusCode === 200 ? b : c;
      const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.assigned_supporter_id).toBe(winner.id);
      expect(
        await t.ctx.db
          .selectFrom('case_audit')
          .select('id')
          .where('case_id', '=', id)
          .where('action', '=', 'case.assigned_manually')
          .execute(),
      ).toHaveLength(1);
    }
  });

  it('settles a supporter accepting while an administrator assigns someone else: one holder, never a 500', async () => {
    const w = await world();
    const [b, c] = w.supporters as [Person, Person, Person];
    for (let round = 0; round < 8; round++) {
      const { caseId, offerId } = await buildOffer(t.ctx.db, t.clock, w.org.id, b.id, { requesterPersonId: w.requester.id });
      const accept = async () => t.app.inject({ method: 'POST', url: `/api/supporter/offers/${offerId}/accept`, headers: await as(b) });
      // The accept starts a little later each round, so it lands before, during and after the assignment.
      const [accepted, assigned] = await Promise.all([sleep(round * 3).then(accept), assign(w.admin, caseId, { supporterId: c.id })]);
      expect([200, 409], accepted.body).toContain(accepted.statusCode);
      expect([200, 409], assigned.body).toContain(assigned.statusCode);
      const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
      const offer = await t.ctx.db.selectFrom('case_offers').select('status').where('id', '=', offerId).executeTakeFirstOrThrow();
      expect(row.state).toBe('assigned');
      if (assigned.statusCode === 200) {
        // The assignment won, or came after the accept and reassigned: Carlo holds it.
        expect(row.assigned_supporter_id).toBe(c.id);
        if (offer.status !== 'accepted') expect([accepted.statusCode, offer.status]).toEqual([409, 'withdrawn']);
      } else {
        // Only an "it changed in the meantime" refusal: the accept won and Bianca holds it.
        expect([accepted.statusCode, offer.status, row.assigned_supporter_id]).toEqual([200, 'accepted', b.id]);
      }
      await t.ctx.db
        .updateTable('cases')
        .set({ state: 'closed', outcome: 'supported', closed_at: t.clock.now().toISOString() })
        .where('id', '=', caseId)
        .execute();
    }
  });

  it('shows the audit log to the director only, newest first, with names while people exist, and filters', async () => {
    const w = await world();
    const id = await caseFor(w);
    const other = await caseFor(w);
    await t.app.inject({ url: `/api/cases/${id}/contact`, headers: await as(w.admin), remoteAddress: '10.9.8.7' });
    t.clock.advanceMinutes(1);
    await assign(w.admin, id, { supporterId: w.supporters[0]!.id });
    t.clock.advanceMinutes(1);
    await t.app.inject({ url: `/api/cases/${other}/contact`, headers: await as(w.director) });
    const erased = newId();
    await appendAuditEvent(t.ctx.db, {
      organizationId: w.org.id,
      actorPersonId: erased,
      action: 'person.updated',
      subjectType: 'person',
      subjectId: w.requester.id,
      at: t.clock.now().toISOString(),
      ip: '10.0.0.1',
    });

    const audit = async (query: string) => {
      const response = await t.app.inject({ url: `/api/audit${query}`, headers: await as(w.director) });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().entries as {
        at: string;
        action: string;
        source: string;
        caseId: string | null;
        ip: string | null;
        actor: { id: string; name: string | null } | null;
      }[];
    };
    const all = await audit('');
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    expect(all[0]).toMatchObject({ source: 'event', action: 'person.updated', actor: { id: erased, name: null }, ip: '10.0.0.1' });
    expect(all).toContainEqual(
      expect.objectContaining({
        source: 'case',
        action: 'case.contact_viewed',
        caseId: id,
        ip: '10.9.8.7',
        actor: { id: w.admin.id, name: 'Ada Admin' },
      }),
    );
    expect(all).toContainEqual(
      expect.objectContaining({ action: 'case.assigned_manually', caseId: id, actor: { id: w.admin.id, name: 'Ada Admin' } }),
    );

    expect((await audit(`?caseId=${id}`)).every((e) => e.caseId === id)).toBe(true);
    expect((await audit(`?caseId=${id}`)).map((e) => e.action)).toEqual(['case.assigned_manually', 'case.contact_viewed']);
    expect((await audit(`?actorId=${w.director.id}`)).filter((e) => e.source === 'case').map((e) => [e.action, e.caseId])).toEqual([
      ['case.contact_viewed', other],
    ]);
    expect((await audit(`?actorId=${w.director.id}`)).every((e) => e.actor?.id === w.director.id)).toBe(true);
    expect((await audit('?action=case.contact_viewed')).map((e) => e.caseId)).toEqual([other, id]);
    const assignedAt = all.find((e) => e.action === 'case.assigned_manually')!.at;
    expect((await audit(`?from=${encodeURIComponent(assignedAt)}&to=${encodeURIComponent(assignedAt)}`)).map((e) => e.action)).toEqual([
      'case.assigned_manually',
    ]);
    expect(await audit('?limit=1&offset=1')).toEqual([all[1]]);

    // The administrator runs the board but may not read the audit log.
    expect((await t.app.inject({ url: '/api/audit', headers: await as(w.admin) })).statusCode).toBe(404);
    // Another organisation's director sees nothing of this one.
    const otherOrg = await buildOrganization(t.ctx.db, t.clock);
    const otherDirector = await buildPerson(t.ctx.db, t.clock, otherOrg.id, { roles: ['program_director'], password: PASSWORD });
    const foreign = await t.app.inject({ url: '/api/audit', headers: await as(otherDirector) });
    const foreignEntries = foreign.json().entries as { actor: { id: string } | null; caseId: string | null }[];
    // Only their own sign-in: nothing of this organisation.
    expect(foreignEntries.every((e) => e.actor?.id === otherDirector.id && e.caseId === null)).toBe(true);
    expect(foreign.body).not.toContain(id);
  });

  it('answers 404 to leadership viewers, event reporters, supporters and other organisations on every route', async () => {
    const w = await world();
    const id = await caseFor(w);
    const otherOrg = await buildOrganization(t.ctx.db, t.clock);
    const otherDirector = await buildPerson(t.ctx.db, t.clock, otherOrg.id, { roles: ['program_director'], password: PASSWORD });
    const requests = [
      { url: '/api/cases' },
      { url: `/api/cases/${id}/contact` },
      { url: `/api/cases/${id}/suggestions` },
      { method: 'POST' as const, url: `/api/cases/${id}/assign`, payload: { supporterId: w.supporters[0]!.id } },
      { url: '/api/audit' },
    ];
    for (const who of [w.leader, w.reporter, w.supporter]) {
      for (const request of requests) {
        const response = await t.app.inject({ ...request, headers: await as(who) });
        expect(response.statusCode, `${request.url}`).toBe(404);
        expect(response.body).not.toContain(id);
      }
    }
    for (const request of requests.slice(1, 4)) {
      expect((await t.app.inject({ ...request, headers: await as(otherDirector) })).statusCode, request.url).toBe(404);
    }
    expect((await t.app.inject({ url: '/api/cases', headers: await as(otherDirector) })).json().cases).toEqual([]);
    expect((await t.ctx.db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('new');
    expect(await t.ctx.db.selectFrom('case_audit').select('id').where('case_id', '=', id).execute()).toEqual([]);
  });
});
