import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Event notices (docs/product.md, "Event notices and outreach"). There is no free-text column about
// what happened anywhere here (test/confidentiality.test.ts checks it): a notice is a time, a
// trigger from the catalogue, a department, an urgent flag and the people involved. The catalogue's
// labels are program configuration, the same for every notice. Integration tokens and outreach
// invites are stored as SHA-256 hashes only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_triggers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    // The default's key (null for a trigger the program added), so lazy seeding is idempotent.
    .addColumn('code', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    // The reason category (case vocabulary) the outreach case gets.
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_triggers_org_code_idx').on('event_triggers').columns(['organization_id', 'code']).unique().execute();

  await db.schema
    .createTable('integration_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('event_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('trigger_id', 'text', (c) => c.notNull().references('event_triggers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('urgent', 'boolean', (c) => c.notNull())
    // Exactly one of the two: a signed-in reporter or an integration token.
    .addColumn('filed_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('filed_by_token_id', 'text', (c) => c.references('integration_tokens.id'))
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_notices_org_filed_idx').on('event_notices').columns(['organization_id', 'filed_at']).execute();
  await db.schema.createIndex('event_notices_filer_idx').on('event_notices').column('filed_by_person_id').execute();

  await db.schema
    .createTable('event_notice_people')
    .addColumn('notice_id', 'text', (c) => c.notNull().references('event_notices.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addPrimaryKeyConstraint('event_notice_people_pk', ['notice_id', 'person_id'])
    .execute();
  await db.schema.createIndex('event_notice_people_person_idx').on('event_notice_people').column('person_id').execute();

  // A case may carry several notices (a person involved in two events has one case).
  await db.schema
    .createTable('case_event_notices')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('notice_id', 'text', (c) => c.notNull().references('event_notices.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_event_notices_pk', ['case_id', 'notice_id'])
    .execute();
  await db.schema.createIndex('case_event_notices_notice_idx').on('case_event_notices').column('notice_id').execute();

  // The one-click "no thanks" link in the outreach e-mail: single use, expires, hash only.
  await db.schema
    .createTable('outreach_invites')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('outreach_invites_case_idx').on('outreach_invites').column('case_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outreach_invites').execute();
  await db.schema.dropTable('case_event_notices').execute();
  await db.schema.dropTable('event_notice_people').execute();
  await db.schema.dropTable('event_notices').execute();
  await db.schema.dropTable('integration_tokens').execute();
  await db.schema.dropTable('event_triggers').execute();
}
