import { z } from 'zod';
import type { AppConfig } from '../../config.ts';
import type { Trx } from '../../db/database.ts';
import { appOrigin, queueEmail } from '../../email/outbox.ts';
import { absoluteLink } from '../../email/templates.ts';
import { defineJob, JobError } from '../../jobs/define.ts';
import type { AppContext } from '../../lib/context.ts';
import { findSettings, organizationSlug } from './paging.repository.ts';

/**
 * How a page leaves Peerline. One small interface so an SMS gateway or pager service can be added
 * without touching the chain. `to` is an address (e-mail) or a URL (webhook); `link` is an app path
 * with no record id in it. No sender is ever given a name, a reason or a case id.
 */
export interface PageSender {
  send(page: { to: string; channel: 'email' | 'webhook'; link: string }): Promise<void>;
}

/** E-mail through the outbox, in the transaction that records the page (sent after it commits). */
export function emailPageSender(ctx: AppContext, trx: Trx, organizationId: string): PageSender {
  return {
    send: async (page) => {
      await queueEmail(trx, { organizationId, to: page.to, template: 'urgent_page', link: page.link, now: ctx.clock.now() });
    },
  };
}

/** The webhook: a durable job per page, so a gateway that is down gets the page when it is back. */
export function webhookPageSender(ctx: AppContext, trx: Trx, organizationId: string, pageId: string): PageSender {
  return {
    send: async (page) => {
      await pageWebhookJob.enqueue(
        trx,
        { organizationId, pageId, link: page.link },
        { runAt: ctx.clock.now(), dedupeKey: `page-webhook:${pageId}`, now: ctx.clock.now() },
      );
    },
  };
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/** Whether `url`'s host (`name` or `name:port`) is on the IT-managed list the webhook may call. */
export function webhookHostAllowed(config: Pick<AppConfig, 'pagingWebhookHosts'>, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return config.pagingWebhookHosts.some((allowed) => allowed === host || allowed === parsed.host.toLowerCase());
}

/** POSTs `{organization, link, sentAt}` to the program's webhook URL: nothing about who or why. */
export const pageWebhookJob = defineJob({
  kind: 'page-webhook',
  payload: z.object({ organizationId: z.uuid(), pageId: z.uuid(), link: z.string().startsWith('/') }),
  transactional: false,
  maxAttempts: 8,
  backoffMs: (attempt) => Math.min(15_000 * 2 ** Math.max(0, attempt - 1), 15 * 60_000),
  async handle(ctx, payload) {
    const settings = await findSettings(ctx.db, payload.organizationId);
    // The webhook was switched off after the page was queued: nothing to send.
    if (!settings?.webhook_url) return;
    // Checked again at send time: IT may have taken the host off the list since it was saved.
    if (!webhookHostAllowed(ctx.config, settings.webhook_url)) throw new JobError('webhook_host_not_allowed', false);
    const body = {
      organization: (await organizationSlug(ctx.db, payload.organizationId)) ?? '',
      link: absoluteLink(payload.link, appOrigin(ctx.config)),
      sentAt: ctx.clock.now().toISOString(),
    };
    let status: number;
    try {
      const response = await fetch(settings.webhook_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        redirect: 'error',
      });
      status = response.status;
      await response.body?.cancel();
    } catch {
      throw new JobError('webhook_unreachable');
    }
    if (status < 200 || status >= 300) throw new JobError(`webhook_status_${status}`);
  },
});
