import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  CreatedIntegrationTokenSchema,
  EventNoticeInputSchema,
  EventNoticeReceiptSchema,
  EventTriggerCreateSchema,
  EventTriggerListSchema,
  EventTriggerSchema,
  EventTriggerUpdateSchema,
  IntegrationTokenCreateSchema,
  IntegrationTokenListSchema,
  IntegrationTokenSchema,
  ManagedEventNoticeListSchema,
  MyEventNoticeListSchema,
  OutreachInviteStatusSchema,
  OutreachTokenParamsSchema,
} from '../../../shared/schemas/event-notices.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/access.ts';
import * as notices from './event-notices.service.ts';
import * as triggers from './event-triggers.service.ts';
import * as tokens from './integration-tokens.service.ts';
import { declineByInvite, outreachInviteIsValid } from './outreach.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/**
 * Event notices (docs/product.md, "Event notices and outreach"): filing (by a reporter or an integration token) answers with the receipt
 * only; the administrators' list shows outreach progress; the director manages tokens; the person
 * named can say "no thanks" from the e-mail's link without signing in.
 */
export function registerEventNoticeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['event notices'];
  const report = { access: 'events.report' as const };
  const manage = { access: 'events.manage' as const };

  r.get(
    '/api/event-triggers',
    { config: report, schema: { tags, summary: 'The trigger catalogue', response: { 200: EventTriggerListSchema } } },
    async (req) => triggers.listTriggers(ctx, requireActor(req).organizationId),
  );
  r.post(
    '/api/event-triggers',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a trigger to the catalogue',
        body: EventTriggerCreateSchema,
        response: { 201: EventTriggerSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await triggers.createTrigger(ctx, requireActor(req).organizationId, req.body)),
  );
  r.patch(
    '/api/event-triggers/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Rename or retire a trigger',
        params: IdParamsSchema,
        body: EventTriggerUpdateSchema,
        response: { 200: EventTriggerSchema, ...errors },
      },
    },
    async (req) => triggers.updateTrigger(ctx, requireActor(req).organizationId, req.params.id, req.body),
  );

  r.post(
    '/api/event-notices',
    {
      config: report,
      schema: {
        tags,
        summary: 'File an event notice (answer: the receipt only)',
        body: EventNoticeInputSchema,
        response: { 201: EventNoticeReceiptSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      return reply
        .status(201)
        .send(await notices.fileNotice(ctx, { organizationId: actor.organizationId, personId: actor.personId, tokenId: null }, req.body));
    },
  );
  r.get(
    '/api/event-notices/mine',
    { config: report, schema: { tags, summary: 'Notices I filed: received, nothing more', response: { 200: MyEventNoticeListSchema } } },
    async (req) => {
      const actor = requireActor(req);
      return notices.listMyNotices(ctx, actor.organizationId, actor.personId);
    },
  );
  r.get(
    '/api/event-notices',
    { config: manage, schema: { tags, summary: 'Notices with outreach progress', response: { 200: ManagedEventNoticeListSchema } } },
    async (req) => notices.listManagedNotices(ctx, requireActor(req).organizationId),
  );

  // The incident-reporting system's route: a bearer token, no session, no cookies (see access.ts).
  r.post(
    '/api/integrations/event-notices',
    {
      config: { access: 'public', integration: 'event_notices' },
      schema: {
        tags,
        summary: 'File an event notice with an organisation token (Authorization: Bearer)',
        body: EventNoticeInputSchema,
        response: { 201: EventNoticeReceiptSchema, ...errors },
      },
    },
    async (req, reply) => {
      const caller = req.integration;
      if (!caller) throw new AppError('unauthenticated', 'A valid integration token is required');
      return reply
        .status(201)
        .send(await notices.fileNotice(ctx, { organizationId: caller.organizationId, personId: null, tokenId: caller.tokenId }, req.body));
    },
  );

  const director = { access: 'tokens.manage' as const };
  const ttags = ['integrations'];
  r.get(
    '/api/integrations/tokens',
    { config: director, schema: { tags: ttags, summary: 'Integration tokens', response: { 200: IntegrationTokenListSchema } } },
    async (req) => tokens.listIntegrationTokens(ctx, requireActor(req)),
  );
  r.post(
    '/api/integrations/tokens',
    {
      config: director,
      schema: {
        tags: ttags,
        summary: 'Create a token (its secret is shown once)',
        body: IntegrationTokenCreateSchema,
        response: { 201: CreatedIntegrationTokenSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await tokens.createIntegrationToken(ctx, requireActor(req), req.body.label)),
  );
  r.post(
    '/api/integrations/tokens/:id/revoke',
    {
      config: director,
      schema: { tags: ttags, summary: 'Revoke a token', params: IdParamsSchema, response: { 200: IntegrationTokenSchema, ...errors } },
    },
    async (req) => tokens.revokeIntegrationToken(ctx, requireActor(req), req.params.id),
  );

  // The one-click "no thanks" from the outreach e-mail. GET only tells the page whether the link
  // still works; declining is a POST, because mail scanners fetch links.
  const open = { access: 'public' as const };
  const otags = ['outreach'];
  r.get(
    '/api/public/outreach/:token',
    {
      config: open,
      schema: {
        tags: otags,
        summary: 'Is this "no thanks" link still valid?',
        params: OutreachTokenParamsSchema,
        response: { 200: OutreachInviteStatusSchema, ...errors },
      },
    },
    async (req) => ({ valid: await outreachInviteIsValid(ctx, req.params.token) }),
  );
  r.post(
    '/api/public/outreach/:token/decline',
    {
      config: open,
      schema: {
        tags: otags,
        summary: 'No thanks: no further contact',
        params: OutreachTokenParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await declineByInvite(ctx, req.params.token);
      return reply.status(204).send(null);
    },
  );
}
