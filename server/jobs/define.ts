import type { z } from 'zod';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { AppContext } from '../lib/context.ts';
import { enqueueJob, type EnqueueResult } from './jobs.repository.ts';

/** Thrown by a handler to record a specific short code in `jobs.last_error`. */
export class JobError extends Error {
  constructor(
    readonly code: string,
    /** `false`: retrying cannot help (bad data, gone record); the job goes straight to `dead`. */
    readonly retryable = true,
  ) {
    super(code);
    this.name = 'JobError';
  }
}

export interface EnqueueOptions {
  /** When the job becomes due (it never runs earlier). */
  runAt: Date;
  /** One job per key, ever: a second enqueue with the same key is a no-op (e.g. `offer-expiry:<id>`). */
  dedupeKey?: string;
  maxAttempts?: number;
  /** Recorded as `created_at`; pass `ctx.clock.now()`. */
  now?: Date;
}

export interface JobDefinition<P = unknown> {
  readonly kind: string;
  readonly payload: z.ZodType<P>;
  readonly maxAttempts: number;
  /**
   * `true`: the handler gets a transaction in which the job is also marked done, so its database
   * effects commit exactly once (on PostgreSQL the job's row stays locked while it runs). `false`:
   * no transaction is held open (for handlers that talk to the outside world, e.g. SMTP).
   */
  readonly transactional: boolean;
  /** Delay before retry number `attempt` (1 = after the first failure). */
  backoffMs(attempt: number): number;
  handle(ctx: AppContext, payload: P, trx: Trx | undefined): Promise<void>;
  /** Validates the payload and enqueues this job, inside the caller's transaction when given one. */
  enqueue(db: DbOrTrx, payload: P, options: EnqueueOptions): Promise<EnqueueResult>;
}

export interface JobSpec<P> {
  kind: string;
  payload: z.ZodType<P>;
  handle(ctx: AppContext, payload: P, trx: Trx | undefined): Promise<void>;
  /** Default 5. */
  maxAttempts?: number;
  /** Default true. */
  transactional?: boolean;
  /** Default: 30 s doubling each time, at most 1 h. */
  backoffMs?: (attempt: number) => number;
}

export function defaultBackoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

const KIND = /^[a-z][a-z0-9-]{0,62}$/;

export function defineJob<P>(spec: JobSpec<P>): JobDefinition<P> {
  if (!KIND.test(spec.kind)) throw new Error(`job kind "${spec.kind}" must be lower-case kebab-case`);
  const maxAttempts = spec.maxAttempts ?? 5;
  const definition: JobDefinition<P> = {
    kind: spec.kind,
    payload: spec.payload,
    maxAttempts,
    transactional: spec.transactional ?? true,
    backoffMs: spec.backoffMs ?? defaultBackoffMs,
    handle: spec.handle,
    enqueue: async (db, payload, options) =>
      enqueueJob(db, {
        kind: spec.kind,
        payload: spec.payload.parse(payload),
        runAt: options.runAt,
        dedupeKey: options.dedupeKey,
        maxAttempts: options.maxAttempts ?? maxAttempts,
        now: options.now,
      }),
  };
  return definition;
}

/** The handlers one runner serves, by kind; two definitions of one kind are a programming error. */
export type JobHandlers = readonly JobDefinition<unknown>[];

export function handlerMap(handlers: JobHandlers): Map<string, JobDefinition<unknown>> {
  const map = new Map<string, JobDefinition<unknown>>();
  for (const handler of handlers) {
    if (map.has(handler.kind)) throw new Error(`job kind "${handler.kind}" is defined twice`);
    map.set(handler.kind, handler);
  }
  return map;
}
