/**
 * Sessions, sign-in and passwords (ASVS V6, V7, V3.3; the items are listed in docs/product.md,
 * "Security requirements").
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../shared/permissions.ts';
import { buildOrganization, buildPerson, type BuiltOrganization, type BuiltPerson } from '../server/demo/factories.ts';
import { createTestApp, latestSignInLinkToken, signIn, type TestApp } from './harness.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

const PASSWORD = 'sessions-test-long-passphrase';
const COOKIE = 'peerline_session';

let t: TestApp;
let org: BuiltOrganization;
let director: BuiltPerson;
let directorCookie: string;
let ipCounter = 0;

/** A client address of its own, so one test's failed sign-ins never throttle another's. */
function freshAddress(): string {
  ipCounter += 1;
  return `10.20.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

async function newPerson(roles: Role[] = ['staff_member'], overrides: { active?: boolean; password?: string } = {}) {
  return buildPerson(t.ctx.db, t.clock, org.id, { roles, password: PASSWORD, ...overrides });
}

function login(
  email: string,
  password: string,
  options: { cookie?: string; ip?: string; userAgent?: string; app?: TestApp } = {},
): Promise<LightMyRequestResponse> {
  return (options.app ?? t).app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: options.ip ?? freshAddress(),
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) },
  });
}

/** `name=value` of the session cookie a response sets. */
function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name.endsWith(COOKIE));
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

function setCookieHeaders(response: LightMyRequestResponse): string[] {
  const raw = response.headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

function attributesOf(setCookie: string): { name: string; value: string; attrs: Map<string, string> } {
  const [pair = '', ...rest] = setCookie.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const attrs = new Map(
    rest.map((a) => {
      const i = a.indexOf('=');
      return i < 0 ? ([a.toLowerCase(), ''] as const) : ([a.slice(0, i).toLowerCase(), a.slice(i + 1)] as const);
    }),
  );
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs };
}

async function me(cookie: string, app: TestApp = t): Promise<LightMyRequestResponse> {
  return app.app.inject({ url: '/api/me', headers: { cookie } });
}

/** The director e-mails a set-password link (nobody sets another's password); the person uses it with `password`. */
async function setPasswordByLink(personId: string, password: string): Promise<LightMyRequestResponse> {
  const sent = await t.app.inject({ method: 'POST', url: `/api/people/${personId}/sign-in-link`, headers: { cookie: directorCookie } });
  if (sent.statusCode !== 202) throw new Error(`sign-in link: ${sent.statusCode} ${sent.body}`);
  const token = await latestSignInLinkToken(t.ctx.db, sent.json().sentTo);
  return t.app.inject({ method: 'POST', url: '/api/public/sign-in-links/redeem', payload: { token, password } });
}

function errorOf(response: LightMyRequestResponse): { code?: string; message?: string; fields?: { path: string; message: string }[] } {
  return (response.json() as { error?: { code?: string } }).error ?? {};
}

async function sessionRows(accountId: string) {
  return t.ctx.db.selectFrom('sessions').selectAll().where('account_id', '=', accountId).execute();
}

async function refreshDirector(): Promise<void> {
  directorCookie = await signIn(t.app, director.email, PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrganization(t.ctx.db, t.clock);
  director = await newPerson(['program_director']);
  await refreshDirector();
});

// Tests move the clock past the idle timeout; the director's session is renewed when that ended it.
beforeEach(async () => {
  if ((await me(directorCookie)).statusCode !== 200) await refreshDirector();
});

afterAll(async () => t?.close());

// ---------------------------------------------------------------------------------------------

describe('session fixation (ASVS 7.2.4)', () => {
  it('a session held before sign-in is ended by signing in, and a new token is issued', async () => {
    const person = await newPerson();
    const before = sessionCookieOf(await login(person.email, PASSWORD));
    expect((await me(before)).statusCode).toBe(200);

    const response = await login(person.email, PASSWORD, { cookie: before });
    expect(response.statusCode).toBe(200);
    const after = sessionCookieOf(response);
    expect(after).not.toBe(before);
    expect((await me(before)).statusCode).toBe(401);
    expect((await me(after)).statusCode).toBe(200);
  });

  it('a cookie value planted before sign-in is never adopted', async () => {
    const person = await newPerson();
    const planted = `${COOKIE}=attacker-chosen-value-0123456789abcdefghijklmno`;
    const after = sessionCookieOf(await login(person.email, PASSWORD, { cookie: planted }));
    expect(after).not.toBe(planted);
    expect((await me(planted)).statusCode).toBe(401);
    expect((await me(after)).statusCode).toBe(200);
  });
});

describe('idle timeout: 15 minutes (ASVS 7.3.1)', () => {
  it('is configured at 15 minutes', () => {
    expect(t.ctx.config.sessionIdleMinutes).toBe(15);
  });

  it('activity within 15 minutes keeps the session alive', async () => {
    const person = await newPerson();
    const cookie = sessionCookieOf(await login(person.email, PASSWORD));
    for (let i = 0; i < 4; i++) {
      t.clock.advanceMinutes(14);
      expect((await me(cookie)).statusCode, `after ${(i + 1) * 14} minutes with activity`).toBe(200);
    }
  });

  it('15 minutes without a request ends it (401) and deletes it on the server', async () => {
    const person = await newPerson();
    const cookie = sessionCookieOf(await login(person.email, PASSWORD));
    const body = (await me(cookie)).json() as { session: { idleExpiresAt: string } };
    expect(Date.parse(body.session.idleExpiresAt) - t.clock.now().getTime()).toBe(15 * 60_000);

    t.clock.advanceMinutes(14.9);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(15);
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired).code).toBe('unauthenticated');
    expect(await sessionRows(person.accountId!)).toHaveLength(0);
  });
});

describe('absolute lifetime: 8 hours (ASVS 7.3.2)', () => {
  it('ends the session after 8 hours even with steady activity', async () => {
    expect(t.ctx.config.sessionAbsoluteHours).toBe(8);
    const person = await newPerson();
    const cookie = sessionCookieOf(await login(person.email, PASSWORD));
    for (let minutes = 10; minutes < 8 * 60; minutes += 10) {
      t.clock.advanceMinutes(10);
      const response = await me(cookie);
      if (response.statusCode !== 200) throw new Error(`session ended early, after ${minutes} minutes: ${response.statusCode}`);
    }
    t.clock.advanceMinutes(10); // 8 h 00 min after sign-in
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('sign-out (ASVS 7.4.1)', () => {
  it('ends the session on the server: replaying the cookie gets 401', async () => {
    const person = await newPerson();
    const cookie = sessionCookieOf(await login(person.email, PASSWORD));
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toContain('"storage"');
    const cleared = attributesOf(setCookieHeaders(out).find((c) => c.startsWith(`${COOKIE}=`)) ?? '');
    expect(cleared.value).toBe('');
    expect(cleared.attrs.get('max-age')).toBe('0');

    expect(await sessionRows(person.accountId!)).toHaveLength(0);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('deactivation ends sessions at once (ASVS 7.4.2)', () => {
  it("a deactivated person's live session gets 401 on the next request, and they cannot sign in", async () => {
    const admin = await newPerson(['program_admin']);
    const adminCookie = await signIn(t.app, admin.email, PASSWORD);
    const person = await newPerson();
    const cookie = sessionCookieOf(await login(person.email, PASSWORD));
    expect((await me(cookie)).statusCode).toBe(200);

    const deactivated = await t.app.inject({
      method: 'POST',
      url: `/api/people/${person.id}/deactivate`,
      headers: { cookie: adminCookie },
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    expect(await sessionRows(person.accountId!)).toHaveLength(0);
    expect((await login(person.email, PASSWORD)).statusCode).toBe(401);
  });
});

describe('/api/me is read with the session, never from a cache', () => {
  it('shows a rename, a role change and an organisation rename on the very next call of the same session', async () => {
    const person = await newPerson();
    const cookie = sessionCookieOf(await login(person.email, PASSWORD));
    const before = (await me(cookie)).json();
    expect(before.person).toMatchObject({ id: person.id, hasAccount: true, active: true, roles: ['staff_member'] });
    expect(before.organization).toMatchObject({ id: org.id, name: org.name });

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      headers: { cookie: directorCookie },
      payload: { firstName: 'Renata', specialty: 'Cardiology' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const granted = await t.app.inject({
      method: 'PUT',
      url: `/api/people/${person.id}/roles`,
      headers: { cookie: directorCookie },
      payload: { roles: ['staff_member', 'peer_supporter'] },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    await t.ctx.db.updateTable('organizations').set({ name: 'Renamed Health' }).where('id', '=', org.id).execute();

    const after = (await me(cookie)).json();
    expect(after.person).toMatchObject({
      id: person.id,
      firstName: 'Renata',
      specialty: 'Cardiology',
      roles: ['peer_supporter', 'staff_member'],
    });
    expect(after.roles).toEqual(['peer_supporter', 'staff_member']);
    expect(after.actions).not.toEqual(before.actions);
    expect(after.organization.name).toBe('Renamed Health');
    await t.ctx.db.updateTable('organizations').set({ name: org.name }).where('id', '=', org.id).execute();
  });
});

describe("changing one's own password (ASVS 7.4.3)", () => {
  it('ends every other session of the account, keeps this one, and swaps which password works', async () => {
    const person = await newPerson();
    const here = sessionCookieOf(await login(person.email, PASSWORD));
    const elsewhere = sessionCookieOf(await login(person.email, PASSWORD));
    const newPassword = 'a brand new passphrase 42';

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: here },
      payload: { currentPassword: PASSWORD, newPassword },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await me(here)).statusCode).toBe(200);
    expect((await login(person.email, PASSWORD)).statusCode).toBe(401);
    expect((await login(person.email, newPassword)).statusCode).toBe(200);
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const person = await newPerson();
    const here = sessionCookieOf(await login(person.email, PASSWORD));
    const elsewhere = sessionCookieOf(await login(person.email, PASSWORD));
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: here },
      payload: { currentPassword: 'not the password at all', newPassword: 'another fine passphrase' },
    });
    expect(refused.statusCode).toBe(401);
    expect((await me(elsewhere)).statusCode).toBe(200);
    expect((await login(person.email, PASSWORD)).statusCode).toBe(200);
  });
});

describe('sign-in throttling (ASVS 6.3.1)', () => {
  it('locks an account after N failures, even for the right password from another address, until the window passes', async () => {
    const limit = t.ctx.config.loginMaxFailuresPerAccount;
    expect(limit).toBeGreaterThan(0);
    expect(limit).toBeLessThanOrEqual(100); // NIST SP 800-63B §5.2.2
    const person = await newPerson();
    const ip = freshAddress();
    for (let i = 1; i <= limit; i++) {
      const failed = await login(person.email, `wrong password ${i}`, { ip });
      expect(failed.statusCode, `failure ${i}`).toBe(401);
    }
    const locked = await login(person.email, PASSWORD, { ip });
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked).code).toBe('too_many_requests');
    expect(locked.cookies).toHaveLength(0);
    expect((await login(person.email, PASSWORD, { ip: freshAddress() })).statusCode).toBe(429);
    // The e-mail is matched as typed by people: case and spaces do not open a second counter.
    expect((await login(`  ${person.email.toUpperCase()} `, PASSWORD, { ip: freshAddress() })).statusCode).toBe(429);

    t.clock.advanceMinutes(t.ctx.config.loginThrottleMinutes - 1);
    expect((await login(person.email, PASSWORD, { ip: freshAddress() })).statusCode).toBe(429);
    t.clock.advanceMinutes(1);
    expect((await login(person.email, PASSWORD, { ip })).statusCode).toBe(200);
  });

  /** `attempts` wrong passwords for one account, all at once, each from its own address. */
  async function burstOfFailures(email: string, attempts: number) {
    const burst = await Promise.all(
      Array.from({ length: attempts }, (_, i) => login(email, `parallel wrong ${i}`, { ip: freshAddress() })),
    );
    expect(burst.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    return burst.filter((r) => r.statusCode === 401).length;
  }

  it('counts failures made in parallel: N wrong passwords at once lock the account', async () => {
    const limit = t.ctx.config.loginMaxFailuresPerAccount;
    const person = await newPerson();
    await burstOfFailures(person.email, limit);
    const after = await login(person.email, PASSWORD, { ip: freshAddress() });
    t.clock.advanceMinutes(t.ctx.config.loginThrottleMinutes);
    expect(after.statusCode, `after ${limit} parallel failures the right password got ${after.statusCode}`).toBe(429);
  });

  it('a burst of 2N parallel wrong passwords gets at most N of them checked against the password', async () => {
    const limit = t.ctx.config.loginMaxFailuresPerAccount;
    const person = await newPerson();
    const checked = await burstOfFailures(person.email, limit * 2);
    t.clock.advanceMinutes(t.ctx.config.loginThrottleMinutes);
    expect(checked, `${checked} of ${limit * 2} parallel guesses were checked (answered 401 rather than 429)`).toBeLessThanOrEqual(limit);
  });

  it('throttles a client address after M failures over many e-mails, other addresses unaffected, until the window passes', async () => {
    const limit = t.ctx.config.loginMaxFailuresPerAddress;
    expect(limit).toBeGreaterThan(t.ctx.config.loginMaxFailuresPerAccount);
    const person = await newPerson();
    const ip = freshAddress();
    for (let i = 1; i <= limit; i++) {
      const failed = await login(`nobody-${i}-${ip}@unknown.peerline.test`, 'some password', { ip });
      expect(failed.statusCode, `failure ${i}`).toBe(401);
    }
    expect((await login(person.email, PASSWORD, { ip })).statusCode).toBe(429);
    expect((await login(person.email, PASSWORD, { ip: freshAddress() })).statusCode).toBe(200);
    t.clock.advanceMinutes(t.ctx.config.loginThrottleMinutes);
    expect((await login(person.email, PASSWORD, { ip })).statusCode).toBe(200);
  });
});

describe('no account enumeration (ASVS 6.3.8)', () => {
  it('unknown e-mail, wrong password, deactivated account and person without an account get identical answers', async () => {
    const active = await newPerson();
    const deactivated = await newPerson(['staff_member'], { active: false });
    const noAccount = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['staff_member'] });
    const answers = [
      await login('nobody-at-all@unknown.peerline.test', PASSWORD),
      await login(active.email, 'not the right password'),
      await login(deactivated.email, PASSWORD),
      await login(noAccount.email, PASSWORD),
    ].map((r) => ({ status: r.statusCode, body: r.body, contentType: r.headers['content-type'], cookies: setCookieHeaders(r) }));
    expect(answers[0]!.status).toBe(401);
    expect(answers[0]!.cookies).toEqual([]);
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });
});

describe('session cookie attributes (ASVS 3.3.1–3.3.4)', () => {
  it('over http: HttpOnly, SameSite=Lax, Path=/, no Secure, no Domain, lives at most 8 hours', async () => {
    const person = await newPerson();
    const response = await login(person.email, PASSWORD);
    const cookies = setCookieHeaders(response);
    expect(cookies).toHaveLength(1);
    const { name, attrs } = attributesOf(cookies[0]!);
    expect(name).toBe(COOKIE);
    expect(attrs.has('httponly')).toBe(true);
    expect(attrs.get('samesite')).toBe('Lax');
    expect(attrs.get('path')).toBe('/');
    expect(attrs.has('secure')).toBe(false);
    expect(attrs.has('domain')).toBe(false);
    expect(Number(attrs.get('max-age'))).toBeLessThanOrEqual(8 * 3600);
  });

  describe('with secureCookies: true', () => {
    let secure: TestApp;
    let person: BuiltPerson;
    beforeAll(async () => {
      secure = await createTestApp({ secureCookies: true });
      const orgS = await buildOrganization(secure.ctx.db, secure.clock);
      person = await buildPerson(secure.ctx.db, secure.clock, orgS.id, { password: PASSWORD });
    });
    afterAll(async () => secure?.close());

    it('names the cookie __Host-peerline_session and marks it Secure, Path=/, no Domain', async () => {
      const response = await login(person.email, PASSWORD, { app: secure });
      expect(response.statusCode).toBe(200);
      const { name, value, attrs } = attributesOf(setCookieHeaders(response)[0] ?? '');
      expect(name).toBe('__Host-peerline_session');
      expect(attrs.has('secure')).toBe(true);
      expect(attrs.has('httponly')).toBe(true);
      expect(attrs.get('samesite')).toBe('Lax');
      expect(attrs.get('path')).toBe('/');
      expect(attrs.has('domain')).toBe(false);
      expect((await me(`__Host-peerline_session=${value}`, secure)).statusCode).toBe(200);
      // The unprefixed name is not read when the prefix is in force.
      expect((await me(`${COOKIE}=${value}`, secure)).statusCode).toBe(401);
    });
  });
});

describe('session tokens (ASVS 7.2.3, 11.5.1)', () => {
  it('carry at least 128 bits, are unique over 200 sign-ins, and are stored only as a SHA-256 hash', async () => {
    const person = await newPerson();
    const tokens: string[] = [];
    const queue = Array.from({ length: 200 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (queue.shift() !== undefined) {
          const response = await login(person.email, PASSWORD);
          expect(response.statusCode).toBe(200);
          tokens.push(sessionCookieOf(response).split('=')[1]!);
        }
      }),
    );
    expect(tokens).toHaveLength(200);
    expect(new Set(tokens).size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
    const stored = await sessionRows(person.accountId!);
    expect(stored).toHaveLength(200);
    const storedHashes = new Set(stored.map((r) => r.token_hash));
    for (const token of tokens) expect(storedHashes.has(createHash('sha256').update(token).digest('hex'))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(tokens[0]!);
  });
});

describe('password storage (ASVS 11.4.2)', () => {
  function argon2Parameters(hash: string) {
    const match = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
    if (!match) throw new Error(`not an argon2 hash: ${hash.slice(0, 20)}…`);
    return { algorithm: match[1], version: Number(match[2]), m: Number(match[3]), t: Number(match[4]), p: Number(match[5]) };
  }

  it('stores argon2id with m ≥ 19456 KiB, t ≥ 2, p = 1, salted (same password → different hashes)', async () => {
    const first = await buildPerson(t.ctx.db, t.clock, org.id);
    const second = await buildPerson(t.ctx.db, t.clock, org.id);
    const password = 'one shared passphrase for two';
    expect((await setPasswordByLink(first.id, password)).statusCode).toBe(204);
    expect((await setPasswordByLink(second.id, password)).statusCode).toBe(204);
    const rows = await t.ctx.db
      .selectFrom('accounts')
      .select(['person_id', 'password_hash'])
      .where('person_id', 'in', [first.id, second.id])
      .execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const params = argon2Parameters(row.password_hash ?? '');
      expect(params.algorithm).toBe('argon2id');
      expect(params.version).toBe(19);
      expect(params.m).toBeGreaterThanOrEqual(19_456);
      expect(params.t).toBeGreaterThanOrEqual(2);
      expect(params.p).toBe(1);
      expect(row.password_hash).not.toContain(password);
    }
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
  });

  it('stores a self-chosen password the same way', async () => {
    const person = await newPerson();
    const cookie = sessionCookieOf(await login(person.email, PASSWORD));
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'my own new passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    const row = await t.ctx.db.selectFrom('accounts').select('password_hash').where('person_id', '=', person.id).executeTakeFirstOrThrow();
    expect(argon2Parameters(row.password_hash ?? '')).toMatchObject({ algorithm: 'argon2id', p: 1 });
    expect(argon2Parameters(row.password_hash ?? '').m).toBeGreaterThanOrEqual(19_456);
  });
});

describe('password policy (ASVS 6.2.1, 6.2.4, 6.2.8, 6.2.9)', () => {
  const COMMON = [
    'password1',
    'iloveyou',
    'qwerty123',
    '12345678',
    '123456789',
    'sunshine',
    'princess',
    'football',
    'baseball',
    'welcome1',
    'abc12345',
    'trustno1',
    'superman',
    'starwars',
    'passw0rd',
    'qwertyuiop',
    '1q2w3e4r',
    'zaq12wsx',
    'Password123',
    'ILoveYou1',
  ];

  /** 128 characters, not a dictionary word and not a trivial repetition. */
  const long = (n: number) => Array.from({ length: n }, (_, i) => 'Kp7#mQ2vXz9!'[i % 12]).join('');

  it('refuses 7 characters and 129 characters; accepts 8 and 128, which then sign in', async () => {
    for (const [password, status] of [
      ['Kp7#mQ2', 400],
      [long(129), 400],
      ['Kp7#mQ2v', 204],
      [long(128), 204],
    ] as const) {
      const target = await buildPerson(t.ctx.db, t.clock, org.id);
      const response = await setPasswordByLink(target.id, password);
      expect(response.statusCode, `${password.length} characters: ${response.body}`).toBe(status);
      if (status === 400) {
        expect(errorOf(response).code).toBe('weak_password');
        expect(errorOf(response).fields?.map((f) => f.path)).toContain('body.password');
      } else {
        expect((await login(target.email, password)).statusCode, `${password.length} characters sign in`).toBe(200);
      }
    }
  });

  it("applies the same length rule to one's own new password", async () => {
    const person = await newPerson();
    const cookie = sessionCookieOf(await login(person.email, PASSWORD));
    for (const newPassword of ['Kp7#mQ2', long(129)]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: { cookie },
        payload: { currentPassword: PASSWORD, newPassword },
      });
      expect(response.statusCode, `${newPassword.length} characters`).toBe(400);
    }
  });

  it(`refuses ${COMMON.length} well-known common passwords because they are common`, async () => {
    const target = await buildPerson(t.ctx.db, t.clock, org.id);
    const accepted: string[] = [];
    for (const password of COMMON) {
      const response = await setPasswordByLink(target.id, password);
      if (response.statusCode !== 400 || !/common/i.test(errorOf(response).message ?? ''))
        accepted.push(`${password} → ${response.statusCode} ${response.body}`);
    }
    expect(accepted).toEqual([]);
    // Refused passwords change nothing: no account was made, and the link still works.
    const row = await t.ctx.db.selectFrom('accounts').select('id').where('person_id', '=', target.id).executeTakeFirst();
    expect(row).toBeUndefined();
    const link = await t.app.inject({
      method: 'POST',
      url: '/api/public/sign-in-links/check',
      payload: { token: await latestSignInLinkToken(t.ctx.db, target.email) },
    });
    expect(link.statusCode).toBe(200);
  });

  it("refuses the person's own e-mail address as password", async () => {
    const target = await buildPerson(t.ctx.db, t.clock, org.id);
    expect((await setPasswordByLink(target.id, target.email)).statusCode).toBe(400);
  });

  it('does not truncate: of a 100-character password, the first 72 characters do not sign in', async () => {
    const target = await buildPerson(t.ctx.db, t.clock, org.id);
    const password = long(100);
    expect((await setPasswordByLink(target.id, password)).statusCode).toBe(204);
    expect((await login(target.email, password.slice(0, 72))).statusCode).toBe(401);
    expect((await login(target.email, password.slice(0, 99))).statusCode).toBe(401);
    expect((await login(target.email, password)).statusCode).toBe(200);
  });
});

describe('my sessions: list and end one (ASVS 7.5.2)', () => {
  it('lists every session of the account, marks the current one, and reveals no token', async () => {
    const person = await newPerson();
    const laptop = sessionCookieOf(await login(person.email, PASSWORD, { userAgent: 'Laptop browser' }));
    const phone = sessionCookieOf(await login(person.email, PASSWORD, { userAgent: 'Phone browser' }));
    const listed = await t.app.inject({ url: '/api/me/sessions', headers: { cookie: laptop } });
    expect(listed.statusCode).toBe(200);
    const { sessions } = listed.json() as { sessions: { id: string; current: boolean; userAgent: string | null }[] };
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.current)?.userAgent).toBe('Laptop browser');
    expect(sessions.find((s) => !s.current)?.userAgent).toBe('Phone browser');
    for (const cookie of [laptop, phone]) {
      const token = cookie.split('=')[1]!;
      expect(listed.body).not.toContain(token);
      expect(listed.body).not.toContain(createHash('sha256').update(token).digest('hex'));
    }
  });

  it("ends another of my sessions (it gets 401 at once) but never someone else's", async () => {
    const person = await newPerson();
    const laptop = sessionCookieOf(await login(person.email, PASSWORD, { userAgent: 'Laptop browser' }));
    const phone = sessionCookieOf(await login(person.email, PASSWORD, { userAgent: 'Phone browser' }));
    const list = async () =>
      (
        (await t.app.inject({ url: '/api/me/sessions', headers: { cookie: laptop } })).json() as {
          sessions: { id: string; current: boolean }[];
        }
      ).sessions;
    const phoneId = (await list()).find((s) => !s.current)!.id;

    const other = await newPerson();
    const othersCookie = sessionCookieOf(await login(other.email, PASSWORD));
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${phoneId}`, headers: { cookie: othersCookie } });
    expect(refused.statusCode).toBe(404);
    expect((await me(phone)).statusCode).toBe(200);

    const ended = await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${phoneId}`, headers: { cookie: laptop } });
    expect(ended.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(200);
    expect((await list()).map((s) => s.id)).not.toContain(phoneId);

    const again = await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${phoneId}`, headers: { cookie: laptop } });
    expect(again.statusCode).toBe(404);
  });
});
