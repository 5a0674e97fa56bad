import type { Trx } from '../../db/database.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { AppContext } from '../../lib/context.ts';
import { requesterEmail, type CaseSubscriber } from '../cases/index.ts';
import type { Case } from '../cases/index.ts';
import { activeEmailsWithRoles } from '../people/index.ts';
import { findProgramSettings } from '../conversations/index.ts';
import * as repo from './casework.repository.ts';
import { followUpReminderJob } from './follow-up-reminder.job.ts';

/**
 * The case effects of casework (casework's subscription to case events, in the transaction of the change).
 * Every message is content-free: a template and a link, nothing about the case (docs/product.md, C3).
 */

export async function scheduleFollowUpReminder(ctx: AppContext, trx: Trx, row: Case, dueAt: string): Promise<void> {
  if (!row.assigned_supporter_id) return;
  await followUpReminderJob.enqueue(
    trx,
    { organizationId: row.organization_id, caseId: row.id, supporterId: row.assigned_supporter_id },
    { runAt: new Date(dueAt), dedupeKey: `follow-up:${row.id}:${dueAt.slice(0, 10)}`, now: ctx.clock.now() },
  );
}

/** A single-use token stored with only the organisation and the month; the link carries the token alone. */
export async function sendFeedbackLink(ctx: AppContext, trx: Trx, row: Case): Promise<void> {
  const to = await requesterEmail(trx, row);
  if (!to) return;
  const now = ctx.clock.now();
  const token = await repo.createFeedbackToken(trx, row.organization_id, now.toISOString().slice(0, 7));
  await queueEmail(trx, {
    organizationId: row.organization_id,
    to,
    template: 'feedback_request',
    link: `/feedback/${token}`,
    now,
    caseId: row.id,
  });
}

/** The public resources page; the e-mail itself says nothing. */
export async function sendResourceSheet(ctx: AppContext, trx: Trx, row: Case): Promise<void> {
  const to = await requesterEmail(trx, row);
  if (to)
    await queueEmail(trx, {
      organizationId: row.organization_id,
      to,
      template: 'case_update',
      link: '/resources',
      now: ctx.clock.now(),
      caseId: row.id,
    });
}

/**
 * Every active program director and the program's mental-health back-up hear at once; the audit row
 * is written by the service that escalates.
 */
export async function alertCrisisTeam(ctx: AppContext, trx: Trx, row: Case): Promise<void> {
  const now = ctx.clock.now();
  for (const to of await activeEmailsWithRoles(trx, row.organization_id, ['program_director'])) {
    await queueEmail(trx, { organizationId: row.organization_id, to, template: 'attention_needed', link: '/app', now, caseId: row.id });
  }
  // The back-up may have no account: the link is the program's public page with its support lines.
  const backup = (await findProgramSettings(trx, row.organization_id))?.crisis_backup_email;
  if (backup)
    await queueEmail(trx, { organizationId: row.organization_id, to: backup, template: 'urgent_callback', link: '/', now, caseId: row.id });
}

/** Casework's part in what follows a case event (server/modules/cases/case-events.ts). */
export const caseworkSubscriber: CaseSubscriber = {
  effects: {
    schedule_follow_up_reminder: (ctx, trx, row, effect) => scheduleFollowUpReminder(ctx, trx, row, effect.dueAt),
    send_feedback_link: (ctx, trx, row) => sendFeedbackLink(ctx, trx, row),
    send_resource_sheet: (ctx, trx, row) => sendResourceSheet(ctx, trx, row),
    alert_crisis_team: (ctx, trx, row) => alertCrisisTeam(ctx, trx, row),
  },
};
