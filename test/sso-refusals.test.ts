/**
 * Every way a single sign-on is refused: a clear page (`/{slug}/login?sso_error=<code>`), never a
 * session, never a 500, audited with the code when the organisation is known.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPerson } from '../server/demo/factories.ts';
import {
  createSsoWorld,
  DOMAIN,
  finishSso,
  signInAtProvider,
  ssoSignIn,
  startSso,
  SSO_PASSWORD,
  type CallbackResult,
  type SsoWorld,
} from './sso-helpers.ts';

let world: SsoWorld;
let n = 0;
const address = (name: string, domain = DOMAIN) => `${name}-${(n += 1)}@${domain}`;
const sub = (name: string) => `sub-${name}-${(n += 1)}`;

beforeAll(async () => {
  world = await createSsoWorld('PEERLINE_TEST_SSO_SECRET_REFUSALS');
});
afterAll(async () => world?.close());
beforeEach(async () => {
  // The provider signs with the real clock; tests that move the app's clock start from real time.
  world.t.clock.advanceMinutes((Date.now() - world.t.clock.now().getTime()) / 60_000);
  world.provider.forgeIdTokens = false;
  world.provider.idTokenTtlSeconds = 3600;
  await world.configure();
});

const sessionCount = async () =>
  Number(
    (
      await world.t.ctx.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const refusalsAudited = async (code: string) =>
  (
    await world.t.ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('organization_id', '=', world.org.id)
      .where('action', '=', 'auth.sso_refused')
      .where('detail', '=', code)
      .execute()
  ).length;

/** A staff member the provider knows, with a verified address in the allowed domain. */
async function knownPerson(overrides: { active?: boolean; password?: string } = {}) {
  const { t, org, provider } = world;
  const person = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['staff_member'], email: address('person'), ...overrides });
  const id = sub('person');
  provider.identities.set(id, { sub: id, email: person.email, email_verified: true });
  return { person, id };
}

async function expectRefused(result: CallbackResult, code: string, page = `/${world.org.slug}/login`) {
  expect(result.status).toBe(302);
  expect(result.location).toBe(`${page}?sso_error=${code}`);
  expect(result.sessionCookie).toBeUndefined();
}

describe('the pending sign-in: state, browser, time, single use', () => {
  it("a wrong state is refused on the browser's organisation page, audited, and ends that browser's sign-in", async () => {
    const { id } = await knownPerson();
    const started = await startSso(world.t, world.org.slug);
    const realCallback = await signInAtProvider(started.location, id);
    const callback = new URL(realCallback);
    callback.searchParams.set('state', 'x'.repeat(43));
    const [before, audited] = [await sessionCount(), await refusalsAudited('sign_in_expired')];
    await expectRefused(await finishSso(world.t, callback.href, [started.pendingCookie]), 'sign_in_expired');
    expect(await sessionCount()).toBe(before);
    expect(await refusalsAudited('sign_in_expired')).toBe(audited + 1);
    // The real state no longer works either: that sign-in is over.
    await expectRefused(await finishSso(world.t, realCallback, [started.pendingCookie]), 'sign_in_expired', '/login');
  });

  it("a callback without the pending-sign-in cookie, or with another browser's, is refused (a stolen state does not work)", async () => {
    const { id } = await knownPerson();
    const victim = await startSso(world.t, world.org.slug);
    const attacker = await startSso(world.t, world.org.slug);
    const callbackUrl = await signInAtProvider(victim.location, id);
    const audited = await refusalsAudited('sign_in_expired');
    await expectRefused(await finishSso(world.t, callbackUrl, []), 'sign_in_expired');
    await expectRefused(await finishSso(world.t, callbackUrl, [attacker.pendingCookie]), 'sign_in_expired');
    expect(await refusalsAudited('sign_in_expired')).toBe(audited + 2);
    // The rightful browser still completes its own sign-in.
    const own = await finishSso(world.t, callbackUrl, [victim.pendingCookie]);
    expect(own.location).toBe('/app');
    expect(own.sessionCookie).toBeDefined();
  });

  it('a pending sign-in older than 10 minutes is refused', async () => {
    const { id } = await knownPerson();
    const started = await startSso(world.t, world.org.slug);
    const callbackUrl = await signInAtProvider(started.location, id);
    world.t.clock.advanceMinutes(11);
    await expectRefused(await finishSso(world.t, callbackUrl, [started.pendingCookie]), 'sign_in_expired');
  });

  it('a replayed callback is refused (the pending sign-in is used up), and so is a used code under a new sign-in', async () => {
    const { id } = await knownPerson();
    const started = await startSso(world.t, world.org.slug);
    const callbackUrl = await signInAtProvider(started.location, id);
    expect((await finishSso(world.t, callbackUrl, [started.pendingCookie])).location).toBe('/app');
    await expectRefused(await finishSso(world.t, callbackUrl, [started.pendingCookie]), 'sign_in_expired', '/login');

    // The same code with a fresh, valid state of this browser: the provider refuses the used code.
    const again = await startSso(world.t, world.org.slug);
    const replay = new URL(callbackUrl);
    replay.searchParams.set('state', new URL(again.location).searchParams.get('state')!);
    await expectRefused(await finishSso(world.t, replay.href, [again.pendingCookie]), 'provider_error');
  });

  it('the provider saying "error" (the person cancelled) is a provider refusal', async () => {
    const started = await startSso(world.t, world.org.slug);
    const state = new URL(started.location).searchParams.get('state')!;
    const url = `http://localhost:3000/api/public/sso/callback?error=access_denied&state=${state}`;
    await expectRefused(await finishSso(world.t, url, [started.pendingCookie]), 'provider_error');
  });
});

