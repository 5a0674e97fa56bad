import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
import type { Db, DbOrTrx, Engine } from '../db/database.ts';
import type { Database, JobsTable } from '../db/schema.ts';
import { newId } from '../db/values.ts';
import { deferInsert, hasDeferredInserts } from '../db/deferred-inserts.ts';

export type JobRow = Selectable<JobsTable>;
export type JobStatus = JobsTable['status'];

export interface EnqueueInput {
  kind: string;
  /** Any JSON value; stored as text. Ids and codes only — never names, contact details or reasons. */
  payload: unknown;
  runAt: Date;
  dedupeKey?: string | undefined;
  maxAttempts?: number | undefined;
  /** Recorded as `created_at` (pass `ctx.clock.now()`); scheduling reads only `runAt`. */
  now?: Date | undefined;
}

export interface EnqueueResult {
  /** The new job's id, or the id of the job already holding the dedupe key. */
  id: string;
  /**
   * `false` when a job with the same dedupe key already existed; `undefined` inside a transaction
   * with deferred inserts, where the row is written (or skipped as a duplicate) just before COMMIT.
   */
  created: boolean | undefined;
}

/**
 * Inserts a pending job. Pass the caller's transaction so the job exists exactly when the change
 * that caused it commits. A duplicate dedupe key is ignored (`ON CONFLICT DO NOTHING`, which unlike
 * a caught unique violation does not abort a PostgreSQL transaction).
 */
export async function enqueueJob(db: DbOrTrx, input: EnqueueInput): Promise<EnqueueResult> {
  const maxAttempts = input.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts must be a positive integer');
  const id = newId();
  const row = {
    id,
    kind: input.kind,
    payload: JSON.stringify(input.payload ?? null),
    run_at: input.runAt.toISOString(),
    status: 'pending',
    attempts: 0,
    max_attempts: maxAttempts,
    locked_by: null,
    locked_until: null,
    last_error: null,
    dedupe_key: input.dedupeKey ?? null,
    created_at: (input.now ?? new Date()).toISOString(),
    finished_at: null,
  } satisfies Insertable<JobsTable>;
  if (hasDeferredInserts(db)) {
    await deferInsert(db, 'jobs', [row], insertJobRows);
    return { id, created: undefined };
  }
  const inserted = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', input.dedupeKey ?? '')
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/** Jobs deferred to the end of a transaction, in one statement; a duplicate dedupe key is skipped as above. */
async function insertJobRows(db: DbOrTrx, rows: Insertable<JobsTable>[]): Promise<void> {
  await db
    .insertInto('jobs')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export interface ClaimOptions {
  engine: Engine;
  instanceId: string;
  now: Date;
  lockMs: number;
  limit: number;
  kinds: readonly string[];
}

/**
 * Atomically takes up to `limit` due jobs for this instance: pending or failed ones whose `run_at`
 * has come, and running ones whose lock expired (their instance crashed). One UPDATE statement:
 * on PostgreSQL the inner SELECT uses `FOR UPDATE SKIP LOCKED`, so concurrent instances take
 * disjoint sets without waiting; SQLite has one writer, and the statement is its own transaction
 * (no lock is held across an await, so several handles on one file never wait on each other).
 * `attempts` counts claims, so a crash counts as an attempt.
 */
export async function claimDueJobs(db: Db, options: ClaimOptions): Promise<JobRow[]> {
  if (options.kinds.length === 0) return [];
  const now = options.now.toISOString();
  const lockedUntil = new Date(options.now.getTime() + options.lockMs).toISOString();
  const isDue = (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.or([
      eb.and([eb('status', 'in', ['pending', 'failed']), eb('run_at', '<=', now)]),
      eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)]),
    ]);
  // The due ids are picked once, in a MATERIALIZED CTE. With `WHERE id IN (SELECT … LIMIT n FOR
  // UPDATE SKIP LOCKED)` PostgreSQL may re-run the sub-select for every row it scans, and one
  // instance then claims far more than `limit` jobs (seen in test/jobs.test.ts before this form).
  const rows = await db
    .with(
      (cte) => cte('due').materialized(),
      (qb) =>
        qb
          .selectFrom('jobs')
          .select('id')
          .where('kind', 'in', options.kinds)
          .where(isDue)
          .orderBy('run_at')
          .orderBy('id')
          .limit(options.limit)
          .$if(options.engine === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: options.instanceId,
      locked_until: lockedUntil,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
    // Re-checked on the row itself: under READ COMMITTED a row another instance claimed and
    // committed after our snapshot is re-evaluated here and dropped.
    .where(isDue)
    .returningAll()
    .execute();
  return rows.sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id < b.id ? -1 : 1));
}

/** Identifies one claim: a job re-claimed after its lock expired has a higher `attempts`. */
export interface ClaimToken {
  id: string;
  lockedBy: string;
  attempts: number;
}

export async function markJobDone(db: DbOrTrx, claim: ClaimToken, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now.toISOString(), locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', claim.lockedBy)
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markJobFailed(
  db: DbOrTrx,
  claim: ClaimToken,
  outcome: { dead: boolean; code: string; retryAt: Date; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: outcome.dead ? 'dead' : 'failed',
      ...(outcome.dead ? {} : { run_at: outcome.retryAt.toISOString() }),
      finished_at: outcome.dead ? outcome.now.toISOString() : null,
      last_error: outcome.code,
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', claim.lockedBy)
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Retires jobs that have not run yet because a later decision replaced them (a first-contact clock
 * moved, an offer's window was shortened): they are finished without running, with `last_error`
 * 'superseded' saying why. A job that is running right now is left alone (its handler must tolerate
 * the change). Returns how many were retired.
 */
export async function retirePendingJobs(db: DbOrTrx, dedupeKeys: string[], now: Date): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  const result = await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now.toISOString(), last_error: 'superseded', locked_by: null, locked_until: null })
    .where('dedupe_key', 'in', dedupeKeys)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function getJob(db: DbOrTrx, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes finished jobs (done or dead) older than `before`; returns how many. */
export async function pruneFinishedJobs(db: DbOrTrx, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'dead'])
    .where('finished_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Old finished runs of a recurring job (the hourly sweeps), so the jobs table does not grow without end. */
export async function deleteFinishedJobsOfKind(db: DbOrTrx, kind: string, finishedBefore: string): Promise<void> {
  await db.deleteFrom('jobs').where('kind', '=', kind).where('status', '=', 'done').where('finished_at', '<', finishedBefore).execute();
}
