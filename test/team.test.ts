import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTER_STATES, isOnDuty, type SupporterState } from '../shared/supporter-lifecycle.ts';
import { buildOrganization, buildPerson, buildSupporterProfile, type BuiltPerson } from '../server/demo/factories.ts';
import { loadCandidates } from '../server/modules/cases/index.ts';
import { matchSupporters } from '../server/modules/matching/index.ts';
import { whoIsOnCall } from '../server/modules/on-call/index.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

/** Building the team through the API (docs/team.md), on whichever engine DATABASE_URL selects. */
describe('building the team', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: { id: string };
  let director: BuiltPerson;
  let admin: BuiltPerson;
  let nominator: BuiltPerson;

  const person = (firstName: string, roles: ('staff_member' | 'peer_supporter')[] = ['staff_member']) =>
    buildPerson(t.ctx.db, t.clock, org.id, { firstName, roles, password: PASSWORD });
  const send = async (who: BuiltPerson, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: await as(who.email), ...(payload ? { payload } : {}) });
  const nominate = (by: BuiltPerson, email: string) => send(by, 'POST', '/api/team/nominations', { email });
  const team = async (who = director) => (await send(who, 'GET', '/api/team')).json();
  const decide = (personId: string, payload: object, who = director) => send(who, 'POST', `/api/team/${personId}/events`, payload);
  const answer = (who: BuiltPerson, type: string) => send(who, 'POST', '/api/team/me/events', { type });
  const mailTo = async (email: string) =>
    (await t.ctx.db.selectFrom('email_outbox').select(['template', 'link']).where('to_address', '=', email).orderBy('id').execute()).map(
      (m) => m.template,
    );
  const nominationsOf = (personId: string) =>
    t.ctx.db.selectFrom('supporter_nominations').selectAll().where('nominee_person_id', '=', personId).execute();
  const profileOf = (personId: string) =>
    t.ctx.db.selectFrom('supporter_profiles').selectAll().where('person_id', '=', personId).executeTakeFirst();

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock, { timeZone: 'UTC' });
    director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    admin = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
    nominator = await person('Nina');
  });
  afterAll(async () => t?.close());

  it('answers a nomination the same way whoever the address belongs to, and asks only a real colleague', async () => {
    const nominee = await person('Quiet');
    const before = await t.ctx.db.selectFrom('supporter_nominations').selectAll().execute();
    const unknown = await nominate(nominator, 'nobody-here@elsewhere.test');
    const known = await nominate(nominator, nominee.email.toUpperCase());
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(known.json()).toEqual({ received: true, self: false });
    expect((await t.ctx.db.selectFrom('supporter_nominations').selectAll().execute()).length).toBe(before.length + 1);
    expect(await mailTo(nominee.email)).toEqual(['team_invitation']);
    // Asking again changes nothing and sends nothing.
    expect((await nominate(nominator, nominee.email)).json()).toEqual({ received: true, self: false });
    expect(await mailTo(nominee.email)).toEqual(['team_invitation']);
  });

  it('keeps a pending nomination a number, and a declined one leaves no trace anywhere', async () => {
    const nominee = await person('Private');
    await nominate(nominator, nominee.email);
    const pending = await team();
    expect(pending.counts.nominated).toBeGreaterThanOrEqual(1);
    expect(pending.members.map((m: { personId: string }) => m.personId)).not.toContain(nominee.id);
    // The director cannot decide about someone who has not said yes.
    expect((await decide(nominee.id, { type: 'accepted_for_training' })).statusCode).toBe(404);
    expect((await send(nominee, 'GET', '/api/team/me')).json()).toMatchObject({
      state: 'nominated',
      allowedEvents: ['interest_confirmed', 'nomination_declined'],
    });

    const declined = await answer(nominee, 'nomination_declined');
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toEqual({ state: null, stateSince: null, certifiedUntil: null, allowedEvents: [] });
    expect(await profileOf(nominee.id)).toBeUndefined();
    expect(await nominationsOf(nominee.id)).toEqual([]);
    const audit = await t.ctx.db.selectFrom('audit_events').selectAll().where('organization_id', '=', org.id).execute();
    // Their own sign-in is logged like anyone's; nothing about the team names them.
    const teamRows = audit.filter((a) => a.action.startsWith('supporter.'));
    expect(teamRows.filter((a) => a.subject_id === nominee.id || a.actor_person_id === nominee.id)).toEqual([]);
    expect(audit.some((a) => a.action === 'supporter.nomination_closed' && a.actor_person_id === null)).toBe(true);
    expect((await team()).counts.nominated).toBe(pending.counts.nominated - 1);
  });

  it('takes a nominee from yes to active, matched and holding the supporter role, every step audited', async () => {
    const nominee = await person('Rosa');
    await nominate(nominator, nominee.email);
    expect((await answer(nominee, 'interest_confirmed')).json()).toMatchObject({ state: 'under_review', allowedEvents: ['withdrew'] });
    expect(await mailTo(director.email)).toContain('attention_needed');
    const listed = (await team()).members.find((m: { personId: string }) => m.personId === nominee.id);
    expect(listed).toMatchObject({
      state: 'under_review',
      nominations: 1,
      onDuty: false,
      allowedEvents: ['accepted_for_training', 'not_selected'],
    });

    // The administrator sees the pipeline but does not decide.
    expect((await send(admin, 'GET', '/api/team')).statusCode).toBe(200);
    expect((await decide(nominee.id, { type: 'accepted_for_training' }, admin)).statusCode).toBe(404);

    expect((await decide(nominee.id, { type: 'accepted_for_training' })).statusCode).toBe(204);
    expect((await decide(nominee.id, { type: 'activated' })).json().error.code).toBe('conflict');
    const badDay = await decide(nominee.id, { type: 'certified', until: '2020-01-01' });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().error.fields).toEqual([expect.objectContaining({ path: 'body.until' })]);
    expect((await decide(nominee.id, { type: 'certified', until: '2028-11-30' })).statusCode).toBe(204);
    expect((await profileOf(nominee.id))?.status).toBe('certified');
    expect((await decide(nominee.id, { type: 'activated' })).statusCode).toBe(204);

    const roles = await t.ctx.db.selectFrom('role_grants').select('role').where('person_id', '=', nominee.id).execute();
    expect(roles.map((r) => r.role).sort()).toEqual(['peer_supporter', 'staff_member']);
    const member = (await team()).members.find((m: { personId: string }) => m.personId === nominee.id);
    expect(member).toMatchObject({ state: 'active', certifiedUntil: '2028-11-30', onDuty: true });
    const candidates = await loadCandidates(t.ctx.db, org.id, 'UTC', t.clock.now());
    expect(candidates.find((c) => c.personId === nominee.id)).toMatchObject({ active: true, certified: true });
    const steps = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('subject_id', '=', nominee.id)
      .orderBy('id')
      .execute();
    expect(steps.map((s) => s.action)).toEqual([
      'supporter.interest_confirmed',
      'supporter.accepted_for_training',
      'supporter.certified',
      'supporter.activated',
      'person.role_granted',
    ]);
    // Asked once; then told of each decision (training, certification, activation), never why.
    expect(await mailTo(nominee.email)).toEqual(['team_invitation', 'team_update', 'team_update', 'team_update']);
  });

  it('lets someone volunteer, skipping the question of interest', async () => {
    const volunteer = await person('Vera');
    expect((await nominate(volunteer, volunteer.email)).json()).toEqual({ received: true, self: true });
    expect((await send(volunteer, 'GET', '/api/team/me')).json()).toMatchObject({ state: 'under_review' });
    expect(await nominationsOf(volunteer.id)).toEqual([]);
    expect((await team()).members.find((m: { personId: string }) => m.personId === volunteer.id)).toMatchObject({ nominations: 0 });
  });

  it('takes a supporter who pauses off the rota at once, and tells the directors', async () => {
    const ana = await person('Ana', ['peer_supporter', 'staff_member']);
    const ben = await person('Ben', ['peer_supporter', 'staff_member']);
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, ana.id);
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, ben.id);
    const startsOn = t.clock.now().toISOString().slice(0, 10);
    const rota = await send(admin, 'PUT', '/api/on-call/rotation', {
      members: [ana.id, ben.id],
      startsOn,
      handoffAt: '00:00',
      periodDays: 1,
    });
    expect(rota.statusCode, rota.body).toBe(200);
    const later = new Date(t.clock.now().getTime() + 3 * 86_400_000);
    const shift = await send(admin, 'POST', '/api/on-call/shifts', {
      kind: 'shift',
      personId: ana.id,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
    });
    expect(shift.statusCode, shift.body).toBe(201);
    const directorMailBefore = (await mailTo(director.email)).length;

    expect((await answer(ana, 'paused')).json()).toMatchObject({ state: 'paused', allowedEvents: ['resumed', 'retired'] });
    const rotation = await t.ctx.db
      .selectFrom('on_call_rotations')
      .select('members')
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(rotation.members)).toEqual([ben.id]);
    expect(await t.ctx.db.selectFrom('on_call_shifts').select('id').where('person_id', '=', ana.id).execute()).toEqual([]);
    expect((await whoIsOnCall(t.ctx.db, org.id, later)).personId).toBe(ben.id);
    expect((await mailTo(director.email)).length).toBeGreaterThan(directorMailBefore);
    const left = await t.ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', ana.id).execute();
    expect(left.map((a) => a.action)).toContain('on_call.left_rota');
  });

  it('a supporter’s own debrief request goes to the director to arrange, not to a colleague by the matcher', async () => {
    const priya = await person('Priya', ['peer_supporter', 'staff_member']);
    const colleague = await person('Colleague', ['peer_supporter', 'staff_member']);
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, priya.id);
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, colleague.id);
    const directorMail = (await mailTo(director.email)).length;
    const asked = await send(priya, 'POST', '/api/supporter/debrief-request', { urgency: 'this_week', modality: 'video' });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id;
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'new', origin: 'self', requester_person_id: priya.id, offered_supporter_id: null });
    expect(await t.ctx.db.selectFrom('case_offers').select('id').where('case_id', '=', id).execute()).toEqual([]);
    expect(await mailTo(colleague.email)).toEqual([]);
    expect((await mailTo(director.email)).length).toBe(directorMail + 1);
    const audit = await t.ctx.db.selectFrom('case_audit').select('action').where('case_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['case.created.supporter_debrief']);
    // Theirs like any request: listed, withdrawable.
    const mine = (await send(priya, 'GET', '/api/support/requests')).json().requests;
    expect(mine.map((r: { id: string }) => r.id)).toContain(id);
    // Only supporters ask this way.
    expect((await send(nominator, 'POST', '/api/supporter/debrief-request', { urgency: 'today', modality: 'phone' })).statusCode).toBe(404);
  });

  it('refuses a step that is not the caller’s or not possible now, changing nothing', async () => {
    const stranger = await person('Stranger');
    expect((await answer(stranger, 'withdrew')).statusCode).toBe(404);
    const trainee = await person('Tom');
    await nominate(trainee, trainee.email);
    const before = await profileOf(trainee.id);
    expect((await answer(trainee, 'paused')).json().error.code).toBe('conflict');
    expect((await decide(trainee.id, { type: 'activated' })).json().error.code).toBe('conflict');
    expect(await profileOf(trainee.id)).toEqual(before);
  });

  it('limits how many names one person can put forward in a day', async () => {
    const eager = await person('Eager');
    for (let i = 0; i < 20; i += 1) expect((await nominate(eager, `someone-${i}@elsewhere.test`)).statusCode).toBe(202);
    // Unknown addresses write nothing, so the limit counts real nominations only: nominate real people.
    const colleagues = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`Colleague${i}`)));
    for (const c of colleagues) expect((await nominate(eager, c.email)).statusCode).toBe(202);
    const over = await nominate(eager, (await person('OneTooMany')).email);
    expect(over.statusCode).toBe(429);
    t.clock.advanceMinutes(24 * 60 + 1);
    expect((await nominate(eager, (await person('NextDay')).email)).statusCode).toBe(202);
  });
});

