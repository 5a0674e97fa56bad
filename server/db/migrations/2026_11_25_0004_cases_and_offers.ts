import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// There is no free-text column about what happened in any of these tables (a test checks it):
// the only text columns hold ids, vocabulary codes, timestamps, and how to reach the requester.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('language_required', 'boolean', (c) => c.notNull())
    .addColumn('department_preference', 'text', (c) => c.notNull())
    // Matching inputs, copied at intake so later directory edits do not move a case.
    .addColumn('requester_profession_category', 'text')
    .addColumn('requester_department_id', 'text')
    // Identifying data: erased after the retention period (docs/product.md, C4).
    .addColumn('requester_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('requester_first_name', 'text')
    .addColumn('contact_method', 'text')
    .addColumn('contact_value', 'text')
    // Anonymous requests: a code to quote and the hash of a secret to check or withdraw.
    .addColumn('anonymous_code', 'text', (c) => c.unique())
    .addColumn('anonymous_secret_hash', 'text')
    // Colleague referrals: whether the referrer said they had told their colleague (shapes the outreach).
    .addColumn('requester_informed', 'boolean')
    .addColumn('assigned_supporter_id', 'text', (c) => c.references('people.id'))
    .addColumn('offered_supporter_id', 'text', (c) => c.references('people.id'))
    .addColumn('contact_attempts', 'integer', (c) => c.notNull())
    .addColumn('relaxed_rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text')
    .addColumn('first_contact_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('cases_org_state_idx').on('cases').columns(['organization_id', 'state']).execute();
  await db.schema.createIndex('cases_requester_idx').on('cases').column('requester_person_id').execute();
  await db.schema.createIndex('cases_assigned_idx').on('cases').column('assigned_supporter_id').execute();

  await db.schema
    .createTable('case_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('match_reasons', 'text', (c) => c.notNull())
    .addColumn('offered_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .execute();
  await db.schema.createIndex('case_offers_case_idx').on('case_offers').column('case_id').execute();
  await db.schema.createIndex('case_offers_supporter_idx').on('case_offers').columns(['supporter_id', 'status']).execute();

  // Every change to a case and every read of identifying data (who, what, when, from where); no content.
  await db.schema
    .createTable('case_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('actor_person_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('case_audit_org_at_idx').on('case_audit').columns(['organization_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_audit').execute();
  await db.schema.dropTable('case_offers').execute();
  await db.schema.dropTable('cases').execute();
}
