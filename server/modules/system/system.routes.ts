import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';

const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['sqlite', 'postgres']) });

export function registerSystemRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/healthz', { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: HealthSchema } } }, async () => ({
    status: 'ok' as const,
  }));

  r.get(
    '/readyz',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: ReadySchema, 503: ReadySchema } } },
    async (request, reply) => {
      try {
        await ping(ctx.db);
        return { status: 'ok' as const, database: ctx.engine };
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        return reply.status(503).send({ status: 'unavailable' as const, database: ctx.engine });
      }
    },
  );

  r.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