describe('the id_token', () => {
  it('a nonce other than the one Peerline sent is refused', async () => {
    const { id } = await knownPerson();
    const started = await startSso(world.t, world.org.slug);
    const tampered = new URL(started.location);
    tampered.searchParams.set('nonce', 'n'.repeat(43));
    const callbackUrl = await signInAtProvider(tampered.href, id);
    await expectRefused(await finishSso(world.t, callbackUrl, [started.pendingCookie]), 'provider_error');
  });

  it('an expired id_token is refused', async () => {
    const { id } = await knownPerson();
    world.provider.idTokenTtlSeconds = 60;
    expect((await ssoSignIn(world, id)).location, 'a 60-second id_token used at once works').toBe('/app');
    const started = await startSso(world.t, world.org.slug);
    const callbackUrl = await signInAtProvider(started.location, id);
    // Five minutes on: the pending sign-in is still fresh, the id_token (60 s + 30 s tolerance) is not.
    world.t.clock.advanceMinutes(5);
    await expectRefused(await finishSso(world.t, callbackUrl, [started.pendingCookie]), 'provider_error');
  });

  it('an id_token signed by a key the provider never published is refused', async () => {
    const { id } = await knownPerson();
    world.provider.forgeIdTokens = true;
    const before = await sessionCount();
    await expectRefused(await ssoSignIn(world, id), 'provider_error');
    expect(await sessionCount()).toBe(before);
  });
});

