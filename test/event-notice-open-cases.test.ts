/**
 * An event notice about someone who already has an open case: the notice is
 * attached to that case, and it also changes it. An urgent notice makes a `this_week` case urgent,
 * gives a pending offer that stays an urgent offer's answer window, moves its first-contact clock
 * earlier and starts the urgent path when nobody holds it; a pending offer held by someone involved in
 * the event (or by its reporter) is withdrawn and matching goes on without everyone in any of the
 * case's events, also when its supporter accepts at that very moment; a supporter who already holds
 * the case is not moved silently, the administrators are alerted. The reporter's receipt never changes.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../server/db/values.ts';
import {
  buildCase,
  buildDepartment,
  buildOffer,
  buildOrganization,
  buildPerson,
  buildSupporterProfile,
  type BuiltOrganization,
  type BuiltPerson,
} from '../server/demo/factories.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import { findCase } from '../server/modules/cases/cases.repository.ts';
import { ensureTriggers } from '../server/modules/event-notices/event-triggers.service.ts';
import type { Role } from '../shared/permissions.ts';
import { createTestApp, sessionsFor, TestClock, usingPostgres, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';
const REQUEST = {
  modality: 'phone',
  departmentPreference: 'no_preference',
  urgency: 'this_week',
  reason: 'burnout_or_overload',
  contactMethod: 'work_email',
};
const MINUTE = 60_000;

interface World {
  org: BuiltOrganization;
  departmentId: string;
  triggerId: string;
  /** Files notices; also a peer supporter, so matching must skip them. */
  reporter: BuiltPerson;
  supporters: BuiltPerson[];
  admins: BuiltPerson[];
  director: BuiltPerson;
}

