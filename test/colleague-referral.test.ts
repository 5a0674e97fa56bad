/**
 * Colleague referral by work e-mail (docs/product.md, "Colleague referral"): an outreach case for
 * the colleague, the same neutral receipt whatever happens next, and nothing to learn for the
 * referrer: no name, no case, not even whether the colleague already had a request open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDepartment,
  buildOrganization,
  buildPerson,
  buildSupporterProfile,
  type BuiltOrganization,
} from '../server/demo/factories.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';
const REFERRAL = { toldColleague: true, reason: 'patient_death', urgency: 'this_week' } as const;

describe('colleague referral by work e-mail', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: BuiltOrganization;
  let referrer: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock);
    referrer = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Renata', password: PASSWORD });
    const supporter = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['peer_supporter'],
      departmentId: await buildDepartment(t.ctx.db, t.clock, org.id),
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, supporter.id);
  });
  afterAll(async () => t.close());

  const refer = async (by: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/support/referrals', headers: await as(by), payload: { ...REFERRAL, ...payload } });
  const casesOf = (personId: string) => t.ctx.db.selectFrom('cases').selectAll().where('requester_person_id', '=', personId).execute();
  const caseCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('opens an outreach case for the colleague named by e-mail (any case, spaces around it) and answers only "received"', async () => {
    const colleague = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Octavia', password: PASSWORD });
    const response = await refer(referrer.email, { colleagueEmail: `  ${colleague.email.toUpperCase()} `, toldColleague: false });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({ received: true });

    const [created] = await casesOf(colleague.id);
    expect(created).toMatchObject({
      origin: 'colleague_referral',
      reason: 'patient_death',
      state: 'offered',
      contact_method: 'work_email',
      contact_value: colleague.email,
    });
    expect(Boolean(created!.requester_informed)).toBe(false);
    // The referrer follows nothing: the case is the colleague's, not theirs.
    expect((await t.app.inject({ url: '/api/support/requests', headers: await as(referrer.email) })).json().requests).toEqual([]);
    const theirs = (await t.app.inject({ url: '/api/support/requests', headers: await as(colleague.email) })).json().requests;
    expect(theirs).toEqual([expect.objectContaining({ origin: 'colleague_referral', state: 'offered' })]);
  });

  it('answers exactly the same when the colleague already has an open request, and adds nothing', async () => {
    const colleague = await buildPerson(t.ctx.db, t.clock, org.id, { password: PASSWORD });
    const first = await refer(referrer.email, { colleagueEmail: colleague.email });
    const before = await caseCount();
    const other = await buildPerson(t.ctx.db, t.clock, org.id, { password: PASSWORD });
    const again = await refer(other.email, { colleagueEmail: colleague.email, reason: 'burnout_or_overload', urgency: 'today' });
    expect([again.statusCode, again.body, again.headers['content-type']]).toEqual([
      first.statusCode,
      first.body,
      first.headers['content-type'],
    ]);
    expect(await caseCount()).toBe(before);
    expect(await casesOf(colleague.id)).toHaveLength(1);
  });

  it("refuses an unknown, inactive or other organisation's e-mail with one message naming the field, and writes nothing", async () => {
    const inactive = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Isidora', active: false });
    const elsewhere = await buildPerson(t.ctx.db, t.clock, (await buildOrganization(t.ctx.db, t.clock)).id, { firstName: 'Evander' });
    const before = await caseCount();
    const answers = [];
    for (const colleagueEmail of ['nobody@nowhere.test', inactive.email, elsewhere.email]) {
      const response = await refer(referrer.email, { colleagueEmail });
      expect(response.statusCode).toBe(400);
      answers.push(response.json());
    }
    expect(answers[0]).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: [{ path: 'body.colleagueEmail', message: 'No colleague in the staff directory has this work e-mail' }],
      },
    });
    // Inactive and foreign people look exactly like unknown ones; no name ever comes back.
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(JSON.stringify(answers)).not.toMatch(/Isidora|Evander/);
    expect(await caseCount()).toBe(before);
  });

  it('refuses referring yourself, pointing to the request form', async () => {
    const response = await refer(referrer.email, { colleagueEmail: referrer.email });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'body.colleagueEmail', message: 'That is your own e-mail: to ask for yourself, use the request form' },
    ]);
    expect(await casesOf(referrer.id)).toEqual([]);
  });

  it('lets a leadership viewer and an event reporter refer, and tells them nothing but "received"', async () => {
    for (const role of ['leadership_viewer', 'event_reporter'] as const) {
      const caller = await buildPerson(t.ctx.db, t.clock, org.id, { roles: [role], password: PASSWORD });
      const colleague = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Philippa', lastName: 'Quarrington' });
      const response = await refer(caller.email, { colleagueEmail: colleague.email });
      expect(response.statusCode, response.body).toBe(202);
      expect(response.body).toBe('{"received":true}');
      expect(await casesOf(colleague.id)).toHaveLength(1);
    }
  });
});
