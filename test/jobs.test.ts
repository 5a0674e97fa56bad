import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type DatabaseHandle } from '../server/db/database.ts';
import { defineJob, JobError, type JobHandlers } from '../server/jobs/define.ts';
import { claimDueJobs, enqueueJob, getJob, markJobDone, retirePendingJobs } from '../server/jobs/jobs.repository.ts';
import { runDueJobsOnce, startJobRunner } from '../server/jobs/runner.ts';
import { transactionWithDeferredInserts } from '../server/db/deferred-inserts.ts';
import { queueEmail } from '../server/email/outbox.ts';
import { buildOrganization } from '../server/demo/factories.ts';
import type { AppContext } from '../server/lib/context.ts';
import { createTestDatabase, TestClock, testConfig, usingPostgres, openSecondHandle } from './harness.ts';

function contextFor(handle: DatabaseHandle, clock: TestClock): AppContext {
  return { db: handle.db, engine: handle.engine, config: testConfig({ clock }), clock };
}

describe(`durable jobs on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let handle: DatabaseHandle;
  let clock: TestClock;
  let ctx: AppContext;
  const ran: string[] = [];

  const recordJob = defineJob({
    kind: 'record',
    payload: z.object({ label: z.string() }),
    handle: async (_ctx, { label }) => {
      ran.push(label);
    },
  });

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());
  beforeEach(async () => {
    await handle.db.deleteFrom('jobs').execute();
    ran.length = 0;
    clock = new TestClock();
    ctx = contextFor(handle, clock);
  });

  it('runs a job once it is due, and only then', async () => {
    await recordJob.enqueue(handle.db, { label: 'later' }, { runAt: new Date(clock.now().getTime() + 10 * 60_000), now: clock.now() });
    expect(await runDueJobsOnce(ctx, [recordJob])).toMatchObject({ claimed: 0 });
    clock.advanceMinutes(10);
    expect(await runDueJobsOnce(ctx, [recordJob])).toMatchObject({ claimed: 1, done: 1 });
    expect(ran).toEqual(['later']);
    const [row] = await handle.db.selectFrom('jobs').selectAll().execute();
    expect(row).toMatchObject({ status: 'done', attempts: 1, locked_by: null, locked_until: null, last_error: null });
    expect(row?.finished_at).toBe(clock.now().toISOString());
    expect(await runDueJobsOnce(ctx, [recordJob])).toMatchObject({ claimed: 0 });
    expect(ran).toEqual(['later']);
  });

  it('validates the payload when enqueuing through the definition', async () => {
    await expect(recordJob.enqueue(handle.db, { label: 7 } as never, { runAt: clock.now() })).rejects.toThrow();
    expect(await handle.db.selectFrom('jobs').select('id').execute()).toEqual([]);
  });

  it('survives a restart: a job enqueued before is run by a new runner over a new handle', async () => {
    const first = startJobRunner(ctx, [recordJob], { instanceId: 'before-restart', pollMs: 10 });
    await recordJob.enqueue(
      handle.db,
      { label: 'after-restart' },
      { runAt: new Date(clock.now().getTime() + 60 * 60_000), now: clock.now() },
    );
    await sleep(50);
    await first.stop();
    expect(ran).toEqual([]);

    const reopened = await openSecondHandle(handle);
    try {
      clock.advanceMinutes(61);
      const second = startJobRunner(contextFor(reopened, clock), [recordJob], { instanceId: 'after-restart', pollMs: 10 });
      for (let i = 0; i < 200 && ran.length === 0; i += 1) await sleep(10);
      await second.stop();
    } finally {
      await reopened.close();
    }
    expect(ran).toEqual(['after-restart']);
  });

  it('never enqueues the same dedupe key twice, inside or outside a transaction', async () => {
    const input = { kind: 'record', payload: { label: 'x' }, runAt: clock.now(), dedupeKey: 'offer-expiry:abc' };
    const first = await enqueueJob(handle.db, input);
    const second = await enqueueJob(handle.db, input);
    const third = await handle.db.transaction().execute(async (trx) => {
      const result = await enqueueJob(trx, input);
      // The transaction is still usable after the ignored duplicate (no aborted PG transaction).
      await enqueueJob(trx, { ...input, dedupeKey: 'offer-expiry:def' });
      return result;
    });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(third).toEqual({ id: first.id, created: false });
    const keys = await handle.db.selectFrom('jobs').select('dedupe_key').orderBy('dedupe_key').execute();
    expect(keys.map((k) => k.dedupe_key)).toEqual(['offer-expiry:abc', 'offer-expiry:def']);
    // Jobs without a key never collide.
    await enqueueJob(handle.db, { kind: 'record', payload: {}, runAt: clock.now() });
    await enqueueJob(handle.db, { kind: 'record', payload: {}, runAt: clock.now() });
    expect(await handle.db.selectFrom('jobs').select('id').execute()).toHaveLength(4);
  });

  it('leaves no job behind when the caller’s transaction rolls back', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await recordJob.enqueue(trx, { label: 'never' }, { runAt: clock.now(), dedupeKey: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await handle.db.selectFrom('jobs').select('id').execute()).toEqual([]);
    // And the key is free again.
    expect((await recordJob.enqueue(handle.db, { label: 'now' }, { runAt: clock.now(), dedupeKey: 'rolled-back' })).created).toBe(true);
  });

  it('writes deferred jobs and e-mails in one go at commit, skipping duplicate keys, and nothing on rollback', async () => {
    await handle.db.deleteFrom('email_outbox').execute();
    const org = await buildOrganization(handle.db, clock);
    await enqueueJob(handle.db, { kind: 'record', payload: { label: 'old' }, runAt: clock.now(), dedupeKey: 'taken' });
    const seenInside = await transactionWithDeferredInserts(handle.db, async (trx) => {
      const result = await recordJob.enqueue(trx, { label: 'a' }, { runAt: clock.now(), dedupeKey: 'taken' });
      expect(result.created).toBeUndefined();
      await recordJob.enqueue(trx, { label: 'b' }, { runAt: clock.now(), dedupeKey: 'fresh' });
      await queueEmail(trx, {
        organizationId: org.id,
        to: 'someone@example.test',
        template: 'new_offer',
        link: '/app/offers',
        now: clock.now(),
      });
      // Deferred: not written yet inside the transaction.
      return (await trx.selectFrom('jobs').select('id').execute()).length;
    });
    expect(seenInside).toBe(1);
    const jobs = await handle.db.selectFrom('jobs').select(['dedupe_key', 'payload', 'kind']).orderBy('created_at').orderBy('id').execute();
    // The duplicate key kept the existing job (no abort); the new job and the e-mail's send job are there.
    expect(jobs.filter((j) => j.dedupe_key === 'taken').map((j) => j.payload)).toEqual([JSON.stringify({ label: 'old' })]);
    expect(jobs.map((j) => j.dedupe_key?.replace(/^send-email:.*/, 'send-email')).sort()).toEqual(['fresh', 'send-email', 'taken']);
    expect(await handle.db.selectFrom('email_outbox').select('to_address').execute()).toEqual([{ to_address: 'someone@example.test' }]);

    await expect(
      transactionWithDeferredInserts(handle.db, async (trx) => {
        await recordJob.enqueue(trx, { label: 'never' }, { runAt: clock.now(), dedupeKey: 'rolled-back-deferred' });
        await queueEmail(trx, {
          organizationId: org.id,
          to: 'nobody@example.test',
          template: 'new_offer',
          link: '/app/offers',
          now: clock.now(),
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await handle.db.selectFrom('jobs').select('id').where('dedupe_key', '=', 'rolled-back-deferred').execute()).toEqual([]);
    expect(await handle.db.selectFrom('email_outbox').select('id').where('to_address', '=', 'nobody@example.test').execute()).toEqual([]);
  });

  it('aborts the whole transaction when a deferred insert fails at commit', async () => {
    await expect(
      transactionWithDeferredInserts(handle.db, async (trx) => {
        await recordJob.enqueue(trx, { label: 'with-bad-sibling' }, { runAt: clock.now(), dedupeKey: 'bad-sibling' });
        // A row the table refuses (NOT NULL kind), written only at the end: the job above must go too.
        await enqueueJob(trx, { kind: null as unknown as string, payload: {}, runAt: clock.now() });
      }),
    ).rejects.toThrow();
    expect(await handle.db.selectFrom('jobs').select('id').where('dedupe_key', '=', 'bad-sibling').execute()).toEqual([]);
  });

  it('retires pending and failed jobs by key so they never run, and leaves running and finished ones alone', async () => {
    const at = clock.now();
    const job = (label: string) => recordJob.enqueue(handle.db, { label }, { runAt: at, dedupeKey: `retire:${label}`, now: at });
    const pending = await job('pending');
    const failed = await job('failed');
    const running = await job('running');
    const done = await job('done');
    const other = await job('other');
    await handle.db.updateTable('jobs').set({ status: 'failed', last_error: 'boom' }).where('id', '=', failed.id).execute();
    await handle.db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'elsewhere', locked_until: new Date(at.getTime() + 10 * 60_000).toISOString() })
      .where('id', '=', running.id)
      .execute();
    await handle.db.updateTable('jobs').set({ status: 'done', finished_at: at.toISOString() }).where('id', '=', done.id).execute();

    clock.advanceMinutes(1);
    expect(
      await retirePendingJobs(
        handle.db,
        ['retire:pending', 'retire:failed', 'retire:running', 'retire:done', 'retire:absent'],
        clock.now(),
      ),
    ).toBe(2);
    expect(await retirePendingJobs(handle.db, [], clock.now())).toBe(0);
    for (const id of [pending.id, failed.id]) {
      expect(await getJob(handle.db, id)).toMatchObject({
        status: 'done',
        last_error: 'superseded',
        finished_at: clock.now().toISOString(),
        locked_by: null,
      });
    }
    expect(await getJob(handle.db, running.id)).toMatchObject({ status: 'running', locked_by: 'elsewhere' });
    expect(await getJob(handle.db, done.id)).toMatchObject({ status: 'done', last_error: null, finished_at: at.toISOString() });
    // Only the job nobody retired runs.
    await runDueJobsOnce(ctx, [recordJob]);
    expect(ran).toEqual(['other']);
    expect(await getJob(handle.db, other.id)).toMatchObject({ status: 'done' });
  });

  it('retries with backoff, records only a short code, and gives up as dead', async () => {
    let calls = 0;
    const flaky = defineJob({
      kind: 'flaky',
      payload: z.object({}),
      maxAttempts: 3,
      handle: async () => {
        calls += 1;
        if (calls === 1) throw new Error('could not reach jane.doe@hospital.example about adverse event');
        throw new JobError('upstream_down');
      },
    });
    const { id } = await flaky.enqueue(handle.db, {}, { runAt: clock.now() });

    expect(await runDueJobsOnce(ctx, [flaky])).toMatchObject({ claimed: 1, retried: 1 });
    let row = await getJob(handle.db, id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error: 'Error', locked_by: null });
    expect(row?.run_at).toBe(new Date(clock.now().getTime() + 30_000).toISOString());

    expect(await runDueJobsOnce(ctx, [flaky])).toMatchObject({ claimed: 0 });
    clock.advanceMinutes(0.5);
    expect(await runDueJobsOnce(ctx, [flaky])).toMatchObject({ claimed: 1, retried: 1 });
    row = await getJob(handle.db, id);
    expect(row).toMatchObject({ status: 'failed', attempts: 2, last_error: 'upstream_down' });
    expect(row?.run_at).toBe(new Date(clock.now().getTime() + 60_000).toISOString());

    clock.advanceMinutes(1);
    expect(await runDueJobsOnce(ctx, [flaky])).toMatchObject({ claimed: 1, dead: 1 });
    row = await getJob(handle.db, id);
    expect(row).toMatchObject({ status: 'dead', attempts: 3, last_error: 'upstream_down', finished_at: clock.now().toISOString() });
    clock.advanceMinutes(120);
    expect(await runDueJobsOnce(ctx, [flaky])).toMatchObject({ claimed: 0 });
    expect(calls).toBe(3);
  });

  it('sends a job with a bad payload or a non-retryable error straight to dead', async () => {
    const gone = defineJob({
      kind: 'gone',
      payload: z.object({}),
      handle: async () => {
        throw new JobError('record_gone', false);
      },
    });
    const a = await gone.enqueue(handle.db, {}, { runAt: clock.now() });
    const b = await enqueueJob(handle.db, { kind: 'record', payload: { label: 42 }, runAt: clock.now() });
    await runDueJobsOnce(ctx, [gone, recordJob]);
    expect(await getJob(handle.db, a.id)).toMatchObject({ status: 'dead', attempts: 1, last_error: 'record_gone' });
    expect(await getJob(handle.db, b.id)).toMatchObject({ status: 'dead', attempts: 1, last_error: 'invalid_payload' });
    expect(ran).toEqual([]);
  });

  it('commits a transactional handler’s writes together with "done", and rolls them back on failure', async () => {
    let attempt = 0;
    const parent = defineJob({
      kind: 'parent',
      payload: z.object({}),
      handle: async (_ctx, _payload, trx) => {
        attempt += 1;
        if (!trx) throw new Error('expected a transaction');
        await enqueueJob(trx, { kind: 'child', payload: { attempt }, runAt: clock.now() });
        if (attempt === 1) throw new JobError('first_time_fails');
      },
    });
    const { id } = await parent.enqueue(handle.db, {}, { runAt: clock.now() });
    await runDueJobsOnce(ctx, [parent]);
    expect(await handle.db.selectFrom('jobs').select('id').where('kind', '=', 'child').execute()).toEqual([]);
    expect(await getJob(handle.db, id)).toMatchObject({ status: 'failed', last_error: 'first_time_fails' });
    clock.advanceMinutes(1);
    await runDueJobsOnce(ctx, [parent]);
    const children = await handle.db.selectFrom('jobs').select('payload').where('kind', '=', 'child').execute();
    expect(children.map((c) => JSON.parse(c.payload))).toEqual([{ attempt: 2 }]);
    expect(await getJob(handle.db, id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('takes back the job of a crashed instance once its lock expires (at least once)', async () => {
    const { id } = await recordJob.enqueue(handle.db, { label: 'orphan' }, { runAt: clock.now() });
    const lockMs = 5 * 60_000;
    const [claimed] = await claimDueJobs(handle.db, {
      engine: handle.engine,
      instanceId: 'crashed',
      now: clock.now(),
      lockMs,
      limit: 10,
      kinds: ['record'],
    });
    expect(claimed).toMatchObject({ id, status: 'running', locked_by: 'crashed', attempts: 1 });
    // "crashed" never finishes. While its lock holds, nobody else takes the job.
    clock.advanceMinutes(4);
    expect(await runDueJobsOnce(ctx, [recordJob], { instanceId: 'survivor', lockMs })).toMatchObject({ claimed: 0 });
    clock.advanceMinutes(1);
    expect(await runDueJobsOnce(ctx, [recordJob], { instanceId: 'survivor', lockMs })).toMatchObject({ claimed: 1, done: 1 });
    expect(ran).toEqual(['orphan']);
    expect(await getJob(handle.db, id)).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
    // If the crashed instance comes back, its stale claim can no longer complete the job.
    expect(await markJobDone(handle.db, { id, lockedBy: 'crashed', attempts: 1 }, clock.now())).toBe(false);
  });

  it('gives up on a job whose every attempt was lost to crashes', async () => {
    const { id } = await recordJob.enqueue(handle.db, { label: 'cursed' }, { runAt: clock.now(), maxAttempts: 2 });
    for (let i = 0; i < 2; i += 1) {
      await claimDueJobs(handle.db, {
        engine: handle.engine,
        instanceId: `crash-${i}`,
        now: clock.now(),
        lockMs: 60_000,
        limit: 1,
        kinds: ['record'],
      });
      clock.advanceMinutes(2);
    }
    await runDueJobsOnce(ctx, [recordJob], { lockMs: 60_000 });
    expect(await getJob(handle.db, id)).toMatchObject({ status: 'dead', last_error: 'lock_expired' });
    expect(ran).toEqual([]);
  });

  it('claims at most the batch size, oldest first, skipping rows another instance holds', async () => {
    for (let n = 0; n < 30; n += 1) {
      await recordJob.enqueue(handle.db, { label: String(n) }, { runAt: new Date(clock.now().getTime() - (30 - n) * 1000) });
    }
    const ordered = await handle.db.selectFrom('jobs').select('id').orderBy('run_at').execute();
    const claim = (instanceId: string) =>
      claimDueJobs(handle.db, { engine: handle.engine, instanceId, now: clock.now(), lockMs: 60_000, limit: 7, kinds: ['record'] });
    if (handle.engine === 'postgres') {
      // Another instance is in the middle of a transaction holding the three oldest rows.
      await handle.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('jobs')
          .select('id')
          .where(
            'id',
            'in',
            ordered.slice(0, 3).map((r) => r.id),
          )
          .forUpdate()
          .execute();
        const rows = await claim('a');
        expect(rows.map((r) => r.id)).toEqual(ordered.slice(3, 10).map((r) => r.id));
      });
    } else {
      expect((await claim('a')).map((r) => r.id)).toEqual(ordered.slice(0, 7).map((r) => r.id));
    }
    expect(await claim('b')).toHaveLength(7);
  });

  it('only claims kinds this runner handles', async () => {
    const { id } = await enqueueJob(handle.db, { kind: 'someone-else', payload: {}, runAt: clock.now() });
    expect(await runDueJobsOnce(ctx, [recordJob])).toMatchObject({ claimed: 0 });
    expect(await getJob(handle.db, id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('refuses two definitions of one kind', () => {
    expect(() => startJobRunner(ctx, [recordJob, recordJob] as JobHandlers)).toThrow(/defined twice/);
  });

  it('two instances with their own database handles run each of 200 jobs exactly once', async () => {
    const other = await openSecondHandle(handle);
    const runs = new Map<string, number>();
    const byInstance = new Map<AppContext, number>();
    // On PostgreSQL the handlers are transactional and write a row each, so "exactly once" is also
    // checked in the database. SQLite is one writer: two handles in one process cannot hold
    // overlapping transactions (the second blocks the thread in busy_timeout), so there the handler
    // only counts; the claim itself is the same single atomic statement.
    const transactional = handle.engine === 'postgres';
    const work = defineJob({
      kind: 'work',
      payload: z.object({ n: z.number().int() }),
      transactional,
      handle: async (jobCtx, { n }, trx) => {
        runs.set(String(n), (runs.get(String(n)) ?? 0) + 1);
        byInstance.set(jobCtx, (byInstance.get(jobCtx) ?? 0) + 1);
        await sleep(1);
        if (trx) await enqueueJob(trx, { kind: 'effect', payload: { n }, runAt: clock.now() });
      },
    });
    try {
      await handle.db.transaction().execute(async (trx) => {
        for (let n = 0; n < 200; n += 1) await work.enqueue(trx, { n }, { runAt: clock.now(), now: clock.now() });
      });
      const ctxA = contextFor(handle, clock);
      const ctxB = contextFor(other, clock);
      const a = startJobRunner(ctxA, [work], { instanceId: 'instance-a', pollMs: 5, batchSize: 7 });
      const b = startJobRunner(ctxB, [work], { instanceId: 'instance-b', pollMs: 5, batchSize: 7 });
      try {
        for (let i = 0; i < 1500; i += 1) {
          const left = await handle.db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('kind', '=', 'work')
            .where('status', '!=', 'done')
            .executeTakeFirstOrThrow();
          if (Number(left.n) === 0) break;
          await sleep(20);
        }
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
      expect(runs.size).toBe(200);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      expect((byInstance.get(ctxA) ?? 0) + (byInstance.get(ctxB) ?? 0)).toBe(200);
      expect(byInstance.get(ctxA)).toBeGreaterThan(0);
      expect(byInstance.get(ctxB)).toBeGreaterThan(0);
      const rows = await handle.db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'work').execute();
      expect(rows.every((row) => row.status === 'done' && row.attempts === 1)).toBe(true);
      if (transactional) {
        const effects = await handle.db.selectFrom('jobs').select('payload').where('kind', '=', 'effect').execute();
        expect(new Set(effects.map((e) => (JSON.parse(e.payload) as { n: number }).n)).size).toBe(200);
        expect(effects).toHaveLength(200);
      }
    } finally {
      await other.close();
    }
  });
});
