import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// After a heavy conversation a supporter may take a cool-down: no new offers for this many days
// (docs/team.md, "Looking after supporters"). Three days unless the program says otherwise.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('cooldown_days', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('cooldown_days').execute();
}
