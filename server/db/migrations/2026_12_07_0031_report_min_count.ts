import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Leadership's reports hide every count below this (docs/reporting.md): 11 unless the director
// sets another value from 5 to 20.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('report_min_count', 'integer', (c) => c.notNull().defaultTo(11))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('report_min_count').execute();
}
