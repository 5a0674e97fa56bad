import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Private conversations: when, how (modality) and the invite's identity (UID, SEQUENCE). Nothing said
// in a conversation is stored anywhere; there is no notes column and no endpoint that accepts notes.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Per-program conversation settings: the neutral invite title and the video meeting link pattern.
  await db.schema
    .createTable('program_settings')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('meeting_title', 'text', (c) => c.notNull())
    .addColumn('video_link_pattern', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The video link made from the program's pattern when the meeting was scheduled (video only).
    .addColumn('video_link', 'text')
    .addColumn('ics_uid', 'text', (c) => c.notNull().unique())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_case_idx').on('meetings').columns(['case_id', 'starts_at']).execute();

  // The conversation guide, versioned per program: a new version per save, older ones kept.
  await db.schema
    .createTable('conversation_guides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // JSON: [{ id, title, prompts: [string] }]
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('conversation_guides_org_version_uq', ['organization_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conversation_guides').execute();
  await db.schema.dropTable('meetings').execute();
  await db.schema.dropTable('program_settings').execute();
}
