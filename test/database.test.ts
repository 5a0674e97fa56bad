import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, REQUIRED_SQLITE_PRAGMAS } from '../server/db/database.ts';
import { containsPattern, parseJsonArray, toBool } from '../server/db/values.ts';
import { buildOrganization, buildPerson } from '../server/demo/factories.ts';
import { createTestDatabase, TestClock, usingPostgres } from './harness.ts';
import type { DatabaseHandle } from '../server/db/database.ts';

describe(`database on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let handle: DatabaseHandle;
  const clock = new TestClock();
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it('selects the engine from DATABASE_URL', () => {
    expect(handle.engine).toBe(usingPostgres ? 'postgres' : 'sqlite');
  });

  it('has nothing pending after migrating twice', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('runs SQLite with the durability and erasure settings the app requires', async () => {
    if (handle.engine !== 'sqlite') {
      const row = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(handle.db);
      expect(row.rows[0]?.synchronous_commit).toBe('on');
      return;
    }
    for (const [name, expected] of Object.entries(REQUIRED_SQLITE_PRAGMAS)) {
      const result = await sql<Record<string, unknown>>`select * from ${sql.table(`pragma_${name}`)}`.execute(handle.db);
      expect(String(Object.values(result.rows[0] ?? {})[0]), name).toBe(String(expected));
    }
  });

  it('stores booleans, JSON and timestamps the same way on both engines', async () => {
    const org = await buildOrganization(handle.db, clock);
    const person = await buildPerson(handle.db, clock, org.id, { languages: ['en', 'es'], active: false });
    const row = await handle.db.selectFrom('people').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(toBool(row.active)).toBe(false);
    expect(parseJsonArray(row.languages)).toEqual(['en', 'es']);
    expect(row.created_at).toBe('2026-11-25T09:00:00.000Z');
    const count = await handle.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('searches case-insensitively and treats % and _ literally on both engines', async () => {
    const org = await buildOrganization(handle.db, clock);
    await buildPerson(handle.db, clock, org.id, { firstName: 'Zoë', lastName: 'McALLISTER' });
    await buildPerson(handle.db, clock, org.id, { firstName: 'Percent', lastName: '100%_sure' });
    const find = async (text: string) =>
      (
        await handle.db
          .selectFrom('people')
          .select('last_name')
          .where('organization_id', '=', org.id)
          .where(sql`lower(last_name)`, 'like', sql`${containsPattern(text)} escape '\\'`)
          .execute()
      ).map((r) => r.last_name);
    expect(await find('mcallister')).toEqual(['McALLISTER']);
    expect(await find('%')).toEqual(['100%_sure']);
    expect(await find('0%_s')).toEqual(['100%_sure']);
    // As wildcards, "_" would match the "%" in "00%" and "%" would match anything.
    expect(await find('00_')).toEqual([]);
    expect(await find('x%y')).toEqual([]);
    expect(await find('_')).toEqual(['100%_sure']);
  });

  it('refuses rows that break referential integrity', async () => {
    const org = await buildOrganization(handle.db, clock);
    await expect(buildPerson(handle.db, clock, org.id, { departmentId: '01900000-0000-7000-8000-000000000000' })).rejects.toThrow();
  });
});
