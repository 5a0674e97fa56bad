import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Nobody sets another person's password any more: a single-use link is e-mailed to the person's
// work address instead (an invitation for someone without an account, a reset otherwise). Only the
// SHA-256 of the token is stored. The link is bound to the address it was sent to, so it dies if the
// work e-mail changes before it is used.
// Audit events gain `detail`: a code from a fixed vocabulary (a role's name, for grants and
// removals), never free text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('sign_in_links_person_idx').on('sign_in_links').column('person_id').execute();
  await db.schema.alterTable('audit_events').addColumn('detail', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_events').dropColumn('detail').execute();
  await db.schema.dropTable('sign_in_links').execute();
}
