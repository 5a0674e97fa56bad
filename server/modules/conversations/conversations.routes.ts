import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConversationGuideInputSchema,
  ConversationGuideSchema,
  ConversationSettingsPatchSchema,
  ConversationSettingsSchema,
  ConversationInputSchema,
  ConversationListSchema,
  ConversationParamsSchema,
  ConversationRescheduleSchema,
  ConversationSchema,
} from '../../../shared/schemas/conversations.ts';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import * as service from './conversations.service.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const ics = z.string().describe('An iCalendar file (text/calendar)');
const ICS_HEADERS = { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="invite.ics"' };

/**
 * Private conversations: scheduling by the assigned supporter, the requester's view, neutral calendar
 * invites, and the conversation guide. No route here accepts notes: nothing said is stored.
 */
export function registerConversationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const supporter = { access: 'supporter.self' as const };
  const tags = ['conversations'];

  r.get(
    '/api/supporter/cases/:id/conversations',
    {
      config: supporter,
      schema: {
        tags,
        summary: 'Conversations planned on one of my cases',
        params: IdParamsSchema,
        response: { 200: ConversationListSchema, ...errors },
      },
    },
    async (req) => ({ conversations: await service.listCaseConversations(ctx, requireActor(req), req.params.id) }),
  );

  r.post(
    '/api/supporter/cases/:id/conversations',
    {
      config: supporter,
      schema: {
        tags,
        summary: 'Schedule a conversation',
        params: IdParamsSchema,
        body: ConversationInputSchema,
        response: { 201: ConversationSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.scheduleConversation(ctx, requireActor(req), req.params.id, req.body, originOf(req))),
  );

  r.patch(
    '/api/supporter/cases/:id/conversations/:conversationId',
    {
      config: supporter,
      schema: {
        tags,
        summary: 'Reschedule (same invite, next sequence)',
        params: ConversationParamsSchema,
        body: ConversationRescheduleSchema,
        response: { 200: ConversationSchema, ...errors },
      },
    },
    async (req) =>
      service.rescheduleConversation(ctx, requireActor(req), req.params.id, req.params.conversationId, req.body, originOf(req)),
  );

  r.post(
    '/api/supporter/cases/:id/conversations/:conversationId/cancel',
    {
      config: supporter,
      schema: {
        tags,
        summary: 'Cancel a conversation',
        params: ConversationParamsSchema,
        response: { 200: ConversationSchema, ...errors },
      },
    },
    async (req) => service.cancelConversation(ctx, requireActor(req), req.params.id, req.params.conversationId, originOf(req)),
  );

  r.get(
    '/api/supporter/cases/:id/conversations/:conversationId/invite.ics',
    {
      config: supporter,
      schema: { tags, summary: 'The calendar invite (neutral title)', params: ConversationParamsSchema, response: { 200: ics, ...errors } },
    },
    async (req, reply) =>
      reply.headers(ICS_HEADERS).send(await service.supporterInvite(ctx, requireActor(req), req.params.id, req.params.conversationId)),
  );

  const requester = { access: 'support.request' as const };
  const rtags = ['support requests'];
  r.get(
    '/api/support/requests/:id/conversations',
    {
      config: requester,
      schema: {
        tags: rtags,
        summary: 'Conversations planned on my request',
        params: IdParamsSchema,
        response: { 200: ConversationListSchema, ...errors },
      },
    },
    async (req) => ({ conversations: await service.listMyConversations(ctx, requireActor(req), req.params.id) }),
  );
  r.get(
    '/api/support/requests/:id/conversations/:conversationId/invite.ics',
    {
      config: requester,
      schema: {
        tags: rtags,
        summary: 'The calendar invite (neutral title)',
        params: ConversationParamsSchema,
        response: { 200: ics, ...errors },
      },
    },
    async (req, reply) =>
      reply.headers(ICS_HEADERS).send(await service.requesterInvite(ctx, requireActor(req), req.params.id, req.params.conversationId)),
  );

  r.get(
    '/api/supporter/conversation-guide',
    {
      config: supporter,
      schema: {
        tags,
        summary: 'The latest conversation guide (prompts only; nothing typed is stored)',
        response: { 200: ConversationGuideSchema },
      },
    },
    async (req) => service.getGuide(ctx, requireActor(req)),
  );

  const guide = { access: 'guide.manage' as const };
  const stags = ['settings'];
  r.get(
    '/api/settings/conversation-guide',
    { config: guide, schema: { tags: stags, summary: 'The latest conversation guide', response: { 200: ConversationGuideSchema } } },
    async (req) => service.getGuide(ctx, requireActor(req)),
  );
  r.put(
    '/api/settings/conversation-guide',
    {
      config: guide,
      schema: {
        tags: stags,
        summary: 'Save a new version of the guide',
        body: ConversationGuideInputSchema,
        response: { 200: ConversationGuideSchema, ...errors },
      },
    },
    async (req) => service.saveGuide(ctx, requireActor(req), req.body),
  );

  const settings = { access: 'settings.manage' as const };
  r.get(
    '/api/settings/conversations',
    {
      config: settings,
      schema: { tags: stags, summary: 'Invite title and video link pattern', response: { 200: ConversationSettingsSchema } },
    },
    async (req) => service.getConversationSettings(ctx.db, requireActor(req).organizationId),
  );
  r.patch(
    '/api/settings/conversations',
    {
      config: settings,
      schema: {
        tags: stags,
        summary: 'Change the invite title or the video link pattern',
        body: ConversationSettingsPatchSchema,
        response: { 200: ConversationSettingsSchema, ...errors },
      },
    },
    async (req) => service.updateConversationSettings(ctx, requireActor(req), req.body),
  );
}
