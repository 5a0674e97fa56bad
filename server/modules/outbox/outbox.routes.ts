import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '../../../shared/schemas/common.ts';
import { OutboxSchema } from '../../../shared/schemas/outbox.ts';
import { appOrigin, listOutbox } from '../../email/outbox.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/access.ts';

/**
 * `GET /api/outbox`: the organisation's e-mail, newest first, for the people who run the case board.
 * It exists only while no SMTP server is configured (development, or a deployment whose mail is not
 * set up yet): with SMTP the messages go to their recipients and the outbox answers 404, so single-use
 * links (feedback) are read by nobody but their owner.
 */
export function registerOutboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/outbox',
    {
      config: { access: 'cases.manage' as const },
      schema: {
        tags: ['case board'],
        summary: 'E-mail waiting in the outbox while no SMTP server is configured',
        response: { 200: OutboxSchema, 404: ErrorBodySchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (ctx.config.smtpUrl) throw notFound();
      return { messages: await listOutbox(ctx.db, actor.organizationId, { origin: appOrigin(ctx.config), limit: 200 }) };
    },
  );
}
