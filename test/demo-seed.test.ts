import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from '../server/demo/seed-demo.ts';
import { createTestApp, signIn, type TestApp } from './harness.ts';

describe('demo organisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    expect(await seedDemoIfEmpty(t.ctx)).toEqual({ organizationName: 'Demo Health System' });
  });
  afterAll(async () => t.close());

  it('is seeded once: a second start leaves the database alone', async () => {
    expect(await seedDemoIfEmpty(t.ctx)).toBeNull();
    const orgs = await t.ctx.db.selectFrom('organizations').select('id').execute();
    expect(orgs).toHaveLength(1);
  });

  it('has 2 sites, about 12 departments, 300 staff across professions and 20 peer supporters', async () => {
    const db = t.ctx.db;
    const count = async (table: 'sites' | 'departments' | 'people') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('sites')).toBe(2);
    expect(await count('departments')).toBeGreaterThanOrEqual(12);
    expect(await count('people')).toBe(300);
    const supporters = await db.selectFrom('role_grants').select('person_id').where('role', '=', 'peer_supporter').execute();
    expect(supporters).toHaveLength(20);
    const professions = await db.selectFrom('people').select('profession_id').distinct().execute();
    expect(professions.length).toBeGreaterThanOrEqual(6);
  });

  it('gives the demo supporter an offer and a case, and the clinician a request in progress', async () => {
    const states = (await t.ctx.db.selectFrom('cases').select('state').execute()).map((c) => c.state).sort();
    expect(states).toEqual(['assigned', 'new', 'offered', 'withdrawn']);
    const supporter = await signIn(t.app, 'supporter@demo.peerline.test', DEMO_PASSWORD);
    const offers = (await t.app.inject({ url: '/api/supporter/offers', headers: { cookie: supporter } })).json().offers;
    expect(offers).toHaveLength(1);
    expect(offers[0].matchReasons.map((r: { code: string }) => r.code)).toContain('same_profession');
    expect((await t.app.inject({ url: '/api/supporter/cases', headers: { cookie: supporter } })).json().cases).toEqual([
      expect.objectContaining({ requesterFirstName: 'Tomás', reason: 'adverse_event' }),
    ]);
    const clinician = await signIn(t.app, 'clinician@demo.peerline.test', DEMO_PASSWORD);
    expect((await t.app.inject({ url: '/api/support/requests', headers: { cookie: clinician } })).json().requests).toEqual([
      expect.objectContaining({ state: 'assigned', supporterFirstName: 'Priya' }),
    ]);
  });

  it('lets every demo account sign in with the demo password and hold its roles', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const cookie = await signIn(t.app, account.email, DEMO_PASSWORD);
      const me = (await t.app.inject({ url: '/api/me', headers: { cookie } })).json();
      expect(me.roles.sort(), account.email).toEqual([...account.roles].sort());
    }
  });
});
