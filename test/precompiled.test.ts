import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../server/db/database.ts';
import { precompiled } from '../server/db/precompiled.ts';
import { buildOrganization, buildPerson, type BuiltOrganization } from '../server/demo/factories.ts';
import { createTestDatabase, TestClock, usingPostgres } from './harness.ts';

describe(`precompiled queries on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let handle: DatabaseHandle;
  let orgA: BuiltOrganization;
  let orgB: BuiltOrganization;
  const clock = new TestClock();
  const names = ['Ada', 'Bea', 'Cyd'];

  // Three values of the same type in three places, and a constant list: a swapped slot or a lost
  // constant changes the answer.
  const peopleNamed = precompiled(
    (db, organizationId: string, firstName: string, lastName: string) =>
      db
        .selectFrom('people')
        .select(['id', 'first_name', 'last_name', 'organization_id'])
        .where('organization_id', '=', organizationId)
        .where('first_name', '=', firstName)
        .where('last_name', '=', lastName)
        .where('first_name', 'in', names)
        .orderBy('id'),
    3,
  );

  beforeAll(async () => {
    handle = await createTestDatabase();
    orgA = await buildOrganization(handle.db, clock);
    orgB = await buildOrganization(handle.db, clock);
    for (const org of [orgA, orgB]) {
      for (const first of [...names, 'Dee']) {
        for (const last of ['Ng', 'Ortiz']) await buildPerson(handle.db, clock, org.id, { firstName: first, lastName: last });
      }
    }
  });
  afterAll(async () => handle.close());

  it('puts each value in its own place, keeps the constants, and serves calls running side by side', async () => {
    const cases = [
      [orgA.id, 'Ada', 'Ng'],
      [orgB.id, 'Bea', 'Ortiz'],
      [orgA.id, 'Cyd', 'Ortiz'],
      [orgB.id, 'Ada', 'Ng'],
    ] as const;
    const results = await Promise.all(cases.map(([org, first, last]) => peopleNamed(handle.db, org, first, last)));
    results.forEach((rows, i) => {
      const [org, first, last] = cases[i]!;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ organization_id: org, first_name: first, last_name: last });
    });
    // 'Dee' exists but is outside the constant list compiled into the query.
    expect(await peopleNamed(handle.db, orgA.id, 'Dee', 'Ng')).toEqual([]);
    // Values swapped between places find nothing rather than someone else.
    expect(await peopleNamed(handle.db, 'Ng', 'Ada', orgA.id)).toEqual([]);
  });

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    await handle.db.transaction().execute(async (trx) => {
      const person = await buildPerson(trx, clock, orgA.id, { firstName: 'Bea', lastName: 'Quinn' });
      expect((await peopleNamed(trx, orgA.id, 'Bea', 'Quinn')).map((r) => r.id)).toEqual([person.id]);
      // SQLite has one connection, which the transaction holds; PostgreSQL's others must not see it.
      if (usingPostgres) expect(await peopleNamed(handle.db, orgA.id, 'Bea', 'Quinn')).toEqual([]);
    });
  });

  it('refuses a query that binds a value twice or not at all', async () => {
    const twice = precompiled(
      (db, id: string) => db.selectFrom('people').select('id').where('id', '=', id).where('manager_id', '=', id),
      1,
    );
    await expect(twice(handle.db, 'x')).rejects.toThrow(/exactly once/);
    const never = precompiled((db, _id: string) => db.selectFrom('people').select('id').where('id', '=', 'fixed'), 1);
    await expect(never(handle.db, 'x')).rejects.toThrow(/exactly once/);
  });
});
