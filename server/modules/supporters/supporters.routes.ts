import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  OwnSupporterProfileInputSchema,
  ProgramSupporterInputSchema,
  SupporterListSchema,
  SupporterProfileSchema,
  SupporterSummarySchema,
} from '../../../shared/schemas/supporter.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as supporters from './supporters.service.ts';
import { startOwnCooldown } from './cooldown.service.ts';

const tags = ['supporters'];

export function registerSupporterRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/supporter/profile',
    { config: { access: 'supporter.self' }, schema: { tags, summary: 'My supporter profile', response: { 200: SupporterProfileSchema } } },
    async (request) => supporters.getOwnProfile(ctx, requireActor(request)),
  );

  r.put(
    '/api/supporter/profile',
    {
      config: { access: 'supporter.self' },
      schema: {
        tags,
        summary: 'Set my availability, modalities, capacity and pause',
        body: OwnSupporterProfileInputSchema,
        response: { 200: SupporterProfileSchema },
      },
    },
    async (request) => supporters.updateOwnProfile(ctx, requireActor(request), request.body),
  );

  r.post(
    '/api/supporter/profile/cool-down',
    {
      config: { access: 'supporter.self' },
      schema: {
        tags,
        summary: "After a heavy conversation: no new offers for the program's cool-down days",
        response: { 200: SupporterProfileSchema, 409: ErrorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await startOwnCooldown(ctx, actor);
      return supporters.getOwnProfile(ctx, actor);
    },
  );

  r.get(
    '/api/supporters',
    { config: { access: 'supporters.manage' }, schema: { tags, summary: 'The supporter pool', response: { 200: SupporterListSchema } } },
    async (request) => ({ supporters: await supporters.listSupporters(ctx, requireActor(request)) }),
  );

  r.patch(
    '/api/supporters/:id',
    {
      config: { access: 'supporters.manage' },
      schema: {
        tags,
        summary: 'Set a supporter’s status, certification and capacity',
        params: IdParamsSchema,
        body: ProgramSupporterInputSchema,
        response: { 200: SupporterSummarySchema },
      },
    },
    async (request) => supporters.updateSupporter(ctx, requireActor(request), request.params.id, request.body),
  );
}
