import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../shared/schemas/common.ts';
import { ResourceInputSchema, ResourceListSchema, ResourcePatchSchema, ResourceSchema } from '../../../shared/schemas/resources.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as resources from './resources.service.ts';

const tags = ['resources'];

export function registerResourceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/resources',
    {
      config: { access: 'resources.read' },
      schema: { tags, summary: 'The referral directory, by category', response: { 200: ResourceListSchema } },
    },
    async (request) => ({ resources: await resources.listResources(ctx, requireActor(request)) }),
  );

  r.post(
    '/api/resources',
    { config: { access: 'resources.manage' }, schema: { tags, body: ResourceInputSchema, response: { 201: ResourceSchema } } },
    async (request, reply) => reply.status(201).send(await resources.createResource(ctx, requireActor(request), request.body)),
  );

  r.patch(
    '/api/resources/:id',
    {
      config: { access: 'resources.manage' },
      schema: { tags, params: IdParamsSchema, body: ResourcePatchSchema, response: { 200: ResourceSchema } },
    },
    async (request) => resources.updateResource(ctx, requireActor(request), request.params.id, request.body),
  );
}
