import type { AppContext } from '../lib/context.ts';
import { recordAttendance, scheduleMeeting } from '../modules/team-meetings/team-meetings.service.ts';
import { teamMembers } from '../modules/team-meetings/team-members.ts';

/**
 * Team meetings through the real services: a community meeting four weeks ago and a supervision
 * two weeks ago, each with who came (not everyone did, so the attendance table has gaps to notice),
 * and one of each coming up. Call after seedDemoTeam.
 */
export async function seedDemoTeamMeetings(ctx: AppContext, organizationId: string): Promise<void> {
  const director = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('work_email', '=', 'director@demo.peerline.test')
    .executeTakeFirstOrThrow();
  const actor = { organizationId, personId: director.id };
  const team = await teamMembers(ctx.db, organizationId);
  if (team.length < 3) return;
  const now = ctx.clock.now().getTime();
  const at = (days: number, hourUtc: number, minutes = 0) => {
    const day = new Date(now + days * 86_400_000);
    day.setUTCHours(hourUtc, minutes, 0, 0);
    return day.toISOString();
  };
  const room = { modality: 'in_person' as const, place: 'Conference room 3B', videoLink: null };
  const video = { modality: 'remote' as const, place: null, videoLink: 'https://video.example.org/room/team' };

  const community = await scheduleMeeting(ctx, actor, {
    kind: 'community',
    startsAt: at(-28, 22),
    endsAt: at(-28, 23),
    ...room,
    facilitatorId: director.id,
  });
  await recordAttendance(
    ctx,
    actor,
    community.id,
    team.slice(0, Math.ceil(team.length * 0.6)).map((m) => m.id),
  );
  const supervision = await scheduleMeeting(ctx, actor, {
    kind: 'supervision',
    startsAt: at(-14, 17),
    endsAt: at(-14, 18, 30),
    ...video,
    facilitatorId: director.id,
  });
  await recordAttendance(
    ctx,
    actor,
    supervision.id,
    team.slice(1, 4).map((m) => m.id),
  );
  await scheduleMeeting(ctx, actor, {
    kind: 'supervision',
    startsAt: at(7, 17),
    endsAt: at(7, 18, 30),
    ...video,
    facilitatorId: director.id,
  });
  await scheduleMeeting(ctx, actor, { kind: 'community', startsAt: at(21, 22), endsAt: at(21, 23), ...room, facilitatorId: director.id });
}
