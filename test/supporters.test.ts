import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, buildSupporterProfile, type BuiltOrganization } from '../server/demo/factories.ts';
import { createTestApp, signIn, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

describe('supporter profiles and the supporter pool', () => {
  let t: TestApp;
  let org: BuiltOrganization;
  let supporter: { id: string; email: string; cookie: string };
  let admin: string;
  let adminEmail: string;
  let director: string;
  let directorEmail: string;
  /** The clock moves by days here, far past the idle timeout: sign in afresh. */
  const signInAgain = async () => {
    supporter.cookie = await signIn(t.app, supporter.email, PASSWORD);
    admin = await signIn(t.app, adminEmail, PASSWORD);
    director = await signIn(t.app, directorEmail, PASSWORD);
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock);
    const s = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['peer_supporter', 'staff_member'],
      password: PASSWORD,
      firstName: 'Priya',
      professionId: org.professions.physician,
      languages: ['en', 'hi'],
    });
    supporter = { id: s.id, email: s.email, cookie: '' };
    adminEmail = (await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD })).email;
    directorEmail = (await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD })).email;
  });
  beforeEach(signInAgain);
  afterAll(async () => t.close());

  const mine = (method: 'GET' | 'PUT', payload?: object) =>
    t.app.inject({ method, url: '/api/supporter/profile', headers: { cookie: supporter.cookie }, ...(payload ? { payload } : {}) });

  it('gives a new supporter a default profile that cannot be matched until certified', async () => {
    const profile = (await mine('GET')).json();
    expect(profile).toMatchObject({
      status: 'active',
      certifiedUntil: null,
      capacity: 2,
      modalities: ['phone', 'video', 'in_person'],
      matchable: false,
    });
  });

  it('lets the director record a certification (a lifecycle step, not a field), which makes them matchable', async () => {
    const asField = await t.app.inject({
      method: 'PATCH',
      url: `/api/supporters/${supporter.id}`,
      headers: { cookie: admin },
      payload: { certifiedUntil: '2027-06-30' },
    });
    expect(asField.statusCode).toBe(400);
    const byAdmin = await t.app.inject({
      method: 'POST',
      url: `/api/team/${supporter.id}/events`,
      headers: { cookie: admin },
      payload: { type: 'recertified', until: '2027-06-30' },
    });
    expect(byAdmin.statusCode).toBe(404);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/team/${supporter.id}/events`,
      headers: { cookie: director },
      payload: { type: 'recertified', until: '2027-06-30' },
    });
    expect(response.statusCode, response.body).toBe(204);
    const list = (await t.app.inject({ url: '/api/supporters', headers: { cookie: admin } })).json().supporters;
    expect(list[0]).toMatchObject({ firstName: 'Priya', professionCategory: 'physician', languages: ['en', 'hi'] });
    expect(list[0].profile).toMatchObject({ status: 'active', certifiedUntil: '2027-06-30', matchable: true });
  });

  it('saves availability, modalities, tags and a pause the supporter sets, and a pause stops matching', async () => {
    const saved = await mine('PUT', {
      capacity: 4,
      modalities: ['video', 'phone', 'video'],
      experienceTags: ['adverse_event'],
      weeklyAvailability: [{ day: 1, start: '18:00', end: '21:00' }],
      awayPeriods: [{ from: '2026-12-24', to: '2027-01-02' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ capacity: 4, modalities: ['video', 'phone'], experienceTags: ['adverse_event'], matchable: true });
    const paused = await mine('PUT', { pausedUntil: '2026-11-30' });
    expect(paused.json()).toMatchObject({ pausedUntil: '2026-11-30', matchable: false, capacity: 4 });
    t.clock.advanceMinutes(6 * 24 * 60); // 1 December: the pause is over
    await signInAgain();
    expect((await mine('GET')).json().matchable).toBe(true);
    t.clock.advanceMinutes(24 * 24 * 60); // 25 December: away
    await signInAgain();
    expect((await mine('GET')).json().matchable).toBe(false);
  });

  it('refuses impossible availability and unknown tags with 400 naming the field', async () => {
    const before = (await mine('GET')).json();
    for (const [payload, field] of [
      [{ weeklyAvailability: [{ day: 1, start: '21:00', end: '18:00' }] }, 'body.weeklyAvailability.0.end'],
      [{ awayPeriods: [{ from: '2027-02-10', to: '2027-02-01' }] }, 'body.awayPeriods.0.to'],
      [{ experienceTags: ['secret_diagnosis'] }, 'body.experienceTags.0'],
      [{ capacity: 99 }, 'body.capacity'],
      [{ status: 'active' }, 'body.status'],
    ] as const) {
      const response = await mine('PUT', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect((await mine('GET')).json()).toEqual(before);
  });

  it('lists only active people holding the supporter role, and 404s anyone else', async () => {
    const retired = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['peer_supporter'], active: false });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, retired.id);
    const plain = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['staff_member'] });
    const list = (await t.app.inject({ url: '/api/supporters', headers: { cookie: admin } })).json().supporters;
    expect(list.map((s: { personId: string }) => s.personId)).toEqual([supporter.id]);
    for (const id of [retired.id, plain.id]) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/supporters/${id}`,
        headers: { cookie: admin },
        payload: { capacity: 1 },
      });
      expect(response.statusCode).toBe(404);
    }
    const other = await buildOrganization(t.ctx.db, t.clock);
    const foreign = await buildPerson(t.ctx.db, t.clock, other.id, { roles: ['peer_supporter'] });
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/supporters/${foreign.id}`, headers: { cookie: admin }, payload: { capacity: 1 } }))
        .statusCode,
    ).toBe(404);
  });
});
