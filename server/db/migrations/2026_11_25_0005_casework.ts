import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// The encounter log is the only record of a conversation, and none of these tables has a free-text
// column (a test classifies every text column): ids, vocabulary codes, dates and timestamps only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contact_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_attempts_case_idx').on('contact_attempts').columns(['case_id', 'at']).execute();

  await db.schema
    .createTable('encounters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('head_count', 'integer')
    // JSON array of topic codes from the fixed list.
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('follow_up_on', 'text')
    .addColumn('escalation_tier', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('encounters_case_idx').on('encounters').columns(['case_id', 'date']).execute();

  // Which resource categories were offered in which encounter, and whether one was taken up.
  await db.schema
    .createTable('referral_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('encounter_id', 'text', (c) => c.notNull().references('encounters.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('offered_at', 'text', (c) => c.notNull())
    .addColumn('taken_up_at', 'text')
    .execute();
  await db.schema.createIndex('referral_offers_case_idx').on('referral_offers').columns(['case_id', 'category']).execute();

  // A single-use feedback link: only the hash, the organisation and the month. No case, no person.
  await db.schema
    .createTable('feedback_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .execute();

  // Anonymous feedback: organisation, month and the two answers. Random (not time-ordered) ids.
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('helpfulness', 'integer', (c) => c.notNull())
    .addColumn('would_recommend', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_org_month_idx').on('feedback').columns(['organization_id', 'month']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feedback').execute();
  await db.schema.dropTable('feedback_tokens').execute();
  await db.schema.dropTable('referral_offers').execute();
  await db.schema.dropTable('encounters').execute();
  await db.schema.dropTable('contact_attempts').execute();
}
