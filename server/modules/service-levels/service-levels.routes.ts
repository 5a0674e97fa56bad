import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ServiceLevelsInputSchema, ServiceLevelsSchema } from '../../../shared/schemas/service-levels.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import * as serviceLevels from './service-levels.service.ts';

const tags = ['settings'];

/** First-contact targets and the business-hours calendar: the director's alone (service_levels.manage). */
export function registerServiceLevelRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: 'service_levels.manage' as const };

  r.get(
    '/api/settings/service-levels',
    {
      config: access,
      schema: {
        tags,
        summary: 'First-contact targets per origin and urgency, and the business-hours calendar',
        response: { 200: ServiceLevelsSchema },
      },
    },
    async (req) => serviceLevels.getServiceLevels(ctx, requireActor(req)),
  );

  r.put(
    '/api/settings/service-levels',
    {
      config: access,
      schema: {
        tags,
        summary: 'Replace the targets and calendar (pairs not listed use the defaults)',
        body: ServiceLevelsInputSchema,
        response: { 200: ServiceLevelsSchema },
      },
    },
    async (req) => serviceLevels.updateServiceLevels(ctx, requireActor(req), req.body, originOf(req)),
  );
}
