/**
 * Sign-in e-mails are unique per organisation (migration 0022): a locum with one address can work for
 * two organisations of one deployment, signs in on each organisation's page, and nothing any
 * organisation's administrators see tells them the address exists in the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, type BuiltOrganization } from '../server/demo/factories.ts';
import { createTestApp, latestSignInLinkToken, signIn, type TestApp } from './harness.ts';

const PASSWORD = 'administrators of two places';
const SHARED = 'locum@shared-mail.test';

let t: TestApp;
let orgA: BuiltOrganization;
let orgB: BuiltOrganization;
let itA: string;
let itB: string;

const as = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const login = (email: string, password: string, organization?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, ...(organization ? { organization } : {}) } });

beforeAll(async () => {
  t = await createTestApp();
  orgA = await buildOrganization(t.ctx.db, t.clock);
  orgB = await buildOrganization(t.ctx.db, t.clock);
  const a = await buildPerson(t.ctx.db, t.clock, orgA.id, { roles: ['it_admin'], password: PASSWORD });
  const b = await buildPerson(t.ctx.db, t.clock, orgB.id, { roles: ['it_admin'], password: PASSWORD });
  itA = await signIn(t.app, a.email, PASSWORD);
  itB = await signIn(t.app, b.email, PASSWORD);
});
afterAll(async () => t?.close());

describe('one address, two organisations', () => {
  it('adds and invites the same address in both, each unaware of the other, and signs in on each organisation’s page', async () => {
    const created = [];
    for (const cookie of [itA, itB]) {
      const response = await as(cookie, 'POST', '/api/people', { firstName: 'Lee', lastName: 'Locum', workEmail: SHARED });
      expect(response.statusCode, response.body).toBe(201);
      created.push(response.json() as { id: string });
    }
    const passwords = ['the first hospital passphrase', 'the second hospital passphrase'];
    for (const [i, cookie] of [itA, itB].entries()) {
      const sent = await as(cookie, 'POST', `/api/people/${created[i]!.id}/sign-in-link`);
      expect(sent.statusCode, sent.body).toBe(202);
      const token = await latestSignInLinkToken(t.ctx.db, SHARED);
      const redeemed = await t.app.inject({
        method: 'POST',
        url: '/api/public/sign-in-links/redeem',
        payload: { token, password: passwords[i] },
      });
      expect(redeemed.statusCode, redeemed.body).toBe(204);
    }

    // On each organisation's page, each account with its own password.
    const inA = await login(SHARED, passwords[0]!, orgA.slug);
    expect(inA.statusCode, inA.body).toBe(200);
    expect(inA.json().organization.id).toBe(orgA.id);
    const inB = await login(SHARED, passwords[1]!, orgB.slug);
    expect(inB.json().organization.id).toBe(orgB.id);
    expect((await login(SHARED, passwords[1]!, orgA.slug)).statusCode).toBe(401);

    // Without the organisation the address is ambiguous: the same answer as an address nobody has.
    const ambiguous = await login(SHARED, passwords[0]!);
    const unknown = await login('nobody-at-all@shared-mail.test', passwords[0]!);
    expect(ambiguous.statusCode).toBe(401);
    expect(ambiguous.body).toBe(unknown.body);
  });

  it('never tells one organisation’s administrators that an address is used in another', async () => {
    const inB = await buildPerson(t.ctx.db, t.clock, orgB.id, { email: 'moves.around@shared-mail.test', password: PASSWORD });
    expect(inB.accountId).toBeTruthy();
    const inA = await buildPerson(t.ctx.db, t.clock, orgA.id, { email: 'stays.here@shared-mail.test', password: PASSWORD });
    // Taking an address B signs in with is no conflict for A, and keeps A's person able to sign in on A's page.
    const moved = await as(itA, 'PATCH', `/api/people/${inA.id}`, { workEmail: 'moves.around@shared-mail.test' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await login('moves.around@shared-mail.test', PASSWORD, orgA.slug)).json().organization.id).toBe(orgA.id);
    // A's directory shows A's people only.
    const search = (await as(itA, 'GET', `/api/people?q=${encodeURIComponent('shared-mail')}&active=all`)).json() as {
      people: { id: string }[];
    };
    const ids = search.people.map((p) => p.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    // And a roster file naming the address is an ordinary new person for A.
    const roster = await t.app.inject({
      method: 'POST',
      url: '/api/people/import/preview',
      headers: { cookie: itB, 'content-type': 'text/csv' },
      payload: `first_name,last_name,work_email\nStays,Here,stays.here@shared-mail.test\n`,
    });
    expect(roster.json()).toMatchObject({ created: 1, invalid: 0 });
  });

  it('says plainly when an organisation’s sign-in page names no organisation', async () => {
    const response = await login(SHARED, 'whatever it is', 'no-such-organisation');
    expect(response.statusCode).toBe(401);
    const bad = await login(SHARED, 'whatever it is', 'Not A Slug!');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.organization');
  });
});
