import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here.
// A supporter's way through the program (docs/team.md): `supporter_profiles.status` now holds the
// lifecycle state (the old values active, paused and retired keep their meaning), `state_since`
// when it was entered, and nominations say who put a name forward. A declined nomination is deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('supporter_profiles').addColumn('state_since', 'text').execute();
  await sql`update supporter_profiles set state_since = updated_at`.execute(db);
  await db.schema
    .createTable('supporter_nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('nominee_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('nominated_by_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supporter_nominations_nominee_idx')
    .on('supporter_nominations')
    .columns(['organization_id', 'nominee_person_id'])
    .execute();
  await db.schema.createIndex('supporter_profiles_status_idx').on('supporter_profiles').columns(['organization_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('supporter_profiles_status_idx').execute();
  await db.schema.dropTable('supporter_nominations').execute();
  await db.schema.alterTable('supporter_profiles').dropColumn('state_since').execute();
}
