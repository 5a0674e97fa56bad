import type { Kysely } from 'kysely';

// Matching walks the requester's reporting line (managers up, direct reports down) for every new
// request; without this index the "direct reports" lookup scans the whole staff table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('people_manager_idx').on('people').columns(['organization_id', 'manager_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_manager_idx').execute();
}
