/**
 * Single sign-on with OpenID Connect against a real provider (oidc-provider on 127.0.0.1):
 * linking by verified e-mail, then by subject; roles only from Peerline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../server/demo/factories.ts';
import { createSsoWorld, DOMAIN, meOf, ssoSignIn, SSO_PASSWORD, type SsoWorld } from './sso-helpers.ts';

let world: SsoWorld;
let n = 0;
const address = (name: string) => `${name}-${(n += 1)}@${DOMAIN}`;

beforeAll(async () => {
  world = await createSsoWorld('PEERLINE_TEST_SSO_SECRET_MAIN');
  await world.configure();
});
afterAll(async () => world?.close());

describe('signing in with the organisation\'s provider', () => {
  it('links a directory person with an account by the verified e-mail, then by subject', async () => {
    const { t, org, provider } = world;
    const person = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['staff_member'], password: SSO_PASSWORD, email: address('pat') });
    provider.identities.set('sub-pat', { sub: 'sub-pat', email: person.email, email_verified: true });
    const first = await ssoSignIn(world, 'sub-pat');
    expect(first.status).toBe(302);
    expect(first.location).toBe('/app');
    expect((await meOf(t, first.sessionCookie)).body.person.id).toBe(person.id);
  });
});
