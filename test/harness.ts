import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { configFromEnv, type AppConfig, type Clock } from '../server/config.ts';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Db, type Engine } from '../server/db/database.ts';
import { generate as generateTotp } from 'otplib';
import { FACTORY_TOTP_SECRET } from '../server/demo/factories.ts';
import { DEMO_TOTP_SECRET, seedDemoIfEmpty } from '../server/demo/seed-demo.ts';

/** A clock tests move by hand, for idle/absolute expiry and throttling windows. */
export class TestClock implements Clock {
  #now: number;
  constructor(start = Date.parse('2026-11-25T09:00:00.000Z')) {
    this.#now = start;
  }
  now(): Date {
    return new Date(this.#now);
  }
  advanceMinutes(minutes: number): void {
    this.#now += minutes * 60_000;
  }
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A fresh, migrated database of its own: a temporary SQLite file, or a new PostgreSQL database
 * next to the one DATABASE_URL names (dropped again on close). The same tests run on both.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const migrate = options.migrate ?? true;
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerline-test-'));
    const handle = openDatabase({ sqlitePath: path.join(dir, 'test.sqlite') });
    if (migrate) await migrateToLatest(handle.db);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `peerline_t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), sqlitePath: '' });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...configFromEnv({}),
    databaseUrl: undefined,
    sqlitePath: ':unused:',
    demo: false,
    webDist: undefined,
    logLevel: 'silent',
    clock: new TestClock(),
    ...overrides,
  };
}

export interface TestApp extends BuiltApp {
  clock: TestClock;
  close(): Promise<void>;
}

/** The real app over a fresh database, not listening; requests go through `app.inject()`. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const clock = overrides.clock instanceof TestClock ? overrides.clock : new TestClock();
  const database = await createTestDatabase();
  const built = await buildApp(testConfig({ ...overrides, clock }), { database, logger: false });
  clocks.set(built.app, clock);
  return {
    ...built,
    clock,
    close: async () => {
      await built.app.close();
      await database.close();
    },
  };
}

/** The real app with the demo organisation and the built web app, listening on a random port. */
export async function startDemoServer(): Promise<{ url: string; ctx: BuiltApp['ctx']; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const config = testConfig({ webDist: path.resolve('dist', 'web'), clock: { now: () => new Date() } });
  const built = await buildApp(config, { database, logger: false });
  await seedDemoIfEmpty(built.ctx);
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx: built.ctx,
    close: async () => {
      await built.app.close();
      await database.close();
    },
  };
}

/** The authenticator secrets the harness set up (or knows), per app and person, and the last step it used. */
const authenticators = new WeakMap<object, Map<string, { secret: string; lastStep: number }>>();

/** A code for the first time step after the last one used, within the one-step tolerance around now. */
export async function nextTotpCode(app: BuiltApp['app'], personId: string, secret: string, clock: Clock): Promise<string> {
  const known = authenticators.get(app) ?? new Map<string, { secret: string; lastStep: number }>();
  authenticators.set(app, known);
  const now = Math.floor(clock.now().getTime() / 30_000);
  const entry = known.get(personId);
  // A new secret (a new authenticator) starts afresh; the same one never repeats a step. A test clock
  // stands still, so the step before now is safe to use; a real one may tick into the next step
  // before the server reads it, so the step before is used only with over 5 s of this one left.
  const first = clock instanceof TestClock || 30_000 - (clock.now().getTime() % 30_000) > 5_000 ? now - 1 : now;
  const step = Math.max(first, entry && entry.secret === secret ? entry.lastStep + 1 : first);
  if (step > now + 1) throw new Error(`person ${personId} gave codes for every step around now; move the test clock 30 s on`);
  known.set(personId, { secret, lastStep: step });
  return generateTotp({ secret, epoch: step * 30 });
}

/**
 * Signs in through the real endpoints and returns the Cookie header value. Where the person's roles
 * need two-step sign-in, it finishes that too, as the person would: it sets up an authenticator the
 * first time (remembering the secret) and gives a fresh code afterwards. Accounts it did not set up
 * use the demo's published secret or the factories' one (server/demo/factories.ts).
 */
export async function signIn(app: BuiltApp['app'], email: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((c) => c.name.endsWith('peerline_session'));
  if (!session) throw new Error('no session cookie');
  const cookie = `${session.name}=${session.value}`;
  const me = response.json() as { person: { id: string }; session: { stage: string } };
  const stage = me.session.stage;
  if (stage === 'complete') return cookie;
  const clock = clockOf(app);
  const call = async (url: string, payload?: object) => {
    const answer = await app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
    if (answer.statusCode !== 200) throw new Error(`${url} for ${email} failed: ${answer.statusCode} ${answer.body}`);
    return answer.json() as { secret?: string };
  };
  if (stage === 'enrolment') {
    const { secret } = await call('/api/me/second-factor/enrolment');
    await call('/api/me/second-factor/enrolment/confirm', { code: await nextTotpCode(app, me.person.id, secret ?? '', clock) });
  } else {
    const secret =
      authenticators.get(app)?.get(me.person.id)?.secret ??
      (email.endsWith('@demo.peerline.test') ? DEMO_TOTP_SECRET : FACTORY_TOTP_SECRET);
    await call('/api/auth/second-factor', { code: await nextTotpCode(app, me.person.id, secret, clock) });
  }
  return cookie;
}

/** The clock of an app built by this harness (its TestClock, or the real one for demo servers). */
const clocks = new WeakMap<object, Clock>();
function clockOf(app: BuiltApp['app']): Clock {
  return clocks.get(app) ?? { now: () => new Date() };
}

/**
 * Cookies per e-mail, signing in again when a session has ended (tests that move the clock by
 * hours or days pass the idle timeout). Every account is expected to use `password`.
 */
export function sessionsFor(getApp: () => BuiltApp['app'], password: string) {
  const cookies = new Map<string, string>();
  return async (email: string): Promise<{ cookie: string }> => {
    const app = getApp();
    let cookie = cookies.get(email);
    if (!cookie || (await app.inject({ url: '/api/me', headers: { cookie } })).statusCode !== 200) {
      cookie = await signIn(app, email, password);
      cookies.set(email, cookie);
    }
    return { cookie };
  };
}

/**
 * A second, independent handle (its own connection pool, or its own SQLite connection) on the same
 * database as `source`: another app instance, for the "happens exactly once" tests.
 */
export async function openSecondHandle(source: { db: Db; engine: Engine }): Promise<DatabaseHandle> {
  if (source.engine === 'postgres') {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(source.db);
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${rows[0]?.name ?? ''}`;
    return openDatabase({ databaseUrl: url.toString(), sqlitePath: '' });
  }
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(source.db);
  return openDatabase({ databaseUrl: undefined, sqlitePath: rows[0]?.file ?? '' });
}

/**
 * The token of the newest set-password link e-mailed to `email`, read from the outbox row the
 * e-mail is sent from (what the person would find in their mailbox).
 */
export async function latestSignInLinkToken(db: Db, email: string): Promise<string> {
  const row = await db
    .selectFrom('email_outbox')
    .select('link')
    .where('to_address', '=', email.toLowerCase())
    .where('template', 'in', ['sign_in_invitation', 'password_reset'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const token = row?.link.split('#')[1];
  if (!token) throw new Error(`no set-password link was e-mailed to ${email}`);
  return token;
}
