import path from 'node:path';

/** A clock the app reads instead of `new Date()`, so tests can move time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface AppConfig {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl: string | undefined;
  sqlitePath: string;
  port: number;
  host: string;
  /** Public origin (scheme://host[:port]) used for cross-site checks and links; derived from Host when unset. */
  publicOrigin: string | undefined;
  /** Cookies get `Secure` (and the `__Host-` prefix) when the app is served over https. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Failed sign-ins per account (and per client address) before throttling. */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginThrottleMinutes: number;
  /** Seed the demo organisation into an empty database. */
  demo: boolean;
  /** Slug of the organisation shown on the public page when none is named. */
  defaultOrganizationSlug: string | undefined;
  /** Directory of the built web app; absent in API-only tests. */
  webDist: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  /** `smtp://user:pass@host:587` (or `smtps://`); unset = e-mail stays in the outbox, status `held`. */
  smtpUrl: string | undefined;
  /**
   * Hosts (`name` or `name:port`, lower case) the urgent-paging webhook may call. The director picks
   * the URL, IT decides where the server may reach: empty = no webhook can be set (no SSRF).
   */
  pagingWebhookHosts: string[];
  /** The From header of every e-mail; neutral by default. */
  smtpFrom: string;
  /** How often the job runner looks for due work. */
  jobsPollMs: number;
  clock: Clock;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

/** Reads the configuration from the environment; every variable is listed in the README. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const publicOrigin = env.PUBLIC_ORIGIN || undefined;
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: env.SQLITE_PATH || path.resolve('data', 'peerline.sqlite'),
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    publicOrigin,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === '1' : Boolean(publicOrigin?.startsWith('https:')),
    sessionIdleMinutes: intFromEnv(env, 'SESSION_IDLE_MINUTES', 15),
    sessionAbsoluteHours: intFromEnv(env, 'SESSION_ABSOLUTE_HOURS', 8),
    loginMaxFailuresPerAccount: intFromEnv(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 10),
    loginMaxFailuresPerAddress: intFromEnv(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50),
    loginThrottleMinutes: intFromEnv(env, 'LOGIN_THROTTLE_MINUTES', 15),
    demo: env.PEERLINE_DEMO !== '0',
    defaultOrganizationSlug: env.PEERLINE_DEFAULT_ORG || undefined,
    webDist: path.resolve('dist', 'web'),
    trustProxy: env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL || 'info',
    smtpUrl: env.SMTP_URL || undefined,
    pagingWebhookHosts: (env.PAGING_WEBHOOK_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    smtpFrom: env.SMTP_FROM || 'Peerline <no-reply@peerline.invalid>',
    jobsPollMs: intFromEnv(env, 'JOBS_POLL_MS', 1000),
    clock: systemClock,
  };
}
