import { randomBytes } from 'node:crypto';
import type {
  ConversationGuide,
  ConversationGuideInput,
  ConversationSettingsPatch,
  GuideSection,
  Meeting,
  MeetingInput,
  MeetingReschedule,
} from '../../../shared/schemas/conversations.ts';
import type { Modality } from '../../../shared/schemas/case-vocabulary.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { newId, parseJsonArray } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import * as cases from '../cases/index.ts';
import {
  assertNeutralInviteText,
  buildInvite,
  DEFAULT_INVITE_TITLE,
  ForbiddenInviteTextError,
  isNeutralInviteText,
  newInviteUid,
} from '../scheduling/index.ts';
import * as repo from './conversations.repository.ts';
import { DEFAULT_GUIDE_SECTIONS } from './default-guide.ts';
import { requesterEmail, workEmailOfPerson } from '../cases/index.ts';
import { notifyBoth } from './meeting-notifications.ts';
import { meetingReminderJob, REMINDER_OFFSETS } from './meeting-reminder.job.ts';

type CaseRow = cases.CaseRow;
type MeetingRow = repo.MeetingRow;

/** Meetings can be planned while the case is with its supporter and still open. */
const SCHEDULABLE_STATES = ['assigned', 'contacted', 'active'];

// ---------------------------------------------------------------------------------------------
// Access

/** The case, only for its assigned supporter: anyone else gets the same 404 as for a missing case. */
async function requireAssignedCase(db: DbOrTrx, actor: Actor, id: string): Promise<CaseRow> {
  const row = await cases.findCase(db, actor.organizationId, id);
  if (!row || row.assigned_supporter_id !== actor.personId) throw notFound();
  return row;
}

/** The requester's own case (signed in); anyone else gets 404. */
async function requireOwnCase(db: DbOrTrx, actor: Actor, id: string): Promise<CaseRow> {
  const row = await cases.findCase(db, actor.organizationId, id);
  if (!row || !row.requester_person_id || row.requester_person_id !== actor.personId) throw notFound();
  return row;
}

function audit(trx: Trx, row: CaseRow, actor: Actor, action: string, at: Date, origin: RequestOrigin) {
  return cases.appendCaseAudit(trx, {
    organizationId: row.organization_id,
    caseId: row.id,
    actorPersonId: actor.personId,
    action,
    at: at.toISOString(),
    ip: origin.ip ?? null,
  });
}

// ---------------------------------------------------------------------------------------------
// Program settings for conversations

export interface ConversationSettings {
  meetingTitle: string;
  videoLinkPattern: string | null;
  crisisBackupEmail: string | null;
}

export async function getConversationSettings(db: DbOrTrx, organizationId: string): Promise<ConversationSettings> {
  const row = await repo.findProgramSettings(db, organizationId);
  return {
    meetingTitle: row?.meeting_title ?? DEFAULT_INVITE_TITLE,
    videoLinkPattern: row?.video_link_pattern ?? null,
    crisisBackupEmail: row?.crisis_backup_email ?? null,
  };
}

export async function updateConversationSettings(
  ctx: AppContext,
  actor: Actor,
  patch: ConversationSettingsPatch,
): Promise<ConversationSettings> {
  const current = await getConversationSettings(ctx.db, actor.organizationId);
  const next: ConversationSettings = {
    meetingTitle: patch.meetingTitle ?? current.meetingTitle,
    videoLinkPattern: patch.videoLinkPattern === undefined ? current.videoLinkPattern : patch.videoLinkPattern,
    crisisBackupEmail: patch.crisisBackupEmail === undefined ? current.crisisBackupEmail : patch.crisisBackupEmail,
  };
  const fields: { path: string; message: string }[] = [];
  const neutral = (path: string, text: string | null) => {
    if (text === null) return;
    try {
      assertNeutralInviteText(path, text);
    } catch (error) {
      if (!(error instanceof ForbiddenInviteTextError)) throw error;
      fields.push({ path, message: 'Calendar text must stay neutral: no "support", no reason, no role' });
    }
  };
  if (patch.meetingTitle !== undefined) neutral('body.meetingTitle', patch.meetingTitle);
  // Checked as it will appear in invites, with a token in place (tokens are hex: no letters beyond a–f).
  if (patch.videoLinkPattern !== undefined)
    neutral('body.videoLinkPattern', patch.videoLinkPattern?.replaceAll('{token}', '0123456789abcdef') ?? null);
  if (fields.length) throw new AppError('validation_failed', 'Some fields are not valid', fields);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertProgramSettings(trx, {
      organization_id: actor.organizationId,
      meeting_title: next.meetingTitle,
      video_link_pattern: next.videoLinkPattern,
      crisis_backup_email: next.crisisBackupEmail,
      updated_at: at,
    });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'settings.conversations_updated',
      at,
    });
  });
  return next;
}

