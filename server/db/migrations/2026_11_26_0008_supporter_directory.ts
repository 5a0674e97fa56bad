import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Whether requesters may pick their own supporter from a directory (docs/product.md, "Matching"):
// a program choice, off unless the director turns it on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('supporter_directory_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('supporter_directory_enabled').execute();
}
