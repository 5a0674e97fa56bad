/**
 * Separation of duties (docs/decisions/009-separation-of-duties.md): who may grant which role to whom,
 * and whose account a caller may change, over the real API. The tables below are the documentation;
 * shared/permissions.ts's mayChangeAccount is what they test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../shared/permissions.ts';
import { buildOrganization, buildPerson, type BuiltOrganization, type BuiltPerson } from '../server/demo/factories.ts';
import { issueOperatorSignInLink } from '../server/modules/auth/sign-in-links.service.ts';
import { createTestApp, latestSignInLinkToken, signIn, type TestApp } from './harness.ts';

const PASSWORD = 'separation of duties test';
type Status = 200 | 403 | 404;

// Columns in ROLES order: director, administrator, supporter, leadership viewer, event reporter, staff, IT administrator.
//                                            dir  adm  sup  lead rep  staff it
const GRANT_TO_ANOTHER: Record<Role, Status[]> = {
  program_director: /*                    */ [200, 200, 200, 200, 200, 200, 403],
  program_admin: /*                       */ [403, 403, 200, 403, 200, 200, 403],
  peer_supporter: /*                      */ [404, 404, 404, 404, 404, 404, 404],
  leadership_viewer: /*                   */ [404, 404, 404, 404, 404, 404, 404],
  event_reporter: /*                      */ [404, 404, 404, 404, 404, 404, 404],
  staff_member: /*                        */ [404, 404, 404, 404, 404, 404, 404],
  // Only while the organisation has no active director may the IT administrator make one (below).
  it_admin: /*                            */ [403, 403, 403, 200, 200, 200, 200],
};

/** Whose sign-in (work e-mail, set-password link, deactivation) the caller may change: whoever they could grant every role of. */
//                                            dir   adm   sup   lead  rep   staff it
const OUTRANKS: Partial<Record<Role, boolean[]>> = {
  program_director: /*                    */ [true, true, true, true, true, true, false],
  program_admin: /*                       */ [false, false, true, false, true, true, false],
  it_admin: /*                            */ [false, false, false, true, true, true, true],
};

let t: TestApp;
let org: BuiltOrganization;
const people = {} as Record<Role, BuiltPerson>;
const cookies = {} as Record<Role, string>;

const put = (role: Role, personId: string, roles: Role[]) =>
  t.app.inject({ method: 'PUT', url: `/api/people/${personId}/roles`, headers: { cookie: cookies[role] }, payload: { roles } });
const rolesOf = async (personId: string) =>
  (await t.ctx.db.selectFrom('role_grants').select('role').where('person_id', '=', personId).orderBy('role').execute()).map((r) => r.role);

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrganization(t.ctx.db, t.clock);
  for (const role of ROLES) {
    people[role] = await buildPerson(t.ctx.db, t.clock, org.id, { roles: [role], password: PASSWORD, lastName: `Granter-${role}` });
    cookies[role] = await signIn(t.app, people[role].email, PASSWORD);
  }
});
afterAll(async () => t?.close());

