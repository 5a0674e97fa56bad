import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { hashDebriefToken } from '../group-debriefs/index.ts';
import * as repo from './debrief-erasure.repository.ts';
import { deleteJobsNaming, listOrganizationRetention, retentionDaysOf } from './retention.repository.ts';
import { CLOSING_MAIL_GRACE_MS, ERASURE_JOB_KINDS, endedByForErasure, erasureDueAt } from './retention.service.ts';

/**
 * A group debrief's invite list says who was involved in an adverse event, so it goes with the rest of
 * the identifying data (docs/product.md, C4; docs/decisions/007): once the debrief is over —
 * cancelled, or past its start plus its length — and the retention period has run, the invitees'
 * rows, their invite links and the e-mails that carried them are erased. The debrief keeps its time,
 * length, head count and facilitators, and how many were asked (fixed at erasure, like a notice's
 * head count), for the statistics.
 */

const MINUTE_MS = 60 * 1000;
const SWEEP_BATCH = 200;

/** When a debrief was over: its cancellation, or its planned end. */
export function debriefEndedAt(row: { status: string; cancelled_at: string | null; starts_at: string; minutes: number }): Date {
  if (row.status === 'cancelled' && row.cancelled_at) return new Date(row.cancelled_at);
  return new Date(Date.parse(row.starts_at) + Number(row.minutes) * MINUTE_MS);
}

/** Erases one debrief's invite list if it is due, in the caller's transaction. Idempotent. */
export async function eraseDebriefInvitesIfDue(ctx: AppContext, trx: Trx, debriefId: string): Promise<boolean> {
  const now = ctx.clock.now();
  const row = await repo.findDebriefForErasure(trx, debriefId);
  if (!row || row.invite_list_erased_at) return false;
  const days = await retentionDaysOf(trx, row.organization_id);
  if (erasureDueAt(debriefEndedAt(row).toISOString(), days).getTime() > now.getTime()) return false;

  const invitees = await repo.listInvitees(trx, row.organization_id, row.id, row.notice_id);
  // Every debrief-link e-mail to the invitees, old links included, except one that opens another
  // debrief's invite now (that debrief's list is not this one's to erase).
  const sent = (
    await repo.listDebriefLinkMailTo(
      trx,
      row.organization_id,
      invitees.map((p) => p.work_email),
    )
  ).map((m) => ({ ...m, hash: hashDebriefToken(repo.tokenOfInviteLink(m.link)) }));
  const elsewhere = await repo.liveHashesOfOtherDebriefs(
    trx,
    row.id,
    sent.map((m) => m.hash),
  );
  const mail = sent.filter((m) => !elsewhere.has(m.hash));
  // A cancellation still queued goes out first (someone would otherwise come to a cancelled
  // debrief), for at most CLOSING_MAIL_GRACE_MS after the end; then erasure goes ahead.
  const inGrace = now.getTime() - debriefEndedAt(row).getTime() < CLOSING_MAIL_GRACE_MS;
  if (inGrace && mail.some((m) => m.status === 'queued')) return false;

  const asked = invitees.filter((p) => p.removed_at === null);
  const at = now.toISOString();
  if (!(await repo.markInviteListErased(trx, row.id, asked.length, asked.filter((p) => Boolean(p.named)).length, at))) return false;
  await repo.deleteInvitees(trx, row.id);
  await repo.deleteMail(
    trx,
    mail.map((m) => m.id),
  );
  await deleteJobsNaming(
    trx,
    mail.map((m) => m.id),
    ERASURE_JOB_KINDS,
  );
  // No actor, no detail: only that it happened and when.
  await appendAuditEvent(trx, {
    organizationId: row.organization_id,
    actorPersonId: null,
    action: 'debrief.invite_list_erased',
    subjectType: 'group_debrief',
    subjectId: row.id,
    at,
    ip: null,
  });
  return true;
}

/** Every organisation's debriefs past their retention period, each in its own transaction. */
export async function sweepDueDebriefs(ctx: AppContext): Promise<number> {
  let erased = 0;
  const now = ctx.clock.now();
  for (const org of await listOrganizationRetention(ctx.db)) {
    // A debrief ends after it starts (or when it is cancelled), so this bound finds every due one.
    const startedBy = endedByForErasure(now, org.retention_days);
    const skipped = new Set<string>();
    for (;;) {
      const rows = (await repo.listDebriefsStartedBy(ctx.db, org.id, startedBy, SWEEP_BATCH + skipped.size)).filter(
        (r) => !skipped.has(r.id),
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (await ctx.db.transaction().execute((trx) => eraseDebriefInvitesIfDue(ctx, trx, row.id))) erased += 1;
        else skipped.add(row.id);
      }
    }
  }
  return erased;
}
