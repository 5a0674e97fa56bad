/**
 * Two-step sign-in (docs/decisions/011-two-step-sign-in.md): who must use it, what a half-signed-in
 * session can do, replay, throttling, recovery codes, step-up, and changes that take effect at once.
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, FACTORY_TOTP_SECRET, type BuiltOrganization } from '../server/demo/factories.ts';
import type { Role } from '../shared/permissions.ts';
import { resetSecondFactorByOperator } from '../server/modules/auth/operator-reset.service.ts';
import { createTestApp, signIn, usingPostgres, type TestApp } from './harness.ts';

const PASSWORD = 'second factor test passphrase';
let t: TestApp;
let org: BuiltOrganization;
let directorEmail: string;
/** A fresh sign-in of the organisation's director (tests move the clock past idle and step-up limits). */
const asDirector = () => signIn(t.app, directorEmail, PASSWORD);

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrganization(t.ctx.db, t.clock);
  directorEmail = (await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD })).email;
});
// Each test starts in a time step of its own, as codes are accepted once per step.
beforeEach(() => t.clock.advanceMinutes(0.5));
afterAll(async () => t.close());

const codeAt = (secret: string, stepOffset = 0) =>
  generate({ secret, epoch: (Math.floor(t.clock.now().getTime() / 30_000) + stepOffset) * 30 });

