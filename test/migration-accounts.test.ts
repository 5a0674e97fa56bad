/**
 * Migration 0022 (accounts per organisation) on a database with people signed in: the accounts table
 * is rebuilt on SQLite, and every session must still point at its account afterwards.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../server/db/migrations/index.ts';
import { migrateToLatest, type DatabaseHandle } from '../server/db/database.ts';
import { buildOrganization, buildPerson } from '../server/demo/factories.ts';
import { createTestDatabase, TestClock } from './harness.ts';

let handle: DatabaseHandle | undefined;
afterAll(async () => handle?.close());

describe('migration 0022: sign-in e-mails unique per organisation', () => {
  it('keeps every account and session, then allows one address in two organisations but not twice in one', async () => {
    handle = await createTestDatabase({ migrate: false });
    const { db } = handle;
    const migrator = new Migrator({ db, provider: migrationProvider });
    const before = await migrator.migrateTo('2026_12_07_0021_sign_in_links');
    expect(before.error).toBeUndefined();
    const clock = new TestClock();
    const orgA = await buildOrganization(db, clock);
    const orgB = await buildOrganization(db, clock);
    const alice = await buildPerson(db, clock, orgA.id, { email: 'shared@locum.test', password: 'a password of hers' });
    const at = clock.now().toISOString();
    // The sessions table as it was then (later migrations add columns insertSession now fills).
    await db
      .insertInto('sessions')
      .values({
        id: 'session-1',
        token_hash: 'hash-1',
        account_id: alice.accountId!,
        organization_id: orgA.id,
        created_at: at,
        last_seen_at: at,
        expires_at: at,
        user_agent: null,
      })
      .execute();
    const inB = await buildPerson(db, clock, orgB.id, { email: 'shared@locum.test' });
    const accountInB = (id: string, organizationId: string, personId: string) =>
      db
        .insertInto('accounts')
        .values({
          id,
          organization_id: organizationId,
          person_id: personId,
          email: 'shared@locum.test',
          password_hash: null,
          created_at: at,
          password_changed_at: null,
          last_login_at: null,
        })
        .execute();
    // Before: the same address cannot sign in to a second organisation.
    await expect(accountInB('b-1', orgB.id, inB.id)).rejects.toThrow();

    expect(await migrateToLatest(db)).toContain('2026_12_07_0022_accounts_per_organization');
    if (handle.engine === 'sqlite') expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
    const session = await db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select(['accounts.email', 'sessions.id'])
      .execute();
    expect(session).toEqual([{ email: 'shared@locum.test', id: 'session-1' }]);

    await accountInB('b-2', orgB.id, inB.id);
    const againInA = await buildPerson(db, clock, orgA.id, { email: 'other@locum.test' });
    await expect(accountInB('a-2', orgA.id, againInA.id)).rejects.toThrow();
  });
});