describe('who grants which role (granter × role × another person or oneself)', () => {
  it('grants and removes for another person exactly as the table says, and changes nothing when refused', async () => {
    const wrong: string[] = [];
    for (const granter of ROLES) {
      for (const [i, role] of ROLES.entries()) {
        const expected = GRANT_TO_ANOTHER[granter][i]!;
        const plain = await buildPerson(t.ctx.db, t.clock, org.id, { roles: [] });
        const granted = await put(granter, plain.id, [role]);
        if (granted.statusCode !== expected) wrong.push(`${granter} grants ${role}: ${granted.statusCode}, expected ${expected}`);
        if ((await rolesOf(plain.id)).join() !== (expected === 200 ? role : ''))
          wrong.push(`${granter} grants ${role}: roles now ${await rolesOf(plain.id)}`);

        const holder = await buildPerson(t.ctx.db, t.clock, org.id, { roles: [role] });
        const removed = await put(granter, holder.id, []);
        if (removed.statusCode !== expected) wrong.push(`${granter} removes ${role}: ${removed.statusCode}, expected ${expected}`);
        if ((await rolesOf(holder.id)).join() !== (expected === 200 ? '' : role))
          wrong.push(`${granter} removes ${role}: roles now ${await rolesOf(holder.id)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets nobody grant or remove their own roles', async () => {
    const wrong: string[] = [];
    for (const granter of ROLES) {
      const expected = GRANT_TO_ANOTHER[granter].includes(200) ? 403 : 404;
      for (const role of ROLES) {
        const next: Role[] = role === granter ? [] : [granter, role];
        const response = await put(granter, people[granter].id, next);
        if (response.statusCode !== expected)
          wrong.push(`${granter} ${role === granter ? 'removes own' : `gives self ${role}`}: ${response.statusCode}`);
      }
      if ((await rolesOf(people[granter].id)).join() !== granter) wrong.push(`${granter}'s roles changed`);
    }
    expect(wrong).toEqual([]);
  });

  it('audits every grant and removal with who did it and which role, and tells every director of roles that see support data', async () => {
    const second = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'] });
    const target = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['staff_member'] });
    const since = t.clock.now().toISOString();
    t.clock.advanceMinutes(1);
    expect((await put('program_director', target.id, ['staff_member', 'program_admin', 'leadership_viewer'])).statusCode).toBe(200);
    expect((await put('program_director', target.id, ['staff_member', 'leadership_viewer'])).statusCode).toBe(200);

    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'detail', 'actor_person_id'])
      .where('subject_id', '=', target.id)
      .where('at', '>', since)
      .orderBy('action')
      .orderBy('detail')
      .execute();
    expect(audit).toEqual([
      { action: 'person.role_granted', detail: 'leadership_viewer', actor_person_id: people.program_director.id },
      { action: 'person.role_granted', detail: 'program_admin', actor_person_id: people.program_director.id },
      { action: 'person.role_removed', detail: 'program_admin', actor_person_id: people.program_director.id },
    ]);
    const mail = await t.ctx.db
      .selectFrom('email_outbox')
      .select(['to_address', 'template', 'link'])
      .where('created_at', '>', since)
      .orderBy('to_address')
      .execute();
    const told = (template: string) => mail.filter((m) => m.template === template).map((m) => m.to_address);
    // Both changes touch a role that sees support data: both directors hear of each, the person of their grant.
    for (const director of [people.program_director.email, second.email])
      expect(told('access_changed').filter((to) => to === director)).toHaveLength(2);
    expect(told('role_granted')).toEqual([target.email]);
    expect(mail.every((m) => m.link === '/app/audit' || m.link === '/app')).toBe(true);

    // A change of roles that see nothing of support tells nobody.
    const quiet = t.clock.now().toISOString();
    t.clock.advanceMinutes(1);
    expect((await put('it_admin', target.id, ['staff_member', 'leadership_viewer', 'event_reporter'])).statusCode).toBe(200);
    expect(await t.ctx.db.selectFrom('email_outbox').select('id').where('created_at', '>', quiet).execute()).toEqual([]);
  });
});

