import type { GroupDebrief, GroupDebriefInput } from '../../../shared/schemas/group-debriefs.ts';
import type { Trx } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { checkStart, resolveAsked } from './debrief-asked.ts';
import { mailDebriefLink, newDebriefLink, videoLinkFor } from './debrief-invites.ts';
import * as repo from './group-debriefs.repository.ts';
import { auditDebrief, requireDebrief, requireNotice, toDebriefs } from './group-debriefs.service.ts';

/**
 * Changing and cancelling a group debrief, like a conversation's reschedule and cancel: the invite
 * keeps its UID and each change raises its SEQUENCE. Who hears what:
 * - still asked, and the time, length or place changed: an update ("something has changed");
 * - newly asked: an invite ("something coming up");
 * - taken off the list, or everyone when it is cancelled: a cancellation (their link answers METHOD:CANCEL).
 * Once its head count is recorded a debrief is history and does not change; a cancelled one neither,
 * nor one whose invite list was erased (retention).
 */

function assertChangeable(row: repo.GroupDebriefRow): void {
  if (row.status === 'cancelled') throw new AppError('conflict', 'This debrief was cancelled');
  if (row.recorded_at !== null) throw new AppError('conflict', 'Its head count and length are recorded; it can no longer change');
  if (row.invite_list_erased_at !== null)
    throw new AppError('conflict', 'Its invite list was erased after the retention period; it can no longer change');
}

const CHANGED_MEANWHILE = 'This debrief has changed in the meantime; reload to see where it stands';

async function applyIfUnchanged(
  trx: Trx,
  row: repo.GroupDebriefRow,
  set: Parameters<typeof repo.updateDebriefIfSequence>[3],
): Promise<void> {
  if (!(await repo.updateDebriefIfSequence(trx, row.id, row.sequence, set))) {
    // Tell apart "cancelled or recorded meanwhile" from a concurrent edit; both are 409.
    const now = await repo.findDebrief(trx, row.organization_id, row.notice_id, row.id);
    if (now) assertChangeable(now);
    throw new AppError('conflict', CHANGED_MEANWHILE);
  }
}

export async function changeDebrief(
  ctx: AppContext,
  actor: Actor,
  noticeId: string,
  debriefId: string,
  input: GroupDebriefInput,
  origin: RequestOrigin,
): Promise<GroupDebrief> {
  const orgId = actor.organizationId;
  await requireNotice(ctx, orgId, noticeId);
  const row = await requireDebrief(ctx.db, actor, noticeId, debriefId);
  assertChangeable(row);
  const now = ctx.clock.now();
  const start = checkStart(now, input.startsAt);
  const asked = await resolveAsked(ctx, orgId, noticeId, input);

  const updated = await ctx.db.transaction().execute(async (trx) => {
    // The same link while it stays video; a new one when it becomes video.
    const videoLink =
      input.modality !== 'video' ? null : row.modality === 'video' && row.video_link ? row.video_link : await videoLinkFor(trx, orgId);
    const detailsChanged =
      start.toISOString() !== row.starts_at ||
      input.minutes !== Number(row.minutes) ||
      input.modality !== row.modality ||
      videoLink !== row.video_link;
    const before = await repo.listAskedRows(trx, orgId, row.id);
    const beforeById = new Map(before.map((b) => [b.person_id, b]));
    const stillAsked = (personId: string) => beforeById.get(personId)?.removed_at === null;
    const removed = before.filter((b) => b.removed_at === null && !asked.has(b.person_id));
    const roleChanged = [...asked].some(([personId, who]) => stillAsked(personId) && beforeById.get(personId)!.role !== who.role);
    const added = [...asked].filter(([personId]) => !stillAsked(personId));
    if (!detailsChanged && !roleChanged && removed.length === 0 && added.length === 0) return row;

    const at = now.toISOString();
    const set = {
      starts_at: start.toISOString(),
      minutes: input.minutes,
      modality: input.modality,
      video_link: videoLink,
      sequence: row.sequence + 1,
      updated_at: at,
    };
    await applyIfUnchanged(trx, row, set);

    for (const gone of removed) {
      const link = newDebriefLink();
      await repo.updateAsked(trx, row.id, gone.person_id, { invite_token_hash: link.hash, removed_at: at });
      await mailDebriefLink(trx, orgId, gone.work_email, link.token, 'case_update', now);
    }
    const inserts: repo.GroupDebriefPersonRow[] = [];
    for (const [personId, who] of asked) {
      const known = beforeById.get(personId);
      const isNew = !stillAsked(personId);
      if (!isNew && !detailsChanged) {
        // Nothing in their calendar changes; only the role, if that.
        if (known!.role !== who.role) await repo.updateAsked(trx, row.id, personId, { role: who.role });
        continue;
      }
      const link = newDebriefLink();
      if (known) await repo.updateAsked(trx, row.id, personId, { role: who.role, invite_token_hash: link.hash, removed_at: null });
      else
        inserts.push({
          debrief_id: row.id,
          person_id: personId,
          organization_id: orgId,
          role: who.role,
          invite_token_hash: link.hash,
          removed_at: null,
        });
      await mailDebriefLink(trx, orgId, who.email, link.token, isNew ? 'reminder' : 'case_update', now);
    }
    await repo.insertAsked(trx, inserts);
    await auditDebrief(trx, actor, 'debrief.changed', row.id, now, origin);
    return { ...row, ...set };
  });
  return (await toDebriefs(ctx, orgId, [updated]))[0]!;
}

export async function cancelDebrief(
  ctx: AppContext,
  actor: Actor,
  noticeId: string,
  debriefId: string,
  origin: RequestOrigin,
): Promise<GroupDebrief> {
  const orgId = actor.organizationId;
  await requireNotice(ctx, orgId, noticeId);
  const row = await requireDebrief(ctx.db, actor, noticeId, debriefId);
  if (row.status === 'cancelled') throw new AppError('conflict', 'This debrief is already cancelled');
  assertChangeable(row);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const set = { status: 'cancelled' as const, cancelled_at: at, sequence: row.sequence + 1, updated_at: at };
  await ctx.db.transaction().execute(async (trx) => {
    await applyIfUnchanged(trx, row, set);
    // Everyone still asked gets the cancellation; people taken off the list had theirs already.
    for (const who of await repo.listAskedRows(trx, orgId, row.id)) {
      if (who.removed_at !== null) continue;
      const link = newDebriefLink();
      await repo.updateAsked(trx, row.id, who.person_id, { invite_token_hash: link.hash });
      await mailDebriefLink(trx, orgId, who.work_email, link.token, 'case_update', now);
    }
    await auditDebrief(trx, actor, 'debrief.cancelled', row.id, now, origin);
  });
  return (await toDebriefs(ctx, orgId, [{ ...row, ...set }]))[0]!;
}
