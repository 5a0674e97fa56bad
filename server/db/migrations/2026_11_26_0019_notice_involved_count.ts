import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here.
// The number of people a notice named, fixed when it is filed. The reporter's list showed a count
// of the notice's person links, and erasure removes a person's link once their case's retention
// ends: the count dropping would tell the reporter that someone's outreach had finished (the
// firewall between reporting and support, docs/product.md, C1). Existing notices keep the count
// they show now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('event_notices')
    .addColumn('involved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update event_notices set involved_count = (select count(*) from event_notice_people where event_notice_people.notice_id = event_notices.id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_notices').dropColumn('involved_count').execute();
}
