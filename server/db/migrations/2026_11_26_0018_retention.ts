import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Retention and erasure (docs/product.md, C4). The program's retention period in days (0 = erase
// at closure, at most 365), and on each case the time its identifying data was erased. What stays
// of an erased case is de-identified statistics (docs/decisions/007-retention-and-erasure.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(30))
    .execute();
  await db.schema.alterTable('cases').addColumn('erased_at', 'text').execute();
  // The erasure sweep: finished cases of an organisation by closing time.
  await db.schema.createIndex('cases_retention_idx').on('cases').columns(['organization_id', 'closed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_retention_idx').execute();
  await db.schema.alterTable('cases').dropColumn('erased_at').execute();
  await db.schema.alterTable('organizations').dropColumn('retention_days').execute();
}
