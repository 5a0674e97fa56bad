/**
 * The urgent path: an urgent request pages the on-call supporter at once; with no
 * acknowledgement within the window, the backup, then the administrators, then the director(s); an
 * acknowledgement stops the chain; every step is recorded; the webhook gets content-free JSON; and
 * two instances running jobs on one database page each step exactly once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle } from '../server/db/database.ts';
import { newId } from '../server/db/values.ts';
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
import { loadPagingConfig, startUrgentPaging } from '../server/modules/paging/paging-chain.ts';
import { seedDemoPaging } from '../server/demo/demo-paging.ts';
import { ensureTriggers } from '../server/modules/event-notices/event-triggers.service.ts';
import { createTestApp, sessionsFor, TestClock, usingPostgres, type TestApp, openSecondHandle } from './harness.ts';

const PASSWORD = 'a long test password';
const REQUEST = {
  modality: 'phone',
  departmentPreference: 'no_preference',
  urgency: 'today',
  reason: 'burnout_or_overload',
  contactMethod: 'work_email',
};
const HOUR = 60;

interface World {
  org: BuiltOrganization;
  requester: BuiltPerson;
  onCall: BuiltPerson;
  backup: BuiltPerson;
  admins: BuiltPerson[];
  director: BuiltPerson;
}

describe(`urgent paging on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);

  beforeAll(async () => {
    // The webhook test's receiver listens on 127.0.0.1, the one host IT allows here.
    t = await createTestApp({ clock: new TestClock(Date.parse('2026-11-26T10:00:00.000Z')), pagingWebhookHosts: ['127.0.0.1'] });
  });
  afterAll(async () => t.close());

  async function supporter(orgId: string): Promise<BuiltPerson> {
    const person = await buildPerson(t.ctx.db, t.clock, orgId, {
      roles: ['peer_supporter', 'staff_member'],
      password: PASSWORD,
      departmentId: await buildDepartment(t.ctx.db, t.clock, orgId),
    });
    await buildSupporterProfile(t.ctx.db, t.clock, orgId, person.id, { capacity: 20 });
    return person;
  }

  async function override(orgId: string, personId: string, fromMinutes: number, toMinutes: number) {
    const now = t.clock.now().getTime();
    await t.ctx.db
      .insertInto('on_call_shifts')
      .values({
        id: newId(),
        organization_id: orgId,
        person_id: personId,
        kind: 'override',
        starts_at: new Date(now + fromMinutes * 60_000).toISOString(),
        ends_at: new Date(now + toMinutes * 60_000).toISOString(),
        created_by: null,
        created_at: new Date(now).toISOString(),
      })
      .execute();
  }

  /** An organisation with someone on call for a day, a backup after them, two admins and a director. */
  async function world(options: { rota?: boolean } = {}): Promise<World> {
    const org = await buildOrganization(t.ctx.db, t.clock);
    const requester = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Ysolde',
      password: PASSWORD,
      departmentId: await buildDepartment(t.ctx.db, t.clock, org.id),
      professionId: org.professions.physician,
    });
    const onCall = await supporter(org.id);
    const backup = await supporter(org.id);
    if (options.rota !== false) {
      await override(org.id, onCall.id, -60, 24 * HOUR);
      await override(org.id, backup.id, 24 * HOUR, 48 * HOUR);
    }
    const admins = [
      await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD }),
      await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD }),
    ];
    await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], active: false });
    const director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    return { org, requester, onCall, backup, admins, director };
  }

  async function ask(w: World, urgency = 'today'): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/support/requests',
      headers: await as(w.requester.email),
      payload: { ...REQUEST, urgency },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }

  const pagesOf = (caseId: string) =>
    t.ctx.db.selectFrom('pages').selectAll().where('case_id', '=', caseId).orderBy('step').orderBy('person_id').execute();
  const pagedBySteps = async (caseId: string) => (await pagesOf(caseId)).map((p) => `${p.step}:${p.target_role}:${p.person_id}`);
  const pageMails = async (orgId: string) =>
    await t.ctx.db
      .selectFrom('email_outbox')
      .select(['to_address', 'link'])
      .where('organization_id', '=', orgId)
      .where('template', '=', 'urgent_page')
      .orderBy('created_at')
      .orderBy('to_address')
      .execute();
  const pagingAudit = async (caseId: string) =>
    (await t.ctx.db.selectFrom('case_audit').select('action').where('case_id', '=', caseId).where('action', 'like', 'case.page%').execute())
      .map((r) => r.action)
      .sort();
  const runJobs = () => runDueJobsOnce(t.ctx, appJobs, { batchSize: 500 });
  const wait = async (minutes: number) => {
    t.clock.advanceMinutes(minutes);
    await runJobs();
  };

  it('pages the on-call supporter at once, then the backup, the administrators and the director, 15 minutes apart', async () => {
    const w = await world();
    const caseId = await ask(w);
    await runJobs();
    expect(await pagedBySteps(caseId)).toEqual([`0:on_call:${w.onCall.id}`]);
    expect((await pageMails(w.org.id)).map((m) => m.to_address)).toEqual([w.onCall.email]);
    // The page is in the on-call supporter's banner, and nobody else's.
    const mine = await t.app.inject({ url: '/api/supporter/pages', headers: await as(w.onCall.email) });
    expect(mine.json().pages).toEqual([expect.objectContaining({ caseCount: 1, step: 0, targetRole: 'on_call', status: 'open' })]);
    expect((await t.app.inject({ url: '/api/supporter/pages', headers: await as(w.backup.email) })).json().pages).toEqual([]);

    await wait(14);
    expect(await pagesOf(caseId)).toHaveLength(1);
    await wait(1);
    expect(await pagedBySteps(caseId)).toEqual([`0:on_call:${w.onCall.id}`, `1:backup:${w.backup.id}`]);
    await wait(15);
    const admins = w.admins.map((a) => `2:program_admin:${a.id}`).sort();
    expect(await pagedBySteps(caseId)).toEqual([`0:on_call:${w.onCall.id}`, `1:backup:${w.backup.id}`, ...admins]);
    await wait(15);
    expect(await pagedBySteps(caseId)).toEqual([
      `0:on_call:${w.onCall.id}`,
      `1:backup:${w.backup.id}`,
      ...admins,
      `3:program_director:${w.director.id}`,
    ]);
    // The chain has run out: nothing more, however long.
    await wait(24 * HOUR);
    expect(await pagesOf(caseId)).toHaveLength(5);
    const mails = await pageMails(w.org.id);
    expect(mails.map((m) => m.to_address).sort()).toEqual([w.onCall, w.backup, ...w.admins, w.director].map((p) => p.email).sort());
    expect(new Set(mails.map((m) => m.link))).toEqual(new Set(['/app/offers']));
    expect(await pagingAudit(caseId)).toEqual([
      'case.page_escalated',
      'case.page_escalated',
      'case.page_escalated',
      'case.paged',
      'case.paged',
      'case.paged',
      'case.paged',
    ]);

    // The director answers from the admin view: every open page of the chain is acknowledged.
    const open = (await t.app.inject({ url: '/api/admin/pages', headers: await as(w.director.email) })).json().pages as { id: string }[];
    expect(open).toHaveLength(5);
    const ack = await t.app.inject({ method: 'POST', url: `/api/admin/pages/${open[0]!.id}/ack`, headers: await as(w.director.email) });
    expect(ack.statusCode, ack.body).toBe(200);
    expect((await pagesOf(caseId)).every((p) => p.status === 'acknowledged' && p.acknowledged_by === w.director.id)).toBe(true);
    expect(await pagingAudit(caseId)).toContain('case.page_acknowledged');
  });

  it('an acknowledgement stops the chain; someone else cannot acknowledge my page', async () => {
    const w = await world();
    const caseId = await ask(w);
    const [page] = await pagesOf(caseId);
    const notMine = await t.app.inject({ method: 'POST', url: `/api/supporter/pages/${page!.id}/ack`, headers: await as(w.backup.email) });
    expect(notMine.statusCode).toBe(404);
    await wait(5);
    const ack = await t.app.inject({ method: 'POST', url: `/api/supporter/pages/${page!.id}/ack`, headers: await as(w.onCall.email) });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged' });
    await wait(2 * HOUR);
    expect(await pagedBySteps(caseId)).toEqual([`0:on_call:${w.onCall.id}`]);
    expect(await pagingAudit(caseId)).toEqual(['case.page_acknowledged', 'case.paged']);
    expect((await t.app.inject({ url: '/api/supporter/pages', headers: await as(w.onCall.email) })).json().pages).toEqual([]);
  });

  it('first contact made in time stops the chain too', async () => {
    const w = await world();
    const caseId = await ask(w);
    await t.ctx.db
      .updateTable('cases')
      .set({ first_contact_at: t.clock.now().toISOString(), state: 'contacted' })
      .where('id', '=', caseId)
      .execute();
    await wait(HOUR);
    expect(await pagesOf(caseId)).toEqual([expect.objectContaining({ step: 0, status: 'closed' })]);
  });

  it('a request that is not urgent pages nobody', async () => {
    const w = await world();
    const caseId = await ask(w, 'this_week');
    await wait(2 * HOUR);
    expect(await pagesOf(caseId)).toEqual([]);
    expect(await pageMails(w.org.id)).toEqual([]);
  });

  it('nobody on call and no backup: the chain starts with the administrators', async () => {
    const w = await world({ rota: false });
    const caseId = await ask(w);
    expect(await pagedBySteps(caseId)).toEqual(w.admins.map((a) => `2:program_admin:${a.id}`).sort());
    await wait(15);
    expect((await pagesOf(caseId)).map((p) => p.step)).toEqual([2, 2, 3]);
  });

  it('the supporter on call who asks urgently is not paged about their own request: the backup is, at once', async () => {
    const w = await world();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/support/requests',
      headers: await as(w.onCall.email),
      payload: REQUEST,
    });
    expect(response.statusCode, response.body).toBe(201);
    const caseId = response.json().id as string;
    expect(await pagedBySteps(caseId)).toEqual([`1:backup:${w.backup.id}`]);
  });

  it('the demo seed stores the default chain', async () => {
    const org = await buildOrganization(t.ctx.db, t.clock);
    await seedDemoPaging(t.ctx.db, org.id, t.clock.now());
    expect(await loadPagingConfig(t.ctx.db, org.id)).toEqual({
      ackMinutes: 15,
      steps: ['on_call', 'backup', 'program_admin', 'program_director'],
      webhookUrl: null,
    });
  });

  it('the chain follows the settings: a 5-minute window and only the on-call supporter then the director', async () => {
    const w = await world();
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/paging',
      headers: await as(w.director.email),
      payload: { ackMinutes: 5, steps: ['on_call', 'program_director'], webhookUrl: null },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const caseId = await ask(w);
    await wait(5);
    expect(await pagedBySteps(caseId)).toEqual([`0:on_call:${w.onCall.id}`, `1:program_director:${w.director.id}`]);
  });

  it('an urgent event notice pages once, with the number of people, not once per person', async () => {
    const w = await world();
    const reporter = await buildPerson(t.ctx.db, t.clock, w.org.id, { roles: ['event_reporter'], password: PASSWORD });
    const triggerId = (await ensureTriggers(t.ctx.db, w.org.id, t.clock.now()))[0]!.id;
    const involved = [];
    for (let i = 0; i < 3; i++) involved.push({ personId: (await buildPerson(t.ctx.db, t.clock, w.org.id)).id });
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/event-notices',
      headers: await as(reporter.email),
      payload: {
        occurredAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
        triggerId,
        departmentId: await buildDepartment(t.ctx.db, t.clock, w.org.id),
        urgent: true,
        involved,
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const pages = await t.ctx.db.selectFrom('pages').selectAll().where('organization_id', '=', w.org.id).execute();
    expect(pages).toEqual([expect.objectContaining({ person_id: w.onCall.id, case_count: 3, step: 0 })]);
  });

  it('the webhook receives content-free JSON, and a gateway that fails is retried', async () => {
    const w = await world();
    const received: { status: number; body: unknown }[] = [];
    let failFirst = true;
    const server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString()));
      req.on('end', () => {
        const status = failFirst ? 503 : 204;
        failFirst = false;
        received.push({ status, body: JSON.parse(data) });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`;
      // A host IT has not listed (here the cloud metadata address) is refused, and nothing is saved.
      const before = await loadPagingConfig(t.ctx.db, w.org.id);
      const refused = await t.app.inject({
        method: 'PUT',
        url: '/api/settings/paging',
        headers: await as(w.director.email),
        payload: { ackMinutes: 15, steps: ['on_call'], webhookUrl: 'http://169.254.169.254/latest' },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'body.webhookUrl' })]);
      expect(await loadPagingConfig(t.ctx.db, w.org.id)).toEqual(before);
      const saved = await t.app.inject({
        method: 'PUT',
        url: '/api/settings/paging',
        headers: await as(w.director.email),
        payload: { ackMinutes: 15, steps: ['on_call', 'backup', 'program_admin', 'program_director'], webhookUrl: url },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const caseId = await ask(w);
      await runJobs();
      expect(received).toHaveLength(1);
      await wait(1);
      expect(received.map((r) => r.status)).toEqual([503, 204]);
      const body = received[1]!.body as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['link', 'organization', 'sentAt']);
      expect(body.organization).toBe(w.org.slug);
      expect(String(body.link)).toMatch(/\/app\/offers$/);
      const text = JSON.stringify(received);
      for (const secret of [caseId, w.onCall.id, w.onCall.email, w.requester.email, 'Ysolde', 'burnout'])
        expect(text).not.toContain(secret);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('two instances running jobs on one database page each step exactly once', async () => {
    const w = await world();
    const n = 8;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = await buildCase(t.ctx.db, t.clock, w.org.id, { state: 'new' });
      await t.ctx.db.updateTable('cases').set({ urgency: 'today' }).where('id', '=', id).execute();
      await t.ctx.db.transaction().execute(async (trx) => startUrgentPaging(t.ctx, trx, (await findCase(trx, w.org.id, id))!));
      ids.push(id);
    }
    // PostgreSQL: a second instance with its own pool; SQLite: one writer per file, so one shared handle.
    const other: DatabaseHandle | null = t.ctx.engine === 'postgres' ? await openSecondHandle(t.ctx) : null;
    const ctxB: AppContext = other ? { ...t.ctx, db: other.db } : { ...t.ctx };
    try {
      for (let step = 0; step < 5; step++) {
        t.clock.advanceMinutes(15);
        for (let round = 0; round < 20; round++) {
          const [a, b] = await Promise.all([
            runDueJobsOnce(t.ctx, appJobs, { instanceId: 'instance-a', batchSize: 2 }),
            runDueJobsOnce(ctxB, appJobs, { instanceId: 'instance-b', batchSize: 2 }),
          ]);
          if (a.claimed + b.claimed === 0) break;
        }
      }
    } finally {
      await other?.close();
    }
    for (const id of ids) {
      expect((await pagesOf(id)).map((p) => p.step)).toEqual([0, 1, 2, 2, 3]);
      expect((await pagingAudit(id)).filter((a) => a === 'case.page_escalated')).toHaveLength(3);
    }
    const mails = (await pageMails(w.org.id)).map((m) => m.to_address);
    expect(mails).toHaveLength(5 * n);
    for (const person of [w.onCall, w.backup, ...w.admins, w.director]) expect(mails.filter((m) => m === person.email)).toHaveLength(n);
    const jobs = await t.ctx.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('kind', '=', 'page-timeout')
      .where(
        'dedupe_key',
        'in',
        ids.flatMap((id) => [0, 1, 2, 3].map((s) => `page-timeout:${id}:${s}`)),
      )
      .execute();
    expect(jobs).toHaveLength(4 * n);
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
  });
});
