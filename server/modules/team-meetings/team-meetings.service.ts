import type { TeamMeetingInput } from '../../../shared/schemas/team-meetings.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { newId } from '../../db/values.ts';
import type { EmailTemplate } from '../../email/templates.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findPerson } from '../people/index.ts';
import { checkTimeAndPlace, newInviteUid } from '../scheduling/index.ts';
import * as repo from './team-meetings.repository.ts';
import { MY_TEAM_PAGE, teamMembers } from './team-members.ts';

/**
 * Supervision and community meetings for the team (docs/team.md, "Looking after the team"): the
 * director or administrator schedules one, the whole team is invited by a neutral e-mail, a change
 * of time or place and a cancellation reach them the same way, and afterwards who came is recorded.
 */

type Caller = Pick<Actor, 'organizationId' | 'personId'>;

/** Supervision and community meetings run an evening at most. */
const MAX_HOURS = 4;

async function requireFacilitator(db: DbOrTrx, organizationId: string, personId: string): Promise<void> {
  const person = await findPerson(db, organizationId, personId);
  if (!person?.active) throw invalid('body.facilitatorId', 'Not a person of this organisation');
}

async function requireMeeting(db: DbOrTrx, organizationId: string, id: string) {
  const meeting = await repo.findMeeting(db, organizationId, id);
  if (!meeting) throw notFound();
  return meeting;
}

/** One neutral e-mail per team member: it says a session changed, never what the meeting is for. */
async function tellTheTeam(trx: Trx, organizationId: string, template: EmailTemplate, now: Date): Promise<void> {
  for (const member of await teamMembers(trx, organizationId)) {
    await queueEmail(trx, { organizationId, to: member.work_email, template, link: MY_TEAM_PAGE, now });
  }
}

export async function scheduleMeeting(ctx: AppContext, actor: Caller, input: TeamMeetingInput): Promise<{ id: string }> {
  const when = checkTimeAndPlace(input, 'meeting', MAX_HOURS);
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await requireFacilitator(trx, actor.organizationId, input.facilitatorId);
    const id = newId();
    await repo.insertMeeting(trx, {
      id,
      organization_id: actor.organizationId,
      kind: input.kind,
      starts_at: when.startsAt,
      ends_at: when.endsAt,
      modality: when.modality,
      place: when.place,
      video_link: when.videoLink,
      facilitator_person_id: input.facilitatorId,
      status: 'scheduled',
      ics_uid: newInviteUid(),
      sequence: 0,
      created_by: actor.personId,
      created_at: at,
      updated_at: at,
    });
    await tellTheTeam(trx, actor.organizationId, 'session_invitation', now);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'team.meeting_scheduled',
      subjectType: 'team_meeting',
      subjectId: id,
      at,
    });
    return { id };
  });
}

/** A new time, place, facilitator or kind. The team hears of it only when the time or place changed. */
export async function updateMeeting(ctx: AppContext, actor: Caller, id: string, input: TeamMeetingInput): Promise<void> {
  const when = checkTimeAndPlace(input, 'meeting', MAX_HOURS);
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await requireMeeting(trx, actor.organizationId, id);
    if (before.status === 'cancelled') throw new AppError('conflict', 'This meeting was cancelled');
    if (before.starts_at <= at) throw new AppError('conflict', 'This meeting has started; record who came instead');
    await requireFacilitator(trx, actor.organizationId, input.facilitatorId);
    const changes = {
      kind: input.kind,
      starts_at: when.startsAt,
      ends_at: when.endsAt,
      modality: when.modality,
      place: when.place,
      video_link: when.videoLink,
      facilitator_person_id: input.facilitatorId,
      updated_at: at,
    };
    if (!(await repo.updateScheduledMeeting(trx, actor.organizationId, id, changes))) {
      throw new AppError('conflict', 'This meeting was cancelled');
    }
    const moved =
      before.starts_at !== when.startsAt ||
      before.ends_at !== when.endsAt ||
      before.modality !== when.modality ||
      before.place !== when.place ||
      before.video_link !== when.videoLink;
    if (moved) await tellTheTeam(trx, actor.organizationId, 'session_changed', now);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'team.meeting_updated',
      subjectType: 'team_meeting',
      subjectId: id,
      at,
    });
  });
}

/** Calls a meeting off; the team is told and their calendar files turn into cancellations. */
export async function cancelMeeting(ctx: AppContext, actor: Caller, id: string): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await requireMeeting(trx, actor.organizationId, id);
    if (meeting.ends_at <= at) throw new AppError('conflict', 'This meeting is over');
    if (!(await repo.cancelMeeting(trx, actor.organizationId, id, at)))
      throw new AppError('conflict', 'This meeting was cancelled already');
    await tellTheTeam(trx, actor.organizationId, 'session_cancelled', now);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'team.meeting_cancelled',
      subjectType: 'team_meeting',
      subjectId: id,
      at,
    });
  });
}

/**
 * Who came, once the meeting has started. Each person must be on the team now, or already on the
 * list (someone who came and has since taken a break or stepped down stays counted).
 */
export async function recordAttendance(ctx: AppContext, actor: Caller, id: string, personIds: string[]): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await requireMeeting(trx, actor.organizationId, id);
    if (meeting.status === 'cancelled') throw new AppError('conflict', 'This meeting was cancelled');
    if (meeting.starts_at > at) throw new AppError('conflict', 'This meeting has not started yet');
    const ids = [...new Set(personIds)];
    const members = new Set((await teamMembers(trx, actor.organizationId)).map((m) => m.id));
    const already = new Set((await repo.listAttendance(trx, actor.organizationId, [id])).map((a) => a.person_id));
    if (ids.some((p) => !members.has(p) && !already.has(p))) throw invalid('body.personIds', 'Not on the team');
    await repo.replaceAttendance(trx, actor.organizationId, id, ids, actor.personId, at);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'team.meeting_attendance_recorded',
      subjectType: 'team_meeting',
      subjectId: id,
      at,
      detail: String(ids.length),
    });
  });
}
