import type { GroupDebrief, GroupDebriefInput } from '../../../shared/schemas/group-debriefs.ts';
import { newId } from '../../db/values.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { newInviteUid } from '../scheduling/index.ts';
import { checkStart, resolveAsked } from './debrief-asked.ts';
import { mailDebriefLink, newDebriefLink, videoLinkFor } from './debrief-invites.ts';
import * as repo from './group-debriefs.repository.ts';

export { debriefInvite, hashDebriefToken } from './debrief-invites.ts';

/**
 * Group debriefs (docs/product.md, "Group debriefs"): from a notice, the administrator schedules a debrief with
 * facilitators and an invite list. Everyone asked gets a content-free e-mail whose link downloads a
 * neutral calendar invite; afterwards only the head count and the length are recorded. Changing and
 * cancelling are in debrief-changes.service.ts.
 */

export async function requireNotice(ctx: AppContext, organizationId: string, noticeId: string): Promise<void> {
  if (!(await repo.findNotice(ctx.db, organizationId, noticeId))) throw notFound();
}

export async function requireDebrief(db: DbOrTrx, actor: Actor, noticeId: string, debriefId: string): Promise<repo.GroupDebriefRow> {
  const row = await repo.findDebrief(db, actor.organizationId, noticeId, debriefId);
  if (!row) throw notFound();
  return row;
}

/** Who changed a debrief, when and from where; which debrief by id only. */
export function auditDebrief(db: DbOrTrx, actor: Actor, action: string, debriefId: string, at: Date, origin: RequestOrigin) {
  return appendAuditEvent(db, {
    organizationId: actor.organizationId,
    actorPersonId: actor.personId,
    action,
    subjectType: 'group_debrief',
    subjectId: debriefId,
    at: at.toISOString(),
    ip: origin.ip,
  });
}

export async function scheduleDebrief(
  ctx: AppContext,
  actor: Actor,
  noticeId: string,
  input: GroupDebriefInput,
  origin: RequestOrigin,
): Promise<GroupDebrief> {
  const orgId = actor.organizationId;
  await requireNotice(ctx, orgId, noticeId);
  const now = ctx.clock.now();
  const start = checkStart(now, input.startsAt);
  const asked = await resolveAsked(ctx, orgId, noticeId, input);

  const at = now.toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const row: repo.GroupDebriefRow = {
      id: newId(),
      organization_id: orgId,
      notice_id: noticeId,
      starts_at: start.toISOString(),
      minutes: input.minutes,
      modality: input.modality,
      ics_uid: newInviteUid(),
      created_by_person_id: actor.personId,
      created_at: at,
      head_count: null,
      actual_minutes: null,
      recorded_at: null,
      status: 'scheduled',
      sequence: 0,
      video_link: input.modality === 'video' ? await videoLinkFor(trx, orgId) : null,
      updated_at: at,
      cancelled_at: null,
      invite_list_erased_at: null,
      erased_invitee_count: null,
      erased_named_invitee_count: null,
    };
    const links: { email: string; token: string }[] = [];
    const rows: repo.GroupDebriefPersonRow[] = [...asked].map(([personId, who]) => {
      const link = newDebriefLink();
      links.push({ email: who.email, token: link.token });
      return {
        debrief_id: row.id,
        person_id: personId,
        organization_id: orgId,
        role: who.role,
        invite_token_hash: link.hash,
        removed_at: null,
      };
    });
    await repo.insertDebrief(trx, row, rows);
    // Content-free: the e-mail says something is coming up; its link is the calendar invite.
    for (const link of links) await mailDebriefLink(trx, orgId, link.email, link.token, 'reminder', now);
    await auditDebrief(trx, actor, 'debrief.scheduled', row.id, now, origin);
    return row;
  });
  return (await toDebriefs(ctx, orgId, [row]))[0]!;
}

export async function listDebriefs(ctx: AppContext, actor: Actor, noticeId: string): Promise<{ debriefs: GroupDebrief[] }> {
  await requireNotice(ctx, actor.organizationId, noticeId);
  return { debriefs: await toDebriefs(ctx, actor.organizationId, await repo.listDebriefs(ctx.db, actor.organizationId, noticeId)) };
}

export async function recordOutcome(
  ctx: AppContext,
  actor: Actor,
  noticeId: string,
  debriefId: string,
  outcome: { headCount: number; minutes: number },
  origin: RequestOrigin,
): Promise<GroupDebrief> {
  const row = await requireDebrief(ctx.db, actor, noticeId, debriefId);
  const now = ctx.clock.now();
  if (row.status === 'cancelled') throw new AppError('conflict', 'This debrief was cancelled');
  if (Date.parse(row.starts_at) > now.getTime()) throw new AppError('conflict', 'The debrief has not started yet');
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Guarded: a cancellation that lands in between wins, and this answers 409.
    if (!(await repo.recordOutcome(trx, row.id, outcome.headCount, outcome.minutes, at)))
      throw new AppError('conflict', 'This debrief was cancelled');
    await auditDebrief(trx, actor, 'debrief.outcome_recorded', row.id, now, origin);
  });
  return (
    await toDebriefs(ctx, actor.organizationId, [
      { ...row, head_count: outcome.headCount, actual_minutes: outcome.minutes, recorded_at: at },
    ])
  )[0]!;
}

export async function toDebriefs(ctx: AppContext, organizationId: string, rows: repo.GroupDebriefRow[]): Promise<GroupDebrief[]> {
  const people = await repo.listDebriefPeople(
    ctx.db,
    organizationId,
    rows.map((r) => r.id),
  );
  const named = new Map<string, Set<string>>();
  for (const noticeId of new Set(rows.map((r) => r.notice_id)))
    named.set(noticeId, await repo.involvedPersonIds(ctx.db, organizationId, noticeId));
  return rows.map((r) => {
    const mine = people.filter((p) => p.debrief_id === r.id);
    const invitees = mine.filter((p) => p.role === 'invitee');
    const involved = named.get(r.notice_id) ?? new Set<string>();
    return {
      id: r.id,
      noticeId: r.notice_id,
      startsAt: r.starts_at,
      minutes: Number(r.minutes),
      modality: r.modality,
      videoLink: r.video_link,
      status: r.status,
      cancelledAt: r.cancelled_at,
      facilitators: mine
        .filter((p) => p.role === 'facilitator')
        .map((p) => ({ personId: p.person_id, firstName: p.first_name, lastName: p.last_name })),
      inviteeCount: r.invite_list_erased_at ? Number(r.erased_invitee_count ?? 0) : invitees.length,
      namedInviteeCount: r.invite_list_erased_at
        ? Number(r.erased_named_invitee_count ?? 0)
        : invitees.filter((p) => involved.has(p.person_id)).length,
      otherInvitees: invitees.filter((p) => !involved.has(p.person_id)).map((p) => ({ workEmail: p.work_email })),
      headCount: r.head_count === null ? null : Number(r.head_count),
      actualMinutes: r.actual_minutes === null ? null : Number(r.actual_minutes),
      recordedAt: r.recorded_at,
      inviteListErasedAt: r.invite_list_erased_at,
    };
  });
}
