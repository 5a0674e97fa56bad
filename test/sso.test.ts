/**
 * Single sign-on with OpenID Connect against a real provider (oidc-provider on 127.0.0.1):
 * linking by verified e-mail, then by subject; roles only ever from Peerline; the provider's `amr`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../server/demo/factories.ts';
import { discoverProvider, exchangeCode } from '../server/modules/sso/oidc-client.ts';
import { providerCheckedSecondFactor } from '../server/modules/sso/provider-mfa.ts';
import { sha256 } from '../server/modules/sso/sso-start.service.ts';
import {
  createSsoWorld,
  DOMAIN,
  finishSso,
  meOf,
  signInAtProvider,
  ssoSignIn,
  startSso,
  SSO_PASSWORD,
  type SsoWorld,
} from './sso-helpers.ts';

let world: SsoWorld;
let n = 0;
const address = (name: string) => `${name}-${(n += 1)}@${DOMAIN}`;
const sub = (name: string) => `sub-${name}-${(n += 1)}`;

beforeAll(async () => {
  world = await createSsoWorld('PEERLINE_TEST_SSO_SECRET_MAIN');
  await world.configure();
});
afterAll(async () => world?.close());

const audit = (action: string) =>
  world.t.ctx.db
    .selectFrom('audit_events')
    .select(['actor_person_id', 'detail'])
    .where('organization_id', '=', world.org.id)
    .where('action', '=', action)
    .execute();

describe("signing in with the organisation's provider", () => {
  it('links a person with an account by the verified e-mail, then signs them in by subject even after the e-mail changes', async () => {
    const { t, org, provider } = world;
    const person = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['staff_member'], password: SSO_PASSWORD, email: address('pat') });
    const other = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['program_director'],
      password: SSO_PASSWORD,
      email: address('director'),
    });
    const id = sub('pat');
    provider.identities.set(id, { sub: id, email: person.email, email_verified: true });

    const first = await ssoSignIn(world, id);
    expect(first).toMatchObject({ status: 302, location: '/app' });
    expect((await meOf(t, first.sessionCookie)).body.person.id).toBe(person.id);
    const links = await t.ctx.db.selectFrom('sso_identities').selectAll().where('subject', '=', id).execute();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ organization_id: org.id, issuer: provider.issuer });
    expect((await audit('auth.sso_linked')).some((a) => a.actor_person_id === person.id && a.detail === 'existing_account')).toBe(true);
    expect((await audit('auth.sign_in')).some((a) => a.actor_person_id === person.id && a.detail === 'sso')).toBe(true);

    // The provider now says this subject has the director's address: the subject still decides.
    provider.identities.set(id, { sub: id, email: other.email, email_verified: true });
    const second = await ssoSignIn(world, id);
    expect((await meOf(t, second.sessionCookie)).body.person.id).toBe(person.id);
    expect(await t.ctx.db.selectFrom('sso_identities').select('subject').where('subject', '=', id).execute()).toHaveLength(1);
  });

  it('creates the account, without a password, of a directory person who had none', async () => {
    const { t, org, provider } = world;
    const person = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['staff_member'], email: address('newcomer') });
    const id = sub('newcomer');
    provider.identities.set(id, { sub: id, email: person.email.toUpperCase(), email_verified: true });
    const result = await ssoSignIn(world, id);
    expect((await meOf(t, result.sessionCookie)).body.person.id).toBe(person.id);
    const account = await t.ctx.db.selectFrom('accounts').selectAll().where('person_id', '=', person.id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ email: person.email, password_hash: null, organization_id: org.id });
    expect((await audit('auth.sso_linked')).some((a) => a.actor_person_id === person.id && a.detail === 'new_account')).toBe(true);
  });

  it('never takes a role from the provider: groups and roles claims are ignored', async () => {
    const { t, org, provider } = world;
    const person = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['staff_member'], email: address('claims') });
    const id = sub('claims');
    provider.identities.set(id, {
      sub: id,
      email: person.email,
      email_verified: true,
      extra: { groups: ['program_director', 'it_admin'], roles: ['program_director', 'Peerline.Admin'] },
    });
    const result = await ssoSignIn(world, id);
    const me = await meOf(t, result.sessionCookie);
    expect(me.body.roles).toEqual(['staff_member']);
    const grants = await t.ctx.db.selectFrom('role_grants').select('role').where('person_id', '=', person.id).execute();
    expect(grants.map((g) => g.role)).toEqual(['staff_member']);
  });

  it('returns to the page asked for inside the app, and never to another site', async () => {
    const { t, org, provider } = world;
    const person = await buildPerson(t.ctx.db, t.clock, org.id, { email: address('next') });
    const id = sub('next');
    provider.identities.set(id, { sub: id, email: person.email, email_verified: true });
    for (const [next, landing] of [
      ['/app/requests', '/app/requests'],
      ['https://evil.example/app', '/app'],
      ['//evil.example/app', '/app'],
      ['/app//evil.example', '/app'],
    ] as const) {
      const started = await startSso(t, org.slug, `?next=${encodeURIComponent(next)}`);
      const result = await finishSso(t, await signInAtProvider(started.location, id), [started.pendingCookie]);
      expect(result.location, next).toBe(landing);
    }
  });

  it('replaces the session the browser carried before (fixation)', async () => {
    const { t, org, provider } = world;
    const person = await buildPerson(t.ctx.db, t.clock, org.id, { email: address('fixation') });
    const id = sub('fixation');
    provider.identities.set(id, { sub: id, email: person.email, email_verified: true });
    const earlier = await ssoSignIn(world, id);
    const started = await startSso(t, org.slug);
    const result = await finishSso(t, await signInAtProvider(started.location, id), [started.pendingCookie, earlier.sessionCookie]);
    expect(result.sessionCookie).not.toBe(earlier.sessionCookie);
    expect((await meOf(t, earlier.sessionCookie)).status).toBe(401);
    expect((await meOf(t, result.sessionCookie)).status).toBe(200);
  });

  it("sends the provider PKCE (S256), state, nonce and the registered redirect URI, and stores only the state's hash", async () => {
    const started = await startSso(world.t, world.org.slug);
    const url = new URL(started.location);
    expect(url.origin).toBe(world.provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:3000/api/public/sso/callback');
    const state = url.searchParams.get('state')!;
    expect(state.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get('nonce')!.length).toBeGreaterThanOrEqual(32);
    const pending = await world.t.ctx.db
      .selectFrom('sso_pending_logins')
      .selectAll()
      .where('state_hash', '=', sha256(state))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(pending)).not.toContain(state);
    expect(pending.browser_hash).toBe(sha256(started.pendingCookie!.split('=')[1]!));
    expect(Date.parse(pending.expires_at) - Date.parse(pending.created_at)).toBe(10 * 60_000);
  });
});

describe("the provider's multi-factor (RFC 8176 amr)", () => {
  it('counts only when the organisation trusts it and amr names a second factor', () => {
    expect(providerCheckedSecondFactor(true, ['pwd', 'mfa'])).toBe(true);
    expect(providerCheckedSecondFactor(true, ['hwk'])).toBe(true);
    expect(providerCheckedSecondFactor(true, ['pwd', 'otp'])).toBe(true);
    expect(providerCheckedSecondFactor(true, ['pwd'])).toBe(false);
    expect(providerCheckedSecondFactor(true, ['pwd', 'kba'])).toBe(false);
    expect(providerCheckedSecondFactor(true, [])).toBe(false);
    expect(providerCheckedSecondFactor(false, ['pwd', 'mfa'])).toBe(false);
  });

  it('reads amr from the id_token the real provider signed', async () => {
    const { t, org, provider } = world;
    const id = sub('amr');
    provider.identities.set(id, { sub: id, email: address('amr'), email_verified: true, amr: ['pwd', 'otp'] });
    const started = await startSso(t, org.slug);
    const callbackUrl = await signInAtProvider(started.location, id);
    const state = new URL(callbackUrl).searchParams.get('state')!;
    const pending = await t.ctx.db
      .selectFrom('sso_pending_logins')
      .selectAll()
      .where('state_hash', '=', sha256(state))
      .executeTakeFirstOrThrow();
    const config = await discoverProvider(
      { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret },
      t.clock,
    );
    const identity = await exchangeCode(config, new URL(callbackUrl), { state, nonce: pending.nonce, codeVerifier: pending.code_verifier });
    expect(identity).toMatchObject({ subject: id, issuer: provider.issuer, emailVerified: true, amr: ['pwd', 'otp'] });
  });
});
