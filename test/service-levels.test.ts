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
import type { AppContext } from '../server/lib/context.ts';
import { findCase } from '../server/modules/cases/cases.repository.ts';
import { scheduleFirstContactClock } from '../server/modules/service-levels/first-contact-clock.ts';
import { seedDemoServiceLevels } from '../server/demo/demo-service-levels.ts';
import { createTestApp, sessionsFor, TestClock, usingPostgres, type TestApp, openSecondHandle } from './harness.ts';

/**
 * Service-level clocks: due times on the program's business-hours calendar, stored
 * on the case when it is opened; a breach tells the administrators, a breach still open later the
 * director; each exactly once, also with two instances running jobs on one database.
 */

const PASSWORD = 'a long test password';
const REQUEST = {
  modality: 'phone',
  departmentPreference: 'no_preference',
  urgency: 'this_week',
  reason: 'burnout_or_overload',
  contactMethod: 'work_email',
};
/** Friday 27 November 2026, 18:30 in New York (after closing). */
const FRIDAY_EVENING = Date.parse('2026-11-27T23:30:00.000Z');

interface World {
  org: BuiltOrganization;
  requester: BuiltPerson;
  supporter: BuiltPerson;
  admins: BuiltPerson[];
  director: BuiltPerson;
}

describe(`service-level clocks on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock(FRIDAY_EVENING) });
  });
  afterAll(async () => t.close());

  async function world(): Promise<World> {
    const org = await buildOrganization(t.ctx.db, t.clock, { timeZone: 'America/New_York' });
    const dept = await buildDepartment(t.ctx.db, t.clock, org.id);
    const requester = await buildPerson(t.ctx.db, t.clock, org.id, {
      departmentId: dept,
      professionId: org.professions.physician,
      password: PASSWORD,
    });
    const supporter = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['peer_supporter', 'staff_member'],
      departmentId: await buildDepartment(t.ctx.db, t.clock, org.id),
      password: PASSWORD,
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, supporter.id, { capacity: 20 });
    const admins = [
      await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD }),
      await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'] }),
    ];
    // A former administrator: no longer active, told nothing.
    await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], active: false, email: `gone-${org.slug}@test.peerline.test` });
    const director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    return { org, requester, supporter, admins, director };
  }

  const put = async (w: World, body: object) =>
    t.app.inject({ method: 'PUT', url: '/api/settings/service-levels', headers: await as(w.director.email), payload: body });

  const CALENDAR = { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00', holidays: ['2026-11-30'] };

  /** A self request through the real intake; the supporter accepts at once (no offer cascade alerts). */
  async function ask(w: World, urgency = 'this_week'): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/support/requests',
      headers: await as(w.requester.email),
      payload: { ...REQUEST, urgency },
    });
    expect(response.statusCode, response.body).toBe(201);
    const offers = (await t.app.inject({ url: '/api/supporter/offers', headers: await as(w.supporter.email) })).json().offers as {
      id: string;
    }[];
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/supporter/offers/${offers[0]!.id}/accept`,
      headers: await as(w.supporter.email),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return response.json().id as string;
  }

  const reach = async (w: World, caseId: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/supporter/cases/${caseId}/contact-attempts`,
      headers: await as(w.supporter.email),
      payload: { channel: 'phone', result: 'reached' },
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
  };

  const slaAudit = async (caseId: string) =>
    (
      await t.ctx.db
        .selectFrom('case_audit')
        .select('action')
        .where('case_id', '=', caseId)
        .where('action', 'like', 'case.sla_%')
        .orderBy('at')
        .execute()
    ).map((r) => r.action);

  /** Addresses told "something needs your attention" since `since`. */
  const alerted = async (w: World, since: Date) =>
    (
      await t.ctx.db
        .selectFrom('email_outbox')
        .select('to_address')
        .where('organization_id', '=', w.org.id)
        .where('template', '=', 'attention_needed')
        .where('created_at', '>=', since.toISOString())
        .execute()
    )
      .map((r) => r.to_address)
      .sort();

  /** Tests share one clock that only moves forward (they run in order). */
  function moveTo(iso: string) {
    const minutes = (Date.parse(iso) - t.clock.now().getTime()) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(0);
    t.clock.advanceMinutes(minutes);
  }

  const runJobs = () => runDueJobsOnce(t.ctx, appJobs, { batchSize: 500 });

  it('a request on Friday evening is due on the next open day after the holiday, and the breach escalates to the administrators, then the director, once', async () => {
    const w = await world();
    // One business day of 8 open hours for self requests; Monday 30 November is a holiday.
    const saved = await put(w, {
      calendar: CALENDAR,
      escalationPercent: 50,
      targets: [{ origin: 'self', urgency: 'this_week', basis: 'business', minutes: 480 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const caseId = await ask(w);

    // Friday 18:30 → the clock starts Tuesday 09:00 (Monday is a holiday) and runs out Tuesday 17:00 New York time.
    const row = await findCase(t.ctx.db, w.org.id, caseId);
    expect(row?.first_contact_due_at).toBe('2026-12-01T22:00:00.000Z');
    // Half the target again, in business time: Wednesday 13:00.
    expect(row?.first_contact_escalation_at).toBe('2026-12-02T18:00:00.000Z');
    const board = (await t.app.inject({ url: '/api/cases', headers: await as(w.admins[0]!.email) })).json().cases as {
      id: string;
      serviceLevel: { firstContactDueAt: string; breached: boolean };
    }[];
    expect(board.find((c) => c.id === caseId)?.serviceLevel).toMatchObject({
      firstContactDueAt: '2026-12-01T22:00:00.000Z',
      breached: false,
    });

    // Just before the due time nothing happens.
    moveTo('2026-12-01T21:59:00.000Z');
    await runJobs();
    expect(await slaAudit(caseId)).toEqual([]);

    // At the due time: every active administrator, not the director nor the former administrator.
    t.clock.advanceMinutes(1);
    const breachAt = t.clock.now();
    await runJobs();
    expect(await slaAudit(caseId)).toEqual(['case.sla_breached']);
    expect(await alerted(w, breachAt)).toEqual(w.admins.map((a) => a.email).sort());

    // Still nobody reached at Wednesday 13:00: the director.
    moveTo('2026-12-02T18:00:00.000Z');
    const escalateAt = t.clock.now();
    await runJobs();
    expect(await slaAudit(caseId)).toEqual(['case.sla_breached', 'case.sla_escalated']);
    expect(await alerted(w, escalateAt)).toEqual([w.director.email]);

    // Never again, whatever runs later.
    t.clock.advanceMinutes(7 * 24 * 60);
    await runJobs();
    expect(await slaAudit(caseId)).toEqual(['case.sla_breached', 'case.sla_escalated']);
    const board2 = (await t.app.inject({ url: '/api/cases', headers: await as(w.admins[0]!.email) })).json().cases as {
      id: string;
      serviceLevel: { breached: boolean };
    }[];
    expect(board2.find((c) => c.id === caseId)?.serviceLevel.breached).toBe(true);
  });

  it('nothing escalates when first contact is on time; the time to first contact is stored, plain and in open hours', async () => {
    const w = await world();
    await put(w, { calendar: CALENDAR, escalationPercent: 50, targets: [] });
    // Wednesday 16 December, 16:40 New York: an urgent request (default 30 minutes around the clock).
    moveTo('2026-12-16T21:40:00.000Z');
    const since = t.clock.now();
    const caseId = await ask(w, 'today');
    expect((await findCase(t.ctx.db, w.org.id, caseId))?.first_contact_due_at).toBe('2026-12-16T22:10:00.000Z');
    t.clock.advanceMinutes(25);
    await reach(w, caseId);
    const row = await findCase(t.ctx.db, w.org.id, caseId);
    // 25 minutes in all, of which 20 while the program was open (it closes at 17:00).
    expect(row).toMatchObject({ first_contact_minutes: 25, first_contact_business_minutes: 20 });
    t.clock.advanceMinutes(3 * 60);
    await runJobs();
    expect(await slaAudit(caseId)).toEqual([]);
    expect(await alerted(w, since)).toEqual([]);
  });

  it('a late first contact after the breach stops the director step; a finished case stops the clock', async () => {
    const w = await world();
    const since = t.clock.now();
    const late = await ask(w, 'today');
    const withdrawn = await ask(w, 'today');
    const withdraw = await t.app.inject({
      method: 'POST',
      url: `/api/support/requests/${withdrawn}/withdraw`,
      headers: await as(w.requester.email),
    });
    expect(withdraw.statusCode, withdraw.body).toBeLessThan(300);
    t.clock.advanceMinutes(31);
    await runJobs();
    expect(await slaAudit(late)).toEqual(['case.sla_breached']);
    expect(await slaAudit(withdrawn)).toEqual([]);
    await reach(w, late);
    t.clock.advanceMinutes(60);
    await runJobs();
    expect(await slaAudit(late)).toEqual(['case.sla_breached']);
    // Two administrators told once, for the late case only; the director never.
    expect(await alerted(w, since)).toEqual(w.admins.map((a) => a.email).sort());
  });

  it('keeps the due time a case was opened with when the targets change later', async () => {
    const w = await world();
    const before = await ask(w);
    const due = (await findCase(t.ctx.db, w.org.id, before))?.first_contact_due_at;
    expect(Date.parse(due!) - t.clock.now().getTime()).toBe(24 * 3_600_000);
    await put(w, {
      calendar: CALENDAR,
      escalationPercent: 100,
      targets: [{ origin: 'self', urgency: 'this_week', basis: 'elapsed', minutes: 48 * 60 }],
    });
    const after = await ask(w);
    expect((await findCase(t.ctx.db, w.org.id, before))?.first_contact_due_at).toBe(due);
    expect(Date.parse((await findCase(t.ctx.db, w.org.id, after))!.first_contact_due_at!) - t.clock.now().getTime()).toBe(48 * 3_600_000);
  });

  it('shows the director the calendar and every target with its default; saving is audited', async () => {
    const w = await world();
    const read = await t.app.inject({ url: '/api/settings/service-levels', headers: await as(w.director.email) });
    expect(read.statusCode).toBe(200);
    const body = read.json() as {
      calendar: object;
      escalationPercent: number;
      targets: { origin: string; urgency: string; basis: string; minutes: number; isDefault: boolean }[];
    };
    expect(body.calendar).toEqual({ timeZone: 'America/New_York', days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00', holidays: [] });
    expect(body.escalationPercent).toBe(50);
    expect(body.targets).toHaveLength(8);
    expect(body.targets.find((x) => x.origin === 'event_outreach' && x.urgency === 'this_week')).toEqual({
      origin: 'event_outreach',
      urgency: 'this_week',
      basis: 'elapsed',
      minutes: 1440,
      isDefault: true,
    });
    expect(body.targets.find((x) => x.origin === 'colleague_referral' && x.urgency === 'this_week')).toEqual({
      origin: 'colleague_referral',
      urgency: 'this_week',
      basis: 'business',
      minutes: 3 * 540,
      isDefault: true,
    });
    expect(body.targets.filter((x) => x.urgency === 'today').every((x) => x.basis === 'elapsed' && x.minutes === 30)).toBe(true);

    const saved = await put(w, {
      calendar: { ...CALENDAR, days: [5, 1, 2], holidays: ['2026-12-25', '2026-12-24'] },
      escalationPercent: 25,
      targets: [{ origin: 'event_outreach', urgency: 'today', basis: 'elapsed', minutes: 15 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().calendar).toMatchObject({ days: [1, 2, 5], holidays: ['2026-12-24', '2026-12-25'] });
    expect(
      saved.json().targets.find((x: { origin: string; urgency: string }) => x.origin === 'event_outreach' && x.urgency === 'today'),
    ).toMatchObject({ minutes: 15, isDefault: false });
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_person_id'])
      .where('organization_id', '=', w.org.id)
      .where('action', 'like', 'settings.%')
      .execute();
    expect(audit).toEqual([{ action: 'settings.service_levels_updated', actor_person_id: w.director.id }]);
    // Administrators run the board but do not set the program's promises.
    expect((await t.app.inject({ url: '/api/settings/service-levels', headers: await as(w.admins[0]!.email) })).statusCode).toBe(404);
  });

  it('seeds the demo calendar with the year-end holidays and the default targets', async () => {
    const w = await world();
    await t.ctx.db.transaction().execute((trx) => seedDemoServiceLevels(trx, w.org.id, new Date('2026-11-26T00:00:00.000Z')));
    const read = (await t.app.inject({ url: '/api/settings/service-levels', headers: await as(w.director.email) })).json();
    expect(read.calendar.holidays).toEqual(['2026-12-24', '2026-12-25', '2027-01-01']);
    expect(read.targets.every((x: { isDefault: boolean }) => x.isDefault)).toBe(true);
  });

  it('refuses an impossible calendar or target with 400 naming each field, and writes nothing', async () => {
    const w = await world();
    const response = await put(w, {
      calendar: { days: [0, 3, 3], opens: '17:00', closes: '09:00', holidays: ['2026-02-30'] },
      escalationPercent: 5,
      targets: [
        { origin: 'self', urgency: 'today', basis: 'elapsed', minutes: 2 },
        { origin: 'self', urgency: 'today', basis: 'business', minutes: 60 },
        { origin: 'self', urgency: 'this_week', basis: 'weekly', minutes: 99_999 },
      ],
    });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().error.fields as { path: string }[]).map((f) => f.path);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.calendar.days.0',
        'body.calendar.closes',
        'body.calendar.holidays.0',
        'body.escalationPercent',
        'body.targets.0.minutes',
        'body.targets.2.basis',
        'body.targets.2.minutes',
      ]),
    );
    expect(await t.ctx.db.selectFrom('service_level_calendars').selectAll().where('organization_id', '=', w.org.id).execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('service_level_targets').selectAll().where('organization_id', '=', w.org.id).execute()).toEqual([]);
    expect(
      await t.ctx.db
        .selectFrom('audit_events')
        .selectAll()
        .where('organization_id', '=', w.org.id)
        .where('action', 'like', 'settings.%')
        .execute(),
    ).toEqual([]);
    const twice = await put(w, {
      calendar: CALENDAR,
      escalationPercent: 50,
      targets: [
        { origin: 'self', urgency: 'today', basis: 'elapsed', minutes: 30 },
        { origin: 'self', urgency: 'today', basis: 'elapsed', minutes: 60 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toEqual([expect.objectContaining({ path: 'body.targets.1' })]);
  });

  it('two instances running jobs on one database escalate each breach exactly once', async () => {
    const w = await world();
    const n = 12;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = await buildCase(t.ctx.db, t.clock, w.org.id, { state: 'new' });
      await t.ctx.db.transaction().execute(async (trx) => {
        await scheduleFirstContactClock(t.ctx, trx, (await findCase(trx, w.org.id, id))!);
      });
      ids.push(id);
    }
    const since = t.clock.now();
    t.clock.advanceMinutes(14 * 24 * 60);
    // PostgreSQL: a second instance with its own pool. SQLite is one writer per file: two handles in
    // one process cannot hold overlapping transactions (the second blocks the thread), so there both
    // runners share the handle and the claim statement alone decides who runs what.
    const other: DatabaseHandle | null = t.ctx.engine === 'postgres' ? await openSecondHandle(t.ctx) : null;
    const ctxB: AppContext = other ? { ...t.ctx, db: other.db } : { ...t.ctx };
    try {
      for (let round = 0; round < 20; round++) {
        const [a, b] = await Promise.all([
          runDueJobsOnce(t.ctx, appJobs, { instanceId: 'instance-a', batchSize: 3 }),
          runDueJobsOnce(ctxB, appJobs, { instanceId: 'instance-b', batchSize: 3 }),
        ]);
        if (a.claimed + b.claimed === 0) break;
      }
    } finally {
      await other?.close();
    }
    const audit = await t.ctx.db
      .selectFrom('case_audit')
      .select(['case_id', 'action'])
      .where('case_id', 'in', ids)
      .where('action', 'like', 'case.sla_%')
      .execute();
    expect(audit.filter((a) => a.action === 'case.sla_breached')).toHaveLength(n);
    expect(audit.filter((a) => a.action === 'case.sla_escalated')).toHaveLength(n);
    expect(new Set(audit.map((a) => `${a.case_id}/${a.action}`)).size).toBe(2 * n);
    const mails = await alerted(w, since);
    expect(mails.filter((m) => m === w.director.email)).toHaveLength(n);
    for (const admin of w.admins) expect(mails.filter((m) => m === admin.email)).toHaveLength(n);
    // One breach check and one director step per case, each keyed by the case and its due time.
    const rows = await t.ctx.db.selectFrom('cases').select(['id', 'first_contact_due_at']).where('id', 'in', ids).execute();
    const keys = rows.flatMap((r) => [
      `first-contact-breach:${r.id}:${r.first_contact_due_at}`,
      `first-contact-escalation:${r.id}:${r.first_contact_due_at}`,
    ]);
    const jobs = await t.ctx.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('kind', 'in', ['first-contact-breach', 'first-contact-escalation'])
      .where('dedupe_key', 'in', keys)
      .execute();
    expect(jobs).toHaveLength(2 * n);
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
  });
});
