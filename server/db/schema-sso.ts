/** Single sign-on tables (migration 0024). See schema.ts for conventions. */

type Bool = boolean | number;

/** One row per organisation that set up single sign-on; the client secret itself is never stored. */
export interface SsoSettingsTable {
  organization_id: string;
  enabled: Bool;
  issuer: string;
  client_id: string;
  /** The NAME of the server environment variable holding the client secret. */
  client_secret_env: string;
  /** JSON array of lower-case e-mail domains. */
  allowed_domains: string;
  button_label: string;
  /** Count the provider's multi-factor (`amr`) as Peerline's second factor. */
  trust_provider_mfa: Bool;
  /** false: only IT administrators (break-glass) sign in with a password. */
  password_sign_in: Bool;
  updated_at: string;
  updated_by: string | null;
}

/** An account's identity at a provider, linked at its first successful single sign-on. */
export interface SsoIdentitiesTable {
  organization_id: string;
  issuer: string;
  subject: string;
  account_id: string;
  created_at: string;
  last_used_at: string;
}

/** A sign-in on its way to the provider and back: single use, 10 minutes. */
export interface SsoPendingLoginsTable {
  /** SHA-256 of the `state` sent to the provider. */
  state_hash: string;
  /** SHA-256 of the value in the browser's pending-sign-in cookie. */
  browser_hash: string;
  organization_id: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
  expires_at: string;
}

export interface SsoTables {
  sso_settings: SsoSettingsTable;
  sso_identities: SsoIdentitiesTable;
  sso_pending_logins: SsoPendingLoginsTable;
}
