import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_BODY_MAX_BYTES, ROSTER_MAX_ROWS } from '../shared/limits.ts';
import type { Person } from '../shared/schemas/person.ts';
import type { RosterReport } from '../shared/schemas/roster.ts';
import { buildDepartment, buildOrganization, buildPerson, type PersonOverrides } from '../server/demo/factories.ts';
import { createTestApp, signIn, type TestApp } from './harness.ts';

const PASSWORD = 'correct horse battery staple';
const HEADER = 'First_Name, last_name ,WORK_EMAIL,profession,department,specialty,languages,manager_email,active';

describe('staff roster import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  /** An organisation of its own with one department and a signed-in administrator. */
  async function world(adminOverrides: PersonOverrides = {}) {
    const org = await buildOrganization(t.ctx.db, t.clock);
    const departmentId = await buildDepartment(t.ctx.db, t.clock, org.id, { name: 'Emergency Medicine' });
    const admin = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD, ...adminOverrides });
    const cookie = await signIn(t.app, admin.email, PASSWORD);
    return { org, departmentId, admin, cookie };
  }
  const send = (cookie: string | undefined, url: string, csv: string, contentType = 'text/csv') =>
    t.app.inject({ method: 'POST', url, headers: { ...(cookie ? { cookie } : {}), 'content-type': contentType }, payload: csv });
  const preview = (cookie: string, csv: string) => send(cookie, '/api/people/import/preview', csv);
  const importCsv = (cookie: string, csv: string, skipInvalid = false) =>
    send(cookie, `/api/people/import?skipInvalid=${skipInvalid}`, csv);
  async function people(cookie: string): Promise<Person[]> {
    const response = await t.app.inject({ url: '/api/people?active=all&limit=200', headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { people: Person[] }).people;
  }
  const byEmail = (list: Person[], email: string) => list.find((p) => p.workEmail === email);
  async function countPeople(organizationId: string) {
    const row = await t.ctx.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

  it('imports a good file: new people with their profession, department, languages, manager and role', async () => {
    const { org, departmentId, cookie } = await world();
    const file =
      '\uFEFF' +
      csv(
        // The report's manager is on a later line: managers are set after everyone exists.
        'Ana,Report,Ana.Report@Example.test,nurse,emergency MEDICINE,"Triage,\nnights",en;es,boss@example.test,',
        '=SUM(A1),+Lead,boss@example.test,Physician,,,"en,fr",,yes',
        '@Sam,-Gone,sam@example.test,,,,,,false',
      );
    const report = await importCsv(cookie, file);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toEqual({
      applied: true,
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      errors: [],
      errorsTruncated: false,
    });

    const list = await people(cookie);
    const ana = byEmail(list, 'ana.report@example.test')!;
    const boss = byEmail(list, 'boss@example.test')!;
    expect(ana).toMatchObject({
      firstName: 'Ana',
      lastName: 'Report',
      professionId: org.professions.nurse,
      departmentId,
      specialty: 'Triage,\nnights',
      languages: ['en', 'es'],
      managerId: boss.id,
      active: true,
      roles: ['staff_member'],
      hasAccount: false,
    });
    // Formula-looking cells are names like any other: stored as given, nothing evaluated.
    expect(boss).toMatchObject({
      firstName: '=SUM(A1)',
      lastName: '+Lead',
      professionId: org.professions.physician,
      languages: ['en', 'fr'],
      managerId: null,
    });
    expect(byEmail(list, 'sam@example.test')).toMatchObject({ firstName: '@Sam', lastName: '-Gone', active: false, languages: [] });
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id'])
      .where('organization_id', '=', org.id)
      .where('action', '=', 'roster.imported')
      .execute();
    expect(audit).toEqual([{ action: 'roster.imported', subject_id: org.id }]);
  });

  it('reports every bad row with its line and column, and writes nothing unless asked to skip them', async () => {
    const { org, cookie } = await world();
    const file = csv(
      'Good,One,good1@example.test,Nurse,,"two\nlines",en,,', // lines 2-3
      ',Blank,blank@example.test,,,,,,', // 4
      'Bad,Mail,not-an-email,,,,,,', // 5
      'Un,Known,unknown@example.test,Wizard,Nowhere,,,,', // 6
      'Lang,Bad,lang@example.test,,,,english!,,', // 7
      'Act,Bad,act@example.test,,,,,,maybe', // 8
      'Dup,Licate,GOOD1@example.test,,,,,,', // 9
      'No,Manager,nomanager@example.test,,,,,ghost@example.test,', // 10
      'Self,Managed,self@example.test,,,,,SELF@example.test,', // 11
      'Short,Row', // 12
      'Good,Two,good2@example.test,,,,,good1@example.test,1', // 13
    );
    const before = await countPeople(org.id);

    const checked = await preview(cookie, file);
    expect(checked.statusCode, checked.body).toBe(200);
    const report = checked.json() as RosterReport;
    expect(report).toMatchObject({ applied: false, rows: 11, created: 2, updated: 0, unchanged: 0, invalid: 9, errorsTruncated: false });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'first_name'],
      [5, 'work_email'],
      [6, 'profession'],
      [6, 'department'],
      [7, 'languages'],
      [8, 'active'],
      [9, 'work_email'],
      [10, 'manager_email'],
      [11, 'manager_email'],
      [12, '*'],
    ]);
    expect(report.errors[2]!.message).toBe("Unknown profession 'Wizard'");
    expect(report.errors[6]!.message).toBe('This work e-mail is already on line 2');
    expect(await countPeople(org.id)).toBe(before);

    const refused = await importCsv(cookie, file);
    expect(refused.statusCode, refused.body).toBe(400);
    const error = refused.json().error as { code: string; message: string; fields: { path: string; message: string }[] };
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('9 of 11 rows have errors');
    expect(error.fields.slice(0, 3).map((f) => f.path)).toEqual(['line 4.first_name', 'line 5.work_email', 'line 6.profession']);
    expect(await countPeople(org.id)).toBe(before);

    const skipped = await importCsv(cookie, file, true);
    expect(skipped.statusCode, skipped.body).toBe(200);
    expect(skipped.json()).toMatchObject({ applied: true, created: 2, invalid: 9 });
    expect(await countPeople(org.id)).toBe(before + 2);
    const list = await people(cookie);
    expect(byEmail(list, 'good2@example.test')!.managerId).toBe(byEmail(list, 'good1@example.test')!.id);
  });

  it('re-importing the same file changes nothing; a changed row is the only one updated', async () => {
    const { cookie } = await world();
    const rows = ['Rae,One,rae@example.test,Nurse,,ICU,en,,true', 'Lee,Two,lee@example.test,Pharmacist,,,es;en,rae@example.test,'];
    expect((await importCsv(cookie, csv(...rows))).json()).toMatchObject({ created: 2 });
    const first = await people(cookie);
    t.clock.advanceMinutes(5);

    const again = await importCsv(cookie, csv(...rows));
    expect(again.json()).toMatchObject({ applied: true, rows: 2, created: 0, updated: 0, unchanged: 2, invalid: 0 });
    const second = await people(cookie);
    for (const p of first) expect(byEmail(second, p.workEmail)!.updatedAt).toBe(p.updatedAt);

    const changed = await importCsv(cookie, csv(rows[0]!, rows[1]!.replace('Pharmacist', 'PHARMACIST').replace('es;en', 'es')));
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const third = await people(cookie);
    expect(byEmail(third, 'lee@example.test')).toMatchObject({ languages: ['es'] });
    expect(byEmail(third, 'lee@example.test')!.updatedAt).not.toBe(byEmail(first, 'lee@example.test')!.updatedAt);
    expect(byEmail(third, 'rae@example.test')!.updatedAt).toBe(byEmail(first, 'rae@example.test')!.updatedAt);
  });

  it('writes a large file in batches, with managers on later batches', async () => {
    const { org, cookie } = await world();
    const n = 1200;
    // One long reporting chain, each person managed by the next line: the hardest order for the writes.
    const lines = Array.from(
      { length: n },
      (_, i) => `P${i},Bulk,p${i}@example.test,Nurse,,,en,${i + 1 < n ? `p${i + 1}@example.test` : ''},`,
    );
    const report = await importCsv(cookie, csv(...lines));
    expect(report.json()).toMatchObject({ created: n, invalid: 0 });
    const rows = await t.ctx.db
      .selectFrom('people')
      .select(['id', 'work_email', 'manager_id'])
      .where('organization_id', '=', org.id)
      .execute();
    const idOf = new Map(rows.map((r) => [r.work_email, r.id]));
    const chain = rows.filter((r) => /^p\d+@example\.test$/.test(r.work_email));
    expect(chain).toHaveLength(n);
    for (const r of chain) expect(r.manager_id).toBe(idOf.get(`p${parseInt(r.work_email.slice(1), 10) + 1}@example.test`) ?? null);
    expect((await importCsv(cookie, csv(...lines))).json()).toMatchObject({ unchanged: n, updated: 0, created: 0 });
  });

  it('changes existing people only within the rules of the people API', async () => {
    const { org, admin, cookie } = await world();
    const director = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Dee', lastName: 'Rector', roles: ['program_director'] });
    const nurse = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Nia', lastName: 'Nurse', password: PASSWORD });
    const nurseCookie = await signIn(t.app, nurse.email, PASSWORD);
    const lead = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Lou', lastName: 'Lead', managerId: nurse.id });
    const file = csv(
      `Nia,Nurse,${nurse.email},,,,en,,no`, // deactivated: sessions end, account and roles stay
      `Dee,Renamed,${director.email},,,,en,,no`, // refused: deactivating a director is beyond a program administrator
      `Me,Myself,${admin.email},,,,en,,false`, // refused: cannot deactivate yourself
      `Lou,Lead,${lead.email},,,,en,${nurse.email},`, // unchanged
      `Nia,Nurse,${nurse.email.replace('@', '2@')},,,,en,${lead.email},`, // new; no loop
    );
    const report = (await importCsv(cookie, file, true)).json() as RosterReport;
    expect(report).toMatchObject({ created: 1, updated: 1, unchanged: 1, invalid: 2 });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'active'],
      [4, 'active'],
    ]);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: nurseCookie } })).statusCode).toBe(401);
    const list = await people(cookie);
    expect(byEmail(list, nurse.email)).toMatchObject({ active: false, hasAccount: true, roles: ['staff_member'] });
    expect(byEmail(list, director.email)).toMatchObject({ lastName: 'Rector' });

    // Lead reports to the nurse already; making the nurse report to the lead would close a loop.
    const loop = (await preview(cookie, csv(`Nia,Nurse,${nurse.email},,,,en,${lead.email},no`))).json() as RosterReport;
    expect(loop.errors).toEqual([{ line: 2, column: 'manager_email', message: 'This would make a loop in the reporting line' }]);
  });

  it("matches names within the caller's organisation only", async () => {
    const { org, cookie } = await world();
    const other = await buildOrganization(t.ctx.db, t.clock);
    await buildDepartment(t.ctx.db, t.clock, other.id, { name: 'Cardiology' });
    await buildPerson(t.ctx.db, t.clock, other.id, { email: 'elsewhere@example.test' });
    const report = (await preview(cookie, csv('A,B,ab@example.test,,Cardiology,,,elsewhere@example.test,'))).json() as RosterReport;
    expect(report.errors.map((e) => [e.column, e.message])).toEqual([['department', "Unknown department 'Cardiology'"]]);
    const skipped = (await preview(cookie, csv('A,B,ab@example.test,,,,,elsewhere@example.test,'))).json() as RosterReport;
    expect(skipped.errors[0]!.column).toBe('manager_email');
    expect(await countPeople(org.id)).toBe(1);
  });

  it('refuses bad files as a whole', async () => {
    const { cookie } = await world();
    const expect400 = async (body: string, message: string) => {
      const response = await preview(cookie, body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.message).toContain(message);
    };
    await expect400('first_name,last_name,work_email,departmnet\nA,B,a@example.test,X\n', "Unknown column 'departmnet'");
    await expect400('first_name,work_email\nA,a@example.test\n', 'Missing required column: last_name');
    await expect400('', 'The file is empty');
    await expect400('\uFEFF\r\n\r\n', 'The file is empty');
    await expect400(`${HEADER}\n`, 'no rows');
    await expect400(`${HEADER}\n"A,B\n`, 'not valid CSV');
    await expect400(`${HEADER}\nJos\uFFFD,B,j@example.test,,,,,,\n`, 'not UTF-8');
    await expect400(`first_name,last_name,work_email\n${'A,B,c@example.test\n'.repeat(ROSTER_MAX_ROWS + 1)}`, 'more than 50,000 rows');
  });

  it('lists the first 1,000 errors and counts the rest', async () => {
    const { cookie } = await world();
    const report = (
      await preview(cookie, csv(...Array.from({ length: 1200 }, (_, i) => `A,B,c${i}@example.test,,,,,,constructor`)))
    ).json() as RosterReport;
    expect(report).toMatchObject({ rows: 1200, invalid: 1200, errorsTruncated: true });
    expect(report.errors).toHaveLength(1000);
    expect(report.errors[999]).toEqual({ line: 1001, column: 'active', message: 'Use true or false (yes/no, 1/0; blank means true)' });
  });

  it('accepts text/csv only, within the size limit', async () => {
    const { cookie } = await world();
    const json = await send(cookie, '/api/people/import', JSON.stringify({ rows: [] }), 'application/json');
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('unsupported_media_type');
    expect((await send(cookie, '/api/people/import/preview', 'a,b', 'text/plain')).statusCode).toBe(415);
    expect((await send(cookie, '/api/people/import/preview', csv('A,B,c@example.test,,,,,,'), 'text/csv; charset=utf-8')).statusCode).toBe(
      200,
    );
    const big = await send(cookie, '/api/people/import/preview', 'x'.repeat(ROSTER_BODY_MAX_BYTES + 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    expect((await send(cookie, '/api/people/import?skipInvalid=perhaps', csv('A,B,c@example.test,,,,,,'))).statusCode).toBe(400);
  });

  it('is for directory administrators only', async () => {
    const { org } = await world();
    const viewer = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['leadership_viewer'], password: PASSWORD });
    const viewerCookie = await signIn(t.app, viewer.email, PASSWORD);
    const file = csv('A,B,c@example.test,,,,,,');
    for (const url of ['/api/people/import/preview', '/api/people/import']) {
      expect((await send(viewerCookie, url, file)).statusCode).toBe(404);
      expect((await send(undefined, url, file)).statusCode).toBe(401);
    }
    expect(await countPeople(org.id)).toBe(2);
  });
});