async function login(email: string, password = PASSWORD) {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  expect(response.statusCode, response.body).toBe(200);
  const c = response.cookies.find((x) => x.name.endsWith('peerline_session'))!;
  return { cookie: `${c.name}=${c.value}`, me: response.json() as { roles: string[]; actions: string[]; session: { stage: string } } };
}
const post = (cookie: string, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
const person = (roles: Role[], totpSecret: string | null = null) =>
  buildPerson(t.ctx.db, t.clock, org.id, { roles, password: PASSWORD, totpSecret });

describe(`two-step sign-in on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('sends an administrator without an app to set one up, and opens nothing else until then', async () => {
    const admin = await person(['program_admin', 'staff_member']);
    const { cookie, me } = await login(admin.email);
    expect(me.session.stage).toBe('enrolment');
    expect(me.roles).toEqual([]);
    expect(me.actions).toEqual([]);
    for (const url of ['/api/cases', '/api/people', '/api/me/sessions']) {
      const refused = await get(cookie, url);
      expect(refused.statusCode, url).toBe(401);
      expect(refused.json().error.code).toBe('sign_in_incomplete');
    }
    const started = await post(cookie, '/api/me/second-factor/enrolment');
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = started.json() as { secret: string; otpauthUri: string; qrSvg: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg/);

    const wrong = await post(cookie, '/api/me/second-factor/enrolment/confirm', { code: await codeAt(secret, 5) });
    expect(wrong.statusCode).toBe(400);
    expect((await get(cookie, '/api/me')).json().session.stage).toBe('enrolment');

    const confirmed = await post(cookie, '/api/me/second-factor/enrolment/confirm', { code: await codeAt(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await t.ctx.db.selectFrom('recovery_codes').select('code_hash').where('account_id', '=', admin.accountId!).execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace(/-/g, ''));
    expect((await get(cookie, '/api/cases')).statusCode).toBe(200);
    expect((await get(cookie, '/api/me/second-factor')).json()).toMatchObject({ enrolled: true, required: true, recoveryCodesLeft: 10 });
    const mail = await t.ctx.db.selectFrom('email_outbox').select('template').where('to_address', '=', admin.email).execute();
    expect(mail.map((m) => m.template)).toContain('sign_in_security_changed');
  });

  it('asks for a code at every sign-in; a code is accepted once, and only codes of later steps after it', async () => {
    const admin = await person(['program_admin'], FACTORY_TOTP_SECRET);
    const first = await login(admin.email);
    expect(first.me.session.stage).toBe('second_factor');
    // The password alone cannot move the second factor to another phone.
    expect((await post(first.cookie, '/api/me/second-factor/enrolment')).statusCode).toBe(409);
    const code = await codeAt(FACTORY_TOTP_SECRET);
    expect((await post(first.cookie, '/api/auth/second-factor', { code })).statusCode).toBe(200);
    expect((await get(first.cookie, '/api/cases')).statusCode).toBe(200);

    const second = await login(admin.email);
    const replayed = await post(second.cookie, '/api/auth/second-factor', { code });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.code).toBe('invalid_credentials');
    // The step before the one used is refused too; the next one works.
    expect((await post(second.cookie, '/api/auth/second-factor', { code: await codeAt(FACTORY_TOTP_SECRET, -1) })).statusCode).toBe(401);
    expect((await post(second.cookie, '/api/auth/second-factor', { code: await codeAt(FACTORY_TOTP_SECRET, 1) })).statusCode).toBe(200);
  });

  it('lets exactly one of two parallel requests with the same code through', async () => {
    t.clock.advanceMinutes(1);
    const admin = await person(['program_admin'], FACTORY_TOTP_SECRET);
    const [a, b] = [await login(admin.email), await login(admin.email)];
    const code = await codeAt(FACTORY_TOTP_SECRET);
    const answers = await Promise.all([
      post(a.cookie, '/api/auth/second-factor', { code }),
      post(b.cookie, '/api/auth/second-factor', { code }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('takes each recovery code once, and tells the person by e-mail', async () => {
    const admin = await person(['program_admin'], FACTORY_TOTP_SECRET);
    const setup = await login(admin.email);
    await post(setup.cookie, '/api/auth/second-factor', { code: await codeAt(FACTORY_TOTP_SECRET, 1) });
    const codes = (await post(setup.cookie, '/api/me/second-factor/recovery-codes')).json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);

    const next = await login(admin.email);
    expect(
      (await post(next.cookie, '/api/auth/second-factor', { recoveryCode: codes[3]!.toUpperCase().replace(/-/g, ' ') })).statusCode,
    ).toBe(200);
    const again = await login(admin.email);
    expect((await post(again.cookie, '/api/auth/second-factor', { recoveryCode: codes[3]! })).statusCode).toBe(401);
    expect((await get(next.cookie, '/api/me/second-factor')).json().recoveryCodesLeft).toBe(9);
    const templates = (await t.ctx.db.selectFrom('email_outbox').select('template').where('to_address', '=', admin.email).execute()).map(
      (m) => m.template,
    );
    expect(templates.filter((x) => x === 'sign_in_security_changed').length).toBeGreaterThanOrEqual(2);
  });

  it('throttles code guesses like passwords: locked after the limit, even the right code waits', async () => {
    const admin = await person(['program_admin'], FACTORY_TOTP_SECRET);
    const { cookie } = await login(admin.email);
    const statuses: number[] = [];
    for (let i = 0; i < t.ctx.config.loginMaxFailuresPerAccount + 1; i++) {
      statuses.push((await post(cookie, '/api/auth/second-factor', { code: '000000' })).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect((await post(cookie, '/api/auth/second-factor', { code: await codeAt(FACTORY_TOTP_SECRET) })).statusCode).toBe(429);
    t.clock.advanceMinutes(t.ctx.config.loginThrottleMinutes + 1);
    const fresh = await login(admin.email);
    expect((await post(fresh.cookie, '/api/auth/second-factor', { code: await codeAt(FACTORY_TOTP_SECRET) })).statusCode).toBe(200);
  });

  it('asks again for the password or a code before granting a role when the last check is over 5 minutes old', async () => {
    const director = await person(['program_director'], FACTORY_TOTP_SECRET);
    const cookie = await signIn(t.app, director.email, PASSWORD);
    const target = await person(['staff_member']);
    t.clock.advanceMinutes(6);
    const grant = () =>
      t.app.inject({
        method: 'PUT',
        url: `/api/people/${target.id}/roles`,
        headers: { cookie },
        payload: { roles: ['staff_member', 'peer_supporter'] },
      });
    const refused = await grant();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('step_up_required');
    const roles = await t.ctx.db.selectFrom('role_grants').select('role').where('person_id', '=', target.id).execute();
    expect(roles.map((r) => r.role)).toEqual(['staff_member']);
    expect((await post(cookie, '/api/auth/step-up', { password: 'not it' })).statusCode).toBe(401);
    expect((await post(cookie, '/api/auth/step-up', { code: await codeAt(FACTORY_TOTP_SECRET, 1) })).statusCode).toBe(200);
    expect((await grant()).statusCode).toBe(200);
    // The same goes for integration tokens and retention.
    t.clock.advanceMinutes(6);
    expect((await post(cookie, '/api/integrations/tokens', { label: 'Incident system' })).json().error.code).toBe('step_up_required');
    const retention = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/program',
      headers: { cookie },
      payload: { retentionDays: 90 },
    });
    expect(retention.json().error.code).toBe('step_up_required');
    expect((await post(cookie, '/api/auth/step-up', { password: PASSWORD })).statusCode).toBe(200);
    expect((await post(cookie, '/api/integrations/tokens', { label: 'Incident system' })).statusCode).toBe(201);
  });

  it('applies a role granted to someone signed in at their next request, and the supporters setting likewise', async () => {
    const staff = await person(['staff_member']);
    const { cookie, me } = await login(staff.email);
    expect(me.session.stage).toBe('complete');
    expect((await post(cookie, '/api/auth/step-up', { password: PASSWORD })).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/people/${staff.id}/roles`,
          headers: { cookie: await asDirector() },
          payload: { roles: ['staff_member', 'program_admin'] },
        })
      ).statusCode,
    ).toBe(200);
    const after = await get(cookie, '/api/people');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('sign_in_incomplete');
    expect((await get(cookie, '/api/me')).json().session.stage).toBe('enrolment');

    const supporter = await person(['peer_supporter', 'staff_member']);
    const s = await login(supporter.email);
    expect(s.me.session.stage).toBe('complete');
    const setting = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/program',
      headers: { cookie: await asDirector() },
      payload: { supportersNeedSecondFactor: true },
    });
    expect(setting.statusCode, setting.body).toBe(200);
    expect((await get(s.cookie, '/api/supporter/cases')).json().error.code).toBe('sign_in_incomplete');
    await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/program',
      headers: { cookie: await asDirector() },
      payload: { supportersNeedSecondFactor: false },
    });
    expect((await get(s.cookie, '/api/supporter/cases')).statusCode).toBe(200);
  });

  it('lets whoever may change the account reset a lost authenticator; the person sets up a new one next time', async () => {
    const admin = await person(['program_admin'], FACTORY_TOTP_SECRET);
    const session = await login(admin.email);
    const reset = await post(await asDirector(), `/api/people/${admin.id}/second-factor/reset`);
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await get(session.cookie, '/api/me')).statusCode).toBe(401);
    expect((await login(admin.email)).me.session.stage).toBe('enrolment');
    const audit = await t.ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', admin.id).execute();
    expect(audit.map((a) => a.action)).toContain('person.second_factor_reset');
    // Only a role that could grant all of the person's roles: the administrator cannot reset a director.
    const director = await person(['program_director'], FACTORY_TOTP_SECRET);
    const other = await person(['program_admin'], FACTORY_TOTP_SECRET);
    const otherCookie = await signIn(t.app, other.email, PASSWORD);
    expect((await post(otherCookie, `/api/people/${director.id}/second-factor/reset`)).statusCode).toBe(403);
  });

  it('keeps the authenticator of someone whose roles require it, and lets others turn theirs off', async () => {
    const admin = await person(['program_admin'], FACTORY_TOTP_SECRET);
    const cookie = await signIn(t.app, admin.email, PASSWORD);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me/second-factor', headers: { cookie } })).statusCode).toBe(409);
    const staff = await person(['staff_member'], FACTORY_TOTP_SECRET);
    const staffCookie = await signIn(t.app, staff.email, PASSWORD);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me/second-factor', headers: { cookie: staffCookie } })).statusCode).toBe(204);
    expect((await login(staff.email)).me.session.stage).toBe('complete');
  });

  it("lets an operator reset the only director's authenticator from the command line service", async () => {
    const director = await person(['program_director'], FACTORY_TOTP_SECRET);
    const session = await login(director.email);
    await resetSecondFactorByOperator(t.ctx.db, { email: director.email.toUpperCase(), now: t.clock.now() });
    expect((await get(session.cookie, '/api/me')).statusCode).toBe(401);
    expect((await login(director.email)).me.session.stage).toBe('enrolment');
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_person_id'])
      .where('subject_id', '=', director.id)
      .execute();
    expect(audit).toContainEqual({ action: 'person.second_factor_reset_by_operator', actor_person_id: null });
    await expect(resetSecondFactorByOperator(t.ctx.db, { email: 'nobody@nowhere.test', now: t.clock.now() })).rejects.toThrow(/No account/);
  });
});
