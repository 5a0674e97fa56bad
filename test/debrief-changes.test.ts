/**
 * Changing and cancelling a group debrief. The invite keeps one UID and each
 * change raises its SEQUENCE; someone still asked gets an update, someone new an invite, someone
 * taken off the list (or everyone, on cancel) a cancellation. E-mails go through a real SMTP server
 * and stay content-free; each e-mail's link answers the person's invite as it stands.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, type BuiltOrganization, type BuiltPerson } from '../server/demo/factories.ts';
import { closeSmtpTransports } from '../server/email/mailer.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import { createTestApp, sessionsFor, usingPostgres, type TestApp } from './harness.ts';
import { buildDebriefWorld } from './debrief-world.ts';
import { startTestSmtpServer } from './smtp-server.ts';

const PASSWORD = 'a long test password';

const startSmtpServer = () => startTestSmtpServer();

const COMING_UP = 'This is a reminder about something coming up.';
const CHANGED = 'Something you follow has changed.';

describe(`changing and cancelling group debriefs on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: BuiltOrganization;
  let admin: BuiltPerson;
  let director: BuiltPerson;
  let reporter: BuiltPerson;
  let otherAdmin: BuiltPerson;
  const facilitators: BuiltPerson[] = [];
  const involved: BuiltPerson[] = [];
  const colleagues: BuiltPerson[] = [];
  let noticeId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, publicOrigin: 'https://peerline.hospital.example' });
    const { db } = t.ctx;
    const world = await buildDebriefWorld(t, as, PASSWORD);
    ({ org, admin, reporter, noticeId } = world);
    facilitators.push(...world.facilitators);
    involved.push(...world.involved);
    director = await buildPerson(db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    for (let i = 0; i < 2; i++)
      colleagues.push(await buildPerson(db, t.clock, org.id, { firstName: `Colleague${i}`, lastName: `Vasquez${i}` }));
    const orgB = await buildOrganization(db, t.clock);
    otherAdmin = await buildPerson(db, t.clock, orgB.id, { roles: ['program_admin'], password: PASSWORD });
  });
  afterAll(async () => {
    await t.close();
    closeSmtpTransports();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
  const url = (debriefId = '') => `/api/event-notices/${noticeId}/debriefs${debriefId ? `/${debriefId}` : ''}`;
  const schedule = async (payload: object) => t.app.inject({ method: 'POST', url: url(), headers: await as(admin.email), payload });
  const change = async (debriefId: string, payload: object, who = admin) =>
    t.app.inject({ method: 'PUT', url: url(debriefId), headers: await as(who.email), payload });
  const cancel = async (debriefId: string, who = admin) =>
    t.app.inject({ method: 'POST', url: `${url(debriefId)}/cancel`, headers: await as(who.email) });
  const deliver = async () => {
    // Jobs run until none is left: e-mail jobs are queued by the change's transaction.
    while ((await runDueJobsOnce(t.ctx, appJobs)).claimed > 0);
  };
  /** Delivered mail by recipient: the sentence it says and the token of its link. */
  const mailsByRecipient = () =>
    new Map(
      smtp.received.map((m) => {
        const token = /\/api\/public\/debrief-invites\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1];
        return [
          m.to,
          { sentence: m.text.includes(CHANGED) ? CHANGED : m.text.includes(COMING_UP) ? COMING_UP : 'other', token: token!, text: m.text },
        ];
      }),
    );
  const invite = async (token: string) => {
    const response = await t.app.inject({ url: `/api/public/debrief-invites/${token}` });
    return { status: response.statusCode, ics: response.body.replace(/\r\n[ \t]/g, '') };
  };
  const field = (ics: string, name: string) => new RegExp(`^${name}[:;](.*)$`, 'm').exec(ics)?.[1]?.trim();
  const emailOf = (p: BuiltPerson) => p.email.toLowerCase();
  const outboxCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('email_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditActions = async (debriefId: string) =>
    (await t.ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', debriefId).orderBy('at').execute()).map(
      (r) => r.action,
    );

  let debriefId: string;
  let uid: string;

  it('a change keeps the UID and raises SEQUENCE: an update for who stays, an invite for who is new, a cancellation for who was taken off', async () => {
    // The notice's own e-mails (outreach, offers) first, out of the way.
    await deliver();
    smtp.received.length = 0;
    const created = await schedule({
      startsAt: inDays(2),
      minutes: 60,
      modality: 'in_person',
      facilitators: [facilitators[0]!.id],
      invitees: [{ personId: involved[0]!.id }, { personId: involved[1]!.id }, { workEmail: colleagues[0]!.email }],
    });
    expect(created.statusCode, created.body).toBe(201);
    debriefId = (created.json() as { id: string }).id;
    expect(created.json()).toMatchObject({
      status: 'scheduled',
      cancelledAt: null,
      namedInviteeCount: 2,
      otherInvitees: [{ workEmail: emailOf(colleagues[0]!) }],
    });
    await deliver();
    const first = mailsByRecipient();
    expect([...first.keys()].sort()).toEqual([facilitators[0]!, involved[0]!, involved[1]!, colleagues[0]!].map(emailOf).sort());
    const firstIcs = await invite(first.get(emailOf(involved[0]!))!.token);
    uid = field(firstIcs.ics, 'UID')!;
    expect(field(firstIcs.ics, 'SEQUENCE')).toBe('0');
    expect(field(firstIcs.ics, 'METHOD')).toBe('REQUEST');

    smtp.received.length = 0;
    const newStart = inDays(3);
    const changed = await change(debriefId, {
      startsAt: newStart,
      minutes: 75,
      modality: 'phone',
      facilitators: [facilitators[0]!.id, facilitators[1]!.id],
      invitees: [{ personId: involved[0]!.id }, { workEmail: colleagues[1]!.email }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      id: debriefId,
      startsAt: newStart,
      minutes: 75,
      modality: 'phone',
      status: 'scheduled',
      inviteeCount: 2,
      namedInviteeCount: 1,
      otherInvitees: [{ workEmail: emailOf(colleagues[1]!) }],
    });
    expect((changed.json() as { facilitators: unknown[] }).facilitators).toHaveLength(2);

    await deliver();
    const mails = mailsByRecipient();
    const expected: [BuiltPerson, string, string][] = [
      [facilitators[0]!, CHANGED, 'REQUEST'],
      [involved[0]!, CHANGED, 'REQUEST'],
      [facilitators[1]!, COMING_UP, 'REQUEST'],
      [colleagues[1]!, COMING_UP, 'REQUEST'],
      [involved[1]!, CHANGED, 'CANCEL'],
      [colleagues[0]!, CHANGED, 'CANCEL'],
    ];
    expect([...mails.keys()].sort()).toEqual(expected.map(([p]) => emailOf(p)).sort());
    for (const [person, sentence, method] of expected) {
      const mail = mails.get(emailOf(person))!;
      expect(mail.sentence, person.email).toBe(sentence);
      // Content-free: no names, nothing about the event, no record ids (the link's path aside).
      const words = mail.text.replace(/\/api\/public\/debrief-invites\/[A-Za-z0-9_-]+/g, '').toLowerCase();
      for (const word of ['Ostrander', 'Quimby', 'Vasquez', 'debrief', 'adverse', noticeId, debriefId])
        expect(words).not.toContain(word.toLowerCase());
      const { status, ics } = await invite(mail.token);
      expect(status).toBe(200);
      expect(field(ics, 'UID'), person.email).toBe(uid);
      expect(field(ics, 'SEQUENCE'), person.email).toBe('1');
      expect(field(ics, 'METHOD'), person.email).toBe(method);
      if (method === 'CANCEL') expect(field(ics, 'STATUS')).toBe('CANCELLED');
      else expect(ics).toContain(`DTSTART:${newStart.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    }
    // Each e-mail carries a new link; the earlier one no longer answers.
    expect((await invite(first.get(emailOf(involved[0]!))!.token)).status).toBe(404);
    expect(await auditActions(debriefId)).toEqual(['debrief.scheduled', 'debrief.changed']);
  });

  it('the same change again changes nothing and tells nobody', async () => {
    const current = (await t.app.inject({ url: url(), headers: await as(admin.email) })).json() as {
      debriefs: { id: string; startsAt: string }[];
    };
    const before = await outboxCount();
    const again = await change(debriefId, {
      startsAt: current.debriefs.find((d) => d.id === debriefId)!.startsAt,
      minutes: 75,
      modality: 'phone',
      facilitators: [facilitators[1]!.id, facilitators[0]!.id],
      invitees: [{ workEmail: colleagues[1]!.email }, { personId: involved[0]!.id }],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(await outboxCount()).toBe(before);
    expect(await auditActions(debriefId)).toEqual(['debrief.scheduled', 'debrief.changed']);
  });

  it('refuses bad changes by field, another organisation and the reporter with 404, and writes nothing', async () => {
    const before = { mails: await outboxCount(), list: (await t.app.inject({ url: url(), headers: await as(admin.email) })).body };
    const good = {
      startsAt: inDays(3),
      minutes: 75,
      modality: 'phone',
      facilitators: [facilitators[0]!.id],
      invitees: [{ personId: involved[0]!.id }],
    };
    const cases: [object, string][] = [
      [{ ...good, facilitators: [involved[2]!.id] }, 'body.facilitators.0'],
      [{ ...good, invitees: [{ personId: colleagues[0]!.id }] }, 'body.invitees.0.personId'],
      [{ ...good, startsAt: inDays(-1) }, 'body.startsAt'],
      [{ ...good, room: 'Room 4' }, 'body.room'],
      [{ ...good, invitees: [] }, 'body.invitees'],
    ];
    for (const [payload, path] of cases) {
      const response = await change(debriefId, payload);
      expect(response.statusCode, path).toBe(400);
      expect(JSON.stringify(response.json()), path).toContain(path);
    }
    expect((await change(debriefId, good, otherAdmin)).statusCode).toBe(404);
    expect((await cancel(debriefId, otherAdmin)).statusCode).toBe(404);
    expect((await change(debriefId, good, reporter)).statusCode).toBe(404);
    expect((await cancel(debriefId, reporter)).statusCode).toBe(404);
    expect({ mails: await outboxCount(), list: (await t.app.inject({ url: url(), headers: await as(admin.email) })).body }).toEqual(before);
  });

  it('a video debrief gets a link from the program’s pattern, kept while it stays video and in the invite', async () => {
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/conversations',
      headers: await as(director.email),
      payload: { videoLinkPattern: 'https://meet.hospital.example/{token}' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const body = {
      startsAt: inDays(3),
      minutes: 75,
      modality: 'video',
      facilitators: [facilitators[0]!.id, facilitators[1]!.id],
      invitees: [{ personId: involved[0]!.id }, { workEmail: colleagues[1]!.email }],
    };
    const video = await change(debriefId, body);
    expect(video.statusCode, video.body).toBe(200);
    const link = (video.json() as { videoLink: string }).videoLink;
    expect(link).toMatch(/^https:\/\/meet\.hospital\.example\/[0-9a-f]{24}$/);
    // Each e-mail carries a fresh link and retires the person's earlier one, and e-mails are sent
    // side by side (their arrival order is not fixed): deliver this change's before the next.
    await deliver();
    smtp.received.length = 0;
    const longer = await change(debriefId, { ...body, minutes: 90 });
    expect((longer.json() as { videoLink: string }).videoLink).toBe(link);
    await deliver();
    const mail = mailsByRecipient().get(emailOf(involved[0]!))!;
    const { ics } = await invite(mail.token);
    expect(field(ics, 'LOCATION')).toBe(link);
    expect(field(ics, 'SEQUENCE')).toBe('3');
  });

  it('cancelling sends everyone still asked a cancellation; after that nothing changes and nothing is recorded', async () => {
    smtp.received.length = 0;
    const cancelled = await cancel(debriefId);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledAt: t.clock.now().toISOString() });
    await deliver();
    const mails = mailsByRecipient();
    // Those taken off earlier already had theirs.
    expect([...mails.keys()].sort()).toEqual([facilitators[0]!, facilitators[1]!, involved[0]!, colleagues[1]!].map(emailOf).sort());
    for (const [, mail] of mails) {
      expect(mail.sentence).toBe(CHANGED);
      const { ics } = await invite(mail.token);
      expect(field(ics, 'METHOD')).toBe('CANCEL');
      expect(field(ics, 'STATUS')).toBe('CANCELLED');
      expect(field(ics, 'UID')).toBe(uid);
      expect(field(ics, 'SEQUENCE')).toBe('4');
    }

    const before = await outboxCount();
    expect((await cancel(debriefId)).statusCode).toBe(409);
    expect(
      (
        await change(debriefId, {
          startsAt: inDays(4),
          minutes: 60,
          modality: 'phone',
          facilitators: [facilitators[0]!.id],
          invitees: [{ personId: involved[0]!.id }],
        })
      ).statusCode,
    ).toBe(409);
    t.clock.advanceMinutes(5 * 24 * 60);
    const outcome = await t.app.inject({
      method: 'POST',
      url: `${url(debriefId)}/outcome`,
      headers: await as(admin.email),
      payload: { headCount: 3, minutes: 60 },
    });
    expect(outcome.statusCode).toBe(409);
    expect(await outboxCount()).toBe(before);
    const listed = (await t.app.inject({ url: url(), headers: await as(admin.email) })).json() as {
      debriefs: { id: string; status: string; headCount: number | null }[];
    };
    expect(listed.debriefs.find((d) => d.id === debriefId)).toMatchObject({ status: 'cancelled', headCount: null });
    expect(await auditActions(debriefId)).toEqual([
      'debrief.scheduled',
      'debrief.changed',
      'debrief.changed',
      'debrief.changed',
      'debrief.cancelled',
    ]);
  });

  it('once the head count is recorded the debrief neither changes nor cancels', async () => {
    const created = await schedule({
      startsAt: inDays(1),
      minutes: 60,
      modality: 'in_person',
      facilitators: [facilitators[0]!.id],
      inviteNamedStaff: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    t.clock.advanceMinutes(2 * 24 * 60);
    const recorded = await t.app.inject({
      method: 'POST',
      url: `${url(id)}/outcome`,
      headers: await as(admin.email),
      payload: { headCount: 3, minutes: 55 },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ status: 'scheduled', headCount: 3, actualMinutes: 55, namedInviteeCount: 3 });
    const before = await outboxCount();
    const edit = await change(id, {
      startsAt: inDays(1),
      minutes: 60,
      modality: 'in_person',
      facilitators: [facilitators[0]!.id],
      inviteNamedStaff: true,
    });
    expect(edit.statusCode).toBe(409);
    expect((await cancel(id)).statusCode).toBe(409);
    expect(await outboxCount()).toBe(before);
    expect(await auditActions(id)).toEqual(['debrief.scheduled', 'debrief.outcome_recorded']);
  });
});
