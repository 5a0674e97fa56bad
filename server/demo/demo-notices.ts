import type { AppContext } from '../lib/context.ts';
import * as cases from '../modules/cases/index.ts';
import { fireCaseEvent } from '../modules/cases/index.ts';
import { ensureTriggers } from '../modules/event-notices/event-triggers.service.ts';
import { fileNotice } from '../modules/event-notices/event-notices.service.ts';
import { declineByInvite } from '../modules/event-notices/outreach.service.ts';

const HOUR = 3_600_000;

/**
 * Demo event notices: three notices filed through the real service by the demo
 * reporter, so their outreach cases are matched, offered and e-mailed like any other; then one
 * person says "no thanks" by the e-mail's link and one supporter accepts, so the administrators'
 * notice list shows outreach in different states. Call after the demo organisation is committed
 * (it runs its own transactions): `await seedDemoNotices(ctx, organizationId)`.
 */
export async function seedDemoNotices(
  ctx: AppContext,
  organizationId: string,
  options: { reporterEmail?: string; departmentName?: string } = {},
): Promise<{ notices: number; involved: number }> {
  const db = ctx.db;
  const reporter = await db
    .selectFrom('people')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('work_email', '=', options.reporterEmail ?? 'reporter@demo.peerline.test')
    .executeTakeFirst();
  const departments = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  const department = departments.find((d) => d.name === (options.departmentName ?? 'Emergency Medicine')) ?? departments[0];
  if (!department) return { notices: 0, involved: 0 };
  // Plain staff (no program role, no open case), in a stable order: the demo names the same people each time.
  const staff = await db
    .selectFrom('people')
    .select(['id'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where('department_id', '=', department.id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('role_grants')
            .select('person_id')
            .whereRef('role_grants.person_id', '=', 'people.id')
            .where('role', '!=', 'staff_member'),
        ),
      ),
    )
    .where((eb) => eb.not(eb.exists(eb.selectFrom('cases').select('id').whereRef('cases.requester_person_id', '=', 'people.id'))))
    .orderBy('work_email')
    .limit(6)
    .execute();
  if (staff.length < 6) return { notices: 0, involved: 0 };
  const triggers = await ensureTriggers(db, organizationId, ctx.clock.now());
  const trigger = (code: string) => triggers.find((t) => t.code === code)?.id ?? triggers[0]!.id;
  const now = ctx.clock.now().getTime();
  const filer = { organizationId, personId: reporter?.id ?? null, tokenId: null };
  const plan = [
    { code: 'unexpected_patient_death', hoursAgo: 30, urgent: true, people: staff.slice(0, 3) },
    { code: 'violence_against_staff', hoursAgo: 6, urgent: false, people: staff.slice(3, 5) },
    { code: 'serious_safety_event', hoursAgo: 2, urgent: false, people: staff.slice(5, 6) },
  ];
  for (const notice of plan) {
    await fileNotice(ctx, filer, {
      occurredAt: new Date(now - notice.hoursAgo * HOUR).toISOString(),
      triggerId: trigger(notice.code),
      departmentId: department.id,
      urgent: notice.urgent,
      involved: notice.people.map((p) => ({ personId: p.id })),
    });
  }

  // The first person of the first notice says "no thanks" from the e-mail's link.
  const declinerEmail = (await db.selectFrom('people').select('work_email').where('id', '=', staff[0]!.id).executeTakeFirstOrThrow())
    .work_email;
  const invite = await db
    .selectFrom('email_outbox')
    .select('link')
    .where('to_address', '=', declinerEmail)
    .where('template', '=', 'outreach_invite')
    .executeTakeFirst();
  if (invite) await declineByInvite(ctx, invite.link.replace(/^\/o\//, ''));

  // The supporter offered the second person's case accepts it.
  const [second] = await cases.listCasesOfRequester(db, organizationId, staff[1]!.id);
  if (second?.state === 'offered' && second.offered_supporter_id) {
    await db.transaction().execute(async (trx) => {
      const at = ctx.clock.now();
      await trx
        .updateTable('case_offers')
        .set({ status: 'accepted', responded_at: at.toISOString() })
        .where('case_id', '=', second.id)
        .where('status', '=', 'pending')
        .execute();
      await fireCaseEvent(
        ctx,
        trx,
        second,
        { type: 'offer_accepted' },
        { kind: 'offered_supporter', personId: second.offered_supporter_id, audit: 'case.offer_accepted' },
        { assigned_at: at.toISOString() },
      );
    });
  }
  return { notices: plan.length, involved: 6 };
}
