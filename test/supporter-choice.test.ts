/**
 * Directory mode (docs/product.md, "Matching"): where the program allows it, a requester picks
 * their supporter from a directory that shows first name, profession, languages and modalities
 * only, and lists exactly the supporters the matcher's hard rules allow. The chosen supporter gets
 * the offer; a decline or silence hands the case to the matcher.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import {
  buildCase,
  buildDepartment,
  buildOrganization,
  buildPerson,
  buildSupporterProfile,
  type BuiltOrganization,
} from '../server/demo/factories.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';
const REQUEST = {
  modality: 'phone',
  departmentPreference: 'no_preference',
  urgency: 'this_week',
  reason: 'adverse_event',
  contactMethod: 'work_email',
} as const;

interface Person {
  id: string;
  email: string;
}

describe('requester chooses a supporter from the directory', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: BuiltOrganization;
  let director: Person;
  let requester: Person;
  /** Eligible: Aurelio (other department), Beatriz (requester's department). */
  let aurelio: Person;
  let beatriz: Person;
  let excluded: Record<'paused' | 'uncertified' | 'retired' | 'full' | 'manager' | 'report' | 'inactive', Person>;

  async function supporter(
    firstName: string,
    opts: {
      departmentId?: string | null;
      managerId?: string;
      active?: boolean;
      profile?: Parameters<typeof buildSupporterProfile>[4];
    } = {},
  ) {
    const p = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName,
      roles: ['peer_supporter', 'staff_member'],
      password: PASSWORD,
      professionId: org.professions.physician,
      languages: ['en', 'es'],
      departmentId: opts.departmentId === undefined ? await buildDepartment(t.ctx.db, t.clock, org.id) : opts.departmentId,
      managerId: opts.managerId,
      active: opts.active,
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, p.id, { capacity: 2, modalities: ['phone', 'video'], ...opts.profile });
    return p;
  }

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock);
    director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    const surgery = await buildDepartment(t.ctx.db, t.clock, org.id, { name: 'Surgery' });
    const manager = await supporter('Mateo');
    // The requester is a supporter too: never in their own list.
    requester = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Tomás',
      roles: ['staff_member', 'peer_supporter'],
      departmentId: surgery,
      professionId: org.professions.physician,
      managerId: manager.id,
      password: PASSWORD,
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, requester.id);
    aurelio = await supporter('Aurelio');
    beatriz = await supporter('Beatriz', { departmentId: surgery });
    const full = await supporter('Fiona', { profile: { capacity: 1 } });
    await buildCase(t.ctx.db, t.clock, org.id, { state: 'assigned', assignedSupporterId: full.id });
    excluded = {
      paused: await supporter('Pavel', { profile: { status: 'paused' } }),
      uncertified: await supporter('Ursula', { profile: { certifiedUntil: null } }),
      retired: await supporter('Rafael', { profile: { status: 'retired' } }),
      full,
      manager,
      report: await supporter('Rosalind', { managerId: requester.id }),
      inactive: await supporter('Ingrid', { active: false }),
    };
  });
  afterAll(async () => t.close());

  const directory = async (email: string, query = '') =>
    t.app.inject({ url: `/api/support/supporter-directory${query}`, headers: await as(email) });
  const ask = async (email: string, body: object) =>
    t.app.inject({ method: 'POST', url: '/api/support/requests', headers: await as(email), payload: body });
  const caseCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const offersOf = async (email: string) =>
    (await t.app.inject({ url: '/api/supporter/offers', headers: await as(email) })).json().offers as {
      id: string;
      matchReasons: { code: string; text: string }[];
    }[];
  const setting = async (on: boolean) => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/program',
      headers: await as(director.email),
      payload: { supporterDirectoryEnabled: on },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().supporterDirectoryEnabled).toBe(on);
  };

  it('is off by default: the directory answers 404 and a chosen supporter is refused naming the field, writing nothing', async () => {
    expect((await t.app.inject({ url: '/api/settings/program', headers: await as(director.email) })).json().supporterDirectoryEnabled).toBe(
      false,
    );
    expect((await directory(requester.email)).statusCode).toBe(404);
    const before = await caseCount();
    const refused = await ask(requester.email, { ...REQUEST, supporterId: aurelio.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'body.supporterId', message: 'This program does not offer choosing a supporter yourself' },
    ]);
    expect(await caseCount()).toBe(before);
  });

  it('lists only supporters the hard rules allow, with first name, profession, languages and modalities only', async () => {
    await setting(true);
    const response = await directory(requester.email);
    expect(response.statusCode, response.body).toBe(200);
    const { supporters } = response.json() as { supporters: Record<string, unknown>[] };
    expect(supporters.map((s) => s.firstName)).toEqual(['Aurelio', 'Beatriz']);
    expect(supporters[0]).toEqual({
      id: aurelio.id,
      firstName: 'Aurelio',
      professionCategory: 'physician',
      languages: ['en', 'es'],
      modalities: ['phone', 'video'],
    });
    // Never caseload, capacity, availability, department or surname.
    expect(response.body).not.toMatch(/capacity|openCases|load|department|Tester|Mateo|Rosalind|Fiona|Pavel|Ursula|Rafael|Ingrid|Tomás/i);
  });

  it("applies the request's own hard rules: another department, or an essential language", async () => {
    const other = (await directory(requester.email, '?departmentPreference=other_department')).json().supporters as { firstName: string }[];
    expect(other.map((s) => s.firstName)).toEqual(['Aurelio']);
    expect((await directory(requester.email, '?language=fr&languageRequired=true')).json().supporters).toEqual([]);
    expect((await directory(requester.email, '?language=fr')).json().supporters).toHaveLength(2);
  });

  it('never shows names to leadership viewers or event reporters, even when they are also staff', async () => {
    for (const role of ['leadership_viewer', 'event_reporter'] as const) {
      const caller = await buildPerson(t.ctx.db, t.clock, org.id, { roles: [role, 'staff_member'], password: PASSWORD });
      const response = await directory(caller.email);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toMatch(/Aurelio|Beatriz/);
      const chose = await ask(caller.email, { ...REQUEST, supporterId: aurelio.id });
      expect(chose.statusCode).toBe(400);
      expect(chose.json().error.fields[0].path).toBe('body.supporterId');
    }
  });

  it('refuses a supporter the hard rules exclude with one message naming the field, and writes nothing', async () => {
    const before = await caseCount();
    const messages = new Set<string>();
    for (const person of [...Object.values(excluded), requester, director]) {
      const response = await ask(requester.email, { ...REQUEST, supporterId: person.id });
      expect(response.statusCode, response.body).toBe(400);
      const fields = response.json().error.fields as { path: string; message: string }[];
      expect(fields.map((f) => f.path)).toEqual(['body.supporterId']);
      messages.add(fields[0]!.message);
    }
    // One message for every reason: a refusal never says someone is paused or full.
    expect([...messages]).toEqual(['This supporter cannot take your request. Choose another, or let the program match you']);
    const sameDepartment = await ask(requester.email, { ...REQUEST, departmentPreference: 'other_department', supporterId: beatriz.id });
    expect(sameDepartment.statusCode).toBe(400);
    expect(await caseCount()).toBe(before);
    const offers = await t.ctx.db.selectFrom('case_offers').select('id').where('organization_id', '=', org.id).execute();
    expect(offers).toEqual([]);
  });

  it('offers the request to the chosen supporter; a decline hands it to the matcher', async () => {
    const response = await ask(requester.email, { ...REQUEST, supporterId: beatriz.id });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ state: 'offered', origin: 'self' });
    const [offer] = await offersOf(beatriz.email);
    expect(offer!.matchReasons).toEqual([{ code: 'chosen_by_requester', text: 'The requester chose you from the supporter directory' }]);
    const declined = await t.app.inject({
      method: 'POST',
      url: `/api/supporter/offers/${offer!.id}/decline`,
      headers: await as(beatriz.email),
      payload: { reason: 'unavailable' },
    });
    expect(declined.statusCode, declined.body).toBe(204);
    // The matcher takes over and never comes back to the one who declined.
    expect(await offersOf(aurelio.email)).toHaveLength(1);
    expect(await offersOf(beatriz.email)).toEqual([]);
  });

  it('lets the offer expire like any other: silence hands it to the matcher', async () => {
    const response = await ask(requester.email, { ...REQUEST, urgency: 'today', supporterId: beatriz.id });
    expect(response.statusCode, response.body).toBe(201);
    const [offer] = await offersOf(beatriz.email);
    const stored = await t.ctx.db
      .selectFrom('case_offers')
      .select(['offered_at', 'expires_at'])
      .where('id', '=', offer!.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(stored.expires_at) - Date.parse(stored.offered_at)).toBe(30 * 60_000);
    t.clock.advanceMinutes(31);
    await runDueJobsOnce(t.ctx, appJobs);
    expect((await t.ctx.db.selectFrom('case_offers').select('status').where('id', '=', offer!.id).executeTakeFirstOrThrow()).status).toBe(
      'expired',
    );
    const mine = (await t.app.inject({ url: '/api/support/requests', headers: await as(requester.email) })).json().requests as {
      id: string;
      state: string;
    }[];
    const theCase = await t.ctx.db
      .selectFrom('cases')
      .select(['offered_supporter_id', 'state'])
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(mine.find((r) => r.id === response.json().id)?.state).toBe('offered');
    expect(theCase.offered_supporter_id).toBe(aurelio.id);
  });

  it('answers 404 again once the director turns it off; the program administrator cannot change it', async () => {
    const admin = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/program',
      headers: await as(admin.email),
      payload: { supporterDirectoryEnabled: true },
    });
    expect(patch.statusCode).toBe(404);
    await setting(false);
    expect((await directory(requester.email)).statusCode).toBe(404);
  });
});
