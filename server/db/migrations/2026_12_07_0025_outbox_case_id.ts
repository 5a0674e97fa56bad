import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// An e-mail about a case carries the case's id, so erasure removes exactly the case's messages
// (docs/product.md, C4) instead of guessing them from addresses and link texts that other modules
// choose. Never shown: the outbox listing does not return it. Messages queued before this migration
// have none; erasure still finds those the old way (server/modules/retention/retention.repository.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('email_outbox').addColumn('case_id', 'text').execute();
  await db.schema.createIndex('email_outbox_case_idx').on('email_outbox').column('case_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('email_outbox_case_idx').execute();
  await db.schema.alterTable('email_outbox').dropColumn('case_id').execute();
}
