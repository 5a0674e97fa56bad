import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Two-step sign-in (docs/decisions/011-two-step-sign-in.md). An account may hold one confirmed TOTP
// secret and the last time step a code was accepted for (a code is never accepted twice). Recovery
// codes are stored as SHA-256 digests, each usable once. A session records how its second factor was
// satisfied (null: not yet), when its holder last proved who they are (for step-up checks), and the
// secret of an enrolment in progress, which belongs to that session alone. Organisations may extend
// the requirement to peer supporters.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('totp_enrolled_at', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('totp_last_step', 'integer').execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('recovery_codes_account_idx').on('recovery_codes').column('account_id').execute();
  await db.schema.alterTable('sessions').addColumn('second_factor', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('verified_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('pending_totp_secret', 'text').execute();
  await db.schema
    .alterTable('organizations')
    .addColumn('supporters_need_second_factor', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('supporters_need_second_factor').execute();
  await db.schema.alterTable('sessions').dropColumn('pending_totp_secret').execute();
  await db.schema.alterTable('sessions').dropColumn('verified_at').execute();
  await db.schema.alterTable('sessions').dropColumn('second_factor').execute();
  await db.schema.dropTable('recovery_codes').execute();
  await db.schema.alterTable('accounts').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('accounts').dropColumn('totp_enrolled_at').execute();
  await db.schema.alterTable('accounts').dropColumn('totp_secret').execute();
}