describe('whose account a caller may change (caller × the roles the person holds)', () => {
  it('changes directory facts of anyone, and sign-in, e-mail, roles and active state only of people it outranks', async () => {
    const wrong: string[] = [];
    for (const [actor, row] of Object.entries(OUTRANKS) as [Role, boolean[]][]) {
      for (const [i, role] of ROLES.entries()) {
        const outranks = row[i]!;
        const cookie = cookies[actor];
        const target = await buildPerson(t.ctx.db, t.clock, org.id, { roles: [role], password: PASSWORD });
        const call = (method: 'PATCH' | 'POST' | 'PUT', url: string, payload?: object) =>
          t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
        const expected = outranks ? [200, 200, 202, 200, 200] : [200, 403, 403, 403, 403];
        const got = [
          (await call('PATCH', `/api/people/${target.id}`, { specialty: 'Nephrology' })).statusCode,
          (await call('PATCH', `/api/people/${target.id}`, { workEmail: `moved-${target.id.slice(-12)}@h.test` })).statusCode,
          (await call('POST', `/api/people/${target.id}/sign-in-link`)).statusCode,
          (await call('PUT', `/api/people/${target.id}/roles`, { roles: [role, 'event_reporter'] })).statusCode,
          (await call('POST', `/api/people/${target.id}/deactivate`)).statusCode,
        ];
        // Event reporter is a role every one of these callers may grant; a target already holding it has nothing to add.
        if (role === 'event_reporter') got[3] = expected[3]!;
        if (got.join() !== expected.join()) wrong.push(`${actor} → ${role}: ${got.join()} expected ${expected.join()}`);
        const after = await t.ctx.db
          .selectFrom('people')
          .select(['active', 'work_email'])
          .where('id', '=', target.id)
          .executeTakeFirstOrThrow();
        if (!outranks && (!after.active || after.work_email !== target.email))
          wrong.push(`${actor} → ${role}: account changed although refused`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the first director of an organisation', () => {
  it('may be made by the IT administrator while there is no active director, is told and invited, and that is audited; never a second', async () => {
    const fresh = await buildOrganization(t.ctx.db, t.clock);
    const it = await buildPerson(t.ctx.db, t.clock, fresh.id, { roles: ['it_admin'], password: PASSWORD });
    const itCookie = await signIn(t.app, it.email, PASSWORD);
    const chosen = await buildPerson(t.ctx.db, t.clock, fresh.id, { roles: ['staff_member'], email: 'first.director@fresh.test' });
    const other = await buildPerson(t.ctx.db, t.clock, fresh.id, { roles: ['staff_member'] });
    const grant = (personId: string, roles: Role[]) =>
      t.app.inject({ method: 'PUT', url: `/api/people/${personId}/roles`, headers: { cookie: itCookie }, payload: { roles } });

    // Not themselves, even now.
    expect((await grant(it.id, ['it_admin', 'program_director'])).statusCode).toBe(403);
    const made = await grant(chosen.id, ['staff_member', 'program_director']);
    expect(made.statusCode, made.body).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['actor_person_id', 'detail'])
      .where('action', '=', 'person.role_granted')
      .where('subject_id', '=', chosen.id)
      .execute();
    expect(audit).toEqual([{ actor_person_id: it.id, detail: 'program_director' }]);
    const mail = await t.ctx.db
      .selectFrom('email_outbox')
      .select('template')
      .where('to_address', '=', chosen.email)
      .orderBy('template')
      .execute();
    expect(mail.map((m) => m.template)).toEqual(['access_changed', 'sign_in_invitation']);

    // The invitation works: the new director signs in and runs the program.
    const token = await latestSignInLinkToken(t.ctx.db, chosen.email);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/public/sign-in-links/redeem',
          payload: { token, password: 'the first director of this place' },
        })
      ).statusCode,
    ).toBe(204);
    const directorCookie = await signIn(t.app, chosen.email, 'the first director of this place');
    expect((await t.app.inject({ url: '/api/cases', headers: { cookie: directorCookie } })).statusCode).toBe(200);

    // Now there is a director: no more from IT, and the director's account is out of IT's reach.
    expect((await grant(other.id, ['staff_member', 'program_director'])).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/people/${chosen.id}/deactivate`, headers: { cookie: itCookie } })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/people/${chosen.id}/roles`,
          headers: { cookie: itCookie },
          payload: { roles: ['staff_member'] },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the operators’ command line (npm run sign-in-link)', () => {
  it('issues a working link for anyone, audited with no actor, without e-mailing it', async () => {
    const person = await buildPerson(t.ctx.db, t.clock, org.id, {
      roles: ['program_director'],
      password: PASSWORD,
      email: 'locked.out@h.test',
    });
    const before = await t.ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', person.email).execute();
    const link = await issueOperatorSignInLink(t.ctx.db, { email: 'Locked.Out@h.test', now: t.clock.now() });
    expect(link).toMatchObject({ purpose: 'reset', organizationSlug: org.slug });
    expect(await t.ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', person.email).execute()).toEqual(before);
    const token = link.path.split('#')[1];
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/public/sign-in-links/redeem',
          payload: { token, password: 'back in after a long weekend' },
        })
      ).statusCode,
    ).toBe(204);
    expect(await signIn(t.app, person.email, 'back in after a long weekend')).toMatch(/peerline_session=/);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['actor_person_id', 'detail'])
      .where('action', '=', 'person.sign_in_link_issued_by_operator')
      .where('subject_id', '=', person.id)
      .execute();
    expect(audit).toEqual([{ actor_person_id: null, detail: 'reset' }]);
    await expect(issueOperatorSignInLink(t.ctx.db, { email: 'nobody@h.test', now: t.clock.now() })).rejects.toThrow(/Nobody/);
  });
});
