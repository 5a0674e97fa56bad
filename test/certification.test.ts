import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle } from '../server/db/database.ts';
import { buildOrganization, buildPerson, buildSupporterProfile, type BuiltPerson } from '../server/demo/factories.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import type { AppContext } from '../server/lib/context.ts';
import { loadCandidates } from '../server/modules/cases/index.ts';
import { whoIsOnCall } from '../server/modules/on-call/index.ts';
import { scheduleCertificationSweep } from '../server/modules/supporters/certification.job.ts';
import { createTestApp, openSecondHandle, type TestApp } from './harness.ts';

const DAY = 24 * 60;

/** Certifications run out: reminders at 60, 30 and 7 days, then a lapse that takes the supporter off duty (docs/team.md). */
describe('certification reminders and lapse', () => {
  let t: TestApp;
  let org: { id: string };
  let director: BuiltPerson;

  /** A day `days` from the test clock's today (UTC), as YYYY-MM-DD. */
  const day = (days: number) => new Date(t.clock.now().getTime() + days * DAY * 60_000).toISOString().slice(0, 10);
  const templatesTo = async (email: string) =>
    (await t.ctx.db.selectFrom('email_outbox').select('template').where('to_address', '=', email).orderBy('id').execute()).map(
      (r) => r.template,
    );
  const statusOf = async (personId: string) =>
    (await t.ctx.db.selectFrom('supporter_profiles').select('status').where('person_id', '=', personId).executeTakeFirstOrThrow()).status;
  /** This hour's sweep, as every instance queues it at start-up, and everything it queues. */
  const sweep = async (ctx: AppContext = t.ctx) => {
    await scheduleCertificationSweep(ctx.db, t.clock.now());
    await runDueJobsOnce(ctx, appJobs);
    await runDueJobsOnce(ctx, appJobs);
  };
  const supporter = async (certifiedUntil: string) => {
    const p = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['peer_supporter', 'staff_member'] });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, p.id, { certifiedUntil });
    return p;
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock, { timeZone: 'UTC' });
    director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'] });
  });
  afterAll(async () => t?.close());

  it('reminds at 60, 30 and 7 days, once each, and lapses after the last day, off matching and the rota', async () => {
    const ana = await supporter(day(61));
    const ben = await supporter(day(400));
    await t.ctx.db
      .insertInto('on_call_rotations')
      .values({
        organization_id: org.id,
        members: JSON.stringify([ana.id, ben.id]),
        starts_on: day(0),
        handoff_at: '00:00',
        period_days: 1,
        updated_by: null,
        updated_at: t.clock.now().toISOString(),
      })
      .execute();

    await sweep();
    expect(await templatesTo(ana.email)).toEqual([]);
    t.clock.advanceMinutes(DAY); // 60 days left
    await sweep();
    t.clock.advanceMinutes(60); // the next hour's sweep: no second reminder
    await sweep();
    expect(await templatesTo(ana.email)).toEqual(['reminder']);
    t.clock.advanceMinutes(30 * DAY); // 30 days left (and a bit)
    await sweep();
    expect(await templatesTo(ana.email)).toEqual(['reminder', 'reminder']);
    t.clock.advanceMinutes(23 * DAY); // 7 days left
    await sweep();
    await sweep();
    expect(await templatesTo(ana.email)).toEqual(['reminder', 'reminder', 'reminder']);
    expect(await templatesTo(ben.email)).toEqual([]);

    t.clock.advanceMinutes(7 * DAY); // the last day: still certified
    await sweep();
    expect(await statusOf(ana.id)).toBe('active');
    t.clock.advanceMinutes(DAY); // the day after
    await sweep();
    expect(await statusOf(ana.id)).toBe('lapsed');
    expect((await templatesTo(ana.email)).at(-1)).toBe('team_update');
    expect(await templatesTo(director.email)).toContain('attention_needed');
    const candidates = await loadCandidates(t.ctx.db, org.id, 'UTC', t.clock.now());
    expect(candidates.find((c) => c.personId === ana.id)).toMatchObject({ certified: false });
    const rotation = await t.ctx.db
      .selectFrom('on_call_rotations')
      .select('members')
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(rotation.members)).toEqual([ben.id]);
    expect((await whoIsOnCall(t.ctx.db, org.id, t.clock.now())).personId).toBe(ben.id);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_person_id'])
      .where('subject_id', '=', ana.id)
      .execute();
    expect(audit.filter((a) => a.action === 'supporter.certification_expired')).toEqual([
      { action: 'supporter.certification_expired', actor_person_id: null },
    ]);
    // Later sweeps change nothing more.
    const mailBefore = (await templatesTo(ana.email)).length;
    t.clock.advanceMinutes(DAY);
    await sweep();
    expect((await templatesTo(ana.email)).length).toBe(mailBefore);
  });

  it('does not remind about a certification renewed in the meantime', async () => {
    const cleo = await supporter(day(40));
    t.clock.advanceMinutes(60); // this hour's sweep already ran
    await sweep();
    expect(await templatesTo(cleo.email)).toEqual(['reminder']);
    await t.ctx.db
      .updateTable('supporter_profiles')
      .set({ certified_until: day(700) })
      .where('person_id', '=', cleo.id)
      .execute();
    t.clock.advanceMinutes(15 * DAY);
    await sweep();
    expect(await templatesTo(cleo.email)).toEqual(['reminder']);
  });

  it('two app instances lapse and remind each supporter exactly once', async () => {
    const dora = await supporter(day(-1));
    const emil = await supporter(day(5));
    const other: DatabaseHandle | null = t.ctx.engine === 'postgres' ? await openSecondHandle(t.ctx) : null;
    const ctxB: AppContext = other ? { ...t.ctx, db: other.db } : { ...t.ctx };
    try {
      t.clock.advanceMinutes(60);
      await Promise.all([scheduleCertificationSweep(t.ctx.db, t.clock.now()), scheduleCertificationSweep(ctxB.db, t.clock.now())]);
      for (let round = 0; round < 2; round++) {
        await Promise.all([
          runDueJobsOnce(t.ctx, appJobs, { instanceId: 'instance-a', batchSize: 1 }),
          runDueJobsOnce(ctxB, appJobs, { instanceId: 'instance-b', batchSize: 1 }),
        ]);
      }
      await runDueJobsOnce(t.ctx, appJobs);
    } finally {
      await other?.close();
    }
    expect(await statusOf(dora.id)).toBe('lapsed');
    const lapses = await t.ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('subject_id', '=', dora.id)
      .where('action', '=', 'supporter.certification_expired')
      .execute();
    expect(lapses).toHaveLength(1);
    expect(await templatesTo(emil.email)).toEqual(['reminder']);
    const hour = t.clock.now().toISOString().slice(0, 13);
    const sweeps = await t.ctx.db.selectFrom('jobs').select('status').where('dedupe_key', '=', `certification-sweep:${hour}`).execute();
    expect(sweeps).toEqual([{ status: 'done' }]);
  });
});
