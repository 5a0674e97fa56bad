import { createQueryId, type Compilable, type CompiledQuery } from 'kysely';
import type { DbOrTrx } from './database.ts';

/**
 * A query whose SQL never changes, built and compiled by Kysely once per database (dialect), so that
 * each call only swaps its values in. Building a query is a fifth of a cheap signed-in read's server
 * time (bench/README.md), and the session read runs on every request.
 *
 * `build` receives stand-ins for the values and must bind each exactly once, as scalars (a value
 * that changes the SQL text — a list for `in`, an optional clause — cannot be precompiled; keep it
 * as a normal query). Constants written in `build` stay bound as they were compiled.
 */
export function precompiled<Args extends readonly (string | number | null)[], Row>(
  build: (db: DbOrTrx, ...args: Args) => Compilable<Row>,
  arity: Args['length'],
) {
  const compiledBy = new WeakMap<object, { query: CompiledQuery<Row>; slots: number[] }>();

  const compile = (db: DbOrTrx) => {
    const standIns = Array.from({ length: arity }, (_, i) => `\u0000precompiled-value-${i}\u0000`);
    const query = build(db, ...(standIns as unknown as Args)).compile();
    const slots = standIns.map((standIn) => {
      const at = query.parameters.indexOf(standIn);
      if (at < 0 || query.parameters.lastIndexOf(standIn) !== at) {
        throw new Error(`precompiled query must bind each value exactly once: ${query.sql}`);
      }
      return at;
    });
    return { query, slots };
  };

  return async (db: DbOrTrx, ...args: Args): Promise<Row[]> => {
    // The compiled SQL depends only on the dialect, which a database and its transactions share.
    const adapter = db.getExecutor().adapter;
    let entry = compiledBy.get(adapter);
    if (!entry) compiledBy.set(adapter, (entry = compile(db)));
    const parameters = [...entry.query.parameters];
    entry.slots.forEach((slot, i) => {
      parameters[slot] = args[i];
    });
    const result = await db.executeQuery<Row>({ ...entry.query, parameters, queryId: createQueryId() });
    return result.rows;
  };
}
