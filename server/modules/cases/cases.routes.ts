import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnonymousLookupSchema,
  AnonymousStatusSchema,
  MyRequestListSchema,
  MyRequestSchema,
  OfferDeclineInputSchema,
  OfferListSchema,
} from '../../../shared/schemas/case.ts';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import * as views from './case-views.service.ts';
import * as offers from './offers.service.ts';
import * as reopening from './reopen.service.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

export function registerCaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const request = { access: 'support.request' as const };
  const tags = ['support requests'];

  r.get(
    '/api/support/requests',
    { config: request, schema: { tags, summary: 'My requests', response: { 200: MyRequestListSchema } } },
    async (req) => ({
      requests: await views.listMyRequests(ctx, requireActor(req)),
    }),
  );

  r.post(
    '/api/support/requests/:id/withdraw',
    { config: request, schema: { tags, params: IdParamsSchema, response: { 200: MyRequestSchema, ...errors } } },
    async (req) => views.withdrawMyRequest(ctx, requireActor(req), req.params.id, originOf(req)),
  );
  r.post(
    '/api/support/requests/:id/reopen',
    {
      config: request,
      schema: {
        tags,
        summary: 'Come back to a finished request: matching starts again',
        params: IdParamsSchema,
        response: { 200: MyRequestSchema, ...errors },
      },
    },
    async (req) => reopening.reopenMyRequest(ctx, requireActor(req), req.params.id, originOf(req)),
  );

  r.post(
    '/api/support/requests/:id/decline',
    { config: request, schema: { tags, summary: 'No thanks', params: IdParamsSchema, response: { 200: MyRequestSchema, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      await views.declineMyRequest(ctx, actor, req.params.id, originOf(req));
      return views.getMyRequest(ctx, actor, req.params.id);
    },
  );

  const open = { access: 'public' as const };
  r.post(
    '/api/public/support/requests/status',
    { config: open, schema: { tags, body: AnonymousLookupSchema, response: { 200: AnonymousStatusSchema, ...errors } } },
    async (req) => views.anonymousStatus(ctx, req.body.caseCode, req.body.secret),
  );
  r.post(
    '/api/public/support/requests/withdraw',
    { config: open, schema: { tags, body: AnonymousLookupSchema, response: { 200: AnonymousStatusSchema, ...errors } } },
    async (req) => views.anonymousWithdraw(ctx, req.body.caseCode, req.body.secret, originOf(req)),
  );
  r.post(
    '/api/public/support/requests/reopen',
    {
      config: open,
      schema: {
        tags,
        summary: 'Come back to a finished anonymous request with its code and secret',
        body: AnonymousLookupSchema,
        response: { 200: AnonymousStatusSchema, ...errors },
      },
    },
    async (req) => reopening.anonymousReopen(ctx, req.body.caseCode, req.body.secret, originOf(req)),
  );

  const supporter = { access: 'supporter.self' as const };
  const stags = ['supporter workspace'];
  r.get('/api/supporter/offers', { config: supporter, schema: { tags: stags, response: { 200: OfferListSchema } } }, async (req) => ({
    offers: await views.listMyOffers(ctx, requireActor(req)),
  }));
  r.post(
    '/api/supporter/offers/:id/accept',
    { config: supporter, schema: { tags: stags, params: IdParamsSchema, response: { 200: z.object({ caseId: z.uuid() }), ...errors } } },
    async (req) => ({ caseId: await offers.acceptOffer(ctx, requireActor(req), req.params.id) }),
  );
  r.post(
    '/api/supporter/offers/:id/decline',
    {
      config: supporter,
      schema: { tags: stags, params: IdParamsSchema, body: OfferDeclineInputSchema, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await offers.declineOffer(ctx, requireActor(req), req.params.id, req.body.reason);
      return reply.status(204).send(null);
    },
  );
}
