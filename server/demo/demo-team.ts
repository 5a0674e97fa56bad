import type { AppContext } from '../lib/context.ts';
import { decide, moveOwnJourney, nominate } from '../modules/supporters/journey.service.ts';

/**
 * The team pipeline with someone at every stage, made through the real services (nominations,
 * answers, the director's decisions), so the Team page, e-mails and audit log look as they would
 * in a running program. The demo clinician is nominated, so their "Peer support team" page shows
 * the question. Call after the demo organisation is committed: the services run their own
 * transactions.
 */
export async function seedDemoTeam(ctx: AppContext, organizationId: string): Promise<void> {
  const db = ctx.db;
  const byEmail = async (email: string) =>
    (
      await db
        .selectFrom('people')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('work_email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  const director = { organizationId, personId: await byEmail('director@demo.peerline.test') };
  const supporter = { organizationId, personId: await byEmail('supporter@demo.peerline.test') };
  // Plain staff without a journey, from the end of the alphabet (event notices take theirs from the start).
  const staff = await db
    .selectFrom('people')
    .select(['id', 'work_email'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where('manager_id', 'is not', null)
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
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('supporter_profiles').select('person_id').whereRef('supporter_profiles.person_id', '=', 'people.id'))),
    )
    .orderBy('last_name', 'desc')
    .orderBy('first_name', 'desc')
    .limit(9)
    .execute();
  if (staff.length < 9) return;
  const as = (row: { id: string }) => ({ organizationId, personId: row.id });
  const today = ctx.clock.now();
  const inTwoYears = new Date(Date.UTC(today.getUTCFullYear() + 2, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);

  // Nominated, waiting for their answer: the demo clinician and one colleague.
  await nominate(ctx, supporter, 'clinician@demo.peerline.test');
  await nominate(ctx, supporter, staff[0]!.work_email);
  // Under review: one said yes to a nomination, one volunteered.
  await nominate(ctx, supporter, staff[1]!.work_email);
  await moveOwnJourney(ctx, as(staff[1]!), { type: 'interest_confirmed' });
  await nominate(ctx, as(staff[2]!), staff[2]!.work_email);
  // In training: three, a cohort.
  for (const row of staff.slice(3, 6)) {
    await nominate(ctx, as(row), row.work_email);
    await decide(ctx, director, row.id, { type: 'accepted_for_training' });
  }
  // Certified, about to join the team.
  await nominate(ctx, as(staff[6]!), staff[6]!.work_email);
  await decide(ctx, director, staff[6]!.id, { type: 'accepted_for_training' });
  await decide(ctx, director, staff[6]!.id, { type: 'certified', until: inTwoYears });
  // Not taken on this time, and a trainee who withdrew.
  await nominate(ctx, as(staff[7]!), staff[7]!.work_email);
  await decide(ctx, director, staff[7]!.id, { type: 'not_selected' });
  await nominate(ctx, as(staff[8]!), staff[8]!.work_email);
  await decide(ctx, director, staff[8]!.id, { type: 'accepted_for_training' });
  await moveOwnJourney(ctx, as(staff[8]!), { type: 'withdrew' });
}
