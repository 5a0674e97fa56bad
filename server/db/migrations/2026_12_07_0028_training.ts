import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Training the team (docs/team.md, "Training and certification"): a versioned curriculum per
// organisation, cohort sessions with invitations and attendance per module, a library of role-play
// scenarios and observed role-plays with a fixed checklist, and how long a certification lasts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('training_settings')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('certification_months', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A new version per save, older ones kept; the modules are JSON: [{ key, title, description, minutes, required, position }].
  await db.schema
    .createTable('training_curricula')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('modules', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_curricula_org_version_uq', ['organization_id', 'version'])
    .execute();
  await db.schema
    .createTable('training_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_scenarios_org_idx').on('training_scenarios').columns(['organization_id', 'position']).execute();
  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('video_link', 'text')
    .addColumn('facilitator_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // JSON: the curriculum module keys the session covers.
    .addColumn('module_keys', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ics_uid', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_sessions_org_idx').on('training_sessions').columns(['organization_id', 'starts_at']).execute();
  await db.schema
    .createTable('training_invitations')
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_invitations_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('training_invitations_person_idx')
    .on('training_invitations')
    .columns(['organization_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('training_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('module_key', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('recorded_by', 'text', (c) => c.references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'person_id', 'module_key'])
    .execute();
  await db.schema
    .createIndex('training_attendance_person_idx')
    .on('training_attendance')
    .columns(['organization_id', 'person_id'])
    .execute();
  // No free text about the trainee anywhere: a checklist of yes/no and a result.
  await db.schema
    .createTable('training_observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('trainee_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('training_scenarios.id'))
    .addColumn('observer_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('listened_without_judging', 'boolean', (c) => c.notNull())
    .addColumn('asked_common_questions', 'boolean', (c) => c.notNull())
    .addColumn('offered_resources', 'boolean', (c) => c.notNull())
    .addColumn('checked_safety', 'boolean', (c) => c.notNull())
    .addColumn('kept_confidentiality', 'boolean', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_observations_trainee_idx')
    .on('training_observations')
    .columns(['organization_id', 'trainee_person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('training_observations').execute();
  await db.schema.dropTable('training_attendance').execute();
  await db.schema.dropTable('training_invitations').execute();
  await db.schema.dropTable('training_sessions').execute();
  await db.schema.dropTable('training_scenarios').execute();
  await db.schema.dropTable('training_curricula').execute();
  await db.schema.dropTable('training_settings').execute();
}
