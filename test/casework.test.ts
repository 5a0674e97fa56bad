import { renderEmail } from '../server/email/templates.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildOrganization, buildPerson, buildSupporterProfile, type BuiltOrganization } from '../server/demo/factories.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';
import { loadCandidates } from '../server/modules/cases/index.ts';

const PASSWORD = 'a long test password';

describe('supporter casework: outreach, encounter log, close, feedback, escalation', () => {
  let t: TestApp;
  let org: BuiltOrganization;
  let requester: { id: string; email: string };
  let supporterA: { id: string; email: string };
  let supporterB: { id: string; email: string };
  let director: { id: string; email: string };

  /** Sessions expire when the test clock jumps; this signs in again when needed. */
  const as = sessionsFor(() => t.app, PASSWORD);
  const day = (offsetDays: number) => new Date(t.clock.now().getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const post = async (email: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: await as(email), ...(payload ? { payload } : {}) });
  const detail = async (id: string, email = supporterA.email) =>
    t.app.inject({ url: `/api/supporter/cases/${id}`, headers: await as(email) });
  const caseRow = (id: string) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const outbox = () =>
    t.ctx.db.selectFrom('email_outbox').selectAll().where('organization_id', '=', org.id).orderBy('created_at').orderBy('id').execute();
  const auditOf = (id: string) =>
    t.ctx.db.selectFrom('case_audit').selectAll().where('case_id', '=', id).orderBy('at').orderBy('id').execute();
  const assigned = (state: 'assigned' | 'contacted' | 'active' = 'assigned') =>
    buildCase(t.ctx.db, t.clock, org.id, {
      state,
      requesterPersonId: requester.id,
      requesterFirstName: 'Tomás',
      assignedSupporterId: supporterA.id,
    });
  const encounter = (overrides: object = {}) => ({
    date: day(0),
    modality: 'phone',
    minutes: 45,
    format: 'individual',
    topics: ['adverse_event', 'coping_and_sleep'],
    referralsOffered: ['therapy_eap'],
    followUpOn: null,
    escalationTier: 1,
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock);
    requester = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Tomás', password: PASSWORD });
    supporterA = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Ana',
      roles: ['peer_supporter', 'staff_member'],
      password: PASSWORD,
    });
    supporterB = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Ben',
      roles: ['peer_supporter', 'staff_member'],
      password: PASSWORD,
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, supporterA.id);
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, supporterB.id);
    director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], active: false, email: 'former-director@h.test' });
  });
  afterAll(async () => t.close());

  it('offers "touching base" templates with placeholders, to copy (never sent)', async () => {
    const response = await t.app.inject({ url: '/api/supporter/outreach-templates', headers: await as(supporterA.email) });
    expect(response.statusCode).toBe(200);
    const { templates } = response.json() as { templates: { channel: string; subject: string | null; text: string }[] };
    expect(templates.length).toBeGreaterThanOrEqual(3);
    for (const template of templates) expect(template.text).toMatch(/\{firstName\}.*\{supporterFirstName\}/s);
    expect(templates.some((x) => x.subject === 'Touching base')).toBe(true);
  });

  it('assigned → no answer ×3 → close as unreachable, allowed only after the third attempt; the requester gets the resource sheet', async () => {
    const id = await assigned();
    const first = (await detail(id)).json();
    expect(first).toMatchObject({ state: 'assigned', requesterFirstName: 'Tomás', allowedCloseOutcomes: [], attempts: [], encounters: [] });
    expect(first.allowedEvents).toEqual(expect.arrayContaining(['contact_attempted', 'contact_made', 'risk_escalated']));

    for (let i = 1; i <= 3; i++) {
      expect((await post(supporterA.email, `/api/supporter/cases/${id}/close`, { outcome: 'unreachable' })).statusCode).toBe(409);
      const attempt = await post(supporterA.email, `/api/supporter/cases/${id}/contact-attempts`, {
        channel: i === 2 ? 'email' : 'phone',
        result: i === 3 ? 'left_message' : 'no_answer',
      });
      expect(attempt.statusCode, attempt.body).toBe(204);
      expect((await caseRow(id)).contact_attempts).toBe(i);
    }
    const ready = (await detail(id)).json();
    expect(ready.allowedCloseOutcomes).toEqual(['unreachable']);
    expect(ready.attempts).toHaveLength(3);
    expect(ready.attempts.map((a: { result: string }) => a.result)).toEqual(['no_answer', 'no_answer', 'left_message']);

    const before = (await outbox()).length;
    expect((await post(supporterA.email, `/api/supporter/cases/${id}/close`, { outcome: 'supported' })).statusCode).toBe(409);
    const closed = await post(supporterA.email, `/api/supporter/cases/${id}/close`, { outcome: 'unreachable' });
    expect(closed.statusCode, closed.body).toBe(204);
    expect(await caseRow(id)).toMatchObject({ state: 'closed', outcome: 'unreachable' });
    const mails = (await outbox()).slice(before);
    expect(mails).toEqual([expect.objectContaining({ to_address: requester.email, template: 'case_update', link: '/resources' })]);
    expect(await t.ctx.db.selectFrom('feedback_tokens').selectAll().execute()).toEqual([]);
    const actions = (await auditOf(id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'case.contact_attempted')).toHaveLength(3);
    expect(actions).toContain('case.closed');
    expect(actions).toContain('case.contact_viewed');
  });

  it('assigned → reached → encounter with follow-up → reminder when due → close supported → single-use anonymous feedback', async () => {
    const id = await assigned();
    const reached = await post(supporterA.email, `/api/supporter/cases/${id}/contact-attempts`, { channel: 'phone', result: 'reached' });
    expect(reached.statusCode, reached.body).toBe(204);
    const contacted = await caseRow(id);
    expect(contacted).toMatchObject({ state: 'contacted', contact_attempts: 0, first_contact_at: t.clock.now().toISOString() });

    const followUpOn = day(3);
    const logged = await post(
      supporterA.email,
      `/api/supporter/cases/${id}/encounters`,
      encounter({ followUpOn, referralsOffered: ['therapy_eap', 'time_off'] }),
    );
    expect(logged.statusCode, logged.body).toBe(204);
    expect((await caseRow(id)).state).toBe('active');
    const jobs = await t.ctx.db.selectFrom('jobs').selectAll().where('kind', '=', 'follow-up-reminder').execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.dedupe_key).toBe(`follow-up:${id}:${followUpOn}`);

    const view = (await detail(id)).json();
    expect(view.encounters).toEqual([
      expect.objectContaining({
        date: day(0),
        minutes: 45,
        format: 'individual',
        headCount: null,
        topics: ['adverse_event', 'coping_and_sleep'],
        referralsOffered: ['therapy_eap', 'time_off'],
        followUpOn,
        escalationTier: 1,
      }),
    ]);
    expect(view.allowedCloseOutcomes).toEqual(['supported', 'referred']);

    // Not due yet: nothing for the supporter.
    await runDueJobsOnce(t.ctx, appJobs);
    const reminders = async () => (await outbox()).filter((m) => m.template === 'reminder' && m.to_address === supporterA.email);
    expect(await reminders()).toEqual([]);
    t.clock.advanceMinutes(3 * 24 * 60);
    await runDueJobsOnce(t.ctx, appJobs);
    expect(await reminders()).toEqual([expect.objectContaining({ link: '/app/cases' })]);

    // Referrals: one offered category taken up; a category never offered is not there to mark.
    expect((await post(supporterA.email, `/api/supporter/cases/${id}/referrals/therapy_eap/taken-up`)).statusCode).toBe(204);
    expect((await post(supporterA.email, `/api/supporter/cases/${id}/referrals/legal_risk_management/taken-up`)).statusCode).toBe(404);
    const referrals = (await detail(id)).json().referrals as { category: string; takenUpAt: string | null }[];
    expect(referrals.find((r) => r.category === 'therapy_eap')?.takenUpAt).not.toBeNull();
    expect(referrals.find((r) => r.category === 'time_off')?.takenUpAt).toBeNull();

    const before = (await outbox()).length;
    const closed = await post(supporterA.email, `/api/supporter/cases/${id}/close`, { outcome: 'supported' });
    expect(closed.statusCode, closed.body).toBe(204);
    const mail = (await outbox()).slice(before).find((m) => m.template === 'feedback_request');
    expect(mail).toMatchObject({ to_address: requester.email });
    const token = /^\/feedback\/([A-Za-z0-9_-]+)$/.exec(mail!.link)?.[1];
    expect(token).toBeDefined();
    expect(mail!.link).not.toContain(id);

    const tokens = await t.ctx.db.selectFrom('feedback_tokens').selectAll().execute();
    expect(tokens).toEqual([{ token_hash: expect.any(String), organization_id: org.id, month: t.clock.now().toISOString().slice(0, 7) }]);
    expect(JSON.stringify(tokens)).not.toContain(token!);

    expect((await t.app.inject({ url: `/api/public/feedback/${token}` })).json()).toEqual({ valid: true });
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/public/feedback/${token}`,
      payload: { helpfulness: 4, wouldRecommend: true, caseId: id },
    });
    expect(bad.statusCode).toBe(400);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/public/feedback/${token}`,
      payload: { helpfulness: 5, wouldRecommend: true },
    });
    expect(sent.statusCode, sent.body).toBe(204);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/public/feedback/${token}`,
      payload: { helpfulness: 1, wouldRecommend: false },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/public/feedback/${'x'.repeat(32)}`,
      payload: { helpfulness: 1, wouldRecommend: false },
    });
    expect(again.statusCode).toBe(404);
    expect(again.body).toBe(unknown.body);
    expect((await t.app.inject({ url: `/api/public/feedback/${token}` })).json()).toEqual({ valid: false });

    const feedback = await t.ctx.db.selectFrom('feedback').selectAll().execute();
    expect(feedback).toHaveLength(1);
    expect(Object.keys(feedback[0]!).sort()).toEqual(['helpfulness', 'id', 'month', 'organization_id', 'would_recommend']);
    expect(feedback[0]).toMatchObject({ organization_id: org.id, helpfulness: 5 });
    expect(Boolean(feedback[0]!.would_recommend)).toBe(true);
    expect(await t.ctx.db.selectFrom('feedback_tokens').selectAll().execute()).toEqual([]);
  });

  it("answers supporter B 404 on every route of supporter A's case, and writes nothing", async () => {
    const id = await assigned('active');
    const routes: [string, string, object?][] = [
      ['GET', `/api/supporter/cases/${id}`],
      ['POST', `/api/supporter/cases/${id}/contact-attempts`, { channel: 'phone', result: 'no_answer' }],
      ['POST', `/api/supporter/cases/${id}/encounters`, encounter()],
      ['POST', `/api/supporter/cases/${id}/referrals/therapy_eap/taken-up`],
      ['POST', `/api/supporter/cases/${id}/close`, { outcome: 'supported' }],
      ['POST', `/api/supporter/cases/${id}/escalate`],
    ];
    const before = [await caseRow(id), await auditOf(id), (await outbox()).length];
    for (const [method, url, payload] of routes) {
      const response = await t.app.inject({
        method: method as 'GET' | 'POST',
        url,
        headers: await as(supporterB.email),
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    expect([await caseRow(id), await auditOf(id), (await outbox()).length]).toEqual(before);
    expect(await t.ctx.db.selectFrom('encounters').selectAll().where('case_id', '=', id).execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('contact_attempts').selectAll().where('case_id', '=', id).execute()).toEqual([]);
    // The requester cannot read the supporter's view either.
    expect((await detail(id, requester.email)).statusCode).toBe(404);
  });

  it.each([
    ['a date in the future', { date: 'FUTURE' }, ['body.date']],
    ['a group without a head count', { format: 'group' }, ['body.headCount']],
    ['a head count for one person', { headCount: 3 }, ['body.headCount']],
    ['an unknown topic', { topics: ['gossip'] }, ['body.topics.0']],
    ['a free-text notes field', { notes: 'what was said' }, ['body.notes']],
    ['minutes over 8 hours, tier 4', { minutes: 481, escalationTier: 4 }, ['body.minutes', 'body.escalationTier']],
    ['a follow-up before the conversation', { followUpOn: '2020-01-01' }, ['body.followUpOn']],
  ])('refuses an encounter with %s (400 naming the field, nothing written)', async (_why, overrides, fields) => {
    const id = await assigned('contacted');
    const payload = encounter(overrides);
    if (payload.date === 'FUTURE') payload.date = day(2);
    const before = [await caseRow(id), await auditOf(id)];
    const response = await post(supporterA.email, `/api/supporter/cases/${id}/encounters`, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(
      response
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual([...fields].sort());
    expect([await caseRow(id), await auditOf(id)]).toEqual(before);
    expect(await t.ctx.db.selectFrom('encounters').selectAll().where('case_id', '=', id).execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('referral_offers').selectAll().where('case_id', '=', id).execute()).toEqual([]);
  });

  it('a heavy conversation gives the supporter a cool-down: no new offers for the program’s days, nothing kept on the encounter', async () => {
    const id = await assigned();
    await post(supporterA.email, `/api/supporter/cases/${id}/contact-attempts`, { channel: 'phone', result: 'reached' });
    const pausedBefore = async () =>
      (
        await t.ctx.db
          .selectFrom('supporter_profiles')
          .select('paused_until')
          .where('person_id', '=', supporterA.id)
          .executeTakeFirstOrThrow()
      ).paused_until;
    await t.ctx.db.updateTable('supporter_profiles').set({ paused_until: null }).where('person_id', '=', supporterA.id).execute();
    const logged = await post(supporterA.email, `/api/supporter/cases/${id}/encounters`, encounter({ coolDown: true }));
    expect(logged.statusCode, logged.body).toBe(204);
    // The rest of today (the same day in the organisation's zone) and three more days.
    expect(await pausedBefore()).toBe(day(3));
    const candidates = await loadCandidates(t.ctx.db, org.id, 'UTC', t.clock.now());
    expect(candidates.find((c) => c.personId === supporterA.id)?.paused).toBe(true);
    const encounterRow = await t.ctx.db.selectFrom('encounters').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(Object.keys(encounterRow).some((k) => k.includes('cool'))).toBe(false);
    const audit = await t.ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', supporterA.id).execute();
    expect(audit.map((a) => a.action)).toContain('supporter.cooldown_started');

    // A longer pause the supporter set themselves is never shortened by a cool-down.
    await t.ctx.db
      .updateTable('supporter_profiles')
      .set({ paused_until: day(10) })
      .where('person_id', '=', supporterA.id)
      .execute();
    const fromProfile = await post(supporterA.email, '/api/supporter/profile/cool-down', {});
    expect(fromProfile.statusCode, fromProfile.body).toBe(200);
    expect(fromProfile.json().pausedUntil).toBe(day(10));

    // The director sets the days; 0 turns cool-downs off.
    const off = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/program',
      headers: await as(director.email),
      payload: { cooldownDays: 0 },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().cooldownDays).toBe(0);
    expect((await post(supporterA.email, '/api/supporter/profile/cool-down', {})).statusCode).toBe(409);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/program',
      headers: await as(director.email),
      payload: { cooldownDays: 30 },
    });
    expect(bad.statusCode).toBe(400);
    await t.app.inject({ method: 'PATCH', url: '/api/settings/program', headers: await as(director.email), payload: { cooldownDays: 3 } });
    await t.ctx.db.updateTable('supporter_profiles').set({ paused_until: null }).where('person_id', '=', supporterA.id).execute();
  });

  it('refuses free text on a contact attempt', async () => {
    const id = await assigned();
    const response = await post(supporterA.email, `/api/supporter/cases/${id}/contact-attempts`, {
      channel: 'phone',
      result: 'reached',
      notes: 'x',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ path: 'body.notes' })]);
    expect(await t.ctx.db.selectFrom('contact_attempts').selectAll().where('case_id', '=', id).execute()).toEqual([]);
  });

  it('escalates imminent risk: audit (who, when), a content-free e-mail to every active director, the crisis protocol at once', async () => {
    const id = await assigned('contacted');
    const before = (await outbox()).length;
    const response = await post(supporterA.email, `/api/supporter/cases/${id}/escalate`);
    expect(response.statusCode, response.body).toBe(200);
    const protocol = response.json() as { supportLines: { phone: string }[]; resources: { category: string; phone: string | null }[] };
    expect(protocol.supportLines.map((l) => l.phone)).toContain('1-888-409-0141');
    expect(protocol.resources.map((r) => r.category)).toEqual(['crisis_line']);
    expect(protocol.resources[0]!.phone).toBe('988');
    expect((await caseRow(id)).state).toBe('contacted');

    const escalation = (await auditOf(id)).filter((a) => a.action === 'case.risk_escalated');
    expect(escalation).toEqual([expect.objectContaining({ actor_person_id: supporterA.id, at: t.clock.now().toISOString() })]);
    const mails = (await outbox()).slice(before);
    expect(mails).toEqual([
      expect.objectContaining({ to_address: director.email, template: 'attention_needed', link: '/app', case_id: id }),
    ]);
    // The case id on the row is for erasure only: it is never sent, nor shown in the outbox listing.
    const sent = mails.map((m) => ({
      ...renderEmail(m.template as 'attention_needed', m.link, 'https://peerline.example'),
      to: m.to_address,
    }));
    expect(JSON.stringify(sent)).not.toMatch(new RegExp(`${id}|Tomás|adverse|risk`, 'i'));
    const listed = await t.app.inject({ url: '/api/outbox', headers: await as(director.email) });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(id);
  });

  it('alerts the mental-health back-up the director configured, with an e-mail that says only to call the director', async () => {
    const badBackup = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/conversations',
      headers: await as(director.email),
      payload: { crisisBackupEmail: 'not an address' },
    });
    expect(badBackup.statusCode).toBe(400);
    expect(badBackup.json().error.fields).toEqual([expect.objectContaining({ path: 'body.crisisBackupEmail' })]);
    const set = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/conversations',
      headers: await as(director.email),
      payload: { crisisBackupEmail: 'Psych-OnCall@Hospital.example' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ crisisBackupEmail: 'psych-oncall@hospital.example' });

    const id = await assigned('contacted');
    const before = (await outbox()).length;
    expect((await post(supporterA.email, `/api/supporter/cases/${id}/escalate`)).statusCode).toBe(200);
    const mails = (await outbox()).slice(before);
    expect(mails).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to_address: director.email, template: 'attention_needed' }),
        expect.objectContaining({ to_address: 'psych-oncall@hospital.example', template: 'urgent_callback', link: '/' }),
      ]),
    );
    expect(mails).toHaveLength(2);

    const cleared = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings/conversations',
      headers: await as(director.email),
      payload: { crisisBackupEmail: null },
    });
    expect(cleared.json()).toMatchObject({ crisisBackupEmail: null });
  });

  it('lets the requester say "no thanks": declined, the resource sheet by e-mail, the supporter told; nobody else may', async () => {
    const id = await assigned();
    expect((await post(supporterB.email, `/api/support/requests/${id}/decline`)).statusCode).toBe(404);
    const before = (await outbox()).length;
    const response = await post(requester.email, `/api/support/requests/${id}/decline`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id, state: 'declined', outcome: 'declined' });
    const mails = (await outbox()).slice(before);
    expect(mails).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to_address: requester.email, template: 'case_update', link: '/resources' }),
        expect.objectContaining({ to_address: supporterA.email, template: 'case_update', link: '/app/cases' }),
      ]),
    );
    expect((await auditOf(id)).map((a) => a.action)).toContain('case.declined');
    // Once declined, the supporter can no longer log anything.
    expect(
      (await post(supporterA.email, `/api/supporter/cases/${id}/contact-attempts`, { channel: 'phone', result: 'no_answer' })).statusCode,
    ).toBe(409);
  });
});
