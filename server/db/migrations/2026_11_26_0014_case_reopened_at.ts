import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// When a requester last reopened the case ("Talk again", docs/product.md). Matching skips
// supporters already offered the case only within the current round: after a reopen, the earlier
// round's offers (including the supporter who helped last time) no longer count.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('reopened_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('reopened_at').execute();
}
