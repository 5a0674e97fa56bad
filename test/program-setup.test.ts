import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupView } from '../shared/schemas/setup.ts';
import { buildOrganization, buildPerson, buildSupporterProfile, type BuiltPerson } from '../server/demo/factories.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

/** The program's set-up (docs/setup.md): steps judged from what is recorded, on either engine. */
describe('program set-up', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: { id: string };
  let director: BuiltPerson;
  let it_: BuiltPerson;

  const setup = async (): Promise<SetupView> => {
    const response = await t.app.inject({ url: '/api/setup', headers: await as(director.email) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const stepOf = (view: SetupView, id: string) => view.steps.find((s) => s.id === id)!;
  const record = async (payload: object, who = director) =>
    t.app.inject({ method: 'PUT', url: '/api/setup/foundations', headers: await as(who.email), payload });

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock);
    director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    it_ = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['it_admin'], password: PASSWORD });
  });
  afterAll(async () => t?.close());

  it('starts with nothing done, each step saying what is missing', async () => {
    const view = await setup();
    expect(view.steps.map((s) => s.id)).toEqual(['leadership', 'scope', 'team', 'training', 'activation', 'awareness']);
    expect(stepOf(view, 'leadership').status).toBe('not_started');
    expect(stepOf(view, 'team').checks[0]!.done).toBe(false);
    // A new organisation comes with the standard support lines, but no rota yet.
    expect(stepOf(view, 'activation').status).not.toBe('done');
    expect(stepOf(view, 'activation').checks.find((c) => c.label.includes('on-call'))!.done).toBe(false);
    expect(view.foundations.sponsorName).toBeNull();
  });

  it('records the sponsor and the protection, audited, and judges the leadership step by them', async () => {
    const sponsor = await record({ sponsor: { name: 'Dr. Ruth Okafor', role: 'Chief Medical Officer', agreedOn: '2026-09-01' } });
    expect(sponsor.statusCode, sponsor.body).toBe(200);
    expect(stepOf(sponsor.json(), 'leadership').status).toBe('in_progress');
    const protection = await record({
      protection: { basis: 'State peer review statute', confirmedBy: 'General Counsel, A. Moreno', confirmedOn: '2026-09-15' },
    });
    const view: SetupView = protection.json();
    // The sponsor stays when only the protection is recorded.
    expect(view.foundations).toEqual({
      sponsorName: 'Dr. Ruth Okafor',
      sponsorRole: 'Chief Medical Officer',
      sponsorAgreedOn: '2026-09-01',
      protectionBasis: 'State peer review statute',
      protectionConfirmedBy: 'General Counsel, A. Moreno',
      protectionConfirmedOn: '2026-09-15',
    });
    // Still missing: a leadership viewer.
    expect(stepOf(view, 'leadership').checks.map((c) => c.done)).toEqual([true, true, false]);
    await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['leadership_viewer'] });
    expect(stepOf(await setup(), 'leadership').status).toBe('done');
    const audit = await t.ctx.db.selectFrom('audit_events').select('detail').where('action', '=', 'setup.foundations_recorded').execute();
    expect(audit.map((a) => a.detail)).toEqual(['sponsor', 'protection']);
  });

  it('judges the team by one supporter per 100 staff', async () => {
    // 4 people so far: one supporter is enough.
    const supporter = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['peer_supporter'] });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, supporter.id, { status: 'active' });
    expect(stepOf(await setup(), 'team').status).toBe('done');
    for (let i = 0; i < 100; i += 1) await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['staff_member'] });
    const team = stepOf(await setup(), 'team');
    expect(team.status).toBe('in_progress');
    expect(team.checks[0]!.detail).toContain('2 needed');
  });

  it('refuses bad input with the field named and changes nothing; only the director may', async () => {
    const before = (await setup()).foundations;
    for (const [payload, field] of [
      [{ sponsor: { name: ' ', role: 'CMO', agreedOn: '2026-09-01' } }, 'body.sponsor.name'],
      [{ sponsor: { name: 'X', role: 'CMO', agreedOn: '1 Sept' } }, 'body.sponsor.agreedOn'],
      [{ protection: { basis: 'x'.repeat(301), confirmedBy: 'GC', confirmedOn: '2026-09-15' } }, 'body.protection.basis'],
      [{ sponsor: { name: 'X', role: 'CMO' } }, 'body.sponsor.agreedOn'],
      [{ note: 'hello' }, 'body.note'],
    ] as const) {
      const response = await record(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect((await setup()).foundations).toEqual(before);
    expect((await record({ sponsor: { name: 'IT', role: 'IT', agreedOn: '2026-09-01' } }, it_)).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/setup', headers: await as(it_.email) })).statusCode).toBe(404);
  });
});
