import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson } from '../server/demo/factories.ts';
import { createTestApp, signIn, type TestApp } from './harness.ts';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => t.close());
  it('signs in and reads /api/me', async () => {
    const org = await buildOrganization(t.ctx.db, t.clock);
    const p = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: 'correct horse battery' });
    const cookie = await signIn(t.app, p.email, 'correct horse battery');
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode, me.body).toBe(200);
    const people = await t.app.inject({ url: '/api/people?q=test', headers: { cookie } });
    expect(people.statusCode, people.body).toBe(200);
    const oa = await t.app.inject({ url: '/api/openapi.json' });
    expect(oa.statusCode).toBe(200);
    expect(oa.json().paths['/api/people/{id}'].get['x-access']).toBe('people.read');
  });
});
