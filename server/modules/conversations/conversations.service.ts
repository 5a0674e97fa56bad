import { randomBytes } from 'node:crypto';
import type {
  ConversationGuide,
  ConversationGuideInput,
  ConversationSettingsPatch,
  GuideSection,
  Conversation,
  ConversationInput,
  ConversationReschedule,
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
import { notifyBoth } from './conversation-notifications.ts';
import { conversationReminderJob, REMINDER_OFFSETS } from './conversation-reminder.job.ts';

type Case = cases.Case;
type ConversationRow = repo.ConversationRow;

/** Conversations can be planned while the case is with its supporter and still open. */
const SCHEDULABLE_STATES = ['assigned', 'contacted', 'active'];

// ---------------------------------------------------------------------------------------------
// Access

/** The case, only for its assigned supporter: anyone else gets the same 404 as for a missing case. */
async function requireAssignedCase(db: DbOrTrx, actor: Actor, id: string): Promise<Case> {
  const row = await cases.findCase(db, actor.organizationId, id);
  if (!row || row.assigned_supporter_id !== actor.personId) throw notFound();
  return row;
}

/** The requester's own case (signed in); anyone else gets 404. */
async function requireOwnCase(db: DbOrTrx, actor: Actor, id: string): Promise<Case> {
  const row = await cases.findCase(db, actor.organizationId, id);
  if (!row || !row.requester_person_id || row.requester_person_id !== actor.personId) throw notFound();
  return row;
}

function audit(trx: Trx, row: Case, actor: Actor, action: string, at: Date, origin: RequestOrigin) {
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
  conversationTitle: string;
  videoLinkPattern: string | null;
  crisisBackupEmail: string | null;
}

export async function getConversationSettings(db: DbOrTrx, organizationId: string): Promise<ConversationSettings> {
  const row = await repo.findProgramSettings(db, organizationId);
  return {
    conversationTitle: row?.conversation_title ?? DEFAULT_INVITE_TITLE,
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
    conversationTitle: patch.conversationTitle ?? current.conversationTitle,
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
  if (patch.conversationTitle !== undefined) neutral('body.conversationTitle', patch.conversationTitle);
  // Checked as it will appear in invites, with a token in place (tokens are hex: no letters beyond a–f).
  if (patch.videoLinkPattern !== undefined)
    neutral('body.videoLinkPattern', patch.videoLinkPattern?.replaceAll('{token}', '0123456789abcdef') ?? null);
  if (fields.length) throw new AppError('validation_failed', 'Some fields are not valid', fields);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertProgramSettings(trx, {
      organization_id: actor.organizationId,
      conversation_title: next.conversationTitle,
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
// Conversations

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    minutes: Math.round((Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 60_000),
    modality: row.modality as Modality,
    videoLink: row.video_link,
    status: row.status as Conversation['status'],
    sequence: row.sequence,
  };
}

/** Reminders 24 h and 1 h before; one job per conversation, sequence and offset (older sequences do nothing). */
async function enqueueReminders(ctx: AppContext, trx: Trx, conversation: ConversationRow): Promise<void> {
  const now = ctx.clock.now();
  const start = Date.parse(conversation.starts_at);
  for (const [label, ms] of REMINDER_OFFSETS) {
    const runAt = new Date(start - ms);
    if (runAt.getTime() <= now.getTime()) continue;
    await conversationReminderJob.enqueue(
      trx,
      { organizationId: conversation.organization_id, conversationId: conversation.id, sequence: conversation.sequence },
      { runAt, dedupeKey: `conversation-reminder:${conversation.id}:${conversation.sequence}:${label}`, now },
    );
  }
}

function checkFuture(now: Date, startsAt: string): Date {
  const start = new Date(startsAt);
  if (!(start.getTime() > now.getTime())) throw invalid('body.startsAt', 'Must be in the future');
  return start;
}

export async function listCaseConversations(ctx: AppContext, actor: Actor, caseId: string): Promise<Conversation[]> {
  const row = await requireAssignedCase(ctx.db, actor, caseId);
  return (await repo.listConversations(ctx.db, row.organization_id, row.id)).map(toConversation);
}

export async function scheduleConversation(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: ConversationInput,
  origin: RequestOrigin,
): Promise<Conversation> {
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
    const conversation: ConversationRow = {
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
    await repo.insertConversation(trx, conversation);
    await audit(trx, row, actor, 'case.conversation_scheduled', now, origin);
    await notifyBoth(ctx, trx, row, actor.personId, 'case_update');
    await enqueueReminders(ctx, trx, conversation);
    return toConversation(conversation);
  });
}

async function requireConversation(trx: Trx, row: Case, conversationId: string): Promise<ConversationRow> {
  const conversation = await repo.findConversation(trx, row.organization_id, row.id, conversationId);
  if (!conversation) throw notFound();
  return conversation;
}

export async function rescheduleConversation(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  conversationId: string,
  input: ConversationReschedule,
  origin: RequestOrigin,
): Promise<Conversation> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, caseId);
    const conversation = await requireConversation(trx, row, conversationId);
    const start = checkFuture(now, input.startsAt);
    if (conversation.status !== 'scheduled') throw new AppError('conflict', 'This conversation was cancelled');
    const minutes = input.minutes ?? toConversation(conversation).minutes;
    const set = {
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + minutes * 60_000).toISOString(),
      sequence: conversation.sequence + 1,
      supporter_id: actor.personId,
      updated_at: now.toISOString(),
    };
    if (!(await repo.updateConversationIfSequence(trx, conversation.id, conversation.sequence, set))) {
      throw new AppError('conflict', 'This conversation has changed in the meantime; reload to see where it stands');
    }
    const updated = { ...conversation, ...set };
    await audit(trx, row, actor, 'case.conversation_rescheduled', now, origin);
    await notifyBoth(ctx, trx, row, actor.personId, 'case_update');
    await enqueueReminders(ctx, trx, updated);
    return toConversation(updated);
  });
}

