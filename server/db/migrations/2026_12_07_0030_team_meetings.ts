import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Support for supporters (docs/team.md, "Looking after the team"): supervision and community
// meetings for the team, with who came. Nothing about what was said is stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('team_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('video_link', 'text')
    .addColumn('facilitator_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ics_uid', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_meetings_org_idx').on('team_meetings').columns(['organization_id', 'starts_at']).execute();
  await db.schema
    .createTable('team_meeting_attendance')
    .addColumn('team_meeting_id', 'text', (c) => c.notNull().references('team_meetings.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('recorded_by', 'text', (c) => c.references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_meeting_attendance_pk', ['team_meeting_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('team_meeting_attendance_person_idx')
    .on('team_meeting_attendance')
    .columns(['organization_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('team_meeting_attendance').execute();
  await db.schema.dropTable('team_meetings').execute();
}
