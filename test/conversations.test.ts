import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildOrganization, buildPerson, buildSupporterProfile, type BuiltOrganization } from '../server/demo/factories.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';
const HOUR = 60;

describe('private conversations: scheduling, neutral invites, reminders, the conversation guide', () => {
  let t: TestApp;
  let org: BuiltOrganization;
  let director: { id: string; email: string };
  let admin: { id: string; email: string };

  /** Sessions expire when the test clock jumps; this signs in again when needed. */
  const as = sessionsFor(() => t.app, PASSWORD);
  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', email: string, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: await as(email), ...(payload ? { payload } : {}) });
  const inHours = (hours: number) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();
  const outbox = () =>
    t.ctx.db.selectFrom('email_outbox').selectAll().where('organization_id', '=', org.id).orderBy('created_at').orderBy('id').execute();
  const conversationsCount = async () => (await t.ctx.db.selectFrom('conversations').select('id').execute()).length;

  /** A fresh requester, supporter and case assigned to that supporter (each test has its own people). */
  async function pair() {
    const requester = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Tomás', password: PASSWORD });
    const supporter = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Ana',
      roles: ['peer_supporter', 'staff_member'],
      password: PASSWORD,
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, supporter.id);
    const caseId = await buildCase(t.ctx.db, t.clock, org.id, {
      state: 'contacted',
      requesterPersonId: requester.id,
      requesterFirstName: 'Tomás',
      assignedSupporterId: supporter.id,
      contactMethod: 'work_phone',
      contactValue: '+1 555 0100',
      reason: 'patient_death',
    });
    return { requester, supporter, caseId };
  }
  const schedule = async (p: Awaited<ReturnType<typeof pair>>, body: object) =>
    send('POST', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations`, body);

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock);
    director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    admin = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
    const configured = await send('PATCH', director.email, '/api/settings/conversations', {
      videoLinkPattern: 'https://meet.example.org/peerline-{token}',
    });
    expect(configured.statusCode, configured.body).toBe(200);
    expect(configured.json()).toEqual({
      conversationTitle: 'Conversation',
      videoLinkPattern: 'https://meet.example.org/peerline-{token}',
      crisisBackupEmail: null,
    });
  });
  afterAll(async () => t.close());

  it('schedules a video conversation: both parties get a content-free e-mail; the invite is neutral, with the video link', async () => {
    const p = await pair();
    const before = (await outbox()).length;
    const created = await schedule(p, { startsAt: inHours(72), minutes: 45, modality: 'video' });
    expect(created.statusCode, created.body).toBe(201);
    const conversation = created.json();
    expect(conversation).toMatchObject({ status: 'scheduled', modality: 'video', minutes: 45, sequence: 0, startsAt: inHours(72) });
    expect(conversation.videoLink).toMatch(/^https:\/\/meet\.example\.org\/peerline-[0-9a-f]{24}$/);

    const mails = (await outbox()).slice(before);
    expect(mails.map((m) => [m.to_address, m.template, m.link]).sort()).toEqual(
      [
        [p.supporter.email, 'case_update', '/app/cases'],
        [p.requester.email, 'case_update', '/app/requests'],
      ].sort(),
    );

    const row = await t.ctx.db.selectFrom('conversations').selectAll().where('id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(row.ics_uid).toMatch(/@peerline$/);
    const invite = await send('GET', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${conversation.id}/invite.ics`);
    expect(invite.statusCode, invite.body).toBe(200);
    expect(invite.headers['content-type']).toMatch(/^text\/calendar/);
    const text = invite.body.replace(/\r\n[ \t]/g, '');
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain('SUMMARY:Conversation');
    expect(text).toContain(`UID:${row.ics_uid}`);
    expect(text).toContain('SEQUENCE:0');
    expect(text).toContain(`LOCATION:${conversation.videoLink}`);
    expect(text).not.toMatch(/support|patient|death|supporter|requester|Tomás|Ana/i);
    expect(text).not.toContain(p.caseId);

    const theirs = await send('GET', p.requester.email, `/api/support/requests/${p.caseId}/conversations/${conversation.id}/invite.ics`);
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.body.replace(/\r\n[ \t]/g, '')).toContain(`UID:${row.ics_uid}`);
    expect(theirs.body.replace(/\r\n[ \t]/g, '')).toContain(p.requester.email);

    const jobs = await t.ctx.db.selectFrom('jobs').select('dedupe_key').where('kind', '=', 'conversation-reminder').execute();
    expect(jobs.map((j) => j.dedupe_key)).toEqual(
      expect.arrayContaining([`conversation-reminder:${conversation.id}:0:24h`, `conversation-reminder:${conversation.id}:0:1h`]),
    );
  });

  it('still gives an invite to someone whose own address would give the subject away, leaving the address out', async () => {
    const p = await pair();
    await t.ctx.db
      .updateTable('people')
      .set({ work_email: `peer-supporter-${p.supporter.id.slice(-6)}@hospital.example` })
      .where('id', '=', p.supporter.id)
      .execute();
    const conversation = (await schedule(p, { startsAt: inHours(30), minutes: 30, modality: 'phone' })).json();
    const invite = await send('GET', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${conversation.id}/invite.ics`);
    expect(invite.statusCode, invite.body).toBe(200);
    const text = invite.body.replace(/\r\n[ \t]/g, '');
    expect(text).toContain('SUMMARY:Conversation');
    expect(text).not.toMatch(/support|ATTENDEE/i);
  });

  it('cancels what is still planned when the case is closed: the invite becomes a cancellation', async () => {
    const p = await pair();
    const conversation = (await schedule(p, { startsAt: inHours(48), minutes: 45, modality: 'phone' })).json();
    const closed = await send('POST', p.supporter.email, `/api/supporter/cases/${p.caseId}/close`, { outcome: 'referred' });
    expect(closed.statusCode, closed.body).toBeLessThan(300);
    const row = await t.ctx.db.selectFrom('conversations').selectAll().where('id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'cancelled', sequence: 1 });
    const invite = await send('GET', p.requester.email, `/api/support/requests/${p.caseId}/conversations/${conversation.id}/invite.ics`);
    expect(invite.body.replace(/\r\n[ \t]/g, '')).toContain('METHOD:CANCEL');
  });

  it('reschedules with the same UID and a higher SEQUENCE; cancelling gives METHOD:CANCEL', async () => {
    const p = await pair();
    const conversation = (await schedule(p, { startsAt: inHours(30), minutes: 30, modality: 'phone' })).json();
    const ics = async () =>
      (await send('GET', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${conversation.id}/invite.ics`)).body.replace(
        /\r\n[ \t]/g,
        '',
      );
    const uidOf = (text: string) => /UID:(.+)/.exec(text)?.[1]?.trim();
    const first = await ics();
    expect(first).not.toContain('LOCATION');

    const before = (await outbox()).length;
    const moved = await send('PATCH', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${conversation.id}`, {
      startsAt: inHours(50),
      minutes: 60,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ sequence: 1, minutes: 60, startsAt: inHours(50), status: 'scheduled' });
    const second = await ics();
    expect(uidOf(second)).toBe(uidOf(first));
    expect(second).toContain('SEQUENCE:1');
    expect(
      (await outbox())
        .slice(before)
        .map((m) => m.to_address)
        .sort(),
    ).toEqual([p.requester.email, p.supporter.email].sort());

    const cancelled = await send('POST', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${conversation.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', sequence: 2 });
    const third = await ics();
    expect(uidOf(third)).toBe(uidOf(first));
    expect(third).toContain('METHOD:CANCEL');
    expect(third).toContain('STATUS:CANCELLED');
    expect(third).toContain('SEQUENCE:2');
    expect((await outbox()).slice(before)).toHaveLength(4);
    expect(
      (await send('POST', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${conversation.id}/cancel`)).statusCode,
    ).toBe(409);
    expect(
      (
        await send('PATCH', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${conversation.id}`, {
          startsAt: inHours(60),
        })
      ).statusCode,
    ).toBe(409);
  });

  it('reminds both parties 24 h and 1 h before, never for a cancelled conversation or an outdated time', async () => {
    // Earlier tests' conversations are all within 72 h; move past them so their reminders are spent.
    await runDueJobsOnce(t.ctx, appJobs);
    t.clock.advanceMinutes(80 * HOUR);
    await runDueJobsOnce(t.ctx, appJobs);

    const p = await pair();
    const moved = (await schedule(p, { startsAt: inHours(48), minutes: 30, modality: 'in_person' })).json();
    const dropped = (await schedule(p, { startsAt: inHours(30), minutes: 30, modality: 'phone' })).json();
    expect(
      (await send('PATCH', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${moved.id}`, { startsAt: inHours(72) }))
        .statusCode,
    ).toBe(200);
    expect((await send('POST', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${dropped.id}/cancel`)).statusCode).toBe(
      200,
    );
    const reminders = async () =>
      (await outbox()).filter((m) => m.template === 'reminder' && [p.supporter.email, p.requester.email].includes(m.to_address));

    // 24 h before the cancelled one (6 h from now) and 24 h before the old time of the moved one (24 h): nothing.
    t.clock.advanceMinutes(6 * HOUR + 1);
    await runDueJobsOnce(t.ctx, appJobs);
    t.clock.advanceMinutes(18 * HOUR);
    await runDueJobsOnce(t.ctx, appJobs);
    expect(await reminders()).toEqual([]);

    // 24 h before the new time (48 h from the start): one e-mail each.
    t.clock.advanceMinutes(24 * HOUR);
    await runDueJobsOnce(t.ctx, appJobs);
    const day = await reminders();
    expect(day.map((m) => m.to_address).sort()).toEqual([p.requester.email, p.supporter.email].sort());
    expect(day.every((m) => m.link === '/app/cases' || m.link === '/app/requests')).toBe(true);

    // 1 h before: one more each; afterwards, nothing more.
    t.clock.advanceMinutes(22 * HOUR);
    await runDueJobsOnce(t.ctx, appJobs);
    expect(await reminders()).toHaveLength(2);
    t.clock.advanceMinutes(HOUR);
    await runDueJobsOnce(t.ctx, appJobs);
    expect(await reminders()).toHaveLength(4);
    t.clock.advanceMinutes(48 * HOUR);
    await runDueJobsOnce(t.ctx, appJobs);
    expect(await reminders()).toHaveLength(4);
  });

  it('shows the requester their own conversations; another requester or supporter gets 404', async () => {
    const p = await pair();
    const other = await pair();
    const conversation = (await schedule(p, { startsAt: inHours(5), minutes: 15, modality: 'phone' })).json();
    const mine = await send('GET', p.requester.email, `/api/support/requests/${p.caseId}/conversations`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().conversations).toEqual([
      expect.objectContaining({ id: conversation.id, modality: 'phone', status: 'scheduled', videoLink: null, endsAt: inHours(5.25) }),
    ]);
    const listed = await send('GET', p.supporter.email, `/api/supporter/cases/${p.caseId}/conversations`);
    expect(listed.json().conversations).toHaveLength(1);

    expect((await send('GET', other.requester.email, `/api/support/requests/${p.caseId}/conversations`)).statusCode).toBe(404);
    expect(
      (await send('GET', other.requester.email, `/api/support/requests/${p.caseId}/conversations/${conversation.id}/invite.ics`))
        .statusCode,
    ).toBe(404);
    expect((await send('GET', other.supporter.email, `/api/supporter/cases/${p.caseId}/conversations`)).statusCode).toBe(404);
    expect(
      (await send('GET', other.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${conversation.id}/invite.ics`)).statusCode,
    ).toBe(404);
    expect((await schedule({ ...other, caseId: p.caseId }, { startsAt: inHours(5), minutes: 15, modality: 'phone' })).statusCode).toBe(404);
    expect(
      (await send('POST', other.supporter.email, `/api/supporter/cases/${p.caseId}/conversations/${conversation.id}/cancel`)).statusCode,
    ).toBe(404);
    // A conversation id of another case, through my case: 404 too.
    expect(
      (await send('GET', other.supporter.email, `/api/supporter/cases/${other.caseId}/conversations/${conversation.id}/invite.ics`))
        .statusCode,
    ).toBe(404);
    expect((await send('GET', director.email, `/api/supporter/cases/${p.caseId}/conversations`)).statusCode).toBe(404);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const p = await pair();
    const valid = { startsAt: inHours(24), minutes: 30, modality: 'phone' };
    const cases: [object, string[]][] = [
      [{ ...valid, startsAt: inHours(-1) }, ['body.startsAt']],
      [{ ...valid, minutes: 500 }, ['body.minutes']],
      [{ ...valid, modality: 'carrier_pigeon' }, ['body.modality']],
      [{ ...valid, notes: 'seemed very upset about the night shift' }, ['body.notes']],
    ];
    const conversations = await conversationsCount();
    const mails = (await outbox()).length;
    for (const [body, fields] of cases) {
      const response = await schedule(p, body);
      expect(response.statusCode, response.body).toBe(400);
      const error = response.json().error as { code: string; fields: { path: string }[] };
      expect(error.code).toBe('validation_failed');
      expect([...new Set(error.fields.map((f) => f.path))]).toEqual(fields);
    }
    expect(await conversationsCount()).toBe(conversations);
    expect((await outbox()).length).toBe(mails);
  });

  it('keeps the invite title neutral: "peer support" is refused; a neutral title is used in invites', async () => {
    for (const title of ['Peer support chat', 'Burnout check-in', 'Talk with your peer supporter']) {
      const refused = await send('PATCH', director.email, '/api/settings/conversations', { conversationTitle: title });
      expect(refused.statusCode, title).toBe(400);
      expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.conversationTitle']);
    }
    expect((await send('PATCH', admin.email, '/api/settings/conversations', { conversationTitle: 'Catch-up' })).statusCode).toBe(404);
    const saved = await send('PATCH', director.email, '/api/settings/conversations', { conversationTitle: 'Catch-up' });
    expect(saved.statusCode, saved.body).toBe(200);
    const p = await pair();
    const conversation = (await schedule(p, { startsAt: inHours(24), minutes: 30, modality: 'phone' })).json();
    const invite = await send('GET', p.requester.email, `/api/support/requests/${p.caseId}/conversations/${conversation.id}/invite.ics`);
    expect(invite.body).toContain('SUMMARY:Catch-up');
    await send('PATCH', director.email, '/api/settings/conversations', { conversationTitle: 'Conversation' });
  });

  it('serves the default guide (version 1) drawn from real programs; the director saves version 2 and supporters get it', async () => {
    const p = await pair();
    const first = await send('GET', p.supporter.email, '/api/supporter/conversation-guide');
    expect(first.statusCode, first.body).toBe(200);
    const guide = first.json() as { version: number; sections: { id: string; title: string; prompts: string[] }[] };
    expect(guide.version).toBe(1);
    expect(guide.sections.map((s) => s.id)).toEqual([
      'opening',
      'listening',
      'common_questions',
      'coping',
      'time_off',
      'resources',
      'closing',
    ]);
    expect(guide.sections[0]!.title).toMatch(/confidentiality/i);
    const questions = guide.sections.find((s) => s.id === 'common_questions')!.prompts.join(' ');
    for (const q of [/bothering you/i, /coping/i, /support network/i, /time off/i]) expect(questions).toMatch(q);

    const sections = [...guide.sections.slice(0, 2), { id: 'closing', title: 'Closing', prompts: ['Agree on a follow-up.'] }];
    expect((await send('PUT', p.supporter.email, '/api/settings/conversation-guide', { sections })).statusCode).toBe(404);
    expect((await send('PUT', admin.email, '/api/settings/conversation-guide', { sections })).statusCode).toBe(404);
    const saved = await send('PUT', director.email, '/api/settings/conversation-guide', { sections });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, sections });
    const latest = await send('GET', p.supporter.email, '/api/supporter/conversation-guide');
    expect(latest.json()).toMatchObject({ version: 2, sections });
    expect((await send('GET', director.email, '/api/settings/conversation-guide')).json().version).toBe(2);
    const versions = await t.ctx.db
      .selectFrom('conversation_guides')
      .select('version')
      .where('organization_id', '=', org.id)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);

    // Nothing typed during a conversation is stored: no route accepts notes.
    expect(t.routes.filter((r) => /note/i.test(r.url))).toEqual([]);
  });
});
