import type { AppContext } from '../lib/context.ts';
import { createSession, currentCurriculum, invite, recordAttendance, recordObservation } from '../modules/training/training.service.ts';

/**
 * Training through the real services: a session held ten days ago that the three demo trainees
 * attended in part, one passed role-play, and a session coming up with everyone in training
 * invited. Nobody has met the certification rule yet, so the Training page shows partial progress
 * and the director can finish one trainee's record to see the certification happen. Call after
 * seedDemoTeam.
 */
export async function seedDemoTraining(ctx: AppContext, organizationId: string): Promise<void> {
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
  const facilitatorId = await byEmail('supporter@demo.peerline.test');
  const trainees = await db
    .selectFrom('supporter_profiles')
    .innerJoin('people', 'people.id', 'supporter_profiles.person_id')
    .select('people.id')
    .where('supporter_profiles.organization_id', '=', organizationId)
    .where('supporter_profiles.status', '=', 'in_training')
    .orderBy('people.last_name')
    .orderBy('people.first_name')
    .execute();
  if (trainees.length < 3) return;

  const curriculum = await currentCurriculum(ctx, db, organizationId);
  const keys = curriculum.modules.map((m) => m.key);
  const required = curriculum.modules.filter((m) => m.required).map((m) => m.key);
  const now = ctx.clock.now().getTime();
  const at = (days: number, hour: number) => {
    const day = new Date(now + days * 86_400_000);
    day.setUTCHours(hour, 0, 0, 0);
    return day.toISOString();
  };

  // Held: the first day of the course, in person.
  const held = await createSession(ctx, director, {
    startsAt: at(-10, 13),
    endsAt: at(-10, 17),
    modality: 'in_person',
    place: 'Education centre, room 4B',
    facilitatorId,
    capacity: 12,
    moduleKeys: keys,
  });
  await invite(
    ctx,
    director,
    held.id,
    trainees.map((t) => t.id),
  );
  const [first, second, third] = trainees as [{ id: string }, { id: string }, { id: string }];
  // The first came to all but the last two required modules and passed a role-play; the others came in part.
  await recordAttendance(ctx, director, held.id, { personId: first.id, moduleKeys: required.slice(0, -2) });
  await recordAttendance(ctx, director, held.id, { personId: second.id, moduleKeys: required.slice(0, 3) });
  await recordAttendance(ctx, director, held.id, { personId: third.id, moduleKeys: required.slice(0, 2) });
  const scenario = await db
    .selectFrom('training_scenarios')
    .select('id')
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  await recordObservation(ctx, director, {
    traineeId: first.id,
    scenarioId: scenario.id,
    observerId: director.personId,
    observedAt: at(-10, 16),
    checklist: {
      listenedWithoutJudging: true,
      askedCommonQuestions: true,
      offeredResources: true,
      checkedSafety: true,
      keptConfidentiality: true,
    },
    result: 'pass',
  });

  // Coming up: the second day, remote, everyone in training invited.
  const upcoming = await createSession(ctx, director, {
    startsAt: at(9, 13),
    endsAt: at(9, 16),
    modality: 'remote',
    videoLink: 'https://video.demo.peerline.test/room/cohort-2',
    facilitatorId,
    capacity: 12,
    moduleKeys: required.slice(3),
  });
  await invite(
    ctx,
    director,
    upcoming.id,
    trainees.map((t) => t.id),
  );
}
