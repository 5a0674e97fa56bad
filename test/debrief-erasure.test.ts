/**
 * A group debrief's invite list is identifying data (who was involved in an adverse event): it is
 * erased once the debrief is over and the retention period has run (docs/product.md, C4;
 * docs/decisions/007). What stays: the time, length, facilitators, head count, and how many were
 * asked, fixed at erasure.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, type BuiltPerson } from '../server/demo/factories.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import { sweepDueDebriefs } from '../server/modules/retention/debrief-erasure.ts';
import { scheduleRetentionSweep } from '../server/modules/retention/retention.job.ts';
import { buildDebriefWorld } from './debrief-world.ts';
import { createTestApp, sessionsFor, usingPostgres, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';
const DAY = 24 * 60;
const RETENTION_DAYS = 10;
const LINK = /^\/api\/public\/debrief-invites\/([A-Za-z0-9_-]+)$/;

describe(`erasing group debrief invite lists on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let orgId: string;
  let admin: BuiltPerson;
  let facilitator: BuiltPerson;
  const involved: BuiltPerson[] = [];
  let colleague: BuiltPerson;
  let noticeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.ctx;
    const world = await buildDebriefWorld(t, as, PASSWORD, 1);
    ({ admin, noticeId } = world);
    orgId = world.org.id;
    facilitator = world.facilitators[0]!;
    involved.push(...world.involved);
    await db.updateTable('organizations').set({ retention_days: RETENTION_DAYS }).where('id', '=', orgId).execute();
    colleague = await buildPerson(db, t.clock, orgId, { firstName: 'Colin', lastName: 'Vasquez' });
  });
  afterAll(async () => t.close());

  const inMinutes = (minutes: number) => new Date(t.clock.now().getTime() + minutes * 60_000).toISOString();
  const url = (debriefId = '') => `/api/event-notices/${noticeId}/debriefs${debriefId ? `/${debriefId}` : ''}`;
  const schedule = async (payload: object) => {
    const created = await t.app.inject({ method: 'POST', url: url(), headers: await as(admin.email), payload });
    expect(created.statusCode, created.body).toBe(201);
    return (created.json() as { id: string }).id;
  };
  const listed = async (debriefId: string) => {
    const response = await t.app.inject({ url: url(), headers: await as(admin.email) });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { debriefs: Record<string, unknown>[] }).debriefs.find((d) => d.id === debriefId)!;
  };
  /** The debrief-link e-mails to someone, by the token in each link. */
  const linkMailTo = async (person: BuiltPerson) => {
    const rows = await t.ctx.db
      .selectFrom('email_outbox')
      .select(['id', 'link'])
      .where('to_address', '=', person.email.toLowerCase())
      .execute();
    return rows.flatMap((r) => {
      const token = LINK.exec(r.link)?.[1];
      return token ? [{ id: r.id, token }] : [];
    });
  };
  const tokenHashesOf = async (debriefId: string) =>
    new Set(
      (await t.ctx.db.selectFrom('group_debrief_people').select('invite_token_hash').where('debrief_id', '=', debriefId).execute()).map(
        (r) => r.invite_token_hash,
      ),
    );
  const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
  const runSweepJob = async () => {
    await scheduleRetentionSweep(t.ctx.db, t.clock.now());
    while ((await runDueJobsOnce(t.ctx, appJobs)).claimed > 0);
  };

  it('erases the invitees, their links and e-mails once the debrief is over and the retention period has run', async () => {
    const past = await schedule({
      startsAt: inMinutes(DAY),
      minutes: 90,
      modality: 'in_person',
      facilitators: [facilitator.id],
      invitees: [{ personId: involved[0]!.id }, { personId: involved[1]!.id }, { workEmail: colleague.email }],
    });
    // A change sends new links; the first e-mails keep the old ones, which must go too.
    const changed = await t.app.inject({
      method: 'PUT',
      url: url(past),
      headers: await as(admin.email),
      payload: {
        startsAt: inMinutes(DAY + 60),
        minutes: 60,
        modality: 'in_person',
        facilitators: [facilitator.id],
        invitees: [{ personId: involved[0]!.id }, { personId: involved[1]!.id }, { workEmail: colleague.email }],
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // Another debrief of the same event, later: involved[0] is asked there too, and keeps that.
    const later = await schedule({
      startsAt: inMinutes(60 * DAY),
      minutes: 60,
      modality: 'in_person',
      facilitators: [facilitator.id],
      invitees: [{ personId: involved[0]!.id }],
    });
    const laterHashes = await tokenHashesOf(later);
    const pastLinks = (await linkMailTo(involved[1]!)).map((m) => m.token);
    expect(pastLinks.length).toBeGreaterThanOrEqual(2);
    const before = await listed(past);
    expect(before).toMatchObject({
      inviteeCount: 3,
      namedInviteeCount: 2,
      otherInvitees: [{ workEmail: colleague.email.toLowerCase() }],
      inviteListErasedAt: null,
    });

    // Over at start + 60 min; due RETENTION_DAYS later, not a minute sooner.
    t.clock.advanceMinutes(DAY + 60 + 60 + RETENTION_DAYS * DAY - 1);
    expect(await sweepDueDebriefs(t.ctx)).toBe(0);
    expect(await listed(past)).toMatchObject({ inviteeCount: 3, inviteListErasedAt: null });
    t.clock.advanceMinutes(2);
    await runSweepJob();

    const after = await listed(past);
    expect(after).toMatchObject({
      inviteeCount: 3,
      namedInviteeCount: 2,
      otherInvitees: [],
      inviteListErasedAt: t.clock.now().toISOString(),
      facilitators: [{ personId: facilitator.id, firstName: 'Facil0', lastName: 'Quimby0' }],
    });
    const rows = await t.ctx.db.selectFrom('group_debrief_people').select(['person_id', 'role']).where('debrief_id', '=', past).execute();
    expect(rows).toEqual([{ person_id: facilitator.id, role: 'facilitator' }]);
    // No e-mail to the invitees still carries a link to this debrief, old or new.
    expect(await linkMailTo(involved[1]!)).toEqual([]);
    expect(await linkMailTo(colleague)).toEqual([]);
    const kept = await linkMailTo(involved[0]!);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((m) => laterHashes.has(sha256(m.token)))).toBe(true);
    for (const token of pastLinks) expect((await t.app.inject({ url: `/api/public/debrief-invites/${token}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/public/debrief-invites/${kept[0]!.token}` })).statusCode).toBe(200);
    // The later debrief is untouched.
    expect(await listed(later)).toMatchObject({ inviteeCount: 1, namedInviteeCount: 1, inviteListErasedAt: null });

    // Only that it happened, by nobody.
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_person_id'])
      .where('subject_id', '=', past)
      .where('action', '=', 'debrief.invite_list_erased')
      .execute();
    expect(audit).toEqual([{ action: 'debrief.invite_list_erased', actor_person_id: null }]);
    // Once: a second sweep finds nothing.
    expect(await sweepDueDebriefs(t.ctx)).toBe(0);

    // It can no longer change or be cancelled; its head count can still be recorded.
    const change = await t.app.inject({
      method: 'PUT',
      url: url(past),
      headers: await as(admin.email),
      payload: { startsAt: inMinutes(DAY), minutes: 60, modality: 'in_person', facilitators: [facilitator.id], invitees: [] },
    });
    expect(change.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: `${url(past)}/cancel`, headers: await as(admin.email) })).statusCode).toBe(409);
    const outcome = await t.app.inject({
      method: 'POST',
      url: `${url(past)}/outcome`,
      headers: await as(admin.email),
      payload: { headCount: 3, minutes: 55 },
    });
    expect(outcome.statusCode, outcome.body).toBe(200);
    expect(outcome.json()).toMatchObject({ headCount: 3, inviteeCount: 3, otherInvitees: [] });
  });

  it('counts a cancelled debrief as over when it was cancelled, not at its planned time', async () => {
    const id = await schedule({
      startsAt: inMinutes(40 * DAY),
      minutes: 60,
      modality: 'video',
      facilitators: [facilitator.id],
      invitees: [{ personId: involved[2]!.id }],
    });
    expect((await t.app.inject({ method: 'POST', url: `${url(id)}/cancel`, headers: await as(admin.email) })).statusCode).toBe(200);
    expect((await linkMailTo(involved[2]!)).length).toBeGreaterThanOrEqual(2);
    t.clock.advanceMinutes(RETENTION_DAYS * DAY - 1);
    expect(await sweepDueDebriefs(t.ctx)).toBe(0);
    t.clock.advanceMinutes(2);
    expect(await sweepDueDebriefs(t.ctx)).toBe(1);
    expect(await listed(id)).toMatchObject({
      status: 'cancelled',
      inviteeCount: 1,
      namedInviteeCount: 1,
      inviteListErasedAt: t.clock.now().toISOString(),
    });
    expect(await linkMailTo(involved[2]!)).toEqual([]);
  });
  it('lets a queued cancellation go out first, for at most an hour after the end', async () => {
    await t.ctx.db.updateTable('organizations').set({ retention_days: 0 }).where('id', '=', orgId).execute();
    const queueMailOf = async (person: BuiltPerson) => {
      const ids = (await linkMailTo(person)).map((m) => m.id);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      await t.ctx.db.updateTable('email_outbox').set({ status: 'queued' }).where('id', 'in', ids).execute();
      return ids;
    };
    const cancelled = async (person: BuiltPerson) => {
      const id = await schedule({
        startsAt: inMinutes(30 * DAY),
        minutes: 60,
        modality: 'in_person',
        facilitators: [facilitator.id],
        invitees: [{ personId: person.id }],
      });
      expect((await t.app.inject({ method: 'POST', url: `${url(id)}/cancel`, headers: await as(admin.email) })).statusCode).toBe(200);
      return id;
    };

    // Sent in the meantime: erased on the next sweep.
    const first = await cancelled(involved[2]!);
    const ids = await queueMailOf(involved[2]!);
    t.clock.advanceMinutes(1);
    expect(await sweepDueDebriefs(t.ctx)).toBe(0);
    expect(await listed(first)).toMatchObject({ inviteListErasedAt: null });
    await t.ctx.db.updateTable('email_outbox').set({ status: 'sent' }).where('id', 'in', ids).execute();
    expect(await sweepDueDebriefs(t.ctx)).toBe(1);
    expect(await linkMailTo(involved[2]!)).toEqual([]);

    // Never sent: erased anyway an hour after the cancellation.
    const second = await cancelled(involved[2]!);
    await queueMailOf(involved[2]!);
    t.clock.advanceMinutes(59);
    expect(await sweepDueDebriefs(t.ctx)).toBe(0);
    t.clock.advanceMinutes(2);
    expect(await sweepDueDebriefs(t.ctx)).toBe(1);
    expect(await listed(second)).toMatchObject({ inviteeCount: 1, otherInvitees: [] });
    expect(await linkMailTo(involved[2]!)).toEqual([]);
  });
});
