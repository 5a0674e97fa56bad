import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, buildSupporterProfile, type BuiltPerson } from '../server/demo/factories.ts';
import { hashFeedToken } from '../server/modules/on-call/on-call-feed.ts';
import { whoIsOnCall } from '../server/modules/on-call/on-call.service.ts';
import { seedDemoRota } from '../server/demo/demo-rota.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

/** The on-call rota through the API, on whichever engine DATABASE_URL selects. */
describe('on-call rota', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: { id: string };
  let admin: BuiltPerson;
  let ana: BuiltPerson;
  let ben: BuiltPerson;
  let cleo: BuiltPerson;
  let staff: BuiltPerson;
  let lapsed: BuiltPerson;
  let otherAdmin: BuiltPerson;
  let otherSupporter: BuiltPerson;

  async function supporter(organizationId: string, firstName: string, lastName: string, certifiedUntil?: string | null) {
    const p = await buildPerson(t.ctx.db, t.clock, organizationId, {
      firstName,
      lastName,
      roles: ['peer_supporter', 'staff_member'],
      password: PASSWORD,
    });
    await buildSupporterProfile(t.ctx.db, t.clock, organizationId, p.id, certifiedUntil === undefined ? {} : { certifiedUntil });
    return p;
  }

  beforeAll(async () => {
    t = await createTestApp();
    // The test clock starts on Wednesday 2026-11-25 09:00 UTC.
    org = await buildOrganization(t.ctx.db, t.clock, { timeZone: 'UTC' });
    admin = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
    ana = await supporter(org.id, 'Ana', 'Quinterro');
    ben = await supporter(org.id, 'Ben', 'Okafor');
    cleo = await supporter(org.id, 'Cleo', 'Marsh');
    lapsed = await supporter(org.id, 'Lapsed', 'Person', null);
    staff = await buildPerson(t.ctx.db, t.clock, org.id, { firstName: 'Staff', roles: ['staff_member'], password: PASSWORD });
    const orgB = await buildOrganization(t.ctx.db, t.clock, { timeZone: 'UTC' });
    otherAdmin = await buildPerson(t.ctx.db, t.clock, orgB.id, { roles: ['program_admin'], password: PASSWORD });
    otherSupporter = await supporter(orgB.id, 'Other', 'Tenant');
  });
  afterAll(async () => t?.close());

  const send = async (email: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: await as(email), ...(payload ? { payload } : {}) });
  const schedule = async (email: string, from: string, to: string, base = '/api/on-call') =>
    (await send(email, 'GET', `${base}/schedule?from=${from}&to=${to}`)).json() as {
      segments: { person: { id: string }; startsAt: string; endsAt: string; source: string }[];
      now: { person: { id: string } | null; until: string | null };
    };
  const rowCounts = async () =>
    Promise.all(
      (['on_call_rotations', 'on_call_shifts', 'on_call_swaps', 'on_call_feed_tokens'] as const).map(async (table) =>
        Number(
          (
            await t.ctx.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    );

  const ROTATION = () => ({ members: [ana.id, ben.id, cleo.id], startsOn: '2026-11-23', handoffAt: '08:00', periodDays: 7 });

  it('resolves a weekly rotation, a single shift and an override through the API', async () => {
    const put = await send(admin.email, 'PUT', '/api/on-call/rotation', ROTATION());
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().rotation.members.map((m: { firstName: string }) => m.firstName)).toEqual(['Ana', 'Ben', 'Cleo']);

    const now = (await send(ana.email, 'GET', '/api/supporter/on-call/now')).json();
    expect(now).toMatchObject({
      person: { id: ana.id, firstName: 'Ana', lastName: 'Quinterro' },
      until: '2026-11-30T08:00:00.000Z',
      source: 'rotation',
    });
    expect(now.next.map((n: { person: { id: string } }) => n.person.id)).toEqual([ben.id, cleo.id]);

    const shift = await send(admin.email, 'POST', '/api/on-call/shifts', {
      personId: ben.id,
      kind: 'shift',
      startsAt: '2026-11-26T00:00:00Z',
      endsAt: '2026-11-26T12:00:00Z',
    });
    expect(shift.statusCode, shift.body).toBe(201);
    const override = await send(admin.email, 'POST', '/api/on-call/shifts', {
      personId: cleo.id,
      kind: 'override',
      startsAt: '2026-11-26T06:00:00Z',
      endsAt: '2026-11-26T08:00:00Z',
    });
    expect(override.statusCode, override.body).toBe(201);

    const day = await schedule(admin.email, '2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z');
    expect(day.segments.map((s) => [s.person.id, s.startsAt.slice(11, 16), s.endsAt.slice(11, 16), s.source])).toEqual([
      [ben.id, '00:00', '06:00', 'shift'],
      [cleo.id, '06:00', '08:00', 'override'],
      [ben.id, '08:00', '12:00', 'shift'],
      [ana.id, '12:00', '00:00', 'rotation'],
    ]);
    // The supporter's calendar shows the same resolution.
    expect((await schedule(cleo.email, '2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z', '/api/supporter/on-call')).segments).toEqual(
      day.segments,
    );
    const twoWeeks = await schedule(admin.email, '2026-11-23T08:00:00Z', '2026-12-07T08:00:00Z');
    expect(twoWeeks.segments.filter((s) => s.source === 'rotation' && s.startsAt === '2026-11-30T08:00:00.000Z')[0]?.person.id).toBe(
      ben.id,
    );

    // Removing the shift puts the rotation back; the override stays.
    expect((await send(admin.email, 'DELETE', `/api/on-call/shifts/${shift.json().id}`)).statusCode).toBe(204);
    const after = await schedule(admin.email, '2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z');
    expect(after.segments.map((s) => s.person.id)).toEqual([ana.id, cleo.id, ana.id]);
    expect((await send(admin.email, 'DELETE', `/api/on-call/shifts/${shift.json().id}`)).statusCode).toBe(404);

    const audited = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('organization_id', '=', org.id)
      .where('action', 'like', 'on_call.%')
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      'on_call.override_added',
      'on_call.rotation_set',
      'on_call.shift_added',
      'on_call.shift_removed',
    ]);
  });

  it('exposes whoIsOnCall for the urgent path, with the next people in line', async () => {
    const answer = await whoIsOnCall(t.ctx.db, org.id, new Date('2026-11-26T07:00:00Z'));
    expect(answer).toEqual({
      personId: cleo.id,
      until: '2026-11-26T08:00:00.000Z',
      source: 'override',
      next: [
        { personId: ana.id, startsAt: '2026-11-26T08:00:00.000Z' },
        { personId: ben.id, startsAt: '2026-11-30T08:00:00.000Z' },
      ],
    });
    expect(await whoIsOnCall(t.ctx.db, otherSupporter.id, new Date())).toEqual({ personId: null, until: null, source: null, next: [] });
  });

  it('lets a supporter take the shift now for a number of hours', async () => {
    const taken = await send(ben.email, 'POST', '/api/supporter/on-call/take-now', { hours: 4 });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ person: { id: ben.id }, until: '2026-11-25T13:00:00.000Z', source: 'override' });
    expect((await send(admin.email, 'GET', '/api/on-call/now')).json().person.id).toBe(ben.id);
    // A lapsed certification cannot take the shift.
    const refused = await send(lapsed.email, 'POST', '/api/supporter/on-call/take-now', { hours: 2 });
    expect(refused.statusCode).toBe(400);
  });

  it('runs swaps: ask, decline, accept (an override), cancel; only the two people concerned see one', async () => {
    const span = { startsAt: '2026-11-27T00:00:00Z', endsAt: '2026-11-28T00:00:00Z' };
    const asked = await send(ana.email, 'POST', '/api/supporter/on-call/swaps', { toPersonId: ben.id, ...span });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', from: { id: ana.id }, to: { id: ben.id }, madeOnBehalf: false });
    const id = asked.json().id as string;
    expect((await send(ben.email, 'GET', '/api/supporter/on-call/swaps')).json().swaps.map((s: { id: string }) => s.id)).toContain(id);
    expect((await send(cleo.email, 'GET', '/api/supporter/on-call/swaps')).json().swaps.map((s: { id: string }) => s.id)).not.toContain(id);
    // Neither a bystander nor the asker can answer for the colleague.
    expect((await send(cleo.email, 'POST', `/api/supporter/on-call/swaps/${id}/accept`)).statusCode).toBe(404);
    expect((await send(ana.email, 'POST', `/api/supporter/on-call/swaps/${id}/accept`)).statusCode).toBe(404);
    expect((await send(ben.email, 'POST', `/api/supporter/on-call/swaps/${id}/decline`)).json().status).toBe('declined');
    expect((await send(ben.email, 'POST', `/api/supporter/on-call/swaps/${id}/accept`)).statusCode).toBe(409);
    expect((await schedule(admin.email, span.startsAt, span.endsAt)).segments.map((s) => s.person.id)).toEqual([ana.id]);

    const again = (await send(ana.email, 'POST', '/api/supporter/on-call/swaps', { toPersonId: ben.id, ...span })).json();
    const accepted = await send(ben.email, 'POST', `/api/supporter/on-call/swaps/${again.id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect((await schedule(admin.email, span.startsAt, span.endsAt)).segments).toMatchObject([
      { person: { id: ben.id }, source: 'override' },
    ]);
    expect((await send(ben.email, 'POST', `/api/supporter/on-call/swaps/${again.id}/accept`)).statusCode).toBe(409);

    const third = (
      await send(ana.email, 'POST', '/api/supporter/on-call/swaps', {
        toPersonId: cleo.id,
        startsAt: '2026-11-28T00:00:00Z',
        endsAt: '2026-11-28T06:00:00Z',
      })
    ).json();
    expect((await send(cleo.email, 'POST', `/api/supporter/on-call/swaps/${third.id}/cancel`)).statusCode).toBe(404);
    expect((await send(ana.email, 'POST', `/api/supporter/on-call/swaps/${third.id}/cancel`)).json().status).toBe('cancelled');

    // Only time one is on call for can be given away: Ana is not on call the week after.
    const notMine = await send(ana.email, 'POST', '/api/supporter/on-call/swaps', {
      toPersonId: cleo.id,
      startsAt: '2026-12-01T00:00:00Z',
      endsAt: '2026-12-01T06:00:00Z',
    });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error.fields[0].path).toBe('body.startsAt');
  });

  it('lets an administrator make a swap on behalf of two supporters, accepted at once and audited', async () => {
    const made = await send(admin.email, 'POST', '/api/on-call/swaps', {
      fromPersonId: ana.id,
      toPersonId: cleo.id,
      startsAt: '2026-11-29T00:00:00Z',
      endsAt: '2026-11-29T12:00:00Z',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ status: 'accepted', madeOnBehalf: true, from: { id: ana.id }, to: { id: cleo.id } });
    expect((await schedule(admin.email, '2026-11-29T00:00:00Z', '2026-11-29T12:00:00Z')).segments).toMatchObject([
      { person: { id: cleo.id }, source: 'override' },
    ]);
    const row = await t.ctx.db.selectFrom('on_call_swaps').selectAll().where('id', '=', made.json().id).executeTakeFirstOrThrow();
    expect(row.created_by).toBe(admin.id);
    const audit = await t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'on_call.swap_made_on_behalf').execute();
    expect(audit).toMatchObject([{ actor_person_id: admin.id, subject_type: 'on_call_swap', subject_id: row.id, organization_id: org.id }]);
    // Both supporters see it in their list, marked as made on their behalf.
    expect(
      (await send(cleo.email, 'GET', '/api/supporter/on-call/swaps')).json().swaps.find((s: { id: string }) => s.id === row.id),
    ).toMatchObject({ madeOnBehalf: true });
  });

  it('serves each supporter a neutral calendar feed by a hashed, replaceable, revocable token', async () => {
    const issued = await send(ana.email, 'POST', '/api/supporter/on-call/feed-token');
    expect(issued.statusCode, issued.body).toBe(201);
    const { path, url } = issued.json() as { path: string; url: string };
    expect(url.endsWith(path)).toBe(true);
    const token = /feed\/([A-Za-z0-9_-]{43})\.ics$/.exec(path)![1]!;
    const stored = await t.ctx.db.selectFrom('on_call_feed_tokens').selectAll().where('person_id', '=', ana.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashFeedToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const feed = await t.app.inject({ url: path });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const text = feed.body;
    const events = text.split('BEGIN:VEVENT').length - 1;
    expect(events).toBeGreaterThan(0);
    expect(text.match(/^SUMMARY:.*$/gm)!.every((line) => line.trim() === 'SUMMARY:On call')).toBe(true);
    // Ana's stretches only (she is on call now until the override of Cleo tomorrow, among others), and no names nor program words.
    expect(text).toContain('DTSTART:20261214T080000Z');
    // Ben's week of the rotation is not in Ana's feed.
    expect(text).not.toContain('DTSTART:20261130T080000Z');
    // UIDs are random base64 and may spell anything: check every other line.
    const readable = text
      .split(/\r?\n/)
      .filter((line) => !line.startsWith('UID:'))
      .join('\n');
    for (const word of ['Ana', 'Quinterro', 'Ben', 'Okafor', 'Cleo', 'Marsh', 'support', 'Support', 'peer', ana.id, org.id])
      expect(readable).not.toContain(word);

    // A new address replaces the old one.
    const renewed = (await send(ana.email, 'POST', '/api/supporter/on-call/feed-token')).json() as { path: string };
    expect(renewed.path).not.toBe(path);
    expect((await t.app.inject({ url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ url: renewed.path })).statusCode).toBe(200);
    // Turning the feed off ends it.
    expect((await send(ana.email, 'DELETE', '/api/supporter/on-call/feed-token')).statusCode).toBe(204);
    expect((await t.app.inject({ url: renewed.path })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/public/on-call/feed/not-a-token.ics' })).statusCode).toBe(400);
  });

  describe('bad input: a clear 400 naming the field, nothing written', () => {
    const cases: {
      why: string;
      who: () => string;
      method: 'POST' | 'PUT' | 'GET';
      url: string;
      payload?: () => object;
      field: string[];
    }[] = [
      {
        why: 'unknown person in the rotation',
        who: () => admin.email,
        method: 'PUT',
        url: '/api/on-call/rotation',
        payload: () => ({ ...ROTATION(), members: [ana.id, randomUUID()] }),
        field: ['body.members.1'],
      },
      {
        why: 'a staff member who is not a supporter',
        who: () => admin.email,
        method: 'POST',
        url: '/api/on-call/shifts',
        payload: () => ({ personId: staff.id, kind: 'shift', startsAt: '2026-12-02T00:00:00Z', endsAt: '2026-12-02T08:00:00Z' }),
        field: ['body.personId'],
      },
      {
        why: 'a supporter whose certification lapsed',
        who: () => admin.email,
        method: 'PUT',
        url: '/api/on-call/rotation',
        payload: () => ({ ...ROTATION(), members: [lapsed.id] }),
        field: ['body.members.0'],
      },
      {
        why: "another organisation's supporter",
        who: () => admin.email,
        method: 'POST',
        url: '/api/on-call/shifts',
        payload: () => ({
          personId: otherSupporter.id,
          kind: 'override',
          startsAt: '2026-12-02T00:00:00Z',
          endsAt: '2026-12-02T08:00:00Z',
        }),
        field: ['body.personId'],
      },
      {
        why: 'end before start',
        who: () => admin.email,
        method: 'POST',
        url: '/api/on-call/shifts',
        payload: () => ({ personId: ana.id, kind: 'shift', startsAt: '2026-12-02T08:00:00Z', endsAt: '2026-12-02T00:00:00Z' }),
        field: ['body.endsAt'],
      },
      {
        why: 'a swap to oneself',
        who: () => ana.email,
        method: 'POST',
        url: '/api/supporter/on-call/swaps',
        payload: () => ({ toPersonId: ana.id, startsAt: '2026-11-28T00:00:00Z', endsAt: '2026-11-28T01:00:00Z' }),
        field: ['body.toPersonId'],
      },
      {
        why: 'a swap to a non-supporter',
        who: () => ana.email,
        method: 'POST',
        url: '/api/supporter/on-call/swaps',
        payload: () => ({ toPersonId: staff.id, startsAt: '2026-11-28T00:00:00Z', endsAt: '2026-11-28T01:00:00Z' }),
        field: ['body.toPersonId'],
      },
      {
        why: 'an on-behalf swap from an unknown person',
        who: () => admin.email,
        method: 'POST',
        url: '/api/on-call/swaps',
        payload: () => ({
          fromPersonId: randomUUID(),
          toPersonId: ben.id,
          startsAt: '2026-11-28T00:00:00Z',
          endsAt: '2026-11-28T01:00:00Z',
        }),
        field: ['body.fromPersonId'],
      },
      {
        why: 'take-now beyond 24 hours',
        who: () => ben.email,
        method: 'POST',
        url: '/api/supporter/on-call/take-now',
        payload: () => ({ hours: 48 }),
        field: ['body.hours'],
      },
      {
        why: 'extra fields',
        who: () => admin.email,
        method: 'POST',
        url: '/api/on-call/shifts',
        payload: () => ({
          personId: ana.id,
          kind: 'shift',
          startsAt: '2026-12-02T00:00:00Z',
          endsAt: '2026-12-02T08:00:00Z',
          note: 'covering for a case',
          organizationId: randomUUID(),
        }),
        field: ['body.note', 'body.organizationId'],
      },
      {
        why: 'a schedule range over 62 days',
        who: () => admin.email,
        method: 'GET',
        url: '/api/on-call/schedule?from=2026-11-01T00:00:00Z&to=2027-01-15T00:00:00Z',
        field: ['querystring.to'],
      },
      {
        why: 'a schedule ending before it starts',
        who: () => ana.email,
        method: 'GET',
        url: '/api/supporter/on-call/schedule?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z',
        field: ['querystring.to'],
      },
    ];
    it.each(cases)('$why', async (c) => {
      const before = await rowCounts();
      const response = await send(c.who(), c.method, c.url, c.payload?.());
      expect(response.statusCode, response.body).toBe(400);
      const fields = (response.json().error.fields as { path: string }[]).map((f) => f.path);
      expect(fields.sort()).toEqual(c.field);
      expect(await rowCounts()).toEqual(before);
    });
  });

  it('keeps each organisation to its own rota', async () => {
    const shift = (
      await send(admin.email, 'POST', '/api/on-call/shifts', {
        personId: ana.id,
        kind: 'shift',
        startsAt: '2026-12-10T00:00:00Z',
        endsAt: '2026-12-10T08:00:00Z',
      })
    ).json();
    expect((await send(otherAdmin.email, 'DELETE', `/api/on-call/shifts/${shift.id}`)).statusCode).toBe(404);
    const theirs = await send(otherAdmin.email, 'GET', '/api/on-call/rota');
    expect(theirs.json()).toMatchObject({ rotation: null, shifts: [], swaps: [] });
    expect((await send(otherAdmin.email, 'GET', '/api/on-call/now')).json().person).toBeNull();
    // Supporters cannot run the rota; administrators have no supporter side.
    expect((await send(ana.email, 'PUT', '/api/on-call/rotation', ROTATION())).statusCode).toBe(404);
    expect((await send(admin.email, 'POST', '/api/supporter/on-call/take-now', { hours: 1 })).statusCode).toBe(404);
  });

  it('seeds a demo rota that resolves', async () => {
    const demoOrg = await buildOrganization(t.ctx.db, t.clock);
    const people = [];
    for (const name of ['Dana', 'Eli', 'Fay']) people.push((await supporter(demoOrg.id, name, 'Demo')).id);
    await seedDemoRota(t.ctx.db, demoOrg.id, people, t.clock.now());
    const answer = await whoIsOnCall(t.ctx.db, demoOrg.id, t.clock.now());
    expect(people).toContain(answer.personId);
    expect(
      Number(
        (
          await t.ctx.db
            .selectFrom('on_call_shifts')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('organization_id', '=', demoOrg.id)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(2);
  });
});
