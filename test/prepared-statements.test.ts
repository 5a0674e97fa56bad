import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../server/db/database.ts';
import { createStatementNamer } from '../server/db/pg-prepared.ts';
import { buildOrganization, buildPerson } from '../server/demo/factories.ts';
import { createTestDatabase, openSecondHandle, TestClock, usingPostgres } from './harness.ts';

describe('which statements get a name (PostgreSQL prepares them once per connection)', () => {
  const select = 'select "id", "first_name" from "people" where "organization_id" = $1 and "id" = $2';

  it('names a parametrised statement, and the same text always gets the same name', () => {
    const namer = createStatementNamer();
    const name = namer.nameFor(select, 2);
    expect(name).toMatch(/^peerline_\d+$/);
    expect(namer.nameFor(select, 2)).toBe(name);
    expect(namer.nameFor(`${select} limit $3`, 3)).not.toBe(name);
  });

  it('leaves unnamed what would only bloat the plan caches or break on a schema change', () => {
    const namer = createStatementNamer();
    expect(namer.nameFor('begin', 0)).toBeUndefined();
    const manyValues = `insert into "case_audit" ("id") values ${Array.from({ length: 65 }, (_, i) => `($${i + 1})`).join(', ')}`;
    expect(namer.nameFor(manyValues, 65)).toBeUndefined();
    expect(namer.nameFor(`select "id" from "people" where "id" = $1 ${' '.repeat(4_000)}`, 1)).toBeUndefined();
    expect(namer.nameFor('select * from "cases" where "id" = $1', 1)).toBeUndefined();
    expect(namer.nameFor('select "cases".* from "cases" where "id" = $1', 1)).toBeUndefined();
    expect(namer.nameFor('insert into "jobs" ("id") values ($1) returning *', 1)).toBeUndefined();
    expect(namer.nameFor('select count(*) as "n" from "cases" where "organization_id" = $1', 1)).toMatch(/^peerline_/);
    expect(namer.size).toBe(1);
  });

  it('stops naming new statements at the cap but keeps the names it gave', () => {
    const namer = createStatementNamer(2);
    const first = namer.nameFor('select "id" from "a" where "x" = $1', 1);
    namer.nameFor('select "id" from "b" where "x" = $1', 1);
    expect(namer.nameFor('select "id" from "c" where "x" = $1', 1)).toBeUndefined();
    expect(namer.nameFor('select "id" from "a" where "x" = $1', 1)).toBe(first);
  });
});

describe(`prepared statements on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let handle: DatabaseHandle;
  let other: DatabaseHandle;
  const clock = new TestClock();
  beforeAll(async () => {
    handle = await createTestDatabase();
    other = await openSecondHandle(handle);
  });
  afterAll(async () => {
    await other.close();
    await handle.close();
  });

  it('keeps answering on a connection that prepared them after another instance adds a column (rolling deploy)', async () => {
    const org = await buildOrganization(handle.db, clock);
    const person = await buildPerson(handle.db, clock, org.id, { firstName: 'Ines' });
    await handle.db.connection().execute(async (conn) => {
      const byColumnsQuery = conn
        .selectFrom('people')
        .select(['id', 'first_name'])
        .where('organization_id', '=', org.id)
        .where('id', '=', person.id);
      const byColumns = () => byColumnsQuery.executeTakeFirst();
      const everything = () =>
        conn.selectFrom('people').selectAll().where('organization_id', '=', org.id).where('id', '=', person.id).executeTakeFirst();
      // Past PostgreSQL's five custom plans, so the connection holds a generic plan too.
      for (let i = 0; i < 7; i++) {
        expect((await byColumns())?.first_name).toBe('Ines');
        expect((await everything())?.first_name).toBe('Ines');
      }
      if (usingPostgres) {
        const { rows } = await sql<{
          statement: string;
        }>`select statement from pg_prepared_statements where name like 'peerline_%'`.execute(conn);
        const prepared = rows.map((r) => r.statement);
        expect(prepared).toContain(byColumnsQuery.compile().sql);
        expect(prepared.some((text) => text.startsWith('select * from "people"'))).toBe(false);
      }

      await sql`alter table people add column nickname text`.execute(other.db);

      expect(await byColumns()).toEqual({ id: person.id, first_name: 'Ines' });
      const row = await everything();
      expect(row?.first_name).toBe('Ines');
      expect(row).toHaveProperty('nickname', null);
    });
  });

  it('reports a bad statement as an error and goes on serving the same text afterwards', async () => {
    await handle.db.connection().execute(async (conn) => {
      const bad = sql`select "id" from "no_such_table" where "id" = ${'x'}`;
      await expect(bad.execute(conn)).rejects.toThrow(/no_such_table|does not exist/);
      await sql`create table no_such_table (id text)`.execute(conn);
      expect((await sql`select "id" from "no_such_table" where "id" = ${'x'}`.execute(conn)).rows).toEqual([]);
      await sql`drop table no_such_table`.execute(conn);
    });
  });
});
