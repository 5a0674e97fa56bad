/**
 * First-contact clocks beyond a case's first round. A reopened case starts a new
 * clock from the reopen, judged by contact made since then, while the first round's time to first
 * contact stays on record; and the start-up step gives every open case waiting for first contact the
 * clock and breach check it lacks (cases opened before clocks were stored), once, however many
 * instances start together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle } from '../server/db/database.ts';
import {
  buildCase,
  buildDepartment,
  buildOrganization,
  buildPerson,
  buildSupporterProfile,
  type BuiltOrganization,
  type BuiltPerson,
} from '../server/demo/factories.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import { findCase } from '../server/modules/cases/cases.repository.ts';
import { breachDedupeKey, firstContactBreachJob } from '../server/modules/service-levels/first-contact-clock.job.ts';
import { startMissingFirstContactClocks } from '../server/modules/service-levels/first-contact-clock.ts';
import { createTestApp, sessionsFor, TestClock, usingPostgres, type TestApp, openSecondHandle } from './harness.ts';

const PASSWORD = 'a long test password';
const REQUEST = {
  modality: 'phone',
  departmentPreference: 'no_preference',
  urgency: 'this_week',
  reason: 'burnout_or_overload',
  contactMethod: 'work_email',
};
const MINUTE = 60_000;
/** The default promise for a self request this week: 24 hours around the clock. */
const DAY = 24 * 60;

interface World {
  org: BuiltOrganization;
  requester: BuiltPerson;
  supporter: BuiltPerson;
  admin: BuiltPerson;
}

