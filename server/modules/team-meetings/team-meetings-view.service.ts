import type { MyTeamMeetings, TeamMeeting, TeamMeetingsOverview } from '../../../shared/schemas/team-meetings.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { findOrganization } from '../organization/index.ts';
import { findPerson } from '../people/index.ts';
import { assertNeutralInviteText, buildInvite, inviteOrganizer, isNeutralInviteText } from '../scheduling/index.ts';
import * as repo from './team-meetings.repository.ts';
import { teamMembers, teamStateOf } from './team-members.ts';

/** What the Meetings page and a team member's own page show (docs/team.md, "Looking after the team"). */

type Caller = Pick<Actor, 'organizationId' | 'personId'>;

/** Calendar text says what kind of thing it is and nothing about the program (docs/product.md, C3). */
const INVITE_TITLE = 'Team meeting';
/** The attendance the director follows: a year of meetings. */
const YEAR_MS = 365 * 86_400_000;

async function timeZoneOf(ctx: AppContext, organizationId: string): Promise<string> {
  return (await findOrganization(ctx.db, organizationId))?.time_zone ?? 'UTC';
}

export async function getMeetingsOverview(ctx: AppContext, actor: Caller): Promise<TeamMeetingsOverview> {
  const org = actor.organizationId;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - YEAR_MS).toISOString();
  const [timeZone, meetings, people, counts] = await Promise.all([
    timeZoneOf(ctx, org),
    repo.listMeetingsSince(ctx.db, org, since),
    repo.listTeamAndProgramPeople(ctx.db, org),
    repo.attendanceByPersonSince(ctx.db, org, since),
  ]);
  const attendance = await repo.listAttendance(
    ctx.db,
    org,
    meetings.map((m) => m.id),
  );
  const byId = new Map(people.map((p) => [p.id, { personId: p.id, firstName: p.first_name, lastName: p.last_name }]));
  // A facilitator or attendee who has since left the lists above is still named.
  const named = async (id: string) => {
    const known = byId.get(id);
    if (known) return known;
    const person = await findPerson(ctx.db, org, id);
    return { personId: id, firstName: person?.firstName ?? '', lastName: person?.lastName ?? '' };
  };
  const views: TeamMeeting[] = [];
  for (const m of meetings) {
    const came = attendance.filter((a) => a.team_meeting_id === m.id);
    const attendees = [];
    for (const a of came) attendees.push(await named(a.person_id));
    attendees.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
    views.push({
      id: m.id,
      kind: m.kind,
      startsAt: m.starts_at,
      endsAt: m.ends_at,
      modality: m.modality,
      place: m.place,
      videoLink: m.video_link,
      facilitator: await named(m.facilitator_person_id),
      status: m.status,
      attendees,
    });
  }
  const at = now.toISOString();
  const countOf = new Map(counts.map((c) => [c.person_id, c]));
  return {
    timeZone,
    upcoming: views.filter((m) => m.startsAt > at),
    past: views.filter((m) => m.startsAt <= at).reverse(),
    members: people.flatMap((p) => {
      const state = teamStateOf(p);
      if (!state) return [];
      const c = countOf.get(p.id);
      return [
        {
          personId: p.id,
          firstName: p.first_name,
          lastName: p.last_name,
          state,
          attendedLastYear: Number(c?.n ?? 0),
          lastAttended: c?.last_at ? String(c.last_at) : null,
        },
      ];
    }),
    facilitators: [...byId.values()],
  };
}

async function isOnTeam(ctx: AppContext, actor: Caller): Promise<boolean> {
  return (await teamMembers(ctx.db, actor.organizationId)).some((m) => m.id === actor.personId);
}

/** A team member's meetings to come; someone not on the team sees none (and is not told any exist). */
export async function getMyMeetings(ctx: AppContext, actor: Caller): Promise<MyTeamMeetings> {
  const org = actor.organizationId;
  const now = ctx.clock.now();
  const timeZone = await timeZoneOf(ctx, org);
  if (!(await isOnTeam(ctx, actor))) return { timeZone, onTeam: false, upcoming: [], attendedLastYear: 0 };
  const meetings = (await repo.listMeetingsSince(ctx.db, org, now.toISOString())).filter((m) => m.status === 'scheduled');
  const upcoming = [];
  for (const m of meetings) {
    const facilitator = await findPerson(ctx.db, org, m.facilitator_person_id);
    upcoming.push({
      id: m.id,
      kind: m.kind,
      startsAt: m.starts_at,
      endsAt: m.ends_at,
      modality: m.modality,
      place: m.place,
      videoLink: m.video_link,
      facilitator: { firstName: facilitator?.firstName ?? '', lastName: facilitator?.lastName ?? '' },
    });
  }
  const attendedLastYear = await repo.countAttendedSince(ctx.db, org, actor.personId, new Date(now.getTime() - YEAR_MS).toISOString());
  return { timeZone, onTeam: true, upcoming, attendedLastYear };
}

/** The calendar file of a meeting, for a team member (a cancellation once it is cancelled). */
export async function myMeetingInvite(ctx: AppContext, actor: Caller, id: string): Promise<string> {
  const meeting = await repo.findMeeting(ctx.db, actor.organizationId, id);
  if (!meeting || !(await isOnTeam(ctx, actor))) throw notFound();
  const person = await findPerson(ctx.db, actor.organizationId, actor.personId);
  const location = meeting.modality === 'remote' ? (meeting.video_link ?? undefined) : (meeting.place ?? undefined);
  assertNeutralInviteText('location', location);
  return buildInvite({
    uid: meeting.ics_uid,
    start: new Date(meeting.starts_at),
    end: new Date(meeting.ends_at),
    title: INVITE_TITLE,
    location,
    organizerEmail: inviteOrganizer(ctx.config.smtpFrom),
    attendeeEmail: person && isNeutralInviteText(person.workEmail) ? person.workEmail : undefined,
    sequence: Number(meeting.sequence),
    cancelled: meeting.status === 'cancelled',
    now: ctx.clock.now(),
  });
}
