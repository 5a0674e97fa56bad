import type pg from 'pg';

/**
 * PostgreSQL side of the statement cache SQLite has in database.ts: every parametrised statement
 * Kysely sends is given a name, so each pooled connection parses and plans it once and then only
 * binds and executes it. On a host where PostgreSQL shares the CPU with the app, parsing and
 * planning the same handful of statements on every request was a third of a signed-in read's cost
 * (bench/README.md, "Named statements on PostgreSQL").
 *
 * Names are given per process and mean the same text on every connection (node-postgres refuses a
 * name reused for a different text). A prepared statement lives as long as its connection, and
 * PostgreSQL re-plans it by itself when a table it reads changes, so nothing needs evicting — but
 * the number of names is capped, and statements whose text varies with the data (multi-row
 * inserts, long IN lists) are left unnamed, so the connections' plan caches stay small.
 *
 * Statements that select or return `*` are left unnamed too: PostgreSQL refuses to run a prepared
 * statement whose result columns have changed ("cached plan must not change result type"), so a
 * migration adding a column — run by a newer instance during a rolling deploy — would break every
 * pooled connection of the older instances that had prepared one.
 */
export const MAX_NAMED_STATEMENTS = 400;
const MAX_VALUES = 64;
const MAX_TEXT = 4_000;
/** `select *`, `returning *`, `"cases".*` — but not `count(*)`. */
const STAR_COLUMNS = /(?:^|[\s,])\*|"\.\*/;

type QueryFn = (...args: unknown[]) => unknown;

export function createStatementNamer(limit = MAX_NAMED_STATEMENTS) {
  const names = new Map<string, string>();
  const nameFor = (text: string, valueCount: number): string | undefined => {
    if (valueCount === 0 || valueCount > MAX_VALUES || text.length > MAX_TEXT || STAR_COLUMNS.test(text)) return undefined;
    const known = names.get(text);
    if (known || names.size >= limit) return known;
    const name = `peerline_${names.size}`;
    names.set(text, name);
    return name;
  };

  /** Wraps a pooled client's `query` (Kysely calls it as `query(text, values)`). */
  const nameStatementsOf = (client: pg.PoolClient): void => {
    const query = client.query.bind(client) as QueryFn;
    const named: QueryFn = (text, values, callback) => {
      const name = typeof text === 'string' && Array.isArray(values) ? nameFor(text, values.length) : undefined;
      return name ? query({ name, text, values }, callback) : query(text, values, callback);
    };
    (client as unknown as { query: QueryFn }).query = named;
  };

  return {
    nameFor,
    nameStatementsOf,
    get size() {
      return names.size;
    },
  };
}