/**
 * Whatever the lifecycle states and certification dates, the matcher offers requests only to
 * supporters on duty, and the rota pages only them (docs/team.md, "Who is on duty").
 */
describe('only supporters on duty are matched or paged (property)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('never picks a lapsed, paused, retired, uncertified or not-yet-active supporter', async () => {
    const day = (offset: number) => new Date(t.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom<SupporterState>(...SUPPORTER_STATES), fc.option(fc.integer({ min: -30, max: 30 }))), {
          minLength: 1,
          maxLength: 6,
        }),
        async (supporters) => {
          const org = await buildOrganization(t.ctx.db, t.clock, { timeZone: 'UTC' });
          const today = day(0);
          const people = [];
          for (const [state, offset] of supporters) {
            const p = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['peer_supporter', 'staff_member'] });
            const certifiedUntil = offset === null ? null : day(offset);
            await buildSupporterProfile(t.ctx.db, t.clock, org.id, p.id, { status: state, certifiedUntil });
            people.push({ id: p.id, onDuty: isOnDuty({ state, certifiedUntil }, today) });
          }
          const onDuty = new Set(people.filter((p) => p.onDuty).map((p) => p.id));
          await t.ctx.db
            .insertInto('on_call_rotations')
            .values({
              organization_id: org.id,
              members: JSON.stringify(people.map((p) => p.id)),
              starts_on: today,
              handoff_at: '00:00',
              period_days: 1,
              updated_by: null,
              updated_at: t.clock.now().toISOString(),
            })
            .execute();
          const candidates = await loadCandidates(t.ctx.db, org.id, 'UTC', t.clock.now());
          const result = matchSupporters(
            {
              requesterPersonId: 'anonymous:x',
              requesterProfessionCategory: 'other',
              requesterDepartmentId: null,
              requesterSpecialty: null,
              reportingLine: [],
              involvedPersonIds: [],
              departmentPreference: 'no_preference',
              programRequiresOtherDepartment: false,
              language: null,
              languageRequired: false,
              modality: 'phone',
              reason: 'other',
              urgency: 'this_week',
              excludeSupporterIds: [],
              now: t.clock.now().toISOString(),
            },
            candidates,
          );
          for (const picked of [result.best, ...result.alternates]) if (picked) expect(onDuty.has(picked.personId)).toBe(true);
          expect(result.best === null).toBe(onDuty.size === 0);
          const paged = await whoIsOnCall(t.ctx.db, org.id, t.clock.now());
          if (paged.personId !== null) expect(onDuty.has(paged.personId)).toBe(true);
          for (const next of paged.next) expect(onDuty.has(next.personId)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});
