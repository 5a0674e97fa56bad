import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Group debriefs can be changed and cancelled. Like a conversation's invite, a
// debrief keeps one calendar identity (`ics_uid`) and counts its versions in `sequence`; `status` is
// a code (scheduled | cancelled). A video debrief gets a link made from the program's pattern, as
// conversations do. Someone taken off the list keeps their row with `removed_at`, so their link
// answers a cancellation rather than nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('group_debriefs')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .execute();
  await db.schema
    .alterTable('group_debriefs')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('group_debriefs').addColumn('video_link', 'text').execute();
  await db.schema.alterTable('group_debriefs').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('group_debriefs').addColumn('cancelled_at', 'text').execute();
  await db.schema.alterTable('group_debrief_people').addColumn('removed_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('group_debrief_people').dropColumn('removed_at').execute();
  for (const column of ['cancelled_at', 'updated_at', 'video_link', 'sequence', 'status']) {
    await db.schema.alterTable('group_debriefs').dropColumn(column).execute();
  }
}
