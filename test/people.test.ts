import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../shared/permissions.ts';
import { buildDepartment, buildOrganization, buildPerson, type BuiltOrganization } from '../server/demo/factories.ts';
import { createTestApp, latestSignInLinkToken, signIn, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

describe('people directory', () => {
  let t: TestApp;
  let org: BuiltOrganization;
  const cookies: Partial<Record<Role, string>> = {};
  const ids: Partial<Record<Role, string>> = {};

  const as = (role: Role) => ({ cookie: cookies[role]! });
  const call = (role: Role, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(role), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock);
    for (const role of ['program_director', 'program_admin', 'it_admin', 'leadership_viewer'] as Role[]) {
      const p = await buildPerson(t.ctx.db, t.clock, org.id, { roles: [role], password: PASSWORD });
      ids[role] = p.id;
      cookies[role] = await signIn(t.app, p.email, PASSWORD);
    }
  });
  afterAll(async () => t.close());

  it('creates a person as a staff member and finds them by name or e-mail, case-insensitively', async () => {
    const dept = await buildDepartment(t.ctx.db, t.clock, org.id, { name: 'Neonatal ICU' });
    const created = await call('program_admin', 'POST', '/api/people', {
      firstName: 'Ines',
      lastName: 'Okonkwo-Baptiste',
      workEmail: 'Ines.OB@Hospital.test',
      professionId: org.professions.nurse,
      departmentId: dept,
      languages: ['EN', 'pt-BR'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({
      workEmail: 'ines.ob@hospital.test',
      roles: ['staff_member'],
      languages: ['en', 'pt-br'],
      active: true,
      hasAccount: false,
    });
    for (const q of ['okonkwo', 'INES OKON', 'ines.ob@']) {
      const found = await call('program_admin', 'GET', `/api/people?q=${encodeURIComponent(q)}`);
      expect(
        found.json().people.map((p: { id: string }) => p.id),
        q,
      ).toEqual([person.id]);
    }
    const byDept = await call('program_admin', 'GET', `/api/people?departmentId=${dept}`);
    expect(byDept.json().total).toBe(1);
  });

  it('refuses a duplicate work e-mail with 409 and writes nothing', async () => {
    const existing = await buildPerson(t.ctx.db, t.clock, org.id, { email: 'taken@hospital.test' });
    const response = await call('program_admin', 'POST', '/api/people', {
      firstName: 'A',
      lastName: 'B',
      workEmail: 'TAKEN@hospital.test',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields[0].path).toBe('body.workEmail');
    const found = await call('program_admin', 'GET', '/api/people?q=taken%40hospital');
    expect(found.json().people.map((p: { id: string }) => p.id)).toEqual([existing.id]);
  });

  it('refuses references to another organisation (400) and loops in the reporting line', async () => {
    const other = await buildOrganization(t.ctx.db, t.clock);
    const foreignDept = await buildDepartment(t.ctx.db, t.clock, other.id);
    const bad = await call('program_admin', 'POST', '/api/people', {
      firstName: 'A',
      lastName: 'B',
      workEmail: 'x1@h.test',
      departmentId: foreignDept,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.departmentId');

    const boss = await buildPerson(t.ctx.db, t.clock, org.id);
    const report = await buildPerson(t.ctx.db, t.clock, org.id, { managerId: boss.id });
    const loop = await call('program_admin', 'PATCH', `/api/people/${boss.id}`, { managerId: report.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.message).toMatch(/not valid/);
    const self = await call('program_admin', 'PATCH', `/api/people/${boss.id}`, { managerId: boss.id });
    expect(self.statusCode).toBe(400);
  });

  it('hides people of another organisation behind 404', async () => {
    const other = await buildOrganization(t.ctx.db, t.clock);
    const stranger = await buildPerson(t.ctx.db, t.clock, other.id, { lastName: 'Stranger' });
    expect((await call('program_director', 'GET', `/api/people/${stranger.id}`)).statusCode).toBe(404);
    expect((await call('program_director', 'PATCH', `/api/people/${stranger.id}`, { specialty: 'x' })).statusCode).toBe(404);
    const search = await call('program_director', 'GET', '/api/people?q=stranger&active=all');
    expect(search.json().total).toBe(0);
  });

  it('lets an administrator grant supporter roles but not director, and never over a director account', async () => {
    const p = await buildPerson(t.ctx.db, t.clock, org.id);
    const ok = await call('program_admin', 'PUT', `/api/people/${p.id}/roles`, { roles: ['staff_member', 'peer_supporter'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().roles).toEqual(['peer_supporter', 'staff_member']);

    const refused = await call('program_admin', 'PUT', `/api/people/${p.id}/roles`, { roles: ['staff_member', 'program_director'] });
    expect(refused.statusCode).toBe(403);
    expect((await call('program_admin', 'GET', `/api/people/${p.id}`)).json().roles).toEqual(['peer_supporter', 'staff_member']);

    const director = ids.program_director!;
    for (const [method, url, payload] of [
      ['POST', `/api/people/${director}/sign-in-link`, undefined],
      ['POST', `/api/people/${director}/deactivate`, undefined],
      ['PATCH', `/api/people/${director}`, { workEmail: 'hijack@h.test' }],
      // Whose account it is counts, not only which role changes: no supporter role for the director.
      ['PUT', `/api/people/${director}/roles`, { roles: ['program_director', 'peer_supporter'] }],
    ] as const) {
      const response = await call('program_admin', method, url, payload);
      expect(response.statusCode, url).toBe(403);
    }
    const after = (await call('program_director', 'GET', '/api/me')).json();
    expect(after.roles).toEqual(['program_director']);
  });

  it('lets the director grant the roles that see support data, and the IT administrator only the others', async () => {
    const p = await buildPerson(t.ctx.db, t.clock, org.id);
    expect((await call('program_director', 'PUT', `/api/people/${p.id}/roles`, { roles: ['program_admin'] })).statusCode).toBe(200);
    expect((await call('program_director', 'PUT', `/api/people/${p.id}/roles`, { roles: ['program_admin', 'it_admin'] })).statusCode).toBe(
      403,
    );
    const q = await buildPerson(t.ctx.db, t.clock, org.id);
    const byIt = await call('it_admin', 'PUT', `/api/people/${q.id}/roles`, { roles: ['it_admin', 'leadership_viewer'] });
    expect(byIt.json().roles).toEqual(['it_admin', 'leadership_viewer']);
    for (const role of ['program_director', 'program_admin', 'peer_supporter'] as const) {
      const refused = await call('it_admin', 'PUT', `/api/people/${q.id}/roles`, { roles: ['it_admin', 'leadership_viewer', role] });
      expect(refused.statusCode, role).toBe(403);
    }
    // And never for themselves: the IT administrator ticking "Program director" on their own page.
    const self = await call('it_admin', 'PUT', `/api/people/${ids.it_admin}/roles`, { roles: ['it_admin', 'program_director'] });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toMatch(/own roles/);
    expect((await call('it_admin', 'GET', '/api/cases')).statusCode).toBe(404);
  });

  it('tells the person what the caller may change about them', async () => {
    const director = (await call('it_admin', 'GET', `/api/people/${ids.program_director}`)).json();
    expect(director.yourAccess).toEqual({ account: false, roles: [], authenticator: null });
    const staff = await buildPerson(t.ctx.db, t.clock, org.id);
    const asIt = (await call('it_admin', 'GET', `/api/people/${staff.id}`)).json();
    expect(asIt.yourAccess).toEqual({
      account: true,
      roles: ['leadership_viewer', 'event_reporter', 'staff_member', 'it_admin'],
      authenticator: false,
    });
    const asDirector = (await call('program_director', 'GET', `/api/people/${staff.id}`)).json();
    expect(asDirector.yourAccess.roles).toEqual([
      'program_director',
      'program_admin',
      'peer_supporter',
      'leadership_viewer',
      'event_reporter',
      'staff_member',
    ]);
    const self = (await call('program_director', 'GET', `/api/people/${ids.program_director}`)).json();
    expect(self.yourAccess).toEqual({ account: true, roles: [], authenticator: true });
  });

  it('invites a person by e-mail: the link sets the first password, works once, and the person can then sign in', async () => {
    const p = await buildPerson(t.ctx.db, t.clock, org.id, { email: 'newcomer@h.test' });
    const sent = await call('program_admin', 'POST', `/api/people/${p.id}/sign-in-link`);
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toMatchObject({ purpose: 'invitation', sentTo: 'newcomer@h.test' });
    expect(sent.body).not.toMatch(/set-password/);
    const token = await latestSignInLinkToken(t.ctx.db, 'newcomer@h.test');
    const info = await t.app.inject({ method: 'POST', url: '/api/public/sign-in-links/check', payload: { token } });
    expect(info.json()).toMatchObject({ purpose: 'invitation', email: 'newcomer@h.test' });

    const weak = await t.app.inject({ method: 'POST', url: '/api/public/sign-in-links/redeem', payload: { token, password: 'password1' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/public/sign-in-links/redeem',
      payload: { token, password: 'welcome to the team 2026' },
    });
    expect(set.statusCode, set.body).toBe(204);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/public/sign-in-links/redeem',
      payload: { token, password: 'another password 2026' },
    });
    expect(again.statusCode).toBe(404);
    const cookie = await signIn(t.app, 'newcomer@h.test', 'welcome to the team 2026');
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json().person.hasAccount).toBe(true);
  });

  it('keeps the sign-in e-mail in step with the work e-mail', async () => {
    const p = await buildPerson(t.ctx.db, t.clock, org.id, { email: 'old@h.test', password: PASSWORD });
    const changed = await call('it_admin', 'PATCH', `/api/people/${p.id}`, { workEmail: 'new@h.test' });
    expect(changed.statusCode, changed.body).toBe(200);
    await expect(signIn(t.app, 'old@h.test', PASSWORD)).rejects.toThrow();
    expect(await signIn(t.app, 'new@h.test', PASSWORD)).toMatch(/peerline_session=/);
  });

  it('does not let anyone deactivate themselves', async () => {
    const response = await call('program_director', 'POST', `/api/people/${ids.program_director}/deactivate`);
    expect(response.statusCode).toBe(403);
  });

  it('filters by role and active state and pages through results', async () => {
    const fresh = await buildOrganization(t.ctx.db, t.clock);
    const admin = await buildPerson(t.ctx.db, t.clock, fresh.id, { roles: ['program_admin'], password: PASSWORD });
    const cookie = await signIn(t.app, admin.email, PASSWORD);
    for (let i = 0; i < 5; i++)
      await buildPerson(t.ctx.db, t.clock, fresh.id, {
        lastName: `Page${i}`,
        roles: i < 2 ? ['peer_supporter'] : ['staff_member'],
        active: i !== 4,
      });
    const get = async (query: string) => (await t.app.inject({ url: `/api/people?${query}`, headers: { cookie } })).json();
    expect((await get('role=peer_supporter')).total).toBe(2);
    expect((await get('active=false')).people.map((p: { lastName: string }) => p.lastName)).toEqual(['Page4']);
    expect((await get('active=all')).total).toBe(6);
    const page = await get('q=page&limit=2&offset=2');
    expect(page.people.map((p: { lastName: string }) => p.lastName)).toEqual(['Page2', 'Page3']);
    expect(page.total).toBe(4);
  });
});
