import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Sign-in e-mails become unique per organisation, not per deployment: a locum, a consultant or a
// shared mailbox may have accounts at two organisations of one deployment, and nothing may tell one
// organisation's administrators that an address exists in another.
// SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt the way SQLite documents
// ("making other kinds of table schema changes"): foreign keys off, rebuild in a transaction, check
// them, commit, foreign keys on. Sessions keep pointing at "accounts" by name.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // Kysely runs SQLite migrations outside a transaction, on the one connection: the pragma holds.
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    try {
      await db.transaction().execute(async (trx) => {
        await sql`CREATE TABLE accounts_new (
          id text PRIMARY KEY,
          organization_id text NOT NULL REFERENCES organizations(id),
          person_id text NOT NULL UNIQUE REFERENCES people(id),
          email text NOT NULL,
          password_hash text,
          created_at text NOT NULL,
          password_changed_at text,
          last_login_at text,
          UNIQUE (organization_id, email)
        )`.execute(trx);
        await sql`INSERT INTO accounts_new (id, organization_id, person_id, email, password_hash, created_at, password_changed_at, last_login_at)
          SELECT id, organization_id, person_id, email, password_hash, created_at, password_changed_at, last_login_at FROM accounts`.execute(
          trx,
        );
        await sql`DROP TABLE accounts`.execute(trx);
        await sql`ALTER TABLE accounts_new RENAME TO accounts`.execute(trx);
        const broken = await sql`PRAGMA foreign_key_check`.execute(trx);
        if (broken.rows.length) throw new Error('accounts rebuild left foreign keys broken');
      });
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(db);
    }
  } else {
    await sql`ALTER TABLE accounts DROP CONSTRAINT accounts_email_key`.execute(db);
    await sql`ALTER TABLE accounts ADD CONSTRAINT accounts_organization_email_key UNIQUE (organization_id, email)`.execute(db);
  }
  // Sign-in looks addresses up across organisations first.
  await db.schema.createIndex('accounts_email_idx').on('accounts').column('email').execute();
}

export async function down(): Promise<void> {
  throw new Error('Accounts per organisation cannot be undone once two organisations share an address');
}