describe('who the identity is', () => {
  it('an e-mail the provider did not verify is refused (false, missing, or the string "true")', async () => {
    const { person } = await knownPerson();
    for (const verified of [false, undefined, 'true']) {
      const id = sub('unverified');
      world.provider.identities.set(id, { sub: id, email: person.email, email_verified: verified });
      await expectRefused(await ssoSignIn(world, id), 'email_unverified');
    }
    expect(
      await world.t.ctx.db.selectFrom('sso_identities').select('subject').where('subject', 'like', 'sub-unverified-%').execute(),
    ).toEqual([]);
  });

  it('an e-mail outside the allowed domains is refused, even when the directory has it', async () => {
    const person = await buildPerson(world.t.ctx.db, world.t.clock, world.org.id, {
      email: address('outsider', 'elsewhere.test'),
      password: SSO_PASSWORD,
    });
    const id = sub('outsider');
    world.provider.identities.set(id, { sub: id, email: person.email, email_verified: true });
    await expectRefused(await ssoSignIn(world, id), 'domain_not_allowed');
  });

  it("someone not in this organisation's directory is refused, also when another organisation has them", async () => {
    const { buildOrganization } = await import('../server/demo/factories.ts');
    const otherOrg = await buildOrganization(world.t.ctx.db, world.t.clock);
    const elsewhere = await buildPerson(world.t.ctx.db, world.t.clock, otherOrg.id, {
      email: address('elsewhere'),
      password: SSO_PASSWORD,
    });
    const id = sub('stranger');
    world.provider.identities.set(id, { sub: id, email: address('stranger'), email_verified: true });
    await expectRefused(await ssoSignIn(world, id), 'unknown_person');
    const id2 = sub('elsewhere');
    world.provider.identities.set(id2, { sub: id2, email: elsewhere.email, email_verified: true });
    await expectRefused(await ssoSignIn(world, id2), 'unknown_person');
    expect(await refusalsAudited('unknown_person')).toBeGreaterThanOrEqual(2);
  });

  it('a deactivated person is refused, before and after their identity was linked', async () => {
    const inactive = await knownPerson({ active: false });
    await expectRefused(await ssoSignIn(world, inactive.id), 'deactivated');
    const inactiveWithAccount = await knownPerson({ active: false, password: SSO_PASSWORD });
    await expectRefused(await ssoSignIn(world, inactiveWithAccount.id), 'deactivated');

    const linked = await knownPerson();
    expect((await ssoSignIn(world, linked.id)).location).toBe('/app');
    await world.t.ctx.db.updateTable('people').set({ active: false }).where('id', '=', linked.person.id).execute();
    await expectRefused(await ssoSignIn(world, linked.id), 'deactivated');
  });

  it('an account linked to one subject is not taken over by another subject with its address', async () => {
    const { person, id } = await knownPerson();
    expect((await ssoSignIn(world, id)).location).toBe('/app');
    const newcomer = sub('reassigned-address');
    world.provider.identities.set(newcomer, { sub: newcomer, email: person.email, email_verified: true });
    await expectRefused(await ssoSignIn(world, newcomer), 'already_linked');
  });
});

describe("the organisation's set-up", () => {
  it('single sign-on turned off: starting it and finishing one already under way are refused', async () => {
    const { id } = await knownPerson();
    const underWay = await startSso(world.t, world.org.slug);
    const callbackUrl = await signInAtProvider(underWay.location, id);
    await world.configure({ enabled: false });
    const start = await startSso(world.t, world.org.slug);
    expect(start).toEqual({ location: `/${world.org.slug}/login?sso_error=not_configured`, pendingCookie: undefined });
    await expectRefused(await finishSso(world.t, callbackUrl, [underWay.pendingCookie]), 'not_configured');
  });

  it('an unknown organisation is refused on the general sign-in page', async () => {
    expect((await startSso(world.t, 'no-such-organisation')).location).toBe('/login?sso_error=not_configured');
  });

  it("the secret's environment variable missing on the server: a clear refusal, not a 500", async () => {
    delete process.env[world.secretEnv];
    try {
      const audited = await refusalsAudited('not_configured');
      const start = await world.t.app.inject({ url: `/api/public/sso/${world.org.slug}/start` });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe(`/${world.org.slug}/login?sso_error=not_configured`);
      expect(await refusalsAudited('not_configured')).toBe(audited + 1);
    } finally {
      process.env[world.secretEnv] = world.provider.clientSecret;
    }
  });

  it('a provider that does not answer: a provider refusal, not a 500', async () => {
    await world.configure({ issuer: 'http://127.0.0.1:9' });
    const start = await startSso(world.t, world.org.slug);
    expect(start.location).toBe(`/${world.org.slug}/login?sso_error=provider_error`);
  });

  it('a callback with nothing at all goes to the general sign-in page', async () => {
    const response = await world.t.app.inject({ url: '/api/public/sso/callback' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?sso_error=sign_in_expired');
  });

  it('the pending-sign-in cookie is HttpOnly, SameSite=Lax, for 10 minutes', async () => {
    const response = await world.t.app.inject({ url: `/api/public/sso/${world.org.slug}/start` });
    const cookie = response.cookies.find((c) => c.name === 'peerline_sso');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 600 });
  });
});
