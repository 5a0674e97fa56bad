/**
 * Group debriefs: the administrator schedules one from a notice with facilitators
 * and an invite list; everyone asked gets a content-free e-mail whose link is a neutral calendar
 * invite; afterwards only the head count and the length are recorded. The reporter sees none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, type BuiltOrganization, type BuiltPerson } from '../server/demo/factories.ts';
import { buildDebriefWorld } from './debrief-world.ts';
import { createTestApp, sessionsFor, usingPostgres, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

describe(`group debriefs on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: BuiltOrganization;
  let admin: BuiltPerson;
  let reporter: BuiltPerson;
  let otherAdmin: BuiltPerson;
  const facilitators: BuiltPerson[] = [];
  const involved: BuiltPerson[] = [];
  let colleague: BuiltPerson;
  let noticeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.ctx;
    const world = await buildDebriefWorld(t, as, PASSWORD);
    ({ org, admin, reporter, noticeId } = world);
    facilitators.push(...world.facilitators);
    involved.push(...world.involved);
    colleague = await buildPerson(db, t.clock, org.id, { firstName: 'Colleague', lastName: 'Vasquez-Lind' });
    const orgB = await buildOrganization(db, t.clock);
    otherAdmin = await buildPerson(db, t.clock, orgB.id, { roles: ['program_admin'], password: PASSWORD });
  });
  afterAll(async () => t.close());

  const body = (extra: object = {}) => ({
    startsAt: new Date(t.clock.now().getTime() + 2 * 86_400_000).toISOString(),
    minutes: 90,
    modality: 'in_person',
    facilitators: facilitators.map((f) => f.id),
    invitees: [{ personId: involved[0]!.id }, { personId: involved[1]!.id }, { workEmail: colleague.email }],
    ...extra,
  });
  const schedule = async (payload: object, who = admin) =>
    t.app.inject({ method: 'POST', url: `/api/event-notices/${noticeId}/debriefs`, headers: await as(who.email), payload });
  const count = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('group_debriefs')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const outboxCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('email_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('schedules a debrief, invites everyone by a content-free e-mail with a neutral calendar invite, and records only numbers', async () => {
    const reporterBefore = (await t.app.inject({ url: '/api/event-notices/mine', headers: await as(reporter.email) })).body;
    const outboxBefore = await t.ctx.db.selectFrom('email_outbox').select('id').execute();

    const created = await schedule(body());
    expect(created.statusCode, created.body).toBe(201);
    const debrief = created.json() as {
      id: string;
      inviteeCount: number;
      facilitators: { firstName: string }[];
      headCount: number | null;
      minutes: number;
      modality: string;
    };
    expect(debrief).toMatchObject({ inviteeCount: 3, headCount: null, minutes: 90, modality: 'in_person' });
    expect(debrief.facilitators.map((f) => f.firstName).sort()).toEqual(['Facil0', 'Facil1']);

    // Five content-free e-mails: the two facilitators and the three invitees, each with its own link.
    const mails = await t.ctx.db
      .selectFrom('email_outbox')
      .select(['id', 'to_address', 'template', 'link'])
      .where(
        'id',
        'not in',
        outboxBefore.map((m) => m.id),
      )
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      [...facilitators, involved[0]!, involved[1]!, colleague].map((p) => p.email.toLowerCase()).sort(),
    );
    expect(new Set(mails.map((m) => m.template))).toEqual(new Set(['reminder']));
    for (const mail of mails) {
      expect(mail.link).toMatch(/^\/api\/public\/debrief-invites\/[A-Za-z0-9_-]+$/);
      expect(mail.link).not.toContain(debrief.id);
      const invite = await t.app.inject({ url: mail.link });
      expect(invite.statusCode).toBe(200);
      expect(invite.headers['content-type']).toContain('text/calendar');
      const ics = invite.body.replace(/\r\n[ \t]/g, '');
      expect(ics).toContain('SUMMARY:Conversation');
      expect(ics).toContain('DTSTART');
      for (const word of ['Ostrander', 'Quimby', 'Vasquez', 'debrief', 'support', 'adverse', 'death', noticeId, debrief.id])
        expect(ics.toLowerCase()).not.toContain(word.toLowerCase());
      // No text fields beyond the neutral title: no description, no location.
      expect(ics).not.toMatch(/^(DESCRIPTION|LOCATION|COMMENT)/m);
    }
    // A guessed link is nobody's.
    expect((await t.app.inject({ url: `/api/public/debrief-invites/${'x'.repeat(32)}` })).statusCode).toBe(404);

    // Before it happens there is nothing to record.
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/event-notices/${noticeId}/debriefs/${debrief.id}/outcome`,
      headers: await as(admin.email),
      payload: { headCount: 4, minutes: 80 },
    });
    expect(early.statusCode).toBe(409);
    t.clock.advanceMinutes(3 * 24 * 60);
    const recorded = await t.app.inject({
      method: 'POST',
      url: `/api/event-notices/${noticeId}/debriefs/${debrief.id}/outcome`,
      headers: await as(admin.email),
      payload: { headCount: 4, minutes: 80 },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ headCount: 4, actualMinutes: 80 });
    const listed = await t.app.inject({ url: `/api/event-notices/${noticeId}/debriefs`, headers: await as(admin.email) });
    expect(listed.json()).toMatchObject({ debriefs: [{ id: debrief.id, headCount: 4, actualMinutes: 80, inviteeCount: 3 }] });

    // The reporter's view is exactly what it was; the debrief routes do not exist for them.
    expect((await t.app.inject({ url: '/api/event-notices/mine', headers: await as(reporter.email) })).body).toBe(reporterBefore);
    expect((await t.app.inject({ url: `/api/event-notices/${noticeId}/debriefs`, headers: await as(reporter.email) })).statusCode).toBe(
      404,
    );
    expect((await schedule(body(), reporter)).statusCode).toBe(404);
    expect(mails.map((m) => m.to_address)).not.toContain(reporter.email.toLowerCase());
  });

  it('"invite everyone named" invites the notice’s staff without their ids', async () => {
    const created = await schedule(
      body({ invitees: [{ workEmail: colleague.email }], inviteNamedStaff: true, facilitators: [facilitators[0]!.id] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ inviteeCount: 4 });
  });

  it('another organisation’s administrator cannot see or schedule on this notice', async () => {
    expect((await t.app.inject({ url: `/api/event-notices/${noticeId}/debriefs`, headers: await as(otherAdmin.email) })).statusCode).toBe(
      404,
    );
    const before = await count();
    expect((await schedule(body(), otherAdmin)).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('refuses bad input by field and writes nothing', async () => {
    const before = { debriefs: await count(), mails: await outboxCount() };
    const cases: [object, string][] = [
      [body({ invitees: [{ personId: colleague.id }] }), 'body.invitees.0.personId'],
      [body({ invitees: [{ workEmail: 'nobody@elsewhere.test' }] }), 'body.invitees.0.workEmail'],
      [body({ facilitators: [involved[2]!.id] }), 'body.facilitators.0'],
      [body({ invitees: [{ personId: involved[0]!.id }, { workEmail: involved[0]!.email }] }), 'body.invitees.1.workEmail'],
      [body({ startsAt: new Date(t.clock.now().getTime() - 86_400_000).toISOString() }), 'body.startsAt'],
      [body({ location: 'Room 4, after the death in bay 2' }), 'body.location'],
      [body({ invitees: [] }), 'body.invitees'],
    ];
    for (const [payload, field] of cases) {
      const response = await schedule(payload);
      expect(response.statusCode, field).toBe(400);
      expect(JSON.stringify(response.json()), field).toContain(field);
    }
    expect({ debriefs: await count(), mails: await outboxCount() }).toEqual(before);
  });
});
