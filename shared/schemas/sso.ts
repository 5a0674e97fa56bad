import { z } from 'zod';

/**
 * Single sign-on with OpenID Connect, per organisation (docs/decisions/012-single-sign-on.md).
 * The client secret never travels: the settings name the server environment variable holding it.
 */

const DOMAIN_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** Environment variable names as shells accept them; upper case by convention. */
const ENV_NAME_RE = /^[A-Z_][A-Z0-9_]{0,99}$/;
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Plain http only for a provider on this machine (a test or a developer's Keycloak); anything on a
 * network must be https, or the tokens and the client secret could be read on the way.
 */
export function issuerProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Must be a URL, such as https://login.microsoftonline.com/<tenant>/v2.0';
  }
  if (url.search || url.hash) return 'The issuer URL has no query or fragment';
  if (url.username || url.password) return 'The issuer URL carries no user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname)) return undefined;
  return 'Must start with https:// (plain http only for a provider on this server: 127.0.0.1 or localhost)';
}

export const SsoSettingsInputSchema = z
  .strictObject({
    enabled: z.boolean(),
    issuer: z
      .string()
      .trim()
      .min(1, 'Required')
      .max(500)
      .superRefine((value, ctx) => {
        const problem = issuerProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    clientId: z
      .string()
      .trim()
      .min(1, 'Required')
      .max(255)
      .regex(/^[\x21-\x7e]+$/, 'No spaces or special characters'),
    clientSecretEnv: z
      .string()
      .trim()
      .min(1, 'Required')
      .max(100)
      .regex(ENV_NAME_RE, 'An environment variable name: capital letters, digits and _, such as PEERLINE_SSO_SECRET'),
    allowedDomains: z
      .array(z.string().trim().toLowerCase().regex(DOMAIN_RE, 'A domain such as hospital.org'))
      .min(1, 'At least one domain')
      .max(20, 'At most 20 domains'),
    buttonLabel: z.string().trim().min(1, 'Required').max(80),
    trustProviderMfa: z.boolean(),
    passwordSignIn: z.boolean(),
  })
  .superRefine((value, ctx) => {
    if (!value.passwordSignIn && !value.enabled) {
      ctx.addIssue({
        code: 'custom',
        path: ['passwordSignIn'],
        message: 'Turn single sign-on on before turning password sign-in off, or nobody but IT administrators could sign in',
      });
    }
  });
export type SsoSettingsInput = z.infer<typeof SsoSettingsInputSchema>;

/** What the IT administrator's page shows: never the secret, only whether its variable is set. */
export const SsoSettingsSchema = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretEnv: z.string(),
  /** Whether the named environment variable is set (non-empty) on this server. */
  clientSecretEnvSet: z.boolean(),
  allowedDomains: z.array(z.string()),
  buttonLabel: z.string(),
  trustProviderMfa: z.boolean(),
  passwordSignIn: z.boolean(),
  /** Register exactly this at the provider. */
  redirectUri: z.string(),
});
export type SsoSettings = z.infer<typeof SsoSettingsSchema>;

export const SsoOptionsQuerySchema = z.strictObject({
  org: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,64}$/, 'Unknown organisation')
    .optional(),
});

/** What a sign-in page needs: is there a "Sign in with …" button, and is the password form for everyone. */
export const SsoOptionsSchema = z.object({
  /** null when the page cannot tell which organisation is meant (several, none named). */
  organization: z.object({ slug: z.string(), name: z.string() }).nullable(),
  sso: z.object({ buttonLabel: z.string(), startUrl: z.string() }).nullable(),
  /** false: only IT administrators' break-glass accounts sign in with a password. */
  passwordSignIn: z.boolean(),
});
export type SsoOptions = z.infer<typeof SsoOptionsSchema>;

export const SsoStartParamsSchema = z.strictObject({
  org: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown organisation'),
});
export const SsoStartQuerySchema = z.strictObject({
  /** Where in the app to land after signing in; only paths under /app are followed. */
  next: z.string().max(500).optional(),
});

/**
 * The provider's redirect back. Providers add parameters of their own (`session_state`, `iss`,
 * `scope`…), so unknown ones are allowed; every value is capped.
 */
export const SsoCallbackQuerySchema = z.looseObject({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(256).optional(),
});

/** Why a single sign-on was refused: the code in `?sso_error=` and in the audit event's detail. */
export const SSO_REFUSALS = {
  not_configured: 'Single sign-on is not set up for this organisation. Sign in with your password, or ask your IT department.',
  sign_in_expired: 'This sign-in took too long or was started in another browser. Please start again.',
  provider_error:
    'Your organisation’s sign-in service did not complete the sign-in. Please try again; if it keeps happening, tell your IT department.',
  email_unverified:
    'Your sign-in service did not confirm your e-mail address, so Peerline cannot tell who you are. Ask your IT department.',
  domain_not_allowed: 'Your e-mail address is not one this organisation accepts for single sign-on. Ask your IT department.',
  unknown_person:
    'Nobody in this organisation’s staff directory has your work e-mail address. Ask the peer support program or your IT department to add you.',
  deactivated: 'Your access to Peerline has been turned off. Ask the peer support program or your IT department if this is a mistake.',
  already_linked: 'Your Peerline account is linked to a different identity at your sign-in service. Ask your IT department.',
} as const;
export type SsoRefusalCode = keyof typeof SSO_REFUSALS;
export const SSO_REFUSAL_CODES = Object.keys(SSO_REFUSALS) as SsoRefusalCode[];

export function isSsoRefusalCode(value: string | null | undefined): value is SsoRefusalCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SSO_REFUSALS, value);
}
