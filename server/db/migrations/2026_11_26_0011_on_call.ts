import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// The on-call rota: one rolling rotation per program (its time zone is the
// organisation's), single shifts and overrides, swap requests between supporters, and each
// supporter's calendar-feed token (only its SHA-256 hash is stored).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('on_call_rotations')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    // JSON array of person ids in turn order.
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('handoff_at', 'text', (c) => c.notNull())
    .addColumn('period_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Single shifts and overrides: the same shape, two layers (an override beats a shift).
  await db.schema
    .createTable('on_call_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('on_call_shifts_org_ends_idx').on('on_call_shifts').columns(['organization_id', 'ends_at']).execute();

  await db.schema
    .createTable('on_call_swaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('from_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('to_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The supporter who asked, or the administrator who made it on someone's behalf.
    .addColumn('created_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    // The override an accepted swap created.
    .addColumn('override_id', 'text', (c) => c.references('on_call_shifts.id'))
    .execute();
  await db.schema.createIndex('on_call_swaps_org_created_idx').on('on_call_swaps').columns(['organization_id', 'created_at']).execute();

  await db.schema
    .createTable('on_call_feed_tokens')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('on_call_feed_tokens').execute();
  await db.schema.dropTable('on_call_swaps').execute();
  await db.schema.dropTable('on_call_shifts').execute();
  await db.schema.dropTable('on_call_rotations').execute();
}