describe(`first-contact clocks per round, and the start-up backfill, on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock(Date.parse('2026-12-07T14:00:00.000Z')) });
  });
  afterAll(async () => t.close());

  async function world(): Promise<World> {
    const org = await buildOrganization(t.ctx.db, t.clock);
    const requester = await buildPerson(t.ctx.db, t.clock, org.id, {
      password: PASSWORD,
      departmentId: await buildDepartment(t.ctx.db, t.clock, org.id),
      professionId: org.professions.physician,
    });
    const supporter = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['peer_supporter', 'staff_member'],
      password: PASSWORD,
      departmentId: await buildDepartment(t.ctx.db, t.clock, org.id),
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, supporter.id, { capacity: 20 });
    const admin = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
    return { org, requester, supporter, admin };
  }

  const post = async (email: string, url: string, payload?: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: await as(email), ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response;
  };
  /** The supporter accepts the case's pending offer. */
  async function accept(w: World) {
    const offers = (await t.app.inject({ url: '/api/supporter/offers', headers: await as(w.supporter.email) })).json().offers as {
      id: string;
    }[];
    expect(offers).toHaveLength(1);
    await post(w.supporter.email, `/api/supporter/offers/${offers[0]!.id}/accept`);
  }
  const reach = (w: World, caseId: string) =>
    post(w.supporter.email, `/api/supporter/cases/${caseId}/contact-attempts`, { channel: 'phone', result: 'reached' });
  const breaches = async (caseId: string) =>
    (
      await t.ctx.db
        .selectFrom('case_audit')
        .select('action')
        .where('case_id', '=', caseId)
        .where('action', '=', 'case.sla_breached')
        .execute()
    ).length;
  const breachJobs = (caseId: string) =>
    t.ctx.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'status', 'run_at'])
      .where('kind', '=', 'first-contact-breach')
      .where('dedupe_key', 'like', `first-contact-breach:${caseId}%`)
      .orderBy('run_at')
      .execute();
  const runJobs = () => runDueJobsOnce(t.ctx, appJobs, { batchSize: 500 });
  /** The case board's view of the case's clock, as the administrator sees it. */
  const boardClock = async (w: World, caseId: string) => {
    const board = (await t.app.inject({ url: '/api/cases', headers: await as(w.admin.email) })).json().cases as {
      id: string;
      serviceLevel: object;
    }[];
    return board.find((c) => c.id === caseId)?.serviceLevel;
  };
  const wait = async (minutes: number) => {
    t.clock.advanceMinutes(minutes);
    await runJobs();
  };

  /** A request reached after `reachedAfter` minutes, then withdrawn: round one is over, with its time to first contact. */
  async function finishedRound(w: World, reachedAfter: number): Promise<string> {
    const caseId = (await post(w.requester.email, '/api/support/requests', REQUEST)).json().id as string;
    await accept(w);
    t.clock.advanceMinutes(reachedAfter);
    await reach(w, caseId);
    await post(w.requester.email, `/api/support/requests/${caseId}/withdraw`);
    return caseId;
  }

  it('a reopened case nobody reaches breaches at the new due time, counted from the reopen, once; round one’s time to first contact stays', async () => {
    const w = await world();
    const caseId = await finishedRound(w, 10);
    const roundOne = (await findCase(t.ctx.db, w.org.id, caseId))!;
    expect(roundOne).toMatchObject({ first_contact_minutes: 10 });

    await wait(3 * DAY);
    const reopenedAt = t.clock.now();
    await post(w.requester.email, `/api/support/requests/${caseId}/reopen`);
    const reopened = (await findCase(t.ctx.db, w.org.id, caseId))!;
    expect(reopened).toMatchObject({
      state: 'offered',
      reopened_at: reopenedAt.toISOString(),
      first_contact_at: roundOne.first_contact_at,
      first_contact_minutes: 10,
      first_contact_business_minutes: roundOne.first_contact_business_minutes,
      first_contact_due_at: new Date(reopenedAt.getTime() + DAY * MINUTE).toISOString(),
    });
    expect((await breachJobs(caseId)).filter((j) => j.status === 'pending').map((j) => j.dedupe_key)).toEqual([
      breachDedupeKey(caseId, reopened.first_contact_due_at!),
    ]);

    // The supporter takes it again but does not reach the requester: round one's contact does not count.
    await accept(w);
    await wait(DAY - 1);
    expect(await breaches(caseId)).toBe(0);
    await wait(1);
    expect(await breaches(caseId)).toBe(1);
    await wait(7 * DAY);
    expect(await breaches(caseId)).toBe(1);
    // The board shows the round's clock: overdue, nobody reached since the reopen.
    expect(await boardClock(w, caseId)).toEqual({ firstContactDueAt: reopened.first_contact_due_at, firstContactAt: null, breached: true });
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({
      first_contact_at: roundOne.first_contact_at,
      first_contact_minutes: 10,
    });
  });

  it('a reopened case reached in time does not breach, and the first round’s pending check never fires in the second', async () => {
    const w = await world();
    // Round one ends before its due time, unreached: its check is still pending when the case reopens.
    const caseId = (await post(w.requester.email, '/api/support/requests', REQUEST)).json().id as string;
    const firstDue = (await findCase(t.ctx.db, w.org.id, caseId))!.first_contact_due_at!;
    t.clock.advanceMinutes(60);
    await post(w.requester.email, `/api/support/requests/${caseId}/withdraw`);
    t.clock.advanceMinutes(60);
    await post(w.requester.email, `/api/support/requests/${caseId}/reopen`);
    const secondDue = (await findCase(t.ctx.db, w.org.id, caseId))!.first_contact_due_at!;
    expect(Date.parse(secondDue) - Date.parse(firstDue)).toBe(120 * MINUTE);

    await accept(w);
    // At round one's due time, nothing: that clock is not the case's any more.
    await wait(DAY - 120);
    expect(await breaches(caseId)).toBe(0);
    // Reached in the new round, before its due time: no breach then or later.
    const reachedAt = t.clock.now().toISOString();
    await reach(w, caseId);
    expect(await boardClock(w, caseId)).toEqual({ firstContactDueAt: secondDue, firstContactAt: reachedAt, breached: false });
    const row = (await findCase(t.ctx.db, w.org.id, caseId))!;
    expect(row).toMatchObject({ state: 'contacted', first_contact_due_at: secondDue });
    // Never reached in round one: this contact is the first ever, and its time counts from the opening.
    expect(row.first_contact_minutes).toBe(DAY);
    await wait(3 * DAY);
    expect(await breaches(caseId)).toBe(0);
  });

  it('the start-up step gives an open case without a clock its due time and breach check, once, and leaves every other case alone', async () => {
    const w = await world();
    const openedAt = t.clock.now();
    // Opened before clocks were stored: no due time and no check.
    const bare = await buildCase(t.ctx.db, t.clock, w.org.id, { state: 'new' });
    // Given a due time by migration 0013, which scheduled nothing.
    const migrated = await buildCase(t.ctx.db, t.clock, w.org.id, { state: 'assigned', assignedSupporterId: w.supporter.id });
    const migratedDue = new Date(openedAt.getTime() + 2 * 60 * MINUTE).toISOString();
    await t.ctx.db
      .updateTable('cases')
      .set({ first_contact_due_at: migratedDue, first_contact_escalation_at: new Date(openedAt.getTime() + 3 * 60 * MINUTE).toISOString() })
      .where('id', '=', migrated)
      .execute();
    // Checked by a job scheduled before jobs carried their due time.
    const legacy = await buildCase(t.ctx.db, t.clock, w.org.id, { state: 'new' });
    await t.ctx.db.updateTable('cases').set({ first_contact_due_at: migratedDue }).where('id', '=', legacy).execute();
    await firstContactBreachJob.enqueue(
      t.ctx.db,
      { organizationId: w.org.id, caseId: legacy },
      { runAt: new Date(migratedDue), dedupeKey: breachDedupeKey(legacy), now: openedAt },
    );
    // Reached already, or finished: no clock runs.
    const reached = await buildCase(t.ctx.db, t.clock, w.org.id, { state: 'contacted', assignedSupporterId: w.supporter.id });
    await t.ctx.db.updateTable('cases').set({ first_contact_at: openedAt.toISOString() }).where('id', '=', reached).execute();
    const closed = await buildCase(t.ctx.db, t.clock, w.org.id, {
      state: 'withdrawn',
      outcome: 'withdrawn',
      closedAt: openedAt.toISOString(),
    });
    // Opened through intake: it has its clock and check already.
    const current = (await post(w.requester.email, '/api/support/requests', REQUEST)).json().id as string;
    const currentJobs = await breachJobs(current);

    t.clock.advanceMinutes(30);
    // Two instances starting together (on PostgreSQL each with its own pool), then a restart.
    const other: DatabaseHandle | null = t.ctx.engine === 'postgres' ? await openSecondHandle(t.ctx) : null;
    try {
      await Promise.all([
        startMissingFirstContactClocks(t.ctx),
        startMissingFirstContactClocks(other ? { ...t.ctx, db: other.db } : t.ctx),
      ]);
    } finally {
      await other?.close();
    }
    await startMissingFirstContactClocks(t.ctx);

    // Counted from the opening on today's targets (24 h for a self request this week).
    const bareDue = new Date(openedAt.getTime() + DAY * MINUTE).toISOString();
    expect(await findCase(t.ctx.db, w.org.id, bare)).toMatchObject({
      first_contact_due_at: bareDue,
      first_contact_escalation_at: expect.any(String),
    });
    expect(await breachJobs(bare)).toEqual([{ dedupe_key: breachDedupeKey(bare, bareDue), status: 'pending', run_at: bareDue }]);
    expect(await findCase(t.ctx.db, w.org.id, migrated)).toMatchObject({ first_contact_due_at: migratedDue });
    expect(await breachJobs(migrated)).toEqual([
      { dedupe_key: breachDedupeKey(migrated, migratedDue), status: 'pending', run_at: migratedDue },
    ]);
    expect(await breachJobs(legacy)).toEqual([{ dedupe_key: breachDedupeKey(legacy), status: 'pending', run_at: migratedDue }]);
    expect(await breachJobs(reached)).toEqual([]);
    expect(await breachJobs(closed)).toEqual([]);
    expect(await findCase(t.ctx.db, w.org.id, reached)).toMatchObject({ first_contact_due_at: null });
    expect(await findCase(t.ctx.db, w.org.id, closed)).toMatchObject({ first_contact_due_at: null });
    expect(await breachJobs(current)).toEqual(currentJobs);

    // Each breaches once, at its due time.
    await wait(2 * 60);
    expect([await breaches(migrated), await breaches(legacy), await breaches(bare)]).toEqual([1, 1, 0]);
    await wait(DAY);
    expect([
      await breaches(migrated),
      await breaches(legacy),
      await breaches(bare),
      await breaches(reached),
      await breaches(closed),
    ]).toEqual([1, 1, 1, 0, 0]);
  });

  it('the start-up step gives a case reopened before rounds had clocks a clock from its reopen', async () => {
    const w = await world();
    const caseId = await buildCase(t.ctx.db, t.clock, w.org.id, { state: 'new' });
    const firstDue = new Date(t.clock.now().getTime() + DAY * MINUTE).toISOString();
    t.clock.advanceMinutes(3 * DAY);
    const reopenedAt = t.clock.now().toISOString();
    // Reached in round one; reopened with round one's clock still on the case.
    await t.ctx.db
      .updateTable('cases')
      .set({ first_contact_at: firstDue, first_contact_due_at: firstDue, reopened_at: reopenedAt })
      .where('id', '=', caseId)
      .execute();
    await startMissingFirstContactClocks(t.ctx);
    const due = new Date(Date.parse(reopenedAt) + DAY * MINUTE).toISOString();
    expect(await findCase(t.ctx.db, w.org.id, caseId)).toMatchObject({ first_contact_at: firstDue, first_contact_due_at: due });
    expect((await breachJobs(caseId)).map((j) => j.dedupe_key)).toEqual([breachDedupeKey(caseId, due)]);
    await wait(DAY);
    expect(await breaches(caseId)).toBe(1);
  });
});
