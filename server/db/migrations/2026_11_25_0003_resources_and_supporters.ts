import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('url', 'text')
    .addColumn('hours', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resources_org_idx').on('resources').columns(['organization_id', 'category']).execute();

  await db.schema
    .createTable('supporter_profiles')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('certified_until', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('modalities', 'text', (c) => c.notNull())
    .addColumn('experience_tags', 'text', (c) => c.notNull())
    .addColumn('weekly_availability', 'text', (c) => c.notNull())
    .addColumn('away_periods', 'text', (c) => c.notNull())
    .addColumn('paused_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supporter_profiles_org_idx').on('supporter_profiles').column('organization_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('supporter_profiles').execute();
  await db.schema.dropTable('resources').execute();
}
