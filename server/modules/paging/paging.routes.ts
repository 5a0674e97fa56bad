import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import { PageListSchema, PageSchema, PagingSettingsSchema } from '../../../shared/schemas/paging.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import * as paging from './paging.service.ts';

const errors = { 404: ErrorBodySchema };

/** The urgent path: pages to acknowledge, and the escalation chain settings (director). */
export function registerPagingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const self = { access: 'rota.self' as const };
  const manage = { access: 'rota.manage' as const };
  const settings = { access: 'service_levels.manage' as const };

  r.get(
    '/api/supporter/pages',
    { config: self, schema: { tags: ['on-call'], summary: 'My unacknowledged urgent pages', response: { 200: PageListSchema } } },
    async (req) => paging.listMyPages(ctx, requireActor(req)),
  );
  r.post(
    '/api/supporter/pages/:id/ack',
    {
      config: self,
      schema: {
        tags: ['on-call'],
        summary: 'Acknowledge a page of mine (stops its escalation)',
        params: IdParamsSchema,
        response: { 200: PageSchema, ...errors },
      },
    },
    async (req) => paging.acknowledgePage(ctx, requireActor(req), req.params.id, false),
  );
  r.get(
    '/api/admin/pages',
    {
      config: manage,
      schema: { tags: ['on-call'], summary: 'Unacknowledged urgent pages of the program', response: { 200: PageListSchema } },
    },
    async (req) => paging.listOpenPages(ctx, requireActor(req)),
  );
  r.post(
    '/api/admin/pages/:id/ack',
    {
      config: manage,
      schema: {
        tags: ['on-call'],
        summary: 'Acknowledge any page (stops its escalation)',
        params: IdParamsSchema,
        response: { 200: PageSchema, ...errors },
      },
    },
    async (req) => paging.acknowledgePage(ctx, requireActor(req), req.params.id, true),
  );
  r.get(
    '/api/settings/paging',
    { config: settings, schema: { tags: ['settings'], summary: 'The urgent escalation chain', response: { 200: PagingSettingsSchema } } },
    async (req) => paging.getPagingSettings(ctx, requireActor(req)),
  );
  r.put(
    '/api/settings/paging',
    {
      config: settings,
      schema: {
        tags: ['settings'],
        summary: 'Replace the urgent escalation chain',
        body: PagingSettingsSchema,
        response: { 200: PagingSettingsSchema },
      },
    },
    async (req) => paging.updatePagingSettings(ctx, requireActor(req), req.body, originOf(req)),
  );
}
