import { createHash, randomBytes } from 'node:crypto';
import type { GroupDebrief, GroupDebriefInput } from '../../../shared/schemas/group-debriefs.ts';
import { newId, toBool } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { getConversationSettings } from '../conversations/conversations.service.ts';
import { assertNeutralInviteText, buildInvite, ForbiddenInviteTextError, newInviteUid } from '../scheduling/ics.ts';
import * as repo from './group-debriefs.repository.ts';

/**
 * Group debriefs (issue 4, item 7): from a notice, the administrator schedules a debrief with
 * facilitators and an invite list. Everyone asked gets a content-free e-mail whose link downloads a
 * neutral calendar invite; afterwards only the head count and the length are recorded.
 */

/** A little slack for a clock that runs behind; a debrief is scheduled for now or later. */
const PAST_SKEW_MS = 5 * 60_000;

export const hashDebriefToken = (token: string): string => createHash('sha256').update(token).digest('hex');

async function requireNotice(ctx: AppContext, organizationId: string, noticeId: string): Promise<void> {
  if (!(await repo.findNotice(ctx.db, organizationId, noticeId))) throw notFound();
}

export async function scheduleDebrief(ctx: AppContext, actor: Actor, noticeId: string, input: GroupDebriefInput): Promise<GroupDebrief> {
  const orgId = actor.organizationId;
  await requireNotice(ctx, orgId, noticeId);
  const now = ctx.clock.now();
  if (Date.parse(input.startsAt) < now.getTime() - PAST_SKEW_MS) throw invalid('body.startsAt', 'A debrief is scheduled for now or later');

  const inviteeIds = input.invitees.flatMap((e) => ('personId' in e ? [e.personId] : []));
  const inviteeEmails = input.invitees.flatMap((e) => ('workEmail' in e ? [e.workEmail] : []));
  const people = await repo.findPeople(ctx.db, orgId, [...input.facilitators, ...inviteeIds], inviteeEmails);
  const byId = new Map(people.map((p) => [p.id, p]));
  const byEmail = new Map(people.map((p) => [p.work_email, p]));
  const involved = await repo.involvedPersonIds(ctx.db, orgId, noticeId);

  const asked = new Map<string, { role: 'facilitator' | 'invitee'; email: string }>();
  input.facilitators.forEach((id, i) => {
    const p = byId.get(id);
    if (!p || !toBool(p.active) || !toBool(p.is_supporter)) throw invalid(`body.facilitators.${i}`, 'Choose an active supporter');
    // A supporter involved in the event is there to be supported, not to facilitate.
    if (involved.has(id)) throw invalid(`body.facilitators.${i}`, 'This supporter was involved in the event');
    if (asked.has(id)) throw invalid(`body.facilitators.${i}`, 'Already chosen');
    asked.set(id, { role: 'facilitator', email: p.work_email });
  });
  input.invitees.forEach((entry, i) => {
    const field = 'personId' in entry ? 'personId' : 'workEmail';
    const path = `body.invitees.${i}.${field}`;
    const p = 'personId' in entry ? byId.get(entry.personId) : byEmail.get(entry.workEmail);
    if (!p || !toBool(p.active)) throw invalid(path, field === 'workEmail' ? 'No one in the staff directory has this work e-mail' : 'No one in the staff directory has this id');
    // By id only the notice's own involved staff; anyone else is invited by work e-mail.
    if ('personId' in entry && !involved.has(p.id)) throw invalid(path, 'Not one of the staff named in this notice');
    if (asked.has(p.id)) throw invalid(path, 'Already invited');
    asked.set(p.id, { role: 'invitee', email: p.work_email });
  });
  if (input.inviteNamedStaff) {
    const named = await repo.findPeople(ctx.db, orgId, [...involved], []);
    for (const p of named) if (toBool(p.active) && !asked.has(p.id)) asked.set(p.id, { role: 'invitee', email: p.work_email });
  }
  if (![...asked.values()].some((who) => who.role === 'invitee')) throw invalid('body.invitees', 'Invite at least one person');

  const at = now.toISOString();
  const row: repo.GroupDebriefRow = {
    id: newId(), organization_id: orgId, notice_id: noticeId, starts_at: new Date(input.startsAt).toISOString(), minutes: input.minutes,
    modality: input.modality, ics_uid: newInviteUid(), created_by_person_id: actor.personId, created_at: at,
    head_count: null, actual_minutes: null, recorded_at: null,
  };
  const links: { email: string; token: string }[] = [];
  const rows: repo.GroupDebriefPersonRow[] = [...asked].map(([personId, who]) => {
    const token = randomBytes(24).toString('base64url');
    links.push({ email: who.email, token });
    return { debrief_id: row.id, person_id: personId, organization_id: orgId, role: who.role, invite_token_hash: hashDebriefToken(token) };
  });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertDebrief(trx, row, rows);
    // Content-free: the e-mail says something is coming up; its link is the calendar invite.
    for (const link of links) await queueEmail(trx, { organizationId: orgId, to: link.email, template: 'reminder', link: `/api/public/debrief-invites/${link.token}`, now });
  });
  return (await toDebriefs(ctx, orgId, [row]))[0]!;
}