describe(`a notice about someone with an open case on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock(Date.parse('2026-12-02T15:00:00.000Z')) });
  });
  afterAll(async () => t.close());

  async function supporter(orgId: string, roles: Role[] = ['peer_supporter', 'staff_member']): Promise<BuiltPerson> {
    const person = await buildPerson(t.ctx.db, t.clock, orgId, {
      roles,
      password: PASSWORD,
      departmentId: await buildDepartment(t.ctx.db, t.clock, orgId),
    });
    await buildSupporterProfile(t.ctx.db, t.clock, orgId, person.id, { capacity: 20 });
    return person;
  }

  async function world(supporterCount = 3): Promise<World> {
    const org = await buildOrganization(t.ctx.db, t.clock);
    const departmentId = await buildDepartment(t.ctx.db, t.clock, org.id);
    const reporter = await supporter(org.id, ['peer_supporter', 'event_reporter']);
    const supporters: BuiltPerson[] = [];
    for (let i = 0; i < supporterCount; i++) supporters.push(await supporter(org.id));
    const admins = [
      await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD }),
      await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD }),
    ];
    const director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    const triggerId = (await ensureTriggers(t.ctx.db, org.id, t.clock.now()))[0]!.id;
    return { org, departmentId, triggerId, reporter, supporters, admins, director };
  }

  const person = (w: World) =>
    buildPerson(t.ctx.db, t.clock, w.org.id, { password: PASSWORD, departmentId: w.departmentId, professionId: w.org.professions.nurse });

  async function file(w: World, involved: BuiltPerson[], urgent: boolean) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/event-notices',
      headers: await as(w.reporter.email),
      payload: {
        occurredAt: new Date(t.clock.now().getTime() - 60 * MINUTE).toISOString(),
        triggerId: w.triggerId,
        departmentId: w.departmentId,
        urgent,
        involved: involved.map((p) => ({ personId: p.id })),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as unknown;
  }

  /** An earlier notice already attached to the case, naming `involved` (as filing it would have left it). */
  async function attachEarlierNotice(w: World, caseId: string, involved: BuiltPerson[]) {
    const id = newId();
    const at = t.clock.now().toISOString();
    await t.ctx.db
      .insertInto('event_notices')
      .values({
        id,
        organization_id: w.org.id,
        trigger_id: w.triggerId,
        department_id: w.departmentId,
        occurred_at: at,
        urgent: false,
        filed_by_person_id: null,
        filed_by_token_id: null,
        filed_at: at,
        involved_count: 0,
      })
      .execute();
    await t.ctx.db
      .insertInto('event_notice_people')
      .values(involved.map((p) => ({ notice_id: id, person_id: p.id, organization_id: w.org.id })))
      .execute();
    await t.ctx.db
      .insertInto('case_event_notices')
      .values({ case_id: caseId, notice_id: id, organization_id: w.org.id, attached_at: at })
      .execute();
  }

  const caseAudit = async (caseId: string) =>
    (await t.ctx.db.selectFrom('case_audit').select('action').where('case_id', '=', caseId).orderBy('at').orderBy('action').execute()).map(
      (r) => r.action,
    );
  const offersOf = (caseId: string) =>
    t.ctx.db.selectFrom('case_offers').select(['supporter_id', 'status']).where('case_id', '=', caseId).orderBy('offered_at').execute();
  const pagesOf = (caseId: string) => t.ctx.db.selectFrom('pages').select(['step', 'person_id']).where('case_id', '=', caseId).execute();
  const breachJobs = (caseId: string) =>
    t.ctx.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'status', 'run_at', 'last_error'])
      .where('kind', '=', 'first-contact-breach')
      .where('dedupe_key', 'like', `first-contact-breach:${caseId}%`)
      .orderBy('run_at')
      .execute();
  const mailsTo = (w: World, template: string, since: Date) =>
    t.ctx.db
      .selectFrom('email_outbox')
      .select('to_address')
      .where('organization_id', '=', w.org.id)
      .where('template', '=', template)
      .where('created_at', '>=', since.toISOString())
      .execute();
  const runJobs = () => runDueJobsOnce(t.ctx, appJobs, { batchSize: 500 });
  const offerRows = (caseId: string) =>
    t.ctx.db.selectFrom('case_offers').selectAll().where('case_id', '=', caseId).orderBy('offered_at').orderBy('id').execute();
  const expiryJobs = (offerId: string) =>
    t.ctx.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'status', 'run_at', 'attempts', 'last_error'])
      .where('kind', '=', 'offer-expiry')
      .where('dedupe_key', 'like', `offer-expiry:${offerId}%`)
      .orderBy('created_at')
      .orderBy('dedupe_key')
      .execute();

  /** A request through the API in which the requester chooses `chosen` from the supporter directory: the real first offer, with its expiry job. */
  async function requestChoosing(w: World, requester: BuiltPerson, chosen: BuiltPerson, urgency = 'this_week'): Promise<string> {
    await t.ctx.db.updateTable('organizations').set({ supporter_directory_enabled: true }).where('id', '=', w.org.id).execute();
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/support/requests',
      headers: await as(requester.email),
      payload: { ...REQUEST, urgency, supporterId: chosen.id },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const caseId = asked.json().id as string;
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({ state: 'offered', offered_supporter_id: chosen.id, urgency });
    return caseId;
  }

  /** Puts `who` on call for the next day. */
  async function onCall(w: World, who: BuiltPerson) {
    const now = t.clock.now().getTime();
    await t.ctx.db
      .insertInto('on_call_shifts')
      .values({
        id: newId(),
        organization_id: w.org.id,
        person_id: who.id,
        kind: 'override',
        starts_at: new Date(now - 60 * MINUTE).toISOString(),
        ends_at: new Date(now + 24 * 60 * MINUTE).toISOString(),
        created_by: null,
        created_at: new Date(now).toISOString(),
      })
      .execute();
  }

  it('an urgent notice makes a this-week case urgent, moves its clock earlier, pages the on-call supporter, and the old breach check is retired', async () => {
    const w = await world(2);
    await onCall(w, w.supporters[1]!);
    const requester = await person(w);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/support/requests',
      headers: await as(requester.email),
      payload: REQUEST,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const caseId = asked.json().id as string;
    const before = (await findCase(t.ctx.db, w.org.id, caseId))!;
    expect(before).toMatchObject({ urgency: 'this_week', state: 'offered' });
    const oldDue = before.first_contact_due_at!;
    expect(Date.parse(oldDue) - t.clock.now().getTime()).toBe(24 * 60 * MINUTE);

    t.clock.advanceMinutes(10);
    const filedAt = t.clock.now();
    // The receipt is the receipt, whatever happened to the open case.
    expect(await file(w, [requester], true)).toEqual({ received: true, offeredCount: 1 });

    const after = (await findCase(t.ctx.db, w.org.id, caseId))!;
    // Urgent now: the 30-minute promise, counted from the notice.
    expect(after.urgency).toBe('today');
    expect(after.first_contact_due_at).toBe(new Date(filedAt.getTime() + 30 * MINUTE).toISOString());
    expect(await caseAudit(caseId)).toEqual(expect.arrayContaining(['case.event_notice_attached', 'case.urgency_raised', 'case.paged']));
    // One check for the new due time; the old one is retired, never to run.
    const jobs = await breachJobs(caseId);
    expect(jobs).toEqual([
      expect.objectContaining({ dedupe_key: `first-contact-breach:${caseId}:${after.first_contact_due_at}`, status: 'pending' }),
      expect.objectContaining({ status: 'done', last_error: 'superseded' }),
    ]);
    // Nobody holds the case yet: the on-call supporter is paged (not the supporter it is offered to).
    expect(await pagesOf(caseId)).toEqual([{ step: 0, person_id: w.supporters[1]!.id }]);

    // The breach comes at the new due time, once; the old due time brings nothing more.
    t.clock.advanceMinutes(29);
    await runJobs();
    expect((await caseAudit(caseId)).filter((a) => a.startsWith('case.sla_'))).toEqual([]);
    t.clock.advanceMinutes(1);
    await runJobs();
    expect((await caseAudit(caseId)).filter((a) => a === 'case.sla_breached')).toHaveLength(1);
    t.clock.advanceMinutes(24 * 60);
    await runJobs();
    expect((await caseAudit(caseId)).filter((a) => a === 'case.sla_breached')).toHaveLength(1);
    // The reporter heard nothing of any of it (if matching had offered them the request before, that
    // offer was withdrawn: they filed a notice about its requester).
    expect(
      await t.ctx.db
        .selectFrom('email_outbox')
        .select('id')
        .where('to_address', '=', w.reporter.email)
        .where('created_at', '>=', filedAt.toISOString())
        .execute(),
    ).toEqual([]);
    expect((await offersOf(caseId)).filter((o) => o.supporter_id === w.reporter.id && o.status !== 'withdrawn')).toEqual([]);
  });

  it('keeps the clock when it already runs out sooner or first contact was made, and pages nobody once a supporter holds the case', async () => {
    const w = await world(2);
    await onCall(w, w.supporters[1]!);
    // Assigned, not reached yet: urgent and hastened, but its supporter is already on it (no page).
    const assignedTo = await person(w);
    const assigned = await buildCase(t.ctx.db, t.clock, w.org.id, {
      state: 'assigned',
      requesterPersonId: assignedTo.id,
      assignedSupporterId: w.supporters[0]!.id,
    });
    await t.ctx.db
      .updateTable('cases')
      .set({ first_contact_due_at: new Date(t.clock.now().getTime() + 20 * 60 * MINUTE).toISOString() })
      .where('id', '=', assigned)
      .execute();
    // Reached already: urgent from now on, but the clock has stopped.
    const reachedPerson = await person(w);
    const reached = await buildCase(t.ctx.db, t.clock, w.org.id, {
      state: 'contacted',
      requesterPersonId: reachedPerson.id,
      assignedSupporterId: w.supporters[0]!.id,
    });
    const contactAt = t.clock.now().toISOString();
    await t.ctx.db
      .updateTable('cases')
      .set({ first_contact_at: contactAt, first_contact_due_at: new Date(t.clock.now().getTime() + 60 * MINUTE).toISOString() })
      .where('id', '=', reached)
      .execute();
    // Due in ten minutes: sooner than the urgent promise, so it stays.
    const soonPerson = await person(w);
    const soon = await buildCase(t.ctx.db, t.clock, w.org.id, { state: 'new', requesterPersonId: soonPerson.id });
    const soonDue = new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString();
    await t.ctx.db.updateTable('cases').set({ first_contact_due_at: soonDue }).where('id', '=', soon).execute();
    // A notice that is not urgent changes no urgency.
    const calmPerson = await person(w);
    const calm = await buildCase(t.ctx.db, t.clock, w.org.id, { state: 'new', requesterPersonId: calmPerson.id });

    expect(await file(w, [calmPerson], false)).toEqual({ received: true, offeredCount: 1 });
    expect(await findCase(t.ctx.db, w.org.id, calm)).toMatchObject({ urgency: 'this_week', first_contact_due_at: null });
    expect(await caseAudit(calm)).toEqual(['case.event_notice_attached']);

    const now = t.clock.now().getTime();
    expect(await file(w, [assignedTo, reachedPerson, soonPerson], true)).toEqual({ received: true, offeredCount: 3 });
    expect(await findCase(t.ctx.db, w.org.id, assigned)).toMatchObject({
      urgency: 'today',
      first_contact_due_at: new Date(now + 30 * MINUTE).toISOString(),
    });
    expect(await findCase(t.ctx.db, w.org.id, reached)).toMatchObject({
      urgency: 'today',
      first_contact_at: contactAt,
      first_contact_due_at: new Date(now + 60 * MINUTE).toISOString(),
    });
    expect(await findCase(t.ctx.db, w.org.id, soon)).toMatchObject({ urgency: 'today', first_contact_due_at: soonDue });
    expect(await breachJobs(reached)).toEqual([]);
    expect(await breachJobs(soon)).toEqual([]);
    // Only the case nobody holds is paged about, once.
    expect(await pagesOf(assigned)).toEqual([]);
    expect(await pagesOf(reached)).toEqual([]);
    expect(await pagesOf(soon)).toEqual([{ step: 0, person_id: w.supporters[1]!.id }]);
    for (const id of [assigned, reached, soon]) expect(await caseAudit(id)).toContain('case.urgency_raised');
  });

  it('withdraws a pending offer held by someone named in the notice and offers the case again, skipping everyone in any of its events', async () => {
    const w = await world(3);
    const [s0, s1, s2] = w.supporters as [BuiltPerson, BuiltPerson, BuiltPerson];
    const requester = await person(w);
    const { caseId } = await buildOffer(t.ctx.db, t.clock, w.org.id, s0.id, { requesterPersonId: requester.id });
    // An earlier event about the same person named s1: still excluded now.
    await attachEarlierNotice(w, caseId, [requester, s1]);

    expect(await file(w, [requester, s0], false)).toEqual({ received: true, offeredCount: 2 });
    // s0's offer withdrawn; s1 (earlier event) and the reporter skipped; s2 gets it.
    expect(await offersOf(caseId)).toEqual([
      { supporter_id: s0.id, status: 'withdrawn' },
      { supporter_id: s2.id, status: 'pending' },
    ]);
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({
      state: 'offered',
      offered_supporter_id: s2.id,
      assigned_supporter_id: null,
      urgency: 'this_week',
    });
    expect(await caseAudit(caseId)).toEqual(expect.arrayContaining(['case.event_notice_attached', 'case.offer_withdrawn', 'case.offered']));
    // s0 no longer sees it among their offers; s2 does.
    expect((await t.app.inject({ url: '/api/supporter/offers', headers: await as(s0.email) })).json().offers).toEqual([]);
    expect((await t.app.inject({ url: '/api/supporter/offers', headers: await as(s2.email) })).json().offers).toHaveLength(1);
    // The withdrawn offer's expiry changes nothing later.
    t.clock.advanceMinutes(5 * 60);
    await runJobs();
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({ state: 'new', offered_supporter_id: null });
    expect((await offersOf(caseId)).map((o) => `${o.supporter_id === s0.id ? 's0' : 's2'}:${o.status}`)).toEqual([
      's0:withdrawn',
      's2:expired',
    ]);
  });

  it('withdraws an offer held by the notice’s reporter; with nobody left the case waits and the administrators are alerted', async () => {
    const w = await world(1);
    const [s0] = w.supporters as [BuiltPerson];
    const requester = await person(w);
    const { caseId } = await buildOffer(t.ctx.db, t.clock, w.org.id, w.reporter.id, { requesterPersonId: requester.id });
    const since = t.clock.now();
    // The only other supporter is named in the event too: nobody is left.
    expect(await file(w, [requester, s0], false)).toEqual({ received: true, offeredCount: 2 });
    expect(await offersOf(caseId)).toEqual([{ supporter_id: w.reporter.id, status: 'withdrawn' }]);
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({ state: 'new', offered_supporter_id: null });
    expect(await caseAudit(caseId)).toEqual(expect.arrayContaining(['case.offer_withdrawn', 'case.no_supporter_available']));
    const told = (await mailsTo(w, 'attention_needed', since)).map((m) => m.to_address);
    for (const admin of [...w.admins, w.director]) expect(told).toContain(admin.email);
    expect(told).not.toContain(w.reporter.email);
  });

  it('alerts the administrators instead of moving a case its supporter already holds when that supporter is in the event', async () => {
    const w = await world(2);
    const [s0] = w.supporters as [BuiltPerson];
    const requester = await person(w);
    const caseId = await buildCase(t.ctx.db, t.clock, w.org.id, {
      state: 'contacted',
      requesterPersonId: requester.id,
      assignedSupporterId: s0.id,
    });
    // A notice that names someone else entirely leaves the case alone.
    const bystander = await person(w);
    const other = await buildCase(t.ctx.db, t.clock, w.org.id, {
      state: 'active',
      requesterPersonId: bystander.id,
      assignedSupporterId: w.supporters[1]!.id,
    });
    const since = t.clock.now();

    expect(await file(w, [requester, s0, bystander], false)).toEqual({ received: true, offeredCount: 3 });
    // Nothing moves by itself: same state, same supporter, no new offer.
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({
      state: 'contacted',
      assigned_supporter_id: s0.id,
      offered_supporter_id: null,
    });
    expect(await offersOf(caseId)).toEqual([]);
    expect(await caseAudit(caseId)).toEqual(['case.event_notice_attached', 'case.supporter_involved_in_event']);
    expect(await caseAudit(other)).toEqual(['case.event_notice_attached']);
    // Administrators and director hear, content-free, so a person reassigns from the board.
    const told = await mailsTo(w, 'attention_needed', since);
    expect(told.map((m) => m.to_address).sort()).toEqual([...w.admins, w.director].map((p) => p.email).sort());
    // s0's own new outreach case never goes to s0, and the reporter still hears nothing.
    const s0Case = await t.ctx.db
      .selectFrom('cases')
      .select(['offered_supporter_id'])
      .where('requester_person_id', '=', s0.id)
      .executeTakeFirstOrThrow();
    expect(s0Case.offered_supporter_id).not.toBe(s0.id);
    expect(await t.ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', w.reporter.email).execute()).toEqual([]);
    // The reporter's own list says "received" and the head count, nothing more.
    const mine = (await t.app.inject({ url: '/api/event-notices/mine', headers: await as(w.reporter.email) })).json();
    expect(JSON.stringify(mine)).not.toContain(s0.id);
    expect(JSON.stringify(mine)).not.toMatch(/contacted|assigned|offered|attention/);
  });

  it('gives a pending offer that stays the urgent answer window when the case becomes urgent; it expires then, once, and the case goes to the next supporter', async () => {
    const w = await world(2);
    const [s0, s1] = w.supporters as [BuiltPerson, BuiltPerson];
    const requester = await person(w);
    const caseId = await requestChoosing(w, requester, s0);
    const [offer] = await offerRows(caseId);
    expect(offer).toMatchObject({
      supporter_id: s0.id,
      status: 'pending',
      expires_at: new Date(t.clock.now().getTime() + 4 * 60 * MINUTE).toISOString(),
    });
    const oldEnd = offer!.expires_at;
    expect(await expiryJobs(offer!.id)).toEqual([
      expect.objectContaining({ dedupe_key: `offer-expiry:${offer!.id}`, status: 'pending', run_at: oldEnd }),
    ]);

    t.clock.advanceMinutes(10);
    const filedAt = t.clock.now().getTime();
    // s0 is not named: the offer stays, with 30 minutes from the notice to answer.
    expect(await file(w, [requester], true)).toEqual({ received: true, offeredCount: 1 });
    const newEnd = new Date(filedAt + 30 * MINUTE).toISOString();
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({ urgency: 'today', state: 'offered', offered_supporter_id: s0.id });
    expect(await offerRows(caseId)).toEqual([expect.objectContaining({ id: offer!.id, status: 'pending', expires_at: newEnd })]);
    expect(Date.parse(newEnd)).toBeLessThanOrEqual(filedAt + 30 * MINUTE);
    // One expiry job for the new end; the old one is retired, never to run.
    expect(await expiryJobs(offer!.id)).toEqual([
      { dedupe_key: `offer-expiry:${offer!.id}`, status: 'done', run_at: oldEnd, attempts: 0, last_error: 'superseded' },
      { dedupe_key: `offer-expiry:${offer!.id}:${newEnd}`, status: 'pending', run_at: newEnd, attempts: 0, last_error: null },
    ]);
    // The supporter sees the shorter window too.
    expect((await t.app.inject({ url: '/api/supporter/offers', headers: await as(s0.email) })).json().offers).toEqual([
      expect.objectContaining({ id: offer!.id, expiresAt: newEnd }),
    ]);

    t.clock.advanceMinutes(29);
    await runJobs();
    expect((await offerRows(caseId))[0]).toMatchObject({ status: 'pending' });
    t.clock.advanceMinutes(1);
    await runJobs();
    const offers = await offerRows(caseId);
    expect(offers.map((o) => [o.supporter_id, o.status])).toEqual([
      [s0.id, 'expired'],
      [s1.id, 'pending'],
    ]);
    // The next offer is an urgent one from the start.
    expect(offers[1]!.expires_at).toBe(new Date(t.clock.now().getTime() + 30 * MINUTE).toISOString());
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({ state: 'offered', offered_supporter_id: s1.id });
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/supporter/offers/${offers[1]!.id}/accept`,
      headers: await as(s1.email),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    // Past the old 4-hour end nothing more happens: the offer expired once, by the new job.
    t.clock.advanceMinutes(5 * 60);
    await runJobs();
    expect((await caseAudit(caseId)).filter((a) => a === 'case.offer_expired')).toHaveLength(1);
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({ state: 'assigned', assigned_supporter_id: s1.id });
    expect((await expiryJobs(offer!.id)).map((j) => [j.status, j.attempts, j.last_error])).toEqual([
      ['done', 0, 'superseded'],
      ['done', 1, null],
    ]);
  });

  it('never lengthens an offer window: not for a case that was urgent already, nor for an offer that ends sooner than the urgent window', async () => {
    const w = await world(2);
    const [s0, s1] = w.supporters as [BuiltPerson, BuiltPerson];
    const urgentPerson = await person(w);
    const urgentCase = await requestChoosing(w, urgentPerson, s0, 'today');
    const laterPerson = await person(w);
    const laterCase = await requestChoosing(w, laterPerson, s1);
    const [urgentOffer] = await offerRows(urgentCase);
    const [laterOffer] = await offerRows(laterCase);
    expect(urgentOffer!.expires_at).toBe(new Date(t.clock.now().getTime() + 30 * MINUTE).toISOString());

    // Ten minutes before the this-week offer's 4 hours end; the urgent one has ended (not yet run).
    t.clock.advanceMinutes(4 * 60 - 10);
    expect(await file(w, [urgentPerson, laterPerson], true)).toEqual({ received: true, offeredCount: 2 });
    expect(await findCase(t.ctx.db, w.org.id, laterCase)).toMatchObject({
      urgency: 'today',
      state: 'offered',
      offered_supporter_id: s1.id,
    });
    for (const offer of [urgentOffer!, laterOffer!]) {
      expect(await offerRows(offer.case_id)).toEqual([
        expect.objectContaining({ id: offer.id, status: 'pending', expires_at: offer.expires_at }),
      ]);
      expect(await expiryJobs(offer.id)).toEqual([
        expect.objectContaining({ dedupe_key: `offer-expiry:${offer.id}`, status: 'pending', run_at: offer.expires_at }),
      ]);
    }
  });

  it('a supporter accepting an offer at the moment a notice naming them withdraws it: one of the two wins whole, never both, never a 500', async () => {
    const w = await world(2);
    const [s0, s1] = w.supporters as [BuiltPerson, BuiltPerson];
    const supporterHeaders = await as(s0.email);
    const reporterHeaders = await as(w.reporter.email);
    const ROUNDS = 12;
    for (let round = 0; round < ROUNDS; round++) {
      t.clock.advanceMinutes(1);
      const since = t.clock.now();
      const requester = await person(w);
      const caseId = await requestChoosing(w, requester, s0);
      const [offer] = await offerRows(caseId);
      const accept = () => t.app.inject({ method: 'POST', url: `/api/supporter/offers/${offer!.id}/accept`, headers: supporterHeaders });
      // Every other round the notice is urgent too (it then also raises the case's urgency first).
      const urgent = round % 2 === 1;
      const notice = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/event-notices',
          headers: reporterHeaders,
          payload: {
            occurredAt: new Date(t.clock.now().getTime() - 60 * MINUTE).toISOString(),
            triggerId: w.triggerId,
            departmentId: w.departmentId,
            urgent,
            involved: [{ personId: requester.id }, { personId: s0.id }],
          },
        });
      // The accept starts 0, 5, 10… ms after the notice: filing takes some 20–100 ms here, so the
      // accept lands before, inside and after the notice's transaction (which wins varies by run).
      const [accepted, filed] = await Promise.all([sleep(round * 5).then(accept), notice()]);
      expect(filed.statusCode, filed.body).toBe(201);
      expect([200, 409], accepted.body).toContain(accepted.statusCode);

      const row = (await findCase(t.ctx.db, w.org.id, caseId))!;
      const offers = await offerRows(caseId);
      const audit = await caseAudit(caseId);
      // Never two holders: at most one offer of the case is pending or accepted, and only one person holds it.
      expect(offers.filter((o) => o.status === 'pending' || o.status === 'accepted').length).toBeLessThanOrEqual(1);
      if (accepted.statusCode === 200) {
        expect(offers.map((o) => [o.supporter_id, o.status])).toEqual([[s0.id, 'accepted']]);
        expect(row).toMatchObject({ state: 'assigned', assigned_supporter_id: s0.id, offered_supporter_id: null });
        // The notice found the case already theirs: the administrators are told, nothing moves by itself.
        expect(audit).toEqual(expect.arrayContaining(['case.offer_accepted', 'case.supporter_involved_in_event']));
        expect(audit).not.toContain('case.offer_withdrawn');
        const told = (await mailsTo(w, 'attention_needed', since)).map((m) => m.to_address);
        for (const admin of [...w.admins, w.director]) expect(told).toContain(admin.email);
      } else {
        expect(accepted.json()).toMatchObject({ error: { code: 'conflict' } });
        expect(offers.map((o) => [o.supporter_id, o.status])).toEqual([
          [s0.id, 'withdrawn'],
          [s1.id, 'pending'],
        ]);
        expect(row).toMatchObject({ state: 'offered', offered_supporter_id: s1.id, assigned_supporter_id: null });
        expect(audit).toEqual(expect.arrayContaining(['case.offer_withdrawn', 'case.offered']));
        expect(audit).not.toContain('case.offer_accepted');
        expect(audit).not.toContain('case.supporter_involved_in_event');
      }
      if (urgent) expect(row.urgency).toBe('today');
    }
  });
});
