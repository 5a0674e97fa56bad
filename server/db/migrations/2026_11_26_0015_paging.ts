import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// The urgent path (docs/product.md, "Offer cascade and the urgent path"): each program's escalation
// chain (ack window and steps), and one row per person paged, so every step of every chain is on
// record (who was paged is a person id; never anything about what happened).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('paging_settings')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('ack_minutes', 'integer', (c) => c.notNull())
    // JSON array of steps: 'on_call', 'backup', 'program_admin', 'program_director'.
    .addColumn('steps', 'text', (c) => c.notNull())
    // Optional SMS/webhook gateway; receives content-free JSON only.
    .addColumn('webhook_url', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    // The case the chain was started for (an urgent notice: its first urgent case, with case_count).
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('case_count', 'integer', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('target_role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text', (c) => c.references('people.id'))
    .execute();
  await db.schema.createIndex('pages_person_idx').on('pages').columns(['organization_id', 'person_id', 'status']).execute();
  await db.schema.createIndex('pages_case_idx').on('pages').columns(['case_id', 'step']).execute();
  // One page per person per step of a chain, whatever runs twice.
  await db.schema.createIndex('pages_once_idx').on('pages').columns(['case_id', 'step', 'person_id']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pages').execute();
  await db.schema.dropTable('paging_settings').execute();
}
