import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// The mental-health back-up (a psychiatry on-call pager, an EAP crisis desk) that an imminent-risk
// escalation alerts together with the director (docs/product.md, "Imminent risk"). An address,
// never a person record: the back-up is often a team outside the program.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('program_settings').addColumn('crisis_backup_email', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('program_settings').dropColumn('crisis_backup_email').execute();
}
