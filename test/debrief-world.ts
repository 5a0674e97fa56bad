import { expect } from 'vitest';
import { buildDepartment, buildOrganization, buildPerson, type BuiltOrganization, type BuiltPerson } from '../server/demo/factories.ts';
import { ensureTriggers } from '../server/modules/event-notices/event-triggers.service.ts';
import type { TestApp } from './harness.ts';

export interface DebriefWorld {
  org: BuiltOrganization;
  admin: BuiltPerson;
  reporter: BuiltPerson;
  /** Supporters who can facilitate: `Facil0 Quimby0`, `Facil1 Quimby1`… */
  facilitators: BuiltPerson[];
  /** The three staff the notice names: `Involved0 Ostrander0`… */
  involved: BuiltPerson[];
  noticeId: string;
}

/**
 * What the group-debrief tests share: an organisation with an administrator, a reporter, supporters
 * to facilitate, and three staff of one department named in a (not urgent) notice filed through the
 * API an hour ago.
 */
export async function buildDebriefWorld(
  t: TestApp,
  as: (email: string) => Promise<{ cookie: string }>,
  password: string,
  facilitatorCount = 2,
): Promise<DebriefWorld> {
  const { db } = t.ctx;
  const org = await buildOrganization(db, t.clock);
  const departmentId = await buildDepartment(db, t.clock, org.id);
  const admin = await buildPerson(db, t.clock, org.id, { roles: ['program_admin'], password });
  const reporter = await buildPerson(db, t.clock, org.id, { roles: ['event_reporter'], password });
  const facilitators: BuiltPerson[] = [];
  for (let i = 0; i < facilitatorCount; i++)
    facilitators.push(
      await buildPerson(db, t.clock, org.id, { roles: ['staff_member', 'peer_supporter'], firstName: `Facil${i}`, lastName: `Quimby${i}` }),
    );
  const involved: BuiltPerson[] = [];
  for (let i = 0; i < 3; i++)
    involved.push(await buildPerson(db, t.clock, org.id, { firstName: `Involved${i}`, lastName: `Ostrander${i}`, departmentId }));

  const triggerId = (await ensureTriggers(db, org.id, t.clock.now()))[0]!.id;
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/event-notices',
    headers: await as(reporter.email),
    payload: {
      occurredAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      triggerId,
      departmentId,
      urgent: false,
      involved: involved.map((p) => ({ personId: p.id })),
    },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const noticeId = (await db.selectFrom('event_notices').select('id').where('organization_id', '=', org.id).executeTakeFirstOrThrow()).id;
  return { org, admin, reporter, facilitators, involved, noticeId };
}
