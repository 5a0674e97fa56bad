import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  OperationNodeTransformer,
  PostgresDialect,
  PrimitiveValueListNode,
  SqliteDialect,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type Transaction,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import { createStatementNamer } from './pg-prepared.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repositories take either; functions that must be atomic ask for `Trx` in their type. */
export type DbOrTrx = Db | Trx;
export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

/** better-sqlite3 binds only numbers, strings, bigints, buffers and null. */
function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

class SqliteValueTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return super.transformValue({ ...node, value: toSqliteValue(node.value) });
  }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return super.transformPrimitiveValueList({ ...node, values: node.values.map(toSqliteValue) });
  }
}

/**
 * Bound values are converted where the SQL is run (`bindable` below), which is one pass over the
 * parameters; walking and copying the whole query tree for that cost ~3 % of a cheap read. Only
 * statements whose values are written into the SQL text (schema changes: `defaultTo(false)`) still
 * go through the tree transformer.
 */
class SqliteValuePlugin implements KyselyPlugin {
  readonly #transformer = new SqliteValueTransformer();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return DML_KINDS.has(args.node.kind) ? args.node : this.#transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
const DML_KINDS = new Set<string>(['SelectQueryNode', 'InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'RawNode']);

function bindable(parameters: readonly unknown[]): unknown[] {
  return parameters.map(toSqliteValue);
}

// pg returns int8 (count(*)) as a string; every count we take fits in a JS number.
pg.types.setTypeParser(20, (value) => Number(value));

/** Durability and safety settings the app refuses to run without (see docs/decisions). */
export const REQUIRED_SQLITE_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  secure_delete: 1,
  busy_timeout: 5000,
} as const;

function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma(`busy_timeout = ${REQUIRED_SQLITE_PRAGMAS.busy_timeout}`);
  for (const [name, expected] of Object.entries(REQUIRED_SQLITE_PRAGMAS)) {
    const actual = sqlite.pragma(name, { simple: true });
    const ok = name === 'journal_mode' && file === ':memory:' ? true : String(actual) === String(expected);
    if (!ok) {
      sqlite.close();
      throw new Error(`SQLite pragma ${name} is ${String(actual)}, expected ${String(expected)}`);
    }
  }
  return sqlite;
}

/**
 * Kysely's SQLite driver prepares every statement anew on each query; preparing was ~10 % of the
 * server's time on hot routes (bench/README.md). The app issues a bounded set of distinct SQL
 * strings, so prepared statements are kept by SQL text (least recently used dropped past the bound).
 * A statement still being iterated is never handed out twice: a busy one gets a fresh prepare.
 */
const STATEMENT_CACHE_SIZE = 1_000;

/** What Kysely's SQLite driver uses of a statement; `bindable` converts the values on the way in. */
interface CachedStatement {
  readonly reader: boolean;
  readonly statement: SqliteDatabase.Statement;
  all(parameters: readonly unknown[]): unknown[];
  run(parameters: readonly unknown[]): SqliteDatabase.RunResult;
  iterate(parameters: readonly unknown[]): IterableIterator<unknown>;
}

function cachedStatement(statement: SqliteDatabase.Statement): CachedStatement {
  return {
    reader: statement.reader,
    statement,
    all: (parameters) => statement.all(bindable(parameters)),
    run: (parameters) => statement.run(bindable(parameters)),
    iterate: (parameters) => statement.iterate(bindable(parameters)),
  };
}

function withStatementCache(sqlite: SqliteDatabase.Database): { close(): void; prepare(sql: string): CachedStatement } {
  const cache = new Map<string, CachedStatement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      const cached = cache.get(sql);
      if (cached && !cached.statement.busy) {
        // Re-insert to mark it most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = cachedStatement(sqlite.prepare(sql));
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}

export function openDatabase(options: { databaseUrl?: string | undefined; sqlitePath: string }): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client whose connection the server ends (restart, failover) emits 'error'; the pool
    // drops it and the next query gets a fresh one. Unhandled, the event would crash the process.
    pool.on('error', () => {});
    const namer = createStatementNamer();
    pool.on('connect', (client) => namer.nameStatementsOf(client));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const sqlite = openSqlite(options.sqlitePath);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new SqliteValuePlugin()],
  });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Cheap round trip used by /readyz. */
export async function ping(db: Db): Promise<void> {
  await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
}
