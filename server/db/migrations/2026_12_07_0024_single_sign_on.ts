import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// Single sign-on with OpenID Connect, per organisation (docs/decisions/012-single-sign-on.md):
// - sso_settings: one row per organisation that set it up. The client secret is never stored, only
//   the NAME of the server environment variable that holds it.
// - sso_identities: (issuer, subject) → account, written at the first successful link, so later
//   sign-ins match by subject and an e-mail change at the provider neither breaks nor hijacks it.
// - sso_pending_logins: a sign-in between "go to the provider" and "back from it": PKCE verifier,
//   nonce, where to return. Keyed by the SHA-256 of the state, bound to the browser by the SHA-256
//   of a cookie value, single use, 10 minutes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sso_settings')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret_env', 'text', (c) => c.notNull())
    .addColumn('allowed_domains', 'text', (c) => c.notNull())
    .addColumn('button_label', 'text', (c) => c.notNull())
    .addColumn('trust_provider_mfa', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('password_sign_in', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id'))
    .execute();

  await db.schema
    .createTable('sso_identities')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sso_identities_pk', ['organization_id', 'issuer', 'subject'])
    .addUniqueConstraint('sso_identities_account_issuer_key', ['account_id', 'issuer'])
    .execute();

  await db.schema
    .createTable('sso_pending_logins')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('browser_hash', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_pending_logins_expires_idx').on('sso_pending_logins').column('expires_at').execute();
  // A callback whose state matches nothing still names its organisation through the browser's cookie.
  await db.schema.createIndex('sso_pending_logins_browser_idx').on('sso_pending_logins').column('browser_hash').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sso_pending_logins').execute();
  await db.schema.dropTable('sso_identities').execute();
  await db.schema.dropTable('sso_settings').execute();
}
