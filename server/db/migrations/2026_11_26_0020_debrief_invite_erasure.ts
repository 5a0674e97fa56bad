import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// A group debrief's invite list says who was involved in an adverse event. Once the debrief is over
// and the program's retention period has passed, the invitees are erased (docs/product.md, C4);
// the debrief keeps how many were asked, for the statistics, fixed at that moment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('group_debriefs').addColumn('invite_list_erased_at', 'text').execute();
  await db.schema.alterTable('group_debriefs').addColumn('erased_invitee_count', 'integer').execute();
  await db.schema.alterTable('group_debriefs').addColumn('erased_named_invitee_count', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('group_debriefs').dropColumn('erased_named_invitee_count').execute();
  await db.schema.alterTable('group_debriefs').dropColumn('erased_invitee_count').execute();
  await db.schema.alterTable('group_debriefs').dropColumn('invite_list_erased_at').execute();
}
