import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../lib/context.ts';
import { handlerMap, JobError, type JobDefinition, type JobHandlers } from './define.ts';
import { claimDueJobs, markJobDone, markJobFailed, type ClaimToken, type JobRow } from './jobs.repository.ts';

export interface RunnerOptions {
  /** Written to `locked_by`; unique per process. Default: host name, pid and a random suffix. */
  instanceId?: string;
  /** Pause between polls when nothing was due. Default `ctx.config.jobsPollMs`. */
  pollMs?: number;
  /** Jobs claimed per poll. Default 10. */
  batchSize?: number;
  /** How long a claim is held; after that another instance may take the job again. Default 5 min. */
  lockMs?: number;
  /** Receives runner failures (a database outage, …). Never given payloads or request data. */
  onError?: (error: unknown) => void;
}

export interface RunSummary {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
  /** Claims that were lost to another instance before completion (lock expired meanwhile). */
  lost: number;
}

export interface JobRunner {
  readonly instanceId: string;
  /** Stops polling and waits for the batch in progress to finish. */
  stop(): Promise<void>;
}

const DEFAULT_LOCK_MS = 5 * 60_000;
const DEFAULT_BATCH = 10;

export function defaultInstanceId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** A short, data-free code for `jobs.last_error`: JobError codes, Node/SMTP error codes, else the class. */
export function errorCode(error: unknown): string {
  const code = error instanceof JobError ? error.code : (error as { code?: unknown } | null)?.code;
  const candidate = typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
  return /^[A-Za-z0-9_.:-]{1,64}$/.test(candidate) ? candidate : 'error';
}

function emptySummary(): RunSummary {
  return { claimed: 0, done: 0, retried: 0, dead: 0, lost: 0 };
}

async function runOne(ctx: AppContext, definition: JobDefinition<unknown> | undefined, row: JobRow, summary: RunSummary): Promise<void> {
  const claim: ClaimToken = { id: row.id, lockedBy: row.locked_by ?? '', attempts: row.attempts };
  const fail = async (error: unknown, forceDead = false): Promise<void> => {
    const now = ctx.clock.now();
    const retryable = !(error instanceof JobError && !error.retryable);
    const dead = forceDead || !retryable || row.attempts >= row.max_attempts;
    const backoff = definition ? definition.backoffMs(row.attempts) : 0;
    const recorded = await markJobFailed(ctx.db, claim, {
      dead,
      code: errorCode(error),
      retryAt: new Date(now.getTime() + backoff),
      now,
    });
    if (!recorded) summary.lost += 1;
    else if (dead) summary.dead += 1;
    else summary.retried += 1;
  };

  if (!definition) return fail(new JobError('unknown_kind', false));
  // A crashed instance's claim that used up the last attempt: give up rather than loop forever.
  if (row.attempts > row.max_attempts) return fail(new JobError('lock_expired', false));
  let payload: unknown;
  try {
    payload = definition.payload.parse(JSON.parse(row.payload));
  } catch {
    return fail(new JobError('invalid_payload', false));
  }

  try {
    if (definition.transactional) {
      const completed = await ctx.db.transaction().execute(async (trx) => {
        // Marked done first: on PostgreSQL this locks the row for the whole handler, so no other
        // instance can re-claim it meanwhile, and the handler's writes commit together with `done`.
        if (!(await markJobDone(trx, claim, ctx.clock.now()))) return false;
        await definition.handle(ctx, payload, trx);
        return true;
      });
      if (completed) summary.done += 1;
      else summary.lost += 1;
    } else {
      await definition.handle(ctx, payload, undefined);
      if (await markJobDone(ctx.db, claim, ctx.clock.now())) summary.done += 1;
      else summary.lost += 1;
    }
  } catch (error) {
    await fail(error);
  }
}

async function runBatch(
  ctx: AppContext,
  handlers: Map<string, JobDefinition<unknown>>,
  options: { instanceId: string; lockMs: number; batchSize: number },
  summary: RunSummary,
): Promise<number> {
  const rows = await claimDueJobs(ctx.db, {
    engine: ctx.engine,
    instanceId: options.instanceId,
    now: ctx.clock.now(),
    lockMs: options.lockMs,
    limit: options.batchSize,
    kinds: [...handlers.keys()],
  });
  summary.claimed += rows.length;
  // Jobs that hold no transaction while they work (sending e-mail, calling a webhook) wait on the
  // network: the batch's ones run side by side. The others run one after another, as SQLite has a
  // single writer and their transactions would only queue.
  const concurrent = rows.filter((row) => handlers.get(row.kind)?.transactional === false);
  const serial = rows.filter((row) => !concurrent.includes(row));
  await Promise.all([
    (async () => {
      for (const row of serial) await runOne(ctx, handlers.get(row.kind), row, summary);
    })(),
    ...concurrent.map((row) => runOne(ctx, handlers.get(row.kind), row, summary)),
  ]);
  return rows.length;
}

/**
 * Runs every job that is due at `ctx.clock.now()` (and anything that becomes due while doing so),
 * then returns. For tests with a TestClock and for one-off maintenance.
 */
export async function runDueJobsOnce(
  ctx: AppContext,
  handlers: JobHandlers,
  options: Pick<RunnerOptions, 'instanceId' | 'batchSize' | 'lockMs'> = {},
): Promise<RunSummary> {
  const map = handlerMap(handlers);
  const resolved = {
    instanceId: options.instanceId ?? defaultInstanceId(),
    lockMs: options.lockMs ?? DEFAULT_LOCK_MS,
    batchSize: options.batchSize ?? DEFAULT_BATCH,
  };
  const summary = emptySummary();
  while ((await runBatch(ctx, map, resolved, summary)) > 0) {
    // keep going until nothing is due
  }
  return summary;
}

/**
 * Polls the jobs table until stopped. Safe to run in every app instance: a job is claimed by one
 * instance at a time, and a claim whose instance died is taken over after `lockMs`.
 */
export function startJobRunner(ctx: AppContext, handlers: JobHandlers, options: RunnerOptions = {}): JobRunner {
  const map = handlerMap(handlers);
  const instanceId = options.instanceId ?? defaultInstanceId();
  const pollMs = options.pollMs ?? ctx.config.jobsPollMs;
  const batch = { instanceId, lockMs: options.lockMs ?? DEFAULT_LOCK_MS, batchSize: options.batchSize ?? DEFAULT_BATCH };
  const onError = options.onError ?? ((error: unknown) => console.error(`job runner: ${errorCode(error)}`));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async (): Promise<void> => {
    let claimed = 0;
    try {
      claimed = await runBatch(ctx, map, batch, emptySummary());
    } catch (error) {
      onError(error);
    }
    if (stopped) return;
    // A full batch means more may be waiting: go again at once, otherwise sleep.
    timer = setTimeout(schedule, claimed >= batch.batchSize ? 0 : pollMs);
  };
  const schedule = (): void => {
    timer = undefined;
    if (!stopped) current = tick();
  };
  timer = setTimeout(schedule, 0);

  return {
    instanceId,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
