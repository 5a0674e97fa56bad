import { z } from 'zod';
import { defineJob, JobError } from '../jobs/define.ts';
import { smtpTransport } from './mailer.ts';
import { appOrigin, getOutboxRow, SEND_EMAIL_JOB } from './outbox.ts';
import { isEmailTemplate, renderEmail } from './templates.ts';

/**
 * Sends one outbox row through SMTP, or marks it `held` when no SMTP_URL is configured. Not
 * transactional: no database transaction stays open while talking to the mail server. A row
 * already sent is never sent again; a crash between the SMTP answer and the update can resend
 * once, with the same Message-ID (`<outbox id@peerline>`) so mail systems can drop the copy.
 */
export const sendEmailJob = defineJob({
  kind: SEND_EMAIL_JOB,
  payload: z.object({ outboxId: z.string().min(1).max(64) }),
  transactional: false,
  maxAttempts: 8,
  handle: async (ctx, { outboxId }) => {
    const row = await getOutboxRow(ctx.db, outboxId);
    if (!row) throw new JobError('outbox_row_missing', false);
    if (row.sent_at !== null || row.status === 'sent') return;
    if (!isEmailTemplate(row.template)) throw new JobError('unknown_template', false);

    const smtpUrl = ctx.config.smtpUrl;
    if (!smtpUrl) {
      await ctx.db.updateTable('email_outbox').set({ status: 'held' }).where('id', '=', row.id).where('sent_at', 'is', null).execute();
      return;
    }

    const message = renderEmail(row.template, row.link, appOrigin(ctx.config));
    await smtpTransport(smtpUrl).sendMail({
      from: ctx.config.smtpFrom,
      to: row.to_address,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${row.id}@peerline>`,
    });
    await ctx.db
      .updateTable('email_outbox')
      .set({ status: 'sent', sent_at: ctx.clock.now().toISOString() })
      .where('id', '=', row.id)
      .where('sent_at', 'is', null)
      .execute();
  },
});
