import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, type BuiltOrganization } from '../server/demo/factories.ts';
import { createTestApp, signIn, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

describe('organisation structure and program settings', () => {
  let t: TestApp;
  let org: BuiltOrganization;
  let director: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock, { name: 'Lakeside Health', slug: 'lakeside' });
    const d = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    const a = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
    director = await signIn(t.app, d.email, PASSWORD);
    admin = await signIn(t.app, a.email, PASSWORD);
  });
  afterAll(async () => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('starts with the seven default professions, editable', async () => {
    const structure = (await call(admin, 'GET', '/api/organization/structure')).json();
    expect(structure.professions.map((p: { category: string }) => p.category).sort()).toEqual([
      'advanced_practice_provider',
      'allied_health',
      'nurse',
      'other',
      'pharmacist',
      'physician',
      'resident_fellow',
    ]);
    const created = await call(admin, 'POST', '/api/organization/professions', {
      name: 'Respiratory therapist',
      category: 'allied_health',
    });
    expect(created.statusCode).toBe(201);
    const renamed = await call(admin, 'PATCH', `/api/organization/professions/${created.json().id}`, {
      name: 'Respiratory therapy',
      active: false,
    });
    expect(renamed.json()).toMatchObject({ name: 'Respiratory therapy', active: false });
    const duplicate = await call(admin, 'POST', '/api/organization/professions', { name: 'Nurse', category: 'nurse' });
    expect(duplicate.statusCode).toBe(400);
  });

  it('builds a department tree on sites and refuses loops', async () => {
    const site = (await call(admin, 'POST', '/api/organization/sites', { name: 'North campus' })).json();
    const icu = (await call(admin, 'POST', '/api/organization/departments', { name: 'Critical care', siteId: site.id })).json();
    const micu = (
      await call(admin, 'POST', '/api/organization/departments', { name: 'Medical ICU', parentId: icu.id, siteId: site.id })
    ).json();
    expect(micu).toMatchObject({ parentId: icu.id, siteId: site.id, active: true });
    const loop = await call(admin, 'PATCH', `/api/organization/departments/${icu.id}`, { parentId: micu.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.fields[0].path).toBe('body.parentId');
    const selfLoop = await call(admin, 'PATCH', `/api/organization/departments/${icu.id}`, { parentId: icu.id });
    expect(selfLoop.statusCode).toBe(400);
    const structure = (await call(admin, 'GET', '/api/organization/structure')).json();
    expect(structure.departments.find((d: { id: string }) => d.id === icu.id).parentId).toBeNull();
  });

  it('never links to another organisation’s site or department', async () => {
    const other = await buildOrganization(t.ctx.db, t.clock);
    const b = await buildPerson(t.ctx.db, t.clock, other.id, { roles: ['program_admin'], password: PASSWORD });
    const otherAdmin = await signIn(t.app, b.email, PASSWORD);
    const foreignSite = (await call(otherAdmin, 'POST', '/api/organization/sites', { name: 'Foreign' })).json();
    const refused = await call(admin, 'POST', '/api/organization/departments', { name: 'X', siteId: foreignSite.id });
    expect(refused.statusCode).toBe(400);
    const hidden = await call(admin, 'PATCH', `/api/organization/sites/${foreignSite.id}`, { name: 'Mine now' });
    expect(hidden.statusCode).toBe(404);
  });

  it('keeps the support lines as editable data that the public page shows without sign-in', async () => {
    const publicBefore = await t.app.inject({ url: '/api/public/program?org=lakeside' });
    expect(publicBefore.statusCode).toBe(200);
    const psl = publicBefore.json().supportLines.find((l: { kind: string }) => l.kind === 'physician_support_line');
    expect(psl).toMatchObject({
      phone: '1-888-409-0141',
      timeZone: 'America/New_York',
      hours: [{ days: [0, 1, 2, 3, 4, 5, 6], opens: '08:00', closes: '01:00' }],
    });

    const hours = [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '03:00' }];
    const updated = await call(director, 'PATCH', `/api/settings/support-lines/${psl.id}`, { hours });
    expect(updated.statusCode, updated.body).toBe(200);
    const after = (await t.app.inject({ url: '/api/public/program?org=lakeside' })).json();
    expect(after.supportLines.find((l: { id: string }) => l.id === psl.id).hours).toEqual(hours);

    const badHours = await call(director, 'PATCH', `/api/settings/support-lines/${psl.id}`, {
      hours: [{ days: [9], opens: '25:00', closes: 'x' }],
    });
    expect(badHours.statusCode).toBe(400);
    const badZone = await call(director, 'PATCH', `/api/settings/support-lines/${psl.id}`, { timeZone: 'Mars/Olympus' });
    expect(badZone.statusCode).toBe(400);
    expect((await call(admin, 'PATCH', `/api/settings/support-lines/${psl.id}`, { phone: '123' })).statusCode).toBe(404);
  });

  it('renames the program and answers 404 for an unknown public organisation', async () => {
    const renamed = await call(director, 'PATCH', '/api/settings/program', { programName: 'Caring for Colleagues' });
    expect(renamed.json().programName).toBe('Caring for Colleagues');
    expect((await t.app.inject({ url: '/api/public/program?org=lakeside' })).json().programName).toBe('Caring for Colleagues');
    expect((await t.app.inject({ url: '/api/public/program?org=nowhere' })).statusCode).toBe(404);
  });
});