// ---------------------------------------------------------------------------------------------
// Meetings

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    minutes: Math.round((Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 60_000),
    modality: row.modality as Modality,
    videoLink: row.video_link,
    status: row.status as Meeting['status'],
    sequence: row.sequence,
  };
}

/** Reminders 24 h and 1 h before; one job per meeting, sequence and offset (older sequences do nothing). */
async function enqueueReminders(ctx: AppContext, trx: Trx, meeting: MeetingRow): Promise<void> {
  const now = ctx.clock.now();
  const start = Date.parse(meeting.starts_at);
  for (const [label, ms] of REMINDER_OFFSETS) {
    const runAt = new Date(start - ms);
    if (runAt.getTime() <= now.getTime()) continue;
    await meetingReminderJob.enqueue(
      trx,
      { organizationId: meeting.organization_id, meetingId: meeting.id, sequence: meeting.sequence },
      { runAt, dedupeKey: `meeting-reminder:${meeting.id}:${meeting.sequence}:${label}`, now },
    );
  }
}

function checkFuture(now: Date, startsAt: string): Date {
  const start = new Date(startsAt);
  if (!(start.getTime() > now.getTime())) throw invalid('body.startsAt', 'Must be in the future');
  return start;
}

export async function listCaseMeetings(ctx: AppContext, actor: Actor, caseId: string): Promise<Meeting[]> {
  const row = await requireAssignedCase(ctx.db, actor, caseId);
  return (await repo.listMeetings(ctx.db, row.organization_id, row.id)).map(toMeeting);
}

export async function scheduleMeeting(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: MeetingInput,
  origin: RequestOrigin,
): Promise<Meeting> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, caseId);
    const start = checkFuture(now, input.startsAt);
    if (!SCHEDULABLE_STATES.includes(row.state)) throw new AppError('conflict', 'This request is not open for a conversation now');
    let videoLink: string | null = null;
    if (input.modality === 'video') {
      const { videoLinkPattern } = await getConversationSettings(trx, row.organization_id);
      if (!videoLinkPattern) throw invalid('body.modality', 'The program has no video link set up; choose phone or in person');
      videoLink = videoLinkPattern.replaceAll('{token}', randomBytes(12).toString('hex'));
    }
    const meeting: MeetingRow = {
      id: newId(),
      organization_id: row.organization_id,
      case_id: row.id,
      supporter_id: actor.personId,
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + input.minutes * 60_000).toISOString(),
      modality: input.modality,
      status: 'scheduled',
      video_link: videoLink,
      ics_uid: newInviteUid(),
      sequence: 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await repo.insertMeeting(trx, meeting);
    await audit(trx, row, actor, 'case.meeting_scheduled', now, origin);
    await notifyBoth(ctx, trx, row, actor.personId, 'case_update');
    await enqueueReminders(ctx, trx, meeting);
    return toMeeting(meeting);
  });
}

async function requireMeeting(trx: Trx, row: CaseRow, meetingId: string): Promise<MeetingRow> {
  const meeting = await repo.findMeeting(trx, row.organization_id, row.id, meetingId);
  if (!meeting) throw notFound();
  return meeting;
}

export async function rescheduleMeeting(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  meetingId: string,
  input: MeetingReschedule,
  origin: RequestOrigin,
): Promise<Meeting> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, caseId);
    const meeting = await requireMeeting(trx, row, meetingId);
    const start = checkFuture(now, input.startsAt);
    if (meeting.status !== 'scheduled') throw new AppError('conflict', 'This conversation was cancelled');
    const minutes = input.minutes ?? toMeeting(meeting).minutes;
    const set = {
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + minutes * 60_000).toISOString(),
      sequence: meeting.sequence + 1,
      supporter_id: actor.personId,
      updated_at: now.toISOString(),
    };
    if (!(await repo.updateMeetingIfSequence(trx, meeting.id, meeting.sequence, set))) {
      throw new AppError('conflict', 'This conversation has changed in the meantime; reload to see where it stands');
    }
    const updated = { ...meeting, ...set };
    await audit(trx, row, actor, 'case.meeting_rescheduled', now, origin);
    await notifyBoth(ctx, trx, row, actor.personId, 'case_update');
    await enqueueReminders(ctx, trx, updated);
    return toMeeting(updated);
  });
}

export async function cancelMeeting(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  meetingId: string,
  origin: RequestOrigin,
): Promise<Meeting> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, caseId);
    const meeting = await requireMeeting(trx, row, meetingId);
    if (meeting.status !== 'scheduled') throw new AppError('conflict', 'This conversation is already cancelled');
    const set = { status: 'cancelled', sequence: meeting.sequence + 1, updated_at: now.toISOString() };
    if (!(await repo.updateMeetingIfSequence(trx, meeting.id, meeting.sequence, set))) {
      throw new AppError('conflict', 'This conversation has changed in the meantime; reload to see where it stands');
    }
    await audit(trx, row, actor, 'case.meeting_cancelled', now, origin);
    await notifyBoth(ctx, trx, row, meeting.supporter_id, 'case_update');
    return toMeeting({ ...meeting, ...set });
  });
}

