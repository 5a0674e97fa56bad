import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, buildSupporterProfile, type BuiltPerson } from '../server/demo/factories.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

/** Supervision and community meetings for the team (docs/team.md, "Looking after the team"), on either engine. */
describe('team meetings', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: { id: string };
  let director: BuiltPerson;
  let admin: BuiltPerson;
  let active: BuiltPerson;
  let paused: BuiltPerson;
  let certified: BuiltPerson;
  let byRoleOnly: BuiltPerson;
  let trainee: BuiltPerson;
  let lapsed: BuiltPerson;
  let staff: BuiltPerson;
  let otherDirector: BuiltPerson;
  let facilitatorOfB: BuiltPerson;

  const send = async (who: BuiltPerson, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: await as(who.email), ...(payload ? { payload } : {}) });
  const hoursFromNow = (h: number) => new Date(t.clock.now().getTime() + h * 3_600_000).toISOString();
  const meeting = (overrides: object = {}) => ({
    kind: 'supervision',
    startsAt: hoursFromNow(48),
    endsAt: hoursFromNow(49.5),
    modality: 'in_person',
    place: 'Education centre, room 2',
    facilitatorId: director.id,
    ...overrides,
  });
  const schedule = async (overrides: object = {}) => {
    const response = await send(admin, 'POST', '/api/team/meetings', meeting(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  /** A new minute: e-mails queued from here on are this step's. */
  const mark = () => {
    t.clock.advanceMinutes(1);
    return t.clock.now().toISOString();
  };
  const mailSince = async (since: string) =>
    t.ctx.db
      .selectFrom('email_outbox')
      .select(['to_address', 'template', 'link'])
      .where('created_at', '>=', since)
      .orderBy('to_address')
      .execute();
  const countRows = async (table: 'team_meetings' | 'team_meeting_attendance') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const overview = async () => {
    const response = await send(director, 'GET', '/api/team/meetings');
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const teamEmails = () => [active, paused, certified, byRoleOnly].map((p) => p.email).sort();

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock, { timeZone: 'America/Chicago' });
    const person = (firstName: string, roles: NonNullable<Parameters<typeof buildPerson>[3]>['roles']) =>
      buildPerson(t.ctx.db, t.clock, org.id, { firstName, roles, password: PASSWORD });
    director = await person('Dana', ['program_director']);
    admin = await person('Abe', ['program_admin']);
    active = await person('Ana', ['peer_supporter']);
    paused = await person('Pat', ['peer_supporter']);
    certified = await person('Cy', ['staff_member']);
    byRoleOnly = await person('Rolf', ['peer_supporter']);
    trainee = await person('Tess', ['staff_member']);
    lapsed = await person('Lou', ['staff_member']);
    staff = await person('Sam', ['staff_member']);
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, active.id, { status: 'active' });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, paused.id, { status: 'paused' });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, certified.id, { status: 'certified' });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, trainee.id, { status: 'in_training', certifiedUntil: null });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, lapsed.id, { status: 'lapsed' });
    const orgB = await buildOrganization(t.ctx.db, t.clock);
    otherDirector = await buildPerson(t.ctx.db, t.clock, orgB.id, { roles: ['program_director'], password: PASSWORD });
    facilitatorOfB = await buildPerson(t.ctx.db, t.clock, orgB.id, { roles: ['peer_supporter'], password: PASSWORD });
  });
  afterAll(async () => t?.close());

  it('invites the whole team, and only the team, by a neutral e-mail; members see it with a calendar file', async () => {
    const since = mark();
    const id = await schedule();
    const mail = await mailSince(since);
    expect(mail.map((m) => m.to_address)).toEqual(teamEmails());
    expect(new Set(mail.map((m) => `${m.template} ${m.link}`))).toEqual(new Set(['session_invitation /app/team/me']));

    const listed = await overview();
    expect(listed.timeZone).toBe('America/Chicago');
    expect(listed.upcoming.map((m: { id: string }) => m.id)).toContain(id);
    expect(listed.members.map((m: { firstName: string }) => m.firstName).sort()).toEqual(['Ana', 'Cy', 'Pat', 'Rolf']);
    expect(listed.facilitators.map((m: { firstName: string }) => m.firstName)).toEqual(expect.arrayContaining(['Dana', 'Abe', 'Ana']));

    const mine = (await send(paused, 'GET', '/api/team/me/meetings')).json();
    expect(mine).toMatchObject({ onTeam: true, timeZone: 'America/Chicago', attendedLastYear: 0 });
    expect(mine.upcoming).toEqual([
      expect.objectContaining({
        id,
        kind: 'supervision',
        place: 'Education centre, room 2',
        facilitator: { firstName: 'Dana', lastName: expect.any(String) },
      }),
    ]);
    const ics = await send(byRoleOnly, 'GET', `/api/team/me/meetings/${id}/invite.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('SUMMARY:Team meeting');
    expect(ics.body).toContain('SEQUENCE:0');
    expect(ics.body).not.toMatch(/support|supervision|\bpeer\b/i);
    expect(ics.body).not.toContain(id);
  });

  it('shows nothing to people not on the team: no meetings, and their calendar files do not exist', async () => {
    const id = await schedule({ kind: 'community' });
    for (const who of [trainee, lapsed, staff]) {
      const mine = await send(who, 'GET', '/api/team/me/meetings');
      expect(mine.json()).toEqual({ timeZone: 'America/Chicago', onTeam: false, upcoming: [], attendedLastYear: 0 });
      expect((await send(who, 'GET', `/api/team/me/meetings/${id}/invite.ics`)).statusCode).toBe(404);
    }
    // Another organisation's director: the meeting does not exist for them, in any route.
    expect((await send(otherDirector, 'GET', '/api/team/meetings')).json().upcoming).toEqual([]);
    expect((await send(otherDirector, 'GET', `/api/team/me/meetings/${id}/invite.ics`)).statusCode).toBe(404);
    expect((await send(otherDirector, 'PUT', `/api/team/meetings/${id}`, meeting({ facilitatorId: otherDirector.id }))).statusCode).toBe(
      404,
    );
    expect((await send(otherDirector, 'POST', `/api/team/meetings/${id}/cancel`)).statusCode).toBe(404);
    // A supporter cannot schedule or list meetings: the routes are hidden.
    expect((await send(active, 'GET', '/api/team/meetings')).statusCode).toBe(404);
    expect((await send(active, 'POST', '/api/team/meetings', meeting())).statusCode).toBe(404);
  });

  it('refuses bad input with the field named, and stores and sends nothing', async () => {
    const meetings = await countRows('team_meetings');
    const since = mark();
    const cases: [object, string][] = [
      [{ endsAt: hoursFromNow(47) }, 'body.endsAt'],
      [{ endsAt: hoursFromNow(60) }, 'body.endsAt'],
      [{ place: '  ' }, 'body.place'],
      [{ place: 'Peer support office' }, 'body.place'],
      [{ modality: 'remote', place: null }, 'body.videoLink'],
      [{ modality: 'remote', videoLink: 'http://meet.example.org/x' }, 'body.videoLink'],
      [{ facilitatorId: facilitatorOfB.id }, 'body.facilitatorId'],
      [{ kind: 'therapy' }, 'body.kind'],
      [{ startsAt: 'tomorrow' }, 'body.startsAt'],
      [{ notes: 'who said what' }, 'body'],
    ];
    for (const [overrides, field] of cases) {
      const response = await send(director, 'POST', '/api/team/meetings', meeting(overrides));
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(
        response
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .join(' '),
        JSON.stringify(overrides),
      ).toContain(field);
    }
    expect(await countRows('team_meetings')).toBe(meetings);
    expect(await mailSince(since)).toEqual([]);
  });

  it('a new time reaches the team and their calendars as an update; a new facilitator alone sends nothing', async () => {
    const id = await schedule();
    let since = mark();
    const moved = await send(admin, 'PUT', `/api/team/meetings/${id}`, meeting({ startsAt: hoursFromNow(72), endsAt: hoursFromNow(73) }));
    expect(moved.statusCode, moved.body).toBe(204);
    const mail = await mailSince(since);
    expect(mail.map((m) => m.to_address)).toEqual(teamEmails());
    expect(new Set(mail.map((m) => m.template))).toEqual(new Set(['session_changed']));
    const ics = (await send(active, 'GET', `/api/team/me/meetings/${id}/invite.ics`)).body;
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain(
      `DTSTART:${hoursFromNow(72)
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`,
    );

    since = mark();
    const refacilitated = await send(
      admin,
      'PUT',
      `/api/team/meetings/${id}`,
      meeting({ startsAt: hoursFromNow(72 - 1 / 60), endsAt: hoursFromNow(73 - 1 / 60), facilitatorId: active.id }),
    );
    expect(refacilitated.statusCode, refacilitated.body).toBe(204);
    expect(await mailSince(since)).toEqual([]);
    const listed = (await overview()).upcoming.find((m: { id: string }) => m.id === id);
    expect(listed.facilitator.firstName).toBe('Ana');
  });

  it('cancelling tells the team and turns the calendar file into a cancellation; a cancelled meeting cannot change', async () => {
    const id = await schedule({ kind: 'community' });
    t.clock.advanceMinutes(1);
    const since = mark();
    expect((await send(director, 'POST', `/api/team/meetings/${id}/cancel`)).statusCode).toBe(204);
    const mail = await mailSince(since);
    expect(mail.map((m) => m.to_address)).toEqual(teamEmails());
    expect(new Set(mail.map((m) => m.template))).toEqual(new Set(['session_cancelled']));
    const ics = (await send(certified, 'GET', `/api/team/me/meetings/${id}/invite.ics`)).body;
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:1');
    expect((await send(director, 'POST', `/api/team/meetings/${id}/cancel`)).statusCode).toBe(409);
    expect((await send(director, 'PUT', `/api/team/meetings/${id}`, meeting())).statusCode).toBe(409);
    expect((await send(director, 'PUT', `/api/team/meetings/${id}/attendance`, { personIds: [] })).statusCode).toBe(409);
    expect((await send(active, 'GET', '/api/team/me/meetings')).json().upcoming.map((m: { id: string }) => m.id)).not.toContain(id);
  });

  it('records who came once the meeting has started; only the team counts, and a year of attendance shows per member', async () => {
    const id = await schedule({ startsAt: hoursFromNow(1), endsAt: hoursFromNow(2) });
    const early = await send(admin, 'PUT', `/api/team/meetings/${id}/attendance`, { personIds: [active.id] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/not started/);

    t.clock.advanceMinutes(90);
    expect((await send(admin, 'PUT', `/api/team/meetings/${id}`, meeting())).statusCode).toBe(409);
    const outsider = await send(admin, 'PUT', `/api/team/meetings/${id}/attendance`, { personIds: [active.id, trainee.id] });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.fields).toEqual([{ path: 'body.personIds', message: 'Not on the team' }]);
    expect(await countRows('team_meeting_attendance')).toBe(0);

    const recorded = await send(admin, 'PUT', `/api/team/meetings/${id}/attendance`, { personIds: [active.id, paused.id, paused.id] });
    expect(recorded.statusCode, recorded.body).toBe(204);
    const listed = await overview();
    const past = listed.past.find((m: { id: string }) => m.id === id);
    expect(past.attendees.map((a: { firstName: string }) => a.firstName).sort()).toEqual(['Ana', 'Pat']);
    const ana = listed.members.find((m: { personId: string }) => m.personId === active.id);
    expect(ana).toMatchObject({ attendedLastYear: 1, state: 'active' });
    expect(ana.lastAttended).toBe(past.startsAt);
    expect(listed.members.find((m: { personId: string }) => m.personId === certified.id)).toMatchObject({
      attendedLastYear: 0,
      lastAttended: null,
    });
    expect((await send(active, 'GET', '/api/team/me/meetings')).json().attendedLastYear).toBe(1);

    // Pat steps down afterwards: they still came, and the list can be saved again with them on it.
    await t.ctx.db.updateTable('supporter_profiles').set({ status: 'retired' }).where('person_id', '=', paused.id).execute();
    expect(
      (await send(admin, 'PUT', `/api/team/meetings/${id}/attendance`, { personIds: [active.id, paused.id, certified.id] })).statusCode,
    ).toBe(204);
    const after = (await overview()).past.find((m: { id: string }) => m.id === id);
    expect(after.attendees.map((a: { firstName: string }) => a.firstName).sort()).toEqual(['Ana', 'Cy', 'Pat']);
    await t.ctx.db.updateTable('supporter_profiles').set({ status: 'paused' }).where('person_id', '=', paused.id).execute();

    const audit = await t.ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'team.meeting_scheduled',
      'team.meeting_attendance_recorded',
      'team.meeting_attendance_recorded',
    ]);
  });
});
