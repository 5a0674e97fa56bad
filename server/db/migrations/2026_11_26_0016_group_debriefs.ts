import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Group debriefs after an event notice. A debrief is a time, a length, a modality
// and who was asked (facilitators and invitees, as link rows). Afterwards only the head count and
// the actual length are recorded: no attendance list, no notes, no free text anywhere
// (test/confidentiality.test.ts checks the text columns).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('group_debriefs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('notice_id', 'text', (c) => c.notNull().references('event_notices.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    // A code: in_person | video | phone. No room, no link text.
    .addColumn('modality', 'text', (c) => c.notNull())
    // The invite's opaque identity (see scheduling/ics.ts newInviteUid), never a record id.
    .addColumn('ics_uid', 'text', (c) => c.notNull())
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // After it happens: how many came and how long it took. Nothing else.
    .addColumn('head_count', 'integer')
    .addColumn('actual_minutes', 'integer')
    .addColumn('recorded_at', 'text')
    .execute();
  await db.schema.createIndex('group_debriefs_notice_idx').on('group_debriefs').columns(['organization_id', 'notice_id']).execute();

  // Facilitators (supporters) and invitees: who was asked, by person id; `role` is a code.
  await db.schema
    .createTable('group_debrief_people')
    .addColumn('debrief_id', 'text', (c) => c.notNull().references('group_debriefs.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    // The invite's download link token, hashed (SHA-256): the e-mail carries the token, never an id.
    .addColumn('invite_token_hash', 'text', (c) => c.notNull().unique())
    .addPrimaryKeyConstraint('group_debrief_people_pk', ['debrief_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('group_debrief_people').execute();
  await db.schema.dropTable('group_debriefs').execute();
}
