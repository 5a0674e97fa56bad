import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, buildSupporterProfile, type BuiltPerson } from '../server/demo/factories.ts';
import { renderEmail } from '../server/email/templates.ts';
import { addMonths } from '../server/modules/training/training.service.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';
const CHECKLIST = {
  listenedWithoutJudging: true,
  askedCommonQuestions: true,
  offeredResources: true,
  checkedSafety: true,
  keptConfidentiality: true,
};

/** Training the team through the API (docs/team.md, "Training and certification"), on either engine. */
describe('training the team', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: { id: string };
  let director: BuiltPerson;
  let admin: BuiltPerson;
  let facilitator: BuiltPerson;
  let otherDirector: BuiltPerson;

  const send = async (who: BuiltPerson, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: await as(who.email), ...(payload ? { payload } : {}) });
  const overview = async (who = director) => {
    const response = await send(who, 'GET', '/api/training');
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const mailTo = async (email: string) =>
    t.ctx.db.selectFrom('email_outbox').select(['template', 'link']).where('to_address', '=', email).orderBy('id').execute();
  const journeyOf = (personId: string) =>
    t.ctx.db
      .selectFrom('supporter_profiles')
      .select(['status', 'certified_until'])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
  const count = async (table: 'training_sessions' | 'training_observations' | 'training_attendance' | 'training_invitations') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Someone interviewed and taken into training by the director, as the Team page would. */
  const trainee = async (firstName: string) => {
    const person = await buildPerson(t.ctx.db, t.clock, org.id, { firstName, roles: ['staff_member'], password: PASSWORD });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, person.id, { status: 'under_review', certifiedUntil: null });
    const taken = await send(director, 'POST', `/api/team/${person.id}/events`, { type: 'accepted_for_training' });
    expect(taken.statusCode, taken.body).toBe(204);
    return person;
  };
  const requiredKeys = async () =>
    (await overview()).curriculum.modules.filter((m: { required: boolean }) => m.required).map((m: { key: string }) => m.key);
  const allKeys = async () => (await overview()).curriculum.modules.map((m: { key: string }) => m.key);
  const newSession = async (overrides: object = {}) => {
    const response = await send(director, 'POST', '/api/training/sessions', {
      startsAt: '2026-12-01T13:00:00.000Z',
      endsAt: '2026-12-01T17:00:00.000Z',
      modality: 'in_person',
      place: 'Education centre, room 4B',
      facilitatorId: facilitator.id,
      capacity: 12,
      moduleKeys: await allKeys(),
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const inviteTo = async (sessionId: string, people: BuiltPerson[]) => {
    const response = await send(admin, 'POST', `/api/training/sessions/${sessionId}/invitations`, { personIds: people.map((p) => p.id) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const attend = (sessionId: string, person: BuiltPerson, moduleKeys: string[], who = admin) =>
    send(who, 'PUT', `/api/training/sessions/${sessionId}/attendance`, { personId: person.id, moduleKeys });
  const observe = async (person: BuiltPerson, result: 'pass' | 'repeat', checklist = CHECKLIST) => {
    const scenarioId = (await overview()).scenarios[0].id;
    return send(admin, 'POST', '/api/training/observations', {
      traineeId: person.id,
      scenarioId,
      observerId: facilitator.id,
      observedAt: '2026-12-01T15:00:00.000Z',
      checklist,
      result,
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Auckland is ahead of UTC: at 12:00 UTC on 25 November it is already the 26th there.
    t.clock.advanceMinutes(180);
    org = await buildOrganization(t.ctx.db, t.clock, { timeZone: 'Pacific/Auckland' });
    director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    admin = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
    facilitator = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Fay', roles: ['peer_supporter'], password: PASSWORD });
    const orgB = await buildOrganization(t.ctx.db, t.clock);
    otherDirector = await buildPerson(t.ctx.db, t.clock, orgB.id, { roles: ['program_director'], password: PASSWORD });
  });
  afterAll(async () => t?.close());

  it('seeds a curriculum drawn from real programs, and each save is a new version with the old one kept', async () => {
    const first = await overview();
    expect(first.curriculum.version).toBe(1);
    expect(first.curriculum.modules.map((m: { key: string }) => m.key)).toContain('second-victim-stages');
    expect(first.curriculum.modules).toHaveLength(8);
    expect(first.curriculum.modules.filter((m: { required: boolean }) => !m.required)).toHaveLength(1);
    expect(first.scenarios.map((s: { title: string }) => s.title)).toEqual([
      'After a patient death',
      'After a lawsuit',
      'Burnout',
      'A near miss',
    ]);
    expect(first.certificationMonths).toBe(24);

    const modules = first.curriculum.modules.map(({ key, title, description, minutes, required }: Record<string, unknown>) => ({
      key,
      title,
      description,
      minutes,
      required,
    }));
    modules[0].minutes = 180;
    const saved = await send(director, 'PUT', '/api/training/curriculum', {
      modules: [...modules, { title: 'Looking after yourself', description: 'Limits and supervision.', minutes: 60, required: false }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    expect(saved.json().modules.at(-1)).toMatchObject({ key: 'looking-after-yourself', position: 8 });

    const second = await overview();
    expect(second.curriculum.version).toBe(2);
    expect(second.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const old = await send(admin, 'GET', '/api/training/curriculum/versions/1');
    expect(old.statusCode).toBe(200);
    expect(old.json().modules[0].minutes).toBe(120);
    expect(old.json().modules).toHaveLength(8);
    expect((await send(admin, 'GET', '/api/training/curriculum/versions/9')).statusCode).toBe(404);
    // The administrator runs sessions but does not set the program's standard.
    expect((await send(admin, 'PUT', '/api/training/curriculum', { modules })).statusCode).toBe(404);
    expect((await send(admin, 'PUT', '/api/training/settings', { certificationMonths: 12 })).statusCode).toBe(404);
  });

  it('invites to a session with a neutral e-mail and calendar file, and tells the invitees when it is cancelled', async () => {
    const ana = await trainee('Ana');
    const sessionId = await newSession();
    expect(await inviteTo(sessionId, [ana])).toEqual({ invited: 1 });
    // Inviting again sends nothing more.
    expect(await inviteTo(sessionId, [ana])).toEqual({ invited: 0 });
    expect((await mailTo(ana.email)).filter((m) => m.template.startsWith('session'))).toEqual([
      { template: 'session_invitation', link: '/app/team/me' },
    ]);

    const mine = await send(ana, 'GET', '/api/training/me');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().sessions).toEqual([
      expect.objectContaining({ id: sessionId, status: 'scheduled', place: 'Education centre, room 4B' }),
    ]);
    expect(mine.json().state).toBe('in_training');

    const ics = await send(ana, 'GET', `/api/training/me/sessions/${sessionId}/invite.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('SUMMARY:Training session');
    expect(ics.body).toContain('METHOD:REQUEST');
    for (const word of ['support', 'Ana', sessionId]) expect(ics.body).not.toContain(word);
    expect(ics.body).not.toMatch(/\bpeer\b/i);
    // Someone not invited cannot fetch it, nor anyone of another organisation.
    expect((await send(facilitator, 'GET', `/api/training/me/sessions/${sessionId}/invite.ics`)).statusCode).toBe(404);
    expect((await send(otherDirector, 'GET', `/api/training/me/sessions/${sessionId}/invite.ics`)).statusCode).toBe(404);

    const cancelled = await send(admin, 'POST', `/api/training/sessions/${sessionId}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    expect((await mailTo(ana.email)).map((m) => m.template).filter((m) => m.startsWith('session'))).toEqual([
      'session_invitation',
      'session_cancelled',
    ]);
    const after = await send(ana, 'GET', `/api/training/me/sessions/${sessionId}/invite.ics`);
    expect(after.body).toContain('METHOD:CANCEL');
    expect(after.body).toContain('SEQUENCE:1');
    expect((await send(admin, 'POST', `/api/training/sessions/${sessionId}/cancel`)).statusCode).toBe(409);
  });

  it('certifies exactly when every required module is attended and a role-play passed, for the program’s period', async () => {
    const ben = await trainee('Ben');
    const sessionId = await newSession();
    await inviteTo(sessionId, [ben]);
    const required = await requiredKeys();
    const [last, ...rest] = required;

    expect((await attend(sessionId, ben, rest)).statusCode).toBe(204);
    // A repeat does not count; a pass without every module is not enough.
    expect((await observe(ben, 'repeat', { ...CHECKLIST, checkedSafety: false })).statusCode).toBe(201);
    expect((await journeyOf(ben.id)).status).toBe('in_training');
    expect((await observe(ben, 'pass')).statusCode).toBe(201);
    expect((await journeyOf(ben.id)).status).toBe('in_training');
    // The optional module does not stand in for a required one.
    const optional = (await overview()).curriculum.modules.find((m: { required: boolean }) => !m.required).key;
    expect((await attend(sessionId, ben, [...rest, optional])).statusCode).toBe(204);
    expect((await journeyOf(ben.id)).status).toBe('in_training');
    const progress = (await overview()).trainees.find((p: { personId: string }) => p.personId === ben.id);
    expect(progress).toMatchObject({ requiredAttended: required.length - 1, requiredTotal: required.length, passedRolePlay: true });

    expect((await attend(sessionId, ben, [...rest, last])).statusCode).toBe(204);
    // Today in Auckland is 26 November; two years on by default.
    expect(await journeyOf(ben.id)).toEqual({ status: 'certified', certified_until: '2028-11-26' });
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['actor_person_id'])
      .where('action', '=', 'supporter.certified')
      .where('subject_id', '=', ben.id)
      .execute();
    expect(audit).toEqual([{ actor_person_id: null }]);
    expect((await mailTo(ben.email)).map((m) => m.template)).toContain('team_update');
    const mine = (await send(ben, 'GET', '/api/training/me')).json();
    expect(mine.rolePlays.map((r: { result: string }) => r.result).sort()).toEqual(['pass', 'repeat']);
    expect(mine.rolePlays[0]).not.toHaveProperty('checklist');
    expect(mine.certifiedUntil).toBe('2028-11-26');
  });

  it('certifies at the role-play when the modules came first, with the period the director chose', async () => {
    expect((await send(director, 'PUT', '/api/training/settings', { certificationMonths: 18 })).statusCode).toBe(200);
    const cleo = await trainee('Cleo');
    const sessionId = await newSession();
    await inviteTo(sessionId, [cleo]);
    await attend(sessionId, cleo, await requiredKeys());
    expect((await journeyOf(cleo.id)).status).toBe('in_training');
    expect((await observe(cleo, 'pass')).statusCode).toBe(201);
    expect(await journeyOf(cleo.id)).toEqual({ status: 'certified', certified_until: '2028-05-26' });
  });

  it('does not certify someone who is not in training, and a refresher counts only what follows it', async () => {
    const dev = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Dev', roles: ['peer_supporter'], password: PASSWORD });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, dev.id, { status: 'active', certifiedUntil: '2027-01-31' });
    const sessionId = await newSession();
    await inviteTo(sessionId, [dev]);
    expect((await attend(sessionId, dev, await requiredKeys())).statusCode).toBe(204);
    expect((await observe(dev, 'pass')).statusCode).toBe(201);
    expect(await journeyOf(dev.id)).toEqual({ status: 'active', certified_until: '2027-01-31' });

    // Retired, then back through a refresher: the course of before does not count again.
    t.clock.advanceMinutes(60);
    expect((await send(director, 'POST', `/api/team/${dev.id}/events`, { type: 'retired' })).statusCode).toBe(204);
    expect((await send(director, 'POST', `/api/team/${dev.id}/events`, { type: 'refresher_started' })).statusCode).toBe(204);
    expect((await journeyOf(dev.id)).status).toBe('in_training');
    const refresher = await newSession();
    await inviteTo(refresher, [dev]);
    const required = await requiredKeys();
    await attend(refresher, dev, required.slice(1));
    expect((await journeyOf(dev.id)).status).toBe('in_training');
    await attend(refresher, dev, required);
    expect((await journeyOf(dev.id)).status).toBe('in_training');
    expect((await observe(dev, 'pass')).statusCode).toBe(201);
    expect((await journeyOf(dev.id)).status).toBe('certified');
  });

  it('answers bad input with 400 naming the fields and writes nothing', async () => {
    const eve = await trainee('Eve');
    const before = await Promise.all([count('training_sessions'), count('training_observations'), count('training_attendance')]);
    const session = (overrides: object) =>
      send(director, 'POST', '/api/training/sessions', {
        startsAt: '2026-12-02T13:00:00.000Z',
        endsAt: '2026-12-02T17:00:00.000Z',
        modality: 'in_person',
        place: 'Room 1',
        facilitatorId: facilitator.id,
        capacity: 10,
        moduleKeys: ['empathetic-listening'],
        ...overrides,
      });
    const fieldsOf = (response: { statusCode: number; json(): { error: { fields?: { path: string }[] } } }) => {
      expect(response.statusCode).toBe(400);
      return response.json().error.fields?.map((f) => f.path);
    };
    expect(fieldsOf(await session({ endsAt: '2026-12-02T12:00:00.000Z' }))).toEqual(['body.endsAt']);
    expect(fieldsOf(await session({ place: null }))).toEqual(['body.place']);
    expect(fieldsOf(await session({ place: 'Peer support room' }))).toEqual(['body.place']);
    expect(fieldsOf(await session({ modality: 'remote', place: null }))).toEqual(['body.videoLink']);
    expect(fieldsOf(await session({ moduleKeys: ['juggling'] }))).toEqual(['body.moduleKeys']);
    expect(fieldsOf(await session({ facilitatorId: otherDirector.id }))).toEqual(['body.facilitatorId']);
    expect(fieldsOf(await session({ capacity: 0, startsAt: 'tomorrow' }))?.sort()).toEqual(['body.capacity', 'body.startsAt']);

    const sessionId = await newSession();
    before[0] += 1;
    expect(fieldsOf(await attend(sessionId, eve, ['empathetic-listening']))).toEqual(['body.personId']);
    await inviteTo(sessionId, [eve]);
    expect(fieldsOf(await attend(sessionId, eve, ['not-a-module']))).toEqual(['body.moduleKeys']);
    expect(fieldsOf(await observe(eve, 'pass', { ...CHECKLIST, keptConfidentiality: false }))).toEqual(['body.result']);
    const notes = await send(admin, 'POST', '/api/training/observations', {
      traineeId: eve.id,
      scenarioId: (await overview()).scenarios[0].id,
      observerId: facilitator.id,
      observedAt: '2026-12-01T15:00:00.000Z',
      checklist: CHECKLIST,
      result: 'pass',
      notes: 'Seemed nervous',
    });
    expect(fieldsOf(notes)).toEqual(['body.notes']);
    expect(fieldsOf(await send(director, 'PUT', '/api/training/curriculum', { modules: [] }))).toEqual(['body.modules']);
    expect(await Promise.all([count('training_sessions'), count('training_observations'), count('training_attendance')])).toEqual(before);
    expect((await overview()).curriculum.version).toBe(2);
  });

  it('answers 404 for another organisation’s sessions and scenarios, and 400 for its people in a body', async () => {
    const fred = await trainee('Fred');
    const sessionId = await newSession();
    await inviteTo(sessionId, [fred]);
    const scenarioId = (await overview()).scenarios[0].id;
    const invitations = await count('training_invitations');
    expect(
      (await send(otherDirector, 'POST', `/api/training/sessions/${sessionId}/invitations`, { personIds: [otherDirector.id] })).statusCode,
    ).toBe(404);
    expect(
      (await send(otherDirector, 'PUT', `/api/training/sessions/${sessionId}/attendance`, { personId: fred.id, moduleKeys: [] }))
        .statusCode,
    ).toBe(404);
    expect((await send(otherDirector, 'POST', `/api/training/sessions/${sessionId}/cancel`)).statusCode).toBe(404);
    expect((await send(otherDirector, 'PATCH', `/api/training/scenarios/${scenarioId}`, { title: 'Mine now' })).statusCode).toBe(404);
    const observed = await send(otherDirector, 'POST', '/api/training/observations', {
      traineeId: fred.id,
      scenarioId,
      observerId: otherDirector.id,
      observedAt: '2026-12-01T15:00:00.000Z',
      checklist: CHECKLIST,
      result: 'pass',
    });
    expect(observed.statusCode).toBe(400);
    expect(await count('training_invitations')).toBe(invitations);
    // Organisation B sees only its own program: its own default curriculum, none of A's sessions.
    const theirs = await overview(otherDirector);
    expect(theirs.curriculum.version).toBe(1);
    expect(theirs.sessions).toEqual([]);
    expect(theirs.people.map((p: { personId: string }) => p.personId)).not.toContain(fred.id);
    expect((await send(director, 'GET', '/api/training')).json().scenarios.find((s: { id: string }) => s.id === scenarioId).title).toBe(
      'After a patient death',
    );
  });

  it('lets the director edit and add scenarios', async () => {
    const scenarioId = (await overview()).scenarios[1].id;
    const edited = await send(director, 'PATCH', `/api/training/scenarios/${scenarioId}`, { situation: 'A registrar learns of a claim.' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'After a lawsuit', situation: 'A registrar learns of a claim.' });
    const added = await send(director, 'POST', '/api/training/scenarios', {
      title: 'Violence at work',
      situation: 'A nurse was hit by a visitor.',
    });
    expect(added.statusCode).toBe(201);
    expect((await overview()).scenarios.at(-1).title).toBe('Violence at work');
    expect((await send(admin, 'POST', '/api/training/scenarios', { title: 'x', situation: 'y' })).statusCode).toBe(404);
  });

  describe('changing a session', () => {
    /** The session's row and everything a refused change could have written, to compare before and after. */
    const snapshot = async (sessionId: string) => ({
      row: await t.ctx.db.selectFrom('training_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow(),
      mail: (await t.ctx.db.selectFrom('email_outbox').select('id').execute()).length,
      audit: (await t.ctx.db.selectFrom('audit_events').select('id').where('subject_id', '=', sessionId).execute()).length,
    });
    const change = (sessionId: string, payload: object, who = admin) => send(who, 'PATCH', `/api/training/sessions/${sessionId}`, payload);
    const ics = async (who: BuiltPerson, sessionId: string) =>
      (await send(who, 'GET', `/api/training/me/sessions/${sessionId}/invite.ics`)).body.replace(/\r\n[ \t]/g, '');
    const uidOf = (text: string) => /UID:(.+)/.exec(text)?.[1]?.trim();
    const fieldsOf = (response: { statusCode: number; body: string; json(): { error: { fields?: { path: string }[] } } }) => {
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.fields?.map((f) => f.path);
    };

    it('moves a session: the calendar file becomes an update, and only the active invitees get a neutral e-mail', async () => {
      const [gil, hal, ivy] = [await trainee('Gil'), await trainee('Hal'), await trainee('Ivy')];
      const sessionId = await newSession();
      await inviteTo(sessionId, [gil, hal, ivy]);
      // Ivy has since left the hospital: her account is off, so no e-mail goes to her.
      await t.ctx.db.updateTable('people').set({ active: false }).where('id', '=', ivy.id).execute();
      const first = await ics(gil, sessionId);
      expect(first).toContain('SEQUENCE:0');
      expect(first).toContain('DTSTART:20261201T130000Z');
      const mailBefore = (await t.ctx.db.selectFrom('email_outbox').select('id').execute()).length;

      const moved = await change(sessionId, {
        startsAt: '2026-12-03T14:00:00.000Z',
        endsAt: '2026-12-03T18:00:00.000Z',
        modality: 'in_person',
        place: 'Education centre, room 5A',
        facilitatorId: facilitator.id,
        capacity: 12,
        moduleKeys: await allKeys(),
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toEqual({ id: sessionId, sequence: 1, notified: 2 });

      const second = await ics(gil, sessionId);
      expect(uidOf(second)).toBe(uidOf(first));
      expect(second).toContain('METHOD:REQUEST');
      expect(second).toContain('SEQUENCE:1');
      expect(second).toContain('DTSTART:20261203T140000Z');
      expect(second).toContain('DTEND:20261203T180000Z');
      expect(second).toContain('LOCATION:Education centre\\, room 5A');
      for (const word of ['support', 'Gil', sessionId]) expect(second).not.toContain(word);

      const mail = await t.ctx.db
        .selectFrom('email_outbox')
        .select(['to_address', 'template', 'link'])
        .where('template', '=', 'session_changed')
        .orderBy('to_address')
        .execute();
      expect(mail).toEqual(
        [gil, hal]
          .map((p) => ({ to_address: p.email, template: 'session_changed', link: '/app/team/me' }))
          .sort((a, b) => a.to_address.localeCompare(b.to_address)),
      );
      expect((await t.ctx.db.selectFrom('email_outbox').select('id').execute()).length).toBe(mailBefore + 2);
      // The e-mail says that a session changed, never which, what it is about, nor when or where it is now.
      const { text } = renderEmail('session_changed', '/app/team/me', 'https://peerline.example');
      expect(text).toContain('A session you were invited to in Peerline has changed');
      for (const word of ['training', 'support', 'room 5A', 'Dec', '14:00', 'Gil'])
        expect(text.toLowerCase()).not.toContain(word.toLowerCase());

      const view = (await overview()).sessions.find((s: { id: string }) => s.id === sessionId);
      expect(view).toMatchObject({
        startsAt: '2026-12-03T14:00:00.000Z',
        endsAt: '2026-12-03T18:00:00.000Z',
        place: 'Education centre, room 5A',
      });
      const mine = (await send(gil, 'GET', '/api/training/me')).json();
      expect(mine.sessions.find((s: { id: string }) => s.id === sessionId)).toMatchObject({ startsAt: '2026-12-03T14:00:00.000Z' });
      const audit = await t.ctx.db
        .selectFrom('audit_events')
        .select(['action', 'actor_person_id', 'detail'])
        .where('subject_id', '=', sessionId)
        .where('action', '=', 'training.session_updated')
        .execute();
      expect(audit).toEqual([{ action: 'training.session_updated', actor_person_id: admin.id, detail: 'startsAt,endsAt,place' }]);

      // More places, or the same again: nothing in anyone's calendar changes, so nobody is e-mailed.
      t.clock.advanceMinutes(1);
      const more = await change(sessionId, { capacity: 20 });
      expect(more.statusCode, more.body).toBe(200);
      expect(more.json()).toEqual({ id: sessionId, sequence: 2, notified: 0 });
      const same = await change(sessionId, { capacity: 20, place: 'Education centre, room 5A' });
      expect(same.json()).toEqual({ id: sessionId, sequence: 2, notified: 0 });
      expect((await t.ctx.db.selectFrom('email_outbox').select('id').execute()).length).toBe(mailBefore + 2);
      expect(
        (
          await t.ctx.db
            .selectFrom('audit_events')
            .select('detail')
            .where('subject_id', '=', sessionId)
            .where('action', '=', 'training.session_updated')
            .orderBy('at')
            .execute()
        ).map((a) => a.detail),
      ).toEqual(['startsAt,endsAt,place', 'capacity']);

      // Going remote is a change of place: the invitees hear of it, and the file carries the link.
      const remote = await change(sessionId, { modality: 'remote', videoLink: 'https://video.example.org/room/7' }, director);
      expect(remote.json()).toEqual({ id: sessionId, sequence: 3, notified: 2 });
      const third = await ics(hal, sessionId);
      expect(third).toContain('SEQUENCE:3');
      expect(third).toContain('LOCATION:https://video.example.org/room/7');
      expect((await overview()).sessions.find((s: { id: string }) => s.id === sessionId)).toMatchObject({
        place: null,
        modality: 'remote',
      });
    });

    it('refuses fewer places than people invited, and leaving out a module someone attended; nothing changes', async () => {
      const [jo, kit, lea] = [await trainee('Jo'), await trainee('Kit'), await trainee('Lea')];
      const keys = await allKeys();
      const sessionId = await newSession({ capacity: 4 });
      await inviteTo(sessionId, [jo, kit, lea]);
      expect((await attend(sessionId, jo, [keys[0]])).statusCode).toBe(204);
      const before = await snapshot(sessionId);

      expect(fieldsOf(await change(sessionId, { capacity: 2 }))).toEqual(['body.capacity']);
      expect(fieldsOf(await change(sessionId, { moduleKeys: keys.slice(1) }))).toEqual(['body.moduleKeys']);
      expect(await snapshot(sessionId)).toEqual(before);

      // Exactly as many places as people, and modules without the attended one dropped, are fine.
      const fits = await change(sessionId, { capacity: 3, moduleKeys: [keys[0], keys[1]] });
      expect(fits.statusCode, fits.body).toBe(200);
      expect(fits.json()).toMatchObject({ sequence: 1, notified: 0 });
    });

    it('never lets the invitees outnumber the places when an invitation and a cut in places meet', async () => {
      for (let round = 0; round < 6; round += 1) {
        const [one, two, three] = [await trainee(`Pia${round}`), await trainee(`Quin${round}`), await trainee(`Rae${round}`)];
        const sessionId = await newSession({ capacity: 3 });
        await inviteTo(sessionId, [one, two]);
        const [invited, cut] = await Promise.all([
          send(admin, 'POST', `/api/training/sessions/${sessionId}/invitations`, { personIds: [three.id] }),
          change(sessionId, { capacity: 2 }, director),
        ]);
        // Whichever came second saw the other's work: one of the two is refused.
        expect([invited.statusCode, cut.statusCode].sort(), `${invited.body} ${cut.body}`).toEqual([200, 400]);
        const row = await t.ctx.db.selectFrom('training_sessions').select('capacity').where('id', '=', sessionId).executeTakeFirstOrThrow();
        const people = await t.ctx.db.selectFrom('training_invitations').select('person_id').where('session_id', '=', sessionId).execute();
        expect(people.length).toBeLessThanOrEqual(Number(row.capacity));
      }
    });

    it('answers bad input with 400 naming the field, another organisation with 404 and a cancelled session with 409, changing nothing', async () => {
      const mo = await trainee('Mo');
      const sessionId = await newSession();
      await inviteTo(sessionId, [mo]);
      const before = await snapshot(sessionId);

      expect(fieldsOf(await change(sessionId, { endsAt: '2026-12-01T12:00:00.000Z' }))).toEqual(['body.endsAt']);
      expect(fieldsOf(await change(sessionId, { startsAt: '2026-12-01T18:00:00.000Z' }))).toEqual(['body.endsAt']);
      expect(fieldsOf(await change(sessionId, { endsAt: '2026-12-02T13:00:00.000Z' }))).toEqual(['body.endsAt']);
      expect(fieldsOf(await change(sessionId, { place: 'Peer support room' }))).toEqual(['body.place']);
      expect(fieldsOf(await change(sessionId, { modality: 'remote' }))).toEqual(['body.videoLink']);
      expect(fieldsOf(await change(sessionId, { moduleKeys: ['juggling'] }))).toEqual(['body.moduleKeys']);
      expect(fieldsOf(await change(sessionId, { facilitatorId: otherDirector.id }))).toEqual(['body.facilitatorId']);
      expect(fieldsOf(await change(sessionId, { capacity: 10, notes: 'Mo seemed nervous' }))).toEqual(['body.notes']);
      expect(fieldsOf(await change(sessionId, { startsAt: 'tomorrow', capacity: 0 }))?.sort()).toEqual(['body.capacity', 'body.startsAt']);
      expect(await snapshot(sessionId)).toEqual(before);

      const theirs = await change(sessionId, { startsAt: '2026-12-01T14:00:00.000Z' }, otherDirector);
      expect(theirs.statusCode).toBe(404);
      expect(await snapshot(sessionId)).toEqual(before);
      // The other organisation's own session is not reachable from here either.
      expect((await change('00000000-0000-4000-8000-000000000000', { capacity: 5 })).statusCode).toBe(404);

      expect((await send(admin, 'POST', `/api/training/sessions/${sessionId}/cancel`)).statusCode).toBe(204);
      const cancelled = await snapshot(sessionId);
      const late = await change(sessionId, { startsAt: '2026-12-01T14:00:00.000Z' });
      expect(late.statusCode, late.body).toBe(409);
      expect(await snapshot(sessionId)).toEqual(cancelled);
      expect(await ics(mo, sessionId)).toContain('METHOD:CANCEL');
    });
  });

  it('tells a person whether Peerline holds a finished course of theirs, and the program’s time zone', async () => {
    // Certified by the director for a course taken before Peerline: nothing on record.
    const nia = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Nia', roles: ['peer_supporter'], password: PASSWORD });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, nia.id, { status: 'active', certifiedUntil: '2027-06-30' });
    const hers = (await send(nia, 'GET', '/api/training/me')).json();
    expect(hers).toMatchObject({ state: 'active', certifiedUntil: '2027-06-30', courseOnRecord: false, timeZone: 'Pacific/Auckland' });
    expect((await overview()).timeZone).toBe('Pacific/Auckland');

    // Trained here: every required module and a passed role-play.
    const oli = await trainee('Oli');
    const sessionId = await newSession();
    await inviteTo(sessionId, [oli]);
    await attend(sessionId, oli, await requiredKeys());
    expect((await send(oli, 'GET', '/api/training/me')).json().courseOnRecord).toBe(false);
    expect((await observe(oli, 'pass')).statusCode).toBe(201);
    expect((await send(oli, 'GET', '/api/training/me')).json()).toMatchObject({ state: 'certified', courseOnRecord: true });

    // A required module added to the curriculum later does not undo the course Oli finished.
    const modules = (await overview()).curriculum.modules.map(
      ({ key, title, description, minutes, required }: Record<string, unknown>) => ({
        key,
        title,
        description,
        minutes,
        required,
      }),
    );
    const saved = await send(director, 'PUT', '/api/training/curriculum', {
      modules: [...modules, { title: 'Moral injury', description: '', minutes: 60, required: true }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await send(oli, 'GET', '/api/training/me')).json().courseOnRecord).toBe(true);
  });

  it('adds months to a day, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-11-26', 24)).toBe('2028-11-26');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
