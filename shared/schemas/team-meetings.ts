import { z } from 'zod';
import { IdSchema } from './common.ts';
import { SupporterStateSchema } from './team.ts';

/**
 * Looking after the team (docs/team.md, "Looking after the team"): supervision and community
 * meetings for everyone on the team, and who came. What was said is never stored.
 */

const DateTime = z.iso.datetime({ offset: true, error: 'Use an ISO date and time' });

export const TEAM_MEETING_KINDS = ['supervision', 'community'] as const;
export const TeamMeetingKindSchema = z.enum(TEAM_MEETING_KINDS);
export type TeamMeetingKind = z.infer<typeof TeamMeetingKindSchema>;

export const TeamMeetingInputSchema = z.strictObject({
  kind: TeamMeetingKindSchema,
  startsAt: DateTime,
  endsAt: DateTime,
  modality: z.enum(['in_person', 'remote']),
  /** In person: the room. Shown in calendar invites, so it must say nothing about what the meeting is. */
  place: z.string().trim().max(200).nullish(),
  /** Remote: the video link. */
  videoLink: z
    .url({ protocol: /^https$/, error: 'Use an https link' })
    .max(500)
    .nullish(),
  facilitatorId: IdSchema,
});
export type TeamMeetingInput = z.infer<typeof TeamMeetingInputSchema>;

/** Everyone who came; replaces what was recorded before for this meeting. */
export const MeetingAttendanceInputSchema = z.strictObject({ personIds: z.array(IdSchema).max(500) });

const PersonRef = z.object({ personId: IdSchema, firstName: z.string(), lastName: z.string() });

export const TeamMeetingSchema = z.object({
  id: IdSchema,
  kind: TeamMeetingKindSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  modality: z.enum(['in_person', 'remote']),
  place: z.string().nullable(),
  videoLink: z.string().nullable(),
  facilitator: PersonRef,
  status: z.enum(['scheduled', 'cancelled']),
  /** Who came, once recorded (only for meetings that have started). */
  attendees: z.array(PersonRef),
});
export type TeamMeeting = z.infer<typeof TeamMeetingSchema>;

export const TeamMeetingsOverviewSchema = z.object({
  /** The program's zone: times are entered and shown in it. */
  timeZone: z.string(),
  /** Meetings that have not ended yet, soonest first. */
  upcoming: z.array(TeamMeetingSchema),
  /** Meetings that have ended (or started), newest first, the last 12 months. */
  past: z.array(TeamMeetingSchema),
  /** Everyone on the team now, with how many meetings they came to in the last 12 months and when last. */
  members: z.array(
    PersonRef.extend({ state: SupporterStateSchema, attendedLastYear: z.number().int(), lastAttended: z.string().nullable() }),
  ),
  /** Who may facilitate: the team and the people who run the program. */
  facilitators: z.array(PersonRef),
});
export type TeamMeetingsOverview = z.infer<typeof TeamMeetingsOverviewSchema>;

/** A team member's own view: meetings to come (with a calendar file each) and how many they came to. */
export const MyTeamMeetingsSchema = z.object({
  timeZone: z.string(),
  onTeam: z.boolean(),
  upcoming: z.array(
    z.object({
      id: IdSchema,
      kind: TeamMeetingKindSchema,
      startsAt: z.string(),
      endsAt: z.string(),
      modality: z.enum(['in_person', 'remote']),
      place: z.string().nullable(),
      videoLink: z.string().nullable(),
      facilitator: z.object({ firstName: z.string(), lastName: z.string() }),
    }),
  ),
  attendedLastYear: z.number().int(),
});
export type MyTeamMeetings = z.infer<typeof MyTeamMeetingsSchema>;
