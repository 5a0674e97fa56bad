/**
 * The IT administrator's single sign-on settings (never the secret), what sign-in pages are told,
 * and password sign-in turned off for everyone but break-glass IT administrators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../server/demo/factories.ts';
import { signIn } from './harness.ts';
import { createSsoWorld, DOMAIN, ssoSettings, SSO_PASSWORD, type SsoWorld } from './sso-helpers.ts';

let world: SsoWorld;
let n = 0;
const address = (name: string) => `${name}-${(n += 1)}@${DOMAIN}`;

beforeAll(async () => {
  world = await createSsoWorld('PEERLINE_TEST_SSO_SECRET_SETTINGS');
});
afterAll(async () => world?.close());

const getSettings = (cookie = world.itCookie) => world.t.app.inject({ url: '/api/settings/sso', headers: { cookie } });
const putSettings = (payload: unknown, cookie = world.itCookie) =>
  world.t.app.inject({ method: 'PUT', url: '/api/settings/sso', headers: { cookie }, payload: payload as object });
const login = (email: string, password: string) =>
  world.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const fieldsOf = (body: string) =>
  ((JSON.parse(body) as { error: { fields?: { path: string }[] } }).error.fields ?? []).map((f) => f.path).sort();

describe("the IT administrator's settings", () => {
  it('before set-up: off, passwords on, and the redirect URI to register', async () => {
    const response = await getSettings();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      configured: false,
      enabled: false,
      passwordSignIn: true,
      redirectUri: 'http://localhost:3000/api/public/sso/callback',
    });
  });

  it('saves and shows everything but the secret: only whether its variable is set', async () => {
    const saved = await putSettings(
      ssoSettings(world, { allowedDomains: ['Riverside.TEST', 'riverside.test', 'east.riverside.test'], trustProviderMfa: true }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      configured: true,
      enabled: true,
      issuer: world.provider.issuer,
      clientSecretEnv: world.secretEnv,
      clientSecretEnvSet: true,
      allowedDomains: ['riverside.test', 'east.riverside.test'],
      trustProviderMfa: true,
    });
    for (const response of [saved, await getSettings()]) expect(response.body).not.toContain(world.provider.clientSecret);
    const row = await world.t.ctx.db
      .selectFrom('sso_settings')
      .selectAll()
      .where('organization_id', '=', world.org.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(world.provider.clientSecret);
    const audited = await world.t.ctx.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'settings.sso_updated')
      .where('organization_id', '=', world.org.id)
      .execute();
    expect(audited.map((a) => a.detail)).toContain('sso_on:password_on');

    delete process.env[world.secretEnv];
    try {
      expect((await getSettings()).json()).toMatchObject({ clientSecretEnvSet: false });
    } finally {
      process.env[world.secretEnv] = world.provider.clientSecret;
    }
  });

  it('refuses the secret itself, plain http to a provider on the network, and passwords off without single sign-on', async () => {
    const before = (await getSettings()).body;
    const withSecret = await putSettings({ ...ssoSettings(world), clientSecret: 'hunter2' });
    expect(withSecret.statusCode).toBe(400);
    expect(fieldsOf(withSecret.body).join()).toContain('clientSecret');
    const insecure = await putSettings(ssoSettings(world, { issuer: 'http://login.riverside.test/realms/staff' }));
    expect(fieldsOf(insecure.body)).toEqual(['body.issuer']);
    const lockout = await putSettings(ssoSettings(world, { enabled: false, passwordSignIn: false }));
    expect(fieldsOf(lockout.body)).toEqual(['body.passwordSignIn']);
    const secretAsName = await putSettings(ssoSettings(world, { clientSecretEnv: 'abc~secret value' }));
    expect(fieldsOf(secretAsName.body)).toEqual(['body.clientSecretEnv']);
    expect((await getSettings()).body).toBe(before);
  });

  it("is the IT administrator's alone: the director gets 404", async () => {
    const director = await buildPerson(world.t.ctx.db, world.t.clock, world.org.id, {
      roles: ['program_director'],
      password: SSO_PASSWORD,
      email: address('director'),
    });
    const cookie = await signIn(world.t.app, director.email, SSO_PASSWORD);
    expect((await getSettings(cookie)).statusCode).toBe(404);
    expect((await putSettings(ssoSettings(world), cookie)).statusCode).toBe(404);
  });
});

describe('what sign-in pages are told', () => {
  it("the organisation's button, or nothing when single sign-on is off", async () => {
    await putSettings(ssoSettings(world));
    const on = await world.t.app.inject({ url: `/api/public/sso?org=${world.org.slug}` });
    expect(on.json()).toEqual({
      organization: { slug: world.org.slug, name: world.org.name },
      sso: { buttonLabel: 'Sign in with Riverside Entra ID', startUrl: `/api/public/sso/${world.org.slug}/start` },
      passwordSignIn: true,
    });
    await putSettings(ssoSettings(world, { enabled: false }));
    const off = await world.t.app.inject({ url: `/api/public/sso?org=${world.org.slug}` });
    expect(off.json()).toMatchObject({ sso: null, passwordSignIn: true });
  });

  it('the general page names the only organisation, and none when there are several', async () => {
    expect((await world.t.app.inject({ url: '/api/public/sso' })).json()).toMatchObject({ organization: { slug: world.org.slug } });
    const { buildOrganization } = await import('../server/demo/factories.ts');
    await buildOrganization(world.t.ctx.db, world.t.clock);
    expect((await world.t.app.inject({ url: '/api/public/sso' })).json()).toEqual({ organization: null, sso: null, passwordSignIn: true });
    expect((await world.t.app.inject({ url: '/api/public/sso?org=no-such-org' })).json()).toEqual({
      organization: null,
      sso: null,
      passwordSignIn: true,
    });
  });

  it('with several organisations and a default one, the general page shows its button but keeps the password form', async () => {
    await putSettings(ssoSettings(world, { passwordSignIn: false }));
    world.t.ctx.config.defaultOrganizationSlug = world.org.slug;
    try {
      expect((await world.t.app.inject({ url: '/api/public/sso' })).json()).toMatchObject({
        organization: { slug: world.org.slug },
        sso: { buttonLabel: 'Sign in with Riverside Entra ID' },
        passwordSignIn: true,
      });
      expect((await world.t.app.inject({ url: `/api/public/sso?org=${world.org.slug}` })).json()).toMatchObject({ passwordSignIn: false });
    } finally {
      world.t.ctx.config.defaultOrganizationSlug = undefined;
      await putSettings(ssoSettings(world));
    }
  });
});

describe('password sign-in turned off', () => {
  it('refuses everyone but IT administrators with the wrong-password answer, and comes back when turned on', async () => {
    const staff = await buildPerson(world.t.ctx.db, world.t.clock, world.org.id, {
      roles: ['staff_member'],
      password: SSO_PASSWORD,
      email: address('staff'),
    });
    const director = await buildPerson(world.t.ctx.db, world.t.clock, world.org.id, {
      roles: ['program_director'],
      password: SSO_PASSWORD,
      email: address('dir'),
    });
    expect((await putSettings(ssoSettings(world, { passwordSignIn: false }))).statusCode).toBe(200);
    expect((await world.t.app.inject({ url: `/api/public/sso?org=${world.org.slug}` })).json()).toMatchObject({ passwordSignIn: false });

    const wrongPassword = await login(staff.email, 'not the password at all');
    for (const person of [staff, director]) {
      const refused = await login(person.email, SSO_PASSWORD);
      expect(refused.statusCode).toBe(401);
      expect(refused.body).toBe(wrongPassword.body);
    }
    expect((await login(world.itAdmin.email, SSO_PASSWORD)).statusCode).toBe(200);

    await putSettings(ssoSettings(world, { passwordSignIn: true }));
    expect((await login(staff.email, SSO_PASSWORD)).statusCode).toBe(200);
  });

  it("an organisation without single sign-on settings keeps passwords; another organisation's setting does not reach it", async () => {
    const { buildOrganization } = await import('../server/demo/factories.ts');
    const other = await buildOrganization(world.t.ctx.db, world.t.clock);
    const person = await buildPerson(world.t.ctx.db, world.t.clock, other.id, { password: SSO_PASSWORD, email: address('other-org') });
    await putSettings(ssoSettings(world, { passwordSignIn: false }));
    expect((await login(person.email, SSO_PASSWORD)).statusCode).toBe(200);
    await putSettings(ssoSettings(world, { passwordSignIn: true }));
  });
});
