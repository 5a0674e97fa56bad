import type { SsoOptions, SsoSettings, SsoSettingsInput } from '../../../shared/schemas/sso.ts';
import { nowIso, parseJsonArray, toBool } from '../../db/values.ts';
import { appOrigin } from '../../email/outbox.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppConfig } from '../../config.ts';
import type { AppContext } from '../../lib/context.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findOrganizationBySlug } from '../organization/index.ts';
import { clientSecretFromEnv } from './client-secret.ts';
import { findSsoSettings, onlyOrganization, upsertSsoSettings } from './sso-settings.repository.ts';

export const SSO_CALLBACK_PATH = '/api/public/sso/callback';

/** The one redirect URI of the deployment (every organisation's provider sends people back here). */
export function ssoRedirectUri(config: AppConfig): string {
  return `${appOrigin(config)}${SSO_CALLBACK_PATH}`;
}

export async function getSsoSettings(ctx: AppContext, actor: Actor): Promise<SsoSettings> {
  const row = await findSsoSettings(ctx.db, actor.organizationId);
  const redirectUri = ssoRedirectUri(ctx.config);
  if (!row) {
    return {
      configured: false,
      enabled: false,
      issuer: '',
      clientId: '',
      clientSecretEnv: '',
      clientSecretEnvSet: false,
      allowedDomains: [],
      buttonLabel: '',
      trustProviderMfa: false,
      passwordSignIn: true,
      redirectUri,
    };
  }
  return {
    configured: true,
    enabled: toBool(row.enabled),
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecretEnv: row.client_secret_env,
    clientSecretEnvSet: clientSecretFromEnv(row.client_secret_env) !== undefined,
    allowedDomains: parseJsonArray<string>(row.allowed_domains),
    buttonLabel: row.button_label,
    trustProviderMfa: toBool(row.trust_provider_mfa),
    passwordSignIn: toBool(row.password_sign_in),
    redirectUri,
  };
}

/** The whole setting at once; audited, with what changed about password sign-in as the detail. */
export async function saveSsoSettings(ctx: AppContext, actor: Actor, input: SsoSettingsInput): Promise<SsoSettings> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertSsoSettings(trx, {
      organization_id: actor.organizationId,
      enabled: input.enabled,
      issuer: input.issuer,
      client_id: input.clientId,
      client_secret_env: input.clientSecretEnv,
      allowed_domains: JSON.stringify([...new Set(input.allowedDomains)]),
      button_label: input.buttonLabel,
      trust_provider_mfa: input.trustProviderMfa,
      password_sign_in: input.passwordSignIn,
      updated_at: at,
      updated_by: actor.personId,
    });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'settings.sso_updated',
      detail: `${input.enabled ? 'sso_on' : 'sso_off'}:${input.passwordSignIn ? 'password_on' : 'password_break_glass_only'}`,
      at,
    });
  });
  return getSsoSettings(ctx, actor);
}

/**
 * What a sign-in page shows. `/{slug}/login` names its organisation. The general `/login` speaks
 * for the deployment's only organisation; with several, for the default one's button
 * (`PEERLINE_DEFAULT_ORG`) but never hides the password form, which other organisations' people
 * may still need; with several and no default, nothing.
 */
export async function getSsoOptions(ctx: AppContext, slug: string | undefined): Promise<SsoOptions> {
  const only = slug ? undefined : await onlyOrganization(ctx.db);
  const wanted = slug ?? only?.slug ?? ctx.config.defaultOrganizationSlug;
  const org = wanted ? await findOrganizationBySlug(ctx.db, wanted) : undefined;
  if (!org) return { organization: null, sso: null, passwordSignIn: true };
  const row = await findSsoSettings(ctx.db, org.id);
  const enabled = Boolean(row && toBool(row.enabled));
  const speaksForEveryone = Boolean(slug) || Boolean(only);
  return {
    organization: { slug: org.slug, name: org.name },
    sso: enabled && row ? { buttonLabel: row.button_label, startUrl: `/api/public/sso/${org.slug}/start` } : null,
    passwordSignIn: !speaksForEveryone || !row || toBool(row.password_sign_in),
  };
}
