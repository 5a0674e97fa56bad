import type { Db, DbOrTrx, Trx } from './database.ts';

/**
 * Append-only rows — queued jobs, outbox e-mails, case audit entries — that nothing in the same
 * transaction reads back. A transaction opened with `transactionWithDeferredInserts` collects them
 * and writes each table's rows in one multi-row INSERT just before COMMIT, instead of one statement
 * per row: request creation went from seven such statements to three (each statement is a round trip
 * on PostgreSQL, and Kysely work on both engines). The rows still commit or roll back with the
 * change that caused them, and a failing INSERT still aborts the transaction.
 *
 * It is opt-in: with any other handle (a plain transaction, the database), `deferInsert` writes at
 * once, so no code path depends on it. Use it only for transactions whose code never reads these
 * tables after writing them.
 */
type AppendOnlyTable = 'email_outbox' | 'jobs' | 'case_audit';

interface Deferred {
  rows: unknown[];
  write: (db: DbOrTrx, rows: unknown[]) => Promise<void>;
}

/** Rows per INSERT: the widest table (jobs, 13 columns) stays far below either engine's parameter limit. */
const ROWS_PER_INSERT = 500;
const openBatches = new WeakMap<object, Map<AppendOnlyTable, Deferred>>();

/** True inside `transactionWithDeferredInserts` (for writers whose answer depends on the insert). */
export function hasDeferredInserts(db: DbOrTrx): boolean {
  return openBatches.has(db);
}

export function deferInsert<R>(
  db: DbOrTrx,
  table: AppendOnlyTable,
  rows: R[],
  write: (db: DbOrTrx, rows: R[]) => Promise<void>,
): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  const batch = openBatches.get(db);
  if (!batch) return write(db, rows);
  let deferred = batch.get(table);
  if (!deferred) batch.set(table, (deferred = { rows: [], write: write as Deferred['write'] }));
  deferred.rows.push(...rows);
  return Promise.resolve();
}

export async function transactionWithDeferredInserts<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const batch = new Map<AppendOnlyTable, Deferred>();
    openBatches.set(trx, batch);
    try {
      const result = await work(trx);
      // Tables in the order their first row was deferred; rows in the order they were deferred.
      for (const { rows, write } of batch.values()) {
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await write(trx, rows.slice(i, i + ROWS_PER_INSERT));
      }
      return result;
    } finally {
      openBatches.delete(trx);
    }
  });
}
