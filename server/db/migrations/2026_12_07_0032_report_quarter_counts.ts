import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Reports (docs/reporting.md): a settled quarter's raw counts are kept, so later erasure cannot move
// a published figure and a report reads four rows; and indexes for counting a quarter's records.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_quarter_counts')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('kept_at', 'text', (c) => c.notNull())
    // False while the quarter has not settled: such counts are kept an hour, then counted again.
    .addColumn('settled', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_quarter_counts_pk', ['organization_id', 'quarter'])
    .execute();
  await db.schema.createIndex('cases_org_created_idx').on('cases').columns(['organization_id', 'created_at']).execute();
  await db.schema.createIndex('encounters_org_date_idx').on('encounters').columns(['organization_id', 'date']).execute();
  await db.schema.createIndex('case_offers_org_offered_idx').on('case_offers').columns(['organization_id', 'offered_at']).execute();
  await db.schema.createIndex('referral_offers_org_offered_idx').on('referral_offers').columns(['organization_id', 'offered_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('referral_offers_org_offered_idx').execute();
  await db.schema.dropIndex('case_offers_org_offered_idx').execute();
  await db.schema.dropIndex('encounters_org_date_idx').execute();
  await db.schema.dropIndex('cases_org_created_idx').execute();
  await db.schema.dropTable('report_quarter_counts').execute();
}
