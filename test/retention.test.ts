import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueEmail } from '../server/email/outbox.ts';
import { type DatabaseHandle } from '../server/db/database.ts';
import { buildDepartment, buildOrganization, buildPerson, buildSupporterProfile } from '../server/demo/factories.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import type { AppContext } from '../server/lib/context.ts';
import { ensureTriggers } from '../server/modules/event-notices/event-triggers.service.ts';
import { scheduleRetentionSweep } from '../server/modules/retention/retention.job.ts';
import { eraseOne } from '../server/modules/retention/retention.service.ts';
import { createTestApp, sessionsFor, type TestApp, openSecondHandle } from './harness.ts';

const PASSWORD = 'a long test password';
const DAY = 24 * 60;

/** docs/product.md, C4 (erasure after the retention period) and C5 (audit ids stop resolving). */
describe('retention and erasure', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let serial = 0;

  const send = async (method: 'GET' | 'POST' | 'PATCH', email: string | null, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: email ? await as(email) : {}, ...(payload ? { payload } : {}) });

  async function world() {
    const org = await buildOrganization(t.ctx.db, t.clock);
    const surgery = await buildDepartment(t.ctx.db, t.clock, org.id, { name: 'Surgery' });
    const director = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['program_director'],
      email: `director-${org.slug}@h.test`,
      password: PASSWORD,
    });
    const admin = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['program_admin'],
      email: `admin-${org.slug}@h.test`,
      password: PASSWORD,
    });
    const elsewhere = await buildDepartment(t.ctx.db, t.clock, org.id);
    const supporter = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Peer',
      roles: ['peer_supporter', 'staff_member'],
      departmentId: elsewhere,
      professionId: org.professions.physician,
      password: PASSWORD,
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, supporter.id, { capacity: 20 });
    const requester = async () =>
      buildPerson(t.ctx.db, t.clock, org.id, {
        firstName: 'Ines',
        departmentId: surgery,
        professionId: org.professions.physician,
        password: PASSWORD,
      });
    return { org, director, admin, supporter, requester };
  }
  type World = Awaited<ReturnType<typeof world>>;

  /** A distinctive personal address per case, to look for afterwards. */
  const marker = () => `zebra-erase-${process.pid}-${++serial}@private.example`;

  /** Asked, accepted, reached after one failed attempt, a conversation planned, then closed as referred. */
  async function closedCase(w: World, requesterEmail: string, contactValue: string): Promise<string> {
    const asked = await send('POST', requesterEmail, '/api/support/requests', {
      modality: 'phone',
      departmentPreference: 'no_preference',
      urgency: 'this_week',
      reason: 'patient_death',
      contactMethod: 'personal_email',
      contactValue,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const caseId = asked.json().id as string;
    const offers = (await send('GET', w.supporter.email, '/api/supporter/offers')).json().offers as { id: string }[];
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers)
      expect((await send('POST', w.supporter.email, `/api/supporter/offers/${offer.id}/accept`)).statusCode).toBe(200);
    const base = `/api/supporter/cases/${caseId}`;
    expect(
      (await send('POST', w.supporter.email, `${base}/contact-attempts`, { channel: 'email', result: 'no_answer' })).statusCode,
    ).toBeLessThan(300);
    expect(
      (await send('POST', w.supporter.email, `${base}/contact-attempts`, { channel: 'phone', result: 'reached' })).statusCode,
    ).toBeLessThan(300);
    const startsAt = new Date(t.clock.now().getTime() + 2 * DAY * 60_000).toISOString();
    const conversation = await send('POST', w.supporter.email, `${base}/conversations`, { startsAt, minutes: 45, modality: 'phone' });
    expect(conversation.statusCode, conversation.body).toBe(201);
    const closed = await send('POST', w.supporter.email, `${base}/close`, { outcome: 'referred' });
    expect(closed.statusCode, closed.body).toBeLessThan(300);
    expect((await caseRow(caseId)).state).toBe('closed');
    return caseId;
  }

  const caseRow = (id: string) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const rowsOf = async (table: 'contact_attempts' | 'conversations' | 'outreach_invites', caseId: string) =>
    (await t.ctx.db.selectFrom(table).select('case_id').where('case_id', '=', caseId).execute()).length;
  const mailTo = async (address: string) =>
    (await t.ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', address).execute()).length;
  const jobsNaming = async (id: string) =>
    (
      await t.ctx.db
        .selectFrom('jobs')
        .select('kind')
        .where('payload', 'like', `%${id}%`)
        .where('kind', 'not in', ['case-erasure'])
        .execute()
    ).length;
  const erasedAudit = async (caseId: string) =>
    t.ctx.db
      .selectFrom('case_audit')
      .select(['actor_person_id', 'ip'])
      .where('case_id', '=', caseId)
      .where('action', '=', 'case.erased')
      .execute();

  /** Runs the jobs that are due (the sweep included), moving the clock on while erasure waits for mail. */
  async function runJobs(ctx: AppContext = t.ctx) {
    await scheduleRetentionSweep(ctx.db, t.clock.now());
    await runDueJobsOnce(ctx, appJobs);
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lets the director set the retention period (0–365 whole days) and refuses anything else, saving nothing', async () => {
    const w = await world();
    const read = await send('GET', w.director.email, '/api/settings/program');
    expect(read.json().retentionDays).toBe(30);
    for (const bad of [-1, 366, 1.5, '7']) {
      const refused = await send('PATCH', w.director.email, '/api/settings/program', { retentionDays: bad });
      expect(refused.statusCode, String(bad)).toBe(400);
    }
    expect((await send('PATCH', w.admin.email, '/api/settings/program', { retentionDays: 5 })).statusCode).toBe(404);
    expect((await send('GET', w.director.email, '/api/settings/program')).json().retentionDays).toBe(30);
    const saved = await send('PATCH', w.director.email, '/api/settings/program', { retentionDays: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().retentionDays).toBe(0);
  });

  it('erases a finished case past the retention period, keeps one not yet past and never touches an open one', async () => {
    const w = await world();
    const first = await w.requester();
    const address = marker();
    const erased = await closedCase(w, first.email, address);
    const before = await caseRow(erased);
    expect(await mailTo(address)).toBeGreaterThan(0);
    expect(await rowsOf('contact_attempts', erased)).toBe(2);
    expect(await rowsOf('conversations', erased)).toBe(1);
    const offersBefore = await t.ctx.db
      .selectFrom('case_offers')
      .select(['supporter_id', 'status'])
      .where('case_id', '=', erased)
      .execute();

    t.clock.advanceMinutes(10 * DAY);
    const second = await w.requester();
    const keptAddress = marker();
    const kept = await closedCase(w, second.email, keptAddress);
    const third = await w.requester();
    const open = await send('POST', third.email, '/api/support/requests', {
      modality: 'video',
      departmentPreference: 'no_preference',
      urgency: 'this_week',
      reason: 'burnout_or_overload',
      contactMethod: 'work_email',
    });
    expect(open.statusCode).toBe(201);

    t.clock.advanceMinutes(20 * DAY - 1);
    await runJobs();
    expect((await caseRow(erased)).erased_at).toBeNull();

    t.clock.advanceMinutes(2);
    await runJobs();
    const row = await caseRow(erased);
    expect(row).toMatchObject({
      erased_at: t.clock.now().toISOString(),
      requester_person_id: null,
      requester_first_name: null,
      contact_method: null,
      contact_value: null,
      anonymous_code: null,
      anonymous_secret_hash: null,
      requester_department_id: null,
      language: null,
      relaxed_rules: '[]',
      // What de-identified statistics need stays.
      state: 'closed',
      outcome: 'referred',
      origin: before.origin,
      reason: before.reason,
      urgency: before.urgency,
      modality: before.modality,
      assigned_supporter_id: w.supporter.id,
      created_at: before.created_at,
      closed_at: before.closed_at,
      first_contact_at: before.first_contact_at,
    });
    expect(await rowsOf('contact_attempts', erased)).toBe(0);
    expect(await rowsOf('conversations', erased)).toBe(0);
    expect(await mailTo(address)).toBe(0);
    expect(await jobsNaming(erased)).toBe(0);
    const offersAfter = await t.ctx.db
      .selectFrom('case_offers')
      .select(['supporter_id', 'status', 'match_reasons'])
      .where('case_id', '=', erased)
      .execute();
    expect(offersAfter.map((o) => ({ supporter_id: o.supporter_id, status: o.status }))).toEqual(offersBefore);
    expect(offersAfter.every((o) => o.match_reasons === '[]')).toBe(true);
    expect(await erasedAudit(erased)).toEqual([{ actor_person_id: null, ip: null }]);
    // The audit log keeps the case's history, but no entry of it names the requester any more.
    const audit = await t.ctx.db.selectFrom('case_audit').select(['actor_person_id', 'action']).where('case_id', '=', erased).execute();
    expect(audit.length).toBeGreaterThan(3);
    expect(audit.filter((a) => a.actor_person_id === first.id)).toEqual([]);

    const keptRow = await caseRow(kept);
    expect(keptRow).toMatchObject({ erased_at: null, requester_person_id: second.id, contact_value: keptAddress });
    expect(await rowsOf('contact_attempts', kept)).toBe(2);
    expect(await mailTo(keptAddress)).toBeGreaterThan(0);
    const openRow = await caseRow(open.json().id);
    expect(openRow).toMatchObject({ erased_at: null, requester_person_id: third.id, closed_at: null });
    expect(['new', 'offered']).toContain(openRow.state); // its offer window ran out meanwhile

    // Every view of the erased case still answers, without the person.
    const mine = await send('GET', first.email, '/api/support/requests');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().requests).toEqual([]);
    expect((await send('GET', first.email, `/api/support/requests/${erased}`)).statusCode).toBe(404);
    expect((await send('POST', first.email, `/api/support/requests/${erased}/reopen`)).statusCode).toBe(404);
    expect((await send('GET', w.supporter.email, `/api/supporter/cases/${erased}`)).statusCode).toBe(404);
    const supporterCases = await send('GET', w.supporter.email, '/api/supporter/cases');
    expect(supporterCases.statusCode).toBe(200);
    expect(JSON.stringify(supporterCases.json())).not.toContain(erased);
    const board = await send('GET', w.admin.email, '/api/cases?state=closed');
    expect(board.statusCode, board.body).toBe(200);
    expect(board.json().cases.map((c: { id: string }) => c.id)).toContain(erased);
    expect((await send('GET', w.admin.email, `/api/cases/${erased}/contact`)).statusCode).toBe(409);
    const log = await send('GET', w.director.email, `/api/audit?caseId=${erased}`);
    expect(log.statusCode, log.body).toBe(200);
    expect(JSON.stringify(log.json())).toContain('case.erased');
    expect(JSON.stringify(log.json())).not.toContain(first.id);
  });

  it("finds a case's messages by the case id on each outbox row, not by their links, whoever they went to", async () => {
    const w = await world();
    const person = await w.requester();
    const address = marker();
    const caseId = await closedCase(w, person.email, address);
    // Everything the case sent carries its id: the requester's messages and the supporter's.
    const sent = await t.ctx.db
      .selectFrom('email_outbox')
      .select(['to_address', 'case_id'])
      .where('to_address', 'in', [address, w.supporter.email])
      .execute();
    expect(sent.filter((m) => m.to_address === address).length).toBeGreaterThan(0);
    expect(sent.filter((m) => m.to_address === address).every((m) => m.case_id === caseId)).toBe(true);
    // A message a future feature might send, on a link no rule knows, and an unrelated one to the same address.
    const now = t.clock.now();
    await queueEmail(t.ctx.db, { organizationId: w.org.id, to: address, template: 'case_update', link: '/app/some-new-page', now, caseId });
    await queueEmail(t.ctx.db, { organizationId: w.org.id, to: address, template: 'case_update', link: '/app/some-new-page', now });
    t.clock.advanceMinutes(30 * DAY + 1);
    await runJobs();
    expect((await caseRow(caseId)).erased_at).not.toBeNull();
    expect(await t.ctx.db.selectFrom('email_outbox').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
    const left = await t.ctx.db.selectFrom('email_outbox').select(['link', 'case_id']).where('to_address', '=', address).execute();
    expect(left).toEqual([{ link: '/app/some-new-page', case_id: null }]);
  });

  it('with retention 0 erases at closure (after the closing e-mails went out); reopening is refused', async () => {
    const w = await world();
    expect((await send('PATCH', w.director.email, '/api/settings/program', { retentionDays: 0 })).statusCode).toBe(200);
    const requester = await w.requester();
    const address = marker();
    const caseId = await closedCase(w, requester.email, address);
    expect(
      await t.ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'case-erasure').where('payload', 'like', `%${caseId}%`).execute(),
    ).toHaveLength(1);
    // The closing messages (feedback link, resource sheet) are still queued: erasure waits for them.
    expect(
      await t.ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', address).where('status', '=', 'queued').execute(),
    ).not.toEqual([]);
    expect(await eraseOne(t.ctx, caseId)).toBe('waiting_for_mail');
    expect((await caseRow(caseId)).erased_at).toBeNull();
    // The reopen window is cut to the retention period: a minute after closing it has passed.
    t.clock.advanceMinutes(1);
    const mine = (await send('GET', requester.email, '/api/support/requests')).json().requests;
    expect(mine[0]).toMatchObject({ id: caseId, canReopen: false });
    const late = await send('POST', requester.email, `/api/support/requests/${caseId}/reopen`);
    expect(late.statusCode).toBe(409);

    for (let round = 0; round < 5 && !(await caseRow(caseId)).erased_at; round++) {
      await runDueJobsOnce(t.ctx, appJobs);
      t.clock.advanceMinutes(1);
    }
    expect((await caseRow(caseId)).erased_at).not.toBeNull();
    expect((await caseRow(caseId)).contact_value).toBeNull();
    expect(await mailTo(address)).toBe(0);
    expect(await erasedAudit(caseId)).toHaveLength(1);
    // Once erased there is nobody to reopen it for: the requester's link is gone.
    expect((await send('POST', requester.email, `/api/support/requests/${caseId}/reopen`)).statusCode).toBe(404);
  });

  it('an anonymous request past retention: its code stops working, and a reopen before the sweep is a 409', async () => {
    const w = await world();
    expect((await send('PATCH', w.director.email, '/api/settings/program', { retentionDays: 2 })).statusCode).toBe(200);
    const created = await send('POST', null, '/api/public/support/requests', {
      org: w.org.slug,
      preferredName: 'Sam',
      modality: 'phone',
      departmentPreference: 'no_preference',
      urgency: 'this_week',
      reason: 'burnout_or_overload',
      contactMethod: 'personal_phone',
      contactValue: '+1 555 0199',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { caseCode, secret } = created.json() as { caseCode: string; secret: string };
    expect((await send('POST', null, '/api/public/support/requests/withdraw', { caseCode, secret })).statusCode).toBe(200);
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('anonymous_code', '=', caseCode).executeTakeFirstOrThrow();

    t.clock.advanceMinutes(2 * DAY + 1);
    const late = await send('POST', null, '/api/public/support/requests/reopen', { caseCode, secret });
    expect(late.statusCode).toBe(409);
    await runJobs();
    expect(await caseRow(row.id)).toMatchObject({
      anonymous_code: null,
      anonymous_secret_hash: null,
      requester_first_name: null,
      contact_value: null,
      state: 'withdrawn',
    });
    expect((await send('POST', null, '/api/public/support/requests/status', { caseCode, secret })).statusCode).toBe(404);
    expect((await send('POST', null, '/api/public/support/requests/reopen', { caseCode, secret })).statusCode).toBe(404);
  });

  it('an event-outreach case: the invite token, the person’s link to the notice and their e-mails go; the notice stays', async () => {
    const w = await world();
    const reporter = await buildPerson(t.ctx.db, t.clock, w.org.id, { roles: ['event_reporter'], password: PASSWORD });
    const departmentId = await buildDepartment(t.ctx.db, t.clock, w.org.id);
    const triggerId = (await ensureTriggers(t.ctx.db, w.org.id, t.clock.now()))[0]!.id;
    const declining = await w.requester();
    const staying = await w.requester();
    const filed = await send('POST', reporter.email, '/api/event-notices', {
      occurredAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      triggerId,
      departmentId,
      urgent: false,
      involved: [{ personId: declining.id }, { personId: staying.id }],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    // The firewall: erasing someone's case must not show in what the reporter sees (e.g. the head count).
    const reporterView = async () => (await send('GET', reporter.email, '/api/event-notices/mine')).body;
    const reporterSawBefore = await reporterView();
    expect(JSON.parse(reporterSawBefore)).toMatchObject({ notices: [{ involvedCount: 2 }] });
    const caseOf = async (personId: string) =>
      t.ctx.db.selectFrom('cases').selectAll().where('requester_person_id', '=', personId).executeTakeFirstOrThrow();
    const declined = await caseOf(declining.id);
    const invite = await t.ctx.db
      .selectFrom('email_outbox')
      .select('link')
      .where('to_address', '=', declining.email)
      .where('template', '=', 'outreach_invite')
      .executeTakeFirstOrThrow();
    expect((await send('POST', null, `/api/public${invite.link.replace('/o/', '/outreach/')}/decline`)).statusCode).toBe(204);
    const [link] = await t.ctx.db.selectFrom('case_event_notices').select('notice_id').where('case_id', '=', declined.id).execute();
    expect(await rowsOf('outreach_invites', declined.id)).toBe(1);

    t.clock.advanceMinutes(30 * DAY + 1);
    await runJobs();
    expect(await caseRow(declined.id)).toMatchObject({
      state: 'declined',
      origin: 'event_outreach',
      requester_person_id: null,
      contact_value: null,
    });
    expect(await rowsOf('outreach_invites', declined.id)).toBe(0);
    expect(await mailTo(declining.email)).toBe(0);
    const people = await t.ctx.db.selectFrom('event_notice_people').select('person_id').where('notice_id', '=', link!.notice_id).execute();
    expect(people.map((p) => p.person_id)).toEqual([staying.id]);
    expect(
      await t.ctx.db.selectFrom('case_event_notices').select('case_id').where('notice_id', '=', link!.notice_id).execute(),
    ).toHaveLength(2);
    // The colleague still being reached out to keeps everything.
    expect(await caseOf(staying.id)).toMatchObject({ erased_at: null, contact_value: staying.email });
    expect(await mailTo(staying.email)).toBeGreaterThan(0);
    expect((await send('GET', w.admin.email, '/api/event-notices')).statusCode).toBe(200);
    expect(await reporterView()).toBe(reporterSawBefore);
  });

  it('two app instances on one database erase each case exactly once, in one sweep per hour', async () => {
    const w = await world();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await closedCase(w, (await w.requester()).email, marker()));
    t.clock.advanceMinutes(31 * DAY);
    const other: DatabaseHandle | null = t.ctx.engine === 'postgres' ? await openSecondHandle(t.ctx) : null;
    const ctxB: AppContext = other ? { ...t.ctx, db: other.db } : { ...t.ctx };
    try {
      await Promise.all([scheduleRetentionSweep(t.ctx.db, t.clock.now()), scheduleRetentionSweep(ctxB.db, t.clock.now())]);
      await Promise.all([
        runDueJobsOnce(t.ctx, appJobs, { instanceId: 'instance-a', batchSize: 1 }),
        runDueJobsOnce(ctxB, appJobs, { instanceId: 'instance-b', batchSize: 1 }),
      ]);
    } finally {
      await other?.close();
    }
    for (const id of ids) {
      expect((await caseRow(id)).erased_at).not.toBeNull();
      expect(await erasedAudit(id)).toHaveLength(1);
    }
    const hour = t.clock.now().toISOString().slice(0, 13);
    const sweeps = await t.ctx.db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'dedupe_key'])
      .where('kind', '=', 'retention-sweep')
      .execute();
    expect(sweeps.filter((s) => s.dedupe_key === `retention-sweep:${hour}`)).toEqual([
      { status: 'done', attempts: 1, dedupe_key: `retention-sweep:${hour}` },
    ]);
    // The sweep queued the next hour's, once.
    const next = new Date(Date.parse(`${hour}:00:00.000Z`) + 3_600_000).toISOString().slice(0, 13);
    expect(sweeps.filter((s) => s.dedupe_key === `retention-sweep:${next}`)).toEqual([
      { status: 'pending', attempts: 0, dedupe_key: `retention-sweep:${next}` },
    ]);
  });

  it('leaves no copy of an erased contact in the database (SQLite: file and log bytes after a checkpoint)', async () => {
    const w = await world();
    const address = marker();
    const caseId = await closedCase(w, (await w.requester()).email, address);
    const needle = address.split('@')[0]!;
    t.clock.advanceMinutes(31 * DAY);
    if (t.ctx.engine === 'sqlite') {
      const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(t.ctx.db);
      const file = rows[0]!.file;
      const bytes = () =>
        Buffer.concat([fs.readFileSync(file), ...[`${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f))]);
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.ctx.db);
      expect(bytes().includes(needle)).toBe(true); // the check can fail: the value is there before erasure
      await runJobs();
      expect((await caseRow(caseId)).erased_at).not.toBeNull();
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.ctx.db);
      expect(bytes().includes(needle)).toBe(false);
    } else {
      await runJobs();
      expect((await caseRow(caseId)).erased_at).not.toBeNull();
      // PostgreSQL keeps dead row versions until VACUUM; what any query can still read must not hold it.
      for (const table of await t.ctx.db.introspection.getTables()) {
        const { rows } = await sql<{
          n: number;
        }>`select count(*)::int as n from ${sql.table(table.name)} as x where x::text like ${`%${needle}%`}`.execute(t.ctx.db);
        expect(rows[0]!.n, table.name).toBe(0);
      }
    }
  });
});