export async function cancelConversation(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  conversationId: string,
  origin: RequestOrigin,
): Promise<Conversation> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, caseId);
    const conversation = await requireConversation(trx, row, conversationId);
    if (conversation.status !== 'scheduled') throw new AppError('conflict', 'This conversation is already cancelled');
    const set = { status: 'cancelled', sequence: conversation.sequence + 1, updated_at: now.toISOString() };
    if (!(await repo.updateConversationIfSequence(trx, conversation.id, conversation.sequence, set))) {
      throw new AppError('conflict', 'This conversation has changed in the meantime; reload to see where it stands');
    }
    await audit(trx, row, actor, 'case.conversation_cancelled', now, origin);
    await notifyBoth(ctx, trx, row, conversation.supporter_id, 'case_update');
    return toConversation({ ...conversation, ...set });
  });
}

/** The organizer shown in invites: the app's own From address (neutral by configuration). */
function organizerEmail(ctx: AppContext): string {
  const from = ctx.config.smtpFrom;
  const match = /<([^>]+)>/.exec(from);
  const address = (match ? match[1]! : from).trim();
  return isNeutralInviteText(address) ? address : 'no-reply@peerline.invalid';
}

async function inviteFor(ctx: AppContext, conversation: ConversationRow, attendeeEmail: string): Promise<string> {
  const { conversationTitle } = await getConversationSettings(ctx.db, conversation.organization_id);
  return buildInvite({
    uid: conversation.ics_uid,
    start: new Date(conversation.starts_at),
    end: new Date(conversation.ends_at),
    title: conversationTitle,
    location: conversation.modality === 'video' && conversation.video_link ? conversation.video_link : undefined,
    organizerEmail: organizerEmail(ctx),
    // An address that would say what this is about (`peer-support@…`) is left out: the invite still
    // imports into the recipient's own calendar, which knows its owner anyway.
    attendeeEmail: isNeutralInviteText(attendeeEmail) ? attendeeEmail : undefined,
    sequence: conversation.sequence,
    cancelled: conversation.status === 'cancelled',
    now: ctx.clock.now(),
  });
}

export async function supporterInvite(ctx: AppContext, actor: Actor, caseId: string, conversationId: string): Promise<string> {
  const row = await requireAssignedCase(ctx.db, actor, caseId);
  const conversation = await repo.findConversation(ctx.db, row.organization_id, row.id, conversationId);
  if (!conversation) throw notFound();
  const to = await workEmailOfPerson(ctx.db, row.organization_id, actor.personId);
  if (!to) throw notFound();
  return inviteFor(ctx, conversation, to);
}

export async function listMyConversations(ctx: AppContext, actor: Actor, caseId: string): Promise<Conversation[]> {
  const row = await requireOwnCase(ctx.db, actor, caseId);
  return (await repo.listConversations(ctx.db, row.organization_id, row.id)).map(toConversation);
}

export async function requesterInvite(ctx: AppContext, actor: Actor, caseId: string, conversationId: string): Promise<string> {
  const row = await requireOwnCase(ctx.db, actor, caseId);
  const conversation = await repo.findConversation(ctx.db, row.organization_id, row.id, conversationId);
  if (!conversation) throw notFound();
  const to = (await requesterEmail(ctx.db, row)) ?? (await workEmailOfPerson(ctx.db, row.organization_id, actor.personId));
  if (!to) throw notFound();
  return inviteFor(ctx, conversation, to);
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
