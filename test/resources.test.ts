import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../shared/permissions.ts';
import { buildOrganization, buildPerson, buildResource, type BuiltOrganization } from '../server/demo/factories.ts';
import { createTestApp, signIn, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

describe('referral resources directory', () => {
  let t: TestApp;
  let org: BuiltOrganization;
  const cookies: Partial<Record<Role, string>> = {};
  const call = (role: Role, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[role]! }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock);
    for (const role of ['program_director', 'program_admin', 'staff_member', 'leadership_viewer'] as Role[]) {
      const p = await buildPerson(t.ctx.db, t.clock, org.id, { roles: [role], password: PASSWORD });
      cookies[role] = await signIn(t.app, p.email, PASSWORD);
    }
  });
  afterAll(async () => t.close());

  it('starts every program with the Physician Support Line and the crisis line', async () => {
    const list = (await call('staff_member', 'GET', '/api/resources')).json().resources;
    expect(list.map((r: { category: string; phone: string }) => [r.category, r.phone])).toEqual([
      ['crisis_line', '988'],
      ['physician_support_line', '1-888-409-0141'],
    ]);
  });

  it('lets the director add, edit and deactivate a resource that everyone then sees', async () => {
    const created = await call('program_director', 'POST', '/api/resources', {
      category: 'therapy_eap',
      name: 'Employee Assistance Program',
      phone: '1-800-555-0100',
      url: 'https://eap.example.org',
      hours: 'Around the clock',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const edited = await call('program_director', 'PATCH', `/api/resources/${id}`, { description: 'Six free sessions.', active: false });
    expect(edited.json()).toMatchObject({ description: 'Six free sessions.', active: false, name: 'Employee Assistance Program' });
    const seen = (await call('staff_member', 'GET', '/api/resources')).json().resources.find((r: { id: string }) => r.id === id);
    expect(seen).toMatchObject({ active: false });
  });

  it('is edited by the director only', async () => {
    for (const role of ['program_admin', 'staff_member', 'leadership_viewer'] as Role[]) {
      expect((await call(role, 'POST', '/api/resources', { category: 'chaplaincy', name: 'x' })).statusCode, role).toBe(404);
    }
  });

  it('accepts only https links or paths inside Peerline', async () => {
    for (const url of ['http://eap.example.org', 'javascript:alert(1)', '//evil.example', 'ftp://x.example']) {
      const response = await call('program_director', 'POST', '/api/resources', { category: 'therapy_eap', name: 'Bad link', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields[0].path).toBe('body.url');
    }
    expect(
      (await call('program_director', 'POST', '/api/resources', { category: 'therapy_eap', name: 'Local', url: '/resources/eap' }))
        .statusCode,
    ).toBe(201);
  });

  it('keeps each organisation’s directory to itself', async () => {
    const other = await buildOrganization(t.ctx.db, t.clock);
    const foreign = await buildResource(t.ctx.db, t.clock, other.id, { name: 'Foreign EAP' });
    expect((await call('program_director', 'PATCH', `/api/resources/${foreign}`, { name: 'Mine' })).statusCode).toBe(404);
    const names = (await call('program_director', 'GET', '/api/resources')).json().resources.map((r: { name: string }) => r.name);
    expect(names).not.toContain('Foreign EAP');
  });
});
