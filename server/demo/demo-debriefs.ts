import type { Actor } from '../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../lib/context.ts';
import { recordOutcome, scheduleDebrief } from '../modules/group-debriefs/group-debriefs.service.ts';

const HOUR = 3_600_000;
const SEEDED: RequestOrigin = { ip: '127.0.0.1', userAgent: 'demo seed' };

/**
 * Demo group debriefs, through the real service so the invites, e-mails and audit
 * entries are what the app would make: one held the day after the oldest notice, with its head count
 * and length, and one coming up for a newer notice. Run after `seedDemoNotices`.
 */
export async function seedDemoDebriefs(
  ctx: AppContext,
  organizationId: string,
  options: { adminEmail?: string } = {},
): Promise<{ debriefs: number }> {
  const db = ctx.db;
  const admin = await db
    .selectFrom('people')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('work_email', '=', options.adminEmail ?? 'admin@demo.peerline.test')
    .executeTakeFirst();
  // Notices oldest first: the held debrief follows the oldest, the coming one the next.
  const notices = await db
    .selectFrom('event_notices')
    .select(['id', 'occurred_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('occurred_at')
    .limit(2)
    .execute();
  // Facilitators: active supporters not named in any notice, the demo supporter first.
  const facilitators = await db
    .selectFrom('people')
    .innerJoin('role_grants', 'role_grants.person_id', 'people.id')
    .select('people.id')
    .where('people.organization_id', '=', organizationId)
    .where('people.active', '=', true)
    .where('role_grants.role', '=', 'peer_supporter')
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('event_notice_people').select('person_id').whereRef('event_notice_people.person_id', '=', 'people.id')),
      ),
    )
    .orderBy((eb) => eb.case().when('people.work_email', '=', 'supporter@demo.peerline.test').then(0).else(1).end())
    .orderBy('people.work_email')
    .limit(2)
    .execute();
  if (!admin || notices.length < 2 || facilitators.length < 2) return { debriefs: 0 };
  // Only the fields the debrief service reads: who acts, in which organisation.
  const actor = { personId: admin.id, organizationId } as Actor;
  const now = ctx.clock.now();
  const day = 86_400_000;
  // At an afternoon hour (15:00 UTC), not at whatever hour the demo starts.
  const afternoon = (daysFromToday: number) => new Date(Math.floor(now.getTime() / day) * day + daysFromToday * day + 15 * HOUR);

  // Held: yesterday afternoon, or a couple of hours after the event when that was later (it is 30 h
  // old); scheduled an hour after the event (the service's clock set back to then); recorded today.
  const occurredAt = Date.parse(notices[0]!.occurred_at);
  const heldAt = new Date(Math.max(afternoon(-1).getTime(), Math.ceil((occurredAt + 2 * HOUR) / HOUR) * HOUR));
  const then = { ...ctx, clock: { now: () => new Date(occurredAt + HOUR) } };
  const held = await scheduleDebrief(
    then,
    actor,
    notices[0]!.id,
    {
      startsAt: heldAt.toISOString(),
      minutes: 60,
      modality: 'in_person',
      facilitators: [facilitators[0]!.id, facilitators[1]!.id],
      inviteNamedStaff: true,
      invitees: [],
    },
    SEEDED,
  );
  await recordOutcome(ctx, actor, notices[0]!.id, held.id, { headCount: 5, minutes: 70 }, SEEDED);

  // Coming up: the afternoon of the day after tomorrow, for the next notice's staff, by video.
  await scheduleDebrief(
    ctx,
    actor,
    notices[1]!.id,
    {
      startsAt: afternoon(2).toISOString(),
      minutes: 90,
      modality: 'video',
      facilitators: [facilitators[0]!.id],
      inviteNamedStaff: true,
      invitees: [],
    },
    SEEDED,
  );
  return { debriefs: 2 };
}
