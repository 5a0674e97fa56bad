import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Service-level clocks: each program's business-hours calendar and first-contact
// targets per origin × urgency (no row = the default in shared/schemas/service-levels.ts), and on each
// case the due times computed when it was opened, so a later change of targets never rewrites history,
// plus the time to first contact for reporting.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_level_calendars')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    // JSON arrays: ISO weekdays (1 = Monday) and local holidays (YYYY-MM-DD).
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('opens', 'text', (c) => c.notNull())
    .addColumn('closes', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('escalation_percent', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('service_level_targets')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_level_targets_pk', ['organization_id', 'origin', 'urgency'])
    .execute();

  await db.schema.alterTable('cases').addColumn('first_contact_due_at', 'text').execute();
  // When the director hears of a breach that is still open (the administrators hear at the due time).
  await db.schema.alterTable('cases').addColumn('first_contact_escalation_at', 'text').execute();
  // Time from opening to first contact, in plain and in open (business-hours) minutes, for reporting.
  await db.schema.alterTable('cases').addColumn('first_contact_minutes', 'integer').execute();
  await db.schema.alterTable('cases').addColumn('first_contact_business_minutes', 'integer').execute();

  // Existing cases keep the promise in force when they were opened: 2 h when urgent, 24 h otherwise,
  // around the clock (the case board's fixed rule before this migration). Computed here in plain
  // JavaScript over ISO text timestamps, so it is the same on SQLite and PostgreSQL. Their business
  // minutes stay null: the calendar they would be measured on did not exist.
  const rows = (await db
    .selectFrom('cases' as never)
    .select(['id', 'urgency', 'created_at', 'first_contact_at'] as never[])
    .execute()) as unknown as { id: string; urgency: string; created_at: string; first_contact_at: string | null }[];
  for (const row of rows) {
    const created = Date.parse(row.created_at);
    const target = (row.urgency === 'today' ? 120 : 24 * 60) * 60_000;
    await db
      .updateTable('cases' as never)
      .set({
        first_contact_due_at: new Date(created + target).toISOString(),
        first_contact_escalation_at: new Date(created + target * 1.5).toISOString(),
        first_contact_minutes: row.first_contact_at ? Math.max(0, Math.round((Date.parse(row.first_contact_at) - created) / 60_000)) : null,
      } as never)
      .where('id' as never, '=', row.id as never)
      .execute();
  }
  await db.schema.createIndex('cases_first_contact_due_idx').on('cases').columns(['organization_id', 'first_contact_due_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_first_contact_due_idx').execute();
  for (const column of ['first_contact_business_minutes', 'first_contact_minutes', 'first_contact_escalation_at', 'first_contact_due_at']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
  await db.schema.dropTable('service_level_targets').execute();
  await db.schema.dropTable('service_level_calendars').execute();
}