/** The organizer shown in invites: the app's own From address (neutral by configuration). */
function organizerEmail(ctx: AppContext): string {
  const from = ctx.config.smtpFrom;
  const match = /<([^>]+)>/.exec(from);
  const address = (match ? match[1]! : from).trim();
  return isNeutralInviteText(address) ? address : 'no-reply@peerline.invalid';
}

async function inviteFor(ctx: AppContext, meeting: MeetingRow, attendeeEmail: string): Promise<string> {
  const { meetingTitle } = await getConversationSettings(ctx.db, meeting.organization_id);
  return buildInvite({
    uid: meeting.ics_uid,
    start: new Date(meeting.starts_at),
    end: new Date(meeting.ends_at),
    title: meetingTitle,
    location: meeting.modality === 'video' && meeting.video_link ? meeting.video_link : undefined,
    organizerEmail: organizerEmail(ctx),
    // An address that would say what this is about (`peer-support@…`) is left out: the invite still
    // imports into the recipient's own calendar, which knows its owner anyway.
    attendeeEmail: isNeutralInviteText(attendeeEmail) ? attendeeEmail : undefined,
    sequence: meeting.sequence,
    cancelled: meeting.status === 'cancelled',
    now: ctx.clock.now(),
  });
}

export async function supporterInvite(ctx: AppContext, actor: Actor, caseId: string, meetingId: string): Promise<string> {
  const row = await requireAssignedCase(ctx.db, actor, caseId);
  const meeting = await repo.findMeeting(ctx.db, row.organization_id, row.id, meetingId);
  if (!meeting) throw notFound();
  const to = await workEmailOfPerson(ctx.db, row.organization_id, actor.personId);
  if (!to) throw notFound();
  return inviteFor(ctx, meeting, to);
}

export async function listMyMeetings(ctx: AppContext, actor: Actor, caseId: string): Promise<Meeting[]> {
  const row = await requireOwnCase(ctx.db, actor, caseId);
  return (await repo.listMeetings(ctx.db, row.organization_id, row.id)).map(toMeeting);
}

export async function requesterInvite(ctx: AppContext, actor: Actor, caseId: string, meetingId: string): Promise<string> {
  const row = await requireOwnCase(ctx.db, actor, caseId);
  const meeting = await repo.findMeeting(ctx.db, row.organization_id, row.id, meetingId);
  if (!meeting) throw notFound();
  const to = (await requesterEmail(ctx.db, row)) ?? (await workEmailOfPerson(ctx.db, row.organization_id, actor.personId));
  if (!to) throw notFound();
  return inviteFor(ctx, meeting, to);
}

// ---------------------------------------------------------------------------------------------
// Conversation guide (read-only prompts; nothing typed into it is stored)

function toGuide(row: repo.GuideRow): ConversationGuide {
  return { version: row.version, createdAt: row.created_at, sections: parseJsonArray<GuideSection>(row.sections) };
}

/** The latest version; version 1 (the default drawn from real programs) is created on first read. */
export async function latestGuide(ctx: AppContext, db: DbOrTrx, organizationId: string): Promise<ConversationGuide> {
  const found = await repo.latestGuide(db, organizationId);
  if (found) return toGuide(found);
  await repo.insertGuideIfNew(db, {
    id: newId(),
    organization_id: organizationId,
    version: 1,
    sections: JSON.stringify(DEFAULT_GUIDE_SECTIONS),
    created_by: null,
    created_at: ctx.clock.now().toISOString(),
  });
  const seeded = await repo.latestGuide(db, organizationId);
  if (!seeded) throw new Error('conversation guide could not be seeded');
  return toGuide(seeded);
}

export async function getGuide(ctx: AppContext, actor: Actor): Promise<ConversationGuide> {
  return latestGuide(ctx, ctx.db, actor.organizationId);
}

/** Saves a new version; older versions stay. */
export async function saveGuide(ctx: AppContext, actor: Actor, input: ConversationGuideInput): Promise<ConversationGuide> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await latestGuide(ctx, trx, actor.organizationId);
    const row: repo.GuideRow = {
      id: newId(),
      organization_id: actor.organizationId,
      version: current.version + 1,
      sections: JSON.stringify(input.sections),
      created_by: actor.personId,
      created_at: at,
    };
    if (!(await repo.insertGuideIfNew(trx, row))) throw new AppError('conflict', 'The guide was saved by someone else meanwhile; reload');
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'settings.guide_saved',
      at,
    });
    return toGuide(row);
  });
}