export async function listDebriefs(ctx: AppContext, actor: Actor, noticeId: string): Promise<{ debriefs: GroupDebrief[] }> {
  await requireNotice(ctx, actor.organizationId, noticeId);
  return { debriefs: await toDebriefs(ctx, actor.organizationId, await repo.listDebriefs(ctx.db, actor.organizationId, noticeId)) };
}

export async function recordOutcome(ctx: AppContext, actor: Actor, noticeId: string, debriefId: string, outcome: { headCount: number; minutes: number }): Promise<GroupDebrief> {
  const row = await repo.findDebrief(ctx.db, actor.organizationId, noticeId, debriefId);
  if (!row) throw notFound();
  const now = ctx.clock.now();
  if (Date.parse(row.starts_at) > now.getTime()) throw new AppError('conflict', 'The debrief has not started yet');
  await ctx.db.transaction().execute((trx) => repo.recordOutcome(trx, row.id, outcome.headCount, outcome.minutes, now.toISOString()));
  return (await toDebriefs(ctx, actor.organizationId, [{ ...row, head_count: outcome.headCount, actual_minutes: outcome.minutes, recorded_at: now.toISOString() }]))[0]!;
}

async function toDebriefs(ctx: AppContext, organizationId: string, rows: repo.GroupDebriefRow[]): Promise<GroupDebrief[]> {
  const people = await repo.listDebriefPeople(ctx.db, organizationId, rows.map((r) => r.id));
  return rows.map((r) => {
    const mine = people.filter((p) => p.debrief_id === r.id);
    return {
      id: r.id, noticeId: r.notice_id, startsAt: r.starts_at, minutes: Number(r.minutes), modality: r.modality,
      facilitators: mine.filter((p) => p.role === 'facilitator').map((p) => ({ personId: p.person_id, firstName: p.first_name, lastName: p.last_name })),
      inviteeCount: mine.filter((p) => p.role === 'invitee').length,
      headCount: r.head_count === null ? null : Number(r.head_count),
      actualMinutes: r.actual_minutes === null ? null : Number(r.actual_minutes),
      recordedAt: r.recorded_at,
    };
  });
}

function isNeutral(text: string): boolean {
  try {
    assertNeutralInviteText('text', text);
    return true;
  } catch (error) {
    if (error instanceof ForbiddenInviteTextError) return false;
    throw error;
  }
}

/** The calendar invite behind an e-mail's link: the program's neutral title, a time, nothing else. */
export async function debriefInvite(ctx: AppContext, token: string): Promise<string> {
  const invite = await repo.findInviteByTokenHash(ctx.db, hashDebriefToken(token));
  if (!invite) throw notFound();
  const { meetingTitle } = await getConversationSettings(ctx.db, invite.organization_id);
  const from = /<([^>]+)>/.exec(ctx.config.smtpFrom)?.[1] ?? ctx.config.smtpFrom;
  const start = new Date(invite.starts_at);
  return buildInvite({
    uid: invite.ics_uid,
    start,
    end: new Date(start.getTime() + Number(invite.minutes) * 60_000),
    title: meetingTitle,
    organizerEmail: isNeutral(from.trim()) ? from.trim() : 'no-reply@peerline.invalid',
    attendeeEmail: isNeutral(invite.work_email) ? invite.work_email : undefined,
    sequence: 0,
    now: ctx.clock.now(),
  });
}
