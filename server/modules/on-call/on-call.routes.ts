import type { FastifyInstance } from 'fastify';
import type { AccessRule } from '../../../shared/permissions.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  FeedParamsSchema,
  FeedTokenSchema,
  OnCallNowSchema,
  RotaSchema,
  RotationInputSchema,
  ScheduleQuerySchema,
  ScheduleSchema,
  ShiftInputSchema,
  ShiftSchema,
  SwapListSchema,
  SwapOnBehalfInputSchema,
  SwapRequestInputSchema,
  SwapSchema,
  TakeNowInputSchema,
} from '../../../shared/schemas/on-call.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import { issueFeedToken, renderFeed, revokeFeedToken } from './on-call-feed.ts';
import * as onCall from './on-call.service.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const Empty = z.null().describe('No content');
const ics = z.string().describe('An iCalendar feed (text/calendar)');

/**
 * The on-call rota. Administrators (`rota.manage`) run it under /api/on-call; supporters
 * (`rota.self`) see it and act on their own time under /api/supporter/on-call. The calendar feed is
 * public: the token in its address is the credential.
 */
export function registerOnCallRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { access: 'rota.manage' as const };
  const self = { access: 'rota.self' as const };
  const tags = ['on-call'];

  // --- both sides: who is on call and the calendar ---------------------------------------------
  const sides: { prefix: string; config: { access: AccessRule } }[] = [
    { prefix: '/api/on-call', config: manage },
    { prefix: '/api/supporter/on-call', config: self },
  ];
  for (const { prefix, config } of sides) {
    r.get(
      `${prefix}/now`,
      { config, schema: { tags, summary: 'Who is on call now, until when, and who comes next', response: { 200: OnCallNowSchema } } },
      async (req) => onCall.getNow(ctx, requireActor(req)),
    );
    r.get(
      `${prefix}/schedule`,
      {
        config,
        schema: {
          tags,
          summary: 'The resolved on-call stretches between two instants (at most 62 days)',
          querystring: ScheduleQuerySchema,
          response: { 200: ScheduleSchema, 400: ErrorBodySchema },
        },
      },
      async (req) => onCall.getSchedule(ctx, requireActor(req), req.query),
    );
  }

  // --- administrators ----------------------------------------------------------------------------
  r.get(
    '/api/on-call/rota',
    {
      config: manage,
      schema: { tags, summary: 'The rotation, upcoming shifts and overrides, recent swaps', response: { 200: RotaSchema } },
    },
    async (req) => onCall.getRota(ctx, requireActor(req)),
  );
  r.put(
    '/api/on-call/rotation',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set the rolling rotation (members in order, hand-off day and time, period)',
        body: RotationInputSchema,
        response: { 200: RotaSchema, 400: ErrorBodySchema },
      },
    },
    async (req) => onCall.setRotation(ctx, requireActor(req), req.body, originOf(req)),
  );
  r.post(
    '/api/on-call/shifts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a single shift or an override',
        body: ShiftInputSchema,
        response: { 201: ShiftSchema, 400: ErrorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await onCall.addShift(ctx, requireActor(req), req.body, originOf(req))),
  );
  r.delete(
    '/api/on-call/shifts/:id',
    {
      config: manage,
      schema: { tags, summary: 'Remove a single shift or an override', params: IdParamsSchema, response: { 204: Empty, ...errors } },
    },
    async (req, reply) => {
      await onCall.removeShift(ctx, requireActor(req), req.params.id, originOf(req));
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/on-call/swaps',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Move a stretch from one supporter to another on their behalf (accepted at once, audited)',
        body: SwapOnBehalfInputSchema,
        response: { 201: SwapSchema, 400: ErrorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await onCall.swapOnBehalf(ctx, requireActor(req), req.body, originOf(req))),
  );

  // --- supporters --------------------------------------------------------------------------------
  r.post(
    '/api/supporter/on-call/take-now',
    {
      config: self,
      schema: {
        tags,
        summary: 'Take over on call from now for a number of hours',
        body: TakeNowInputSchema,
        response: { 200: OnCallNowSchema, 400: ErrorBodySchema },
      },
    },
    async (req) => onCall.takeNow(ctx, requireActor(req), req.body),
  );
  r.get(
    '/api/supporter/on-call/swaps',
    { config: self, schema: { tags, summary: 'Swaps I asked for or was asked to take', response: { 200: SwapListSchema } } },
    async (req) => ({ swaps: await onCall.listMySwaps(ctx, requireActor(req)) }),
  );
  r.post(
    '/api/supporter/on-call/swaps',
    {
      config: self,
      schema: {
        tags,
        summary: 'Ask a colleague to take a stretch of my on-call time',
        body: SwapRequestInputSchema,
        response: { 201: SwapSchema, 400: ErrorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await onCall.requestSwap(ctx, requireActor(req), req.body)),
  );
  for (const answer of ['accept', 'decline', 'cancel'] as const) {
    r.post(
      `/api/supporter/on-call/swaps/:id/${answer}`,
      {
        config: self,
        schema: {
          tags,
          summary: `${answer[0]!.toUpperCase()}${answer.slice(1)} a swap`,
          params: IdParamsSchema,
          response: { 200: SwapSchema, ...errors },
        },
      },
      async (req) => onCall.answerSwap(ctx, requireActor(req), req.params.id, answer),
    );
  }
  r.post(
    '/api/supporter/on-call/feed-token',
    {
      config: self,
      schema: {
        tags,
        summary: 'A new address for my calendar feed (shown once; the old one stops working)',
        response: { 201: FeedTokenSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await issueFeedToken(ctx, requireActor(req))),
  );
  r.delete(
    '/api/supporter/on-call/feed-token',
    { config: self, schema: { tags, summary: 'Turn my calendar feed off', response: { 204: Empty } } },
    async (req, reply) => {
      await revokeFeedToken(ctx, requireActor(req));
      return reply.status(204).send(null);
    },
  );

  // --- the calendar feed -------------------------------------------------------------------------
  r.get(
    '/api/public/on-call/feed/:token.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A supporter's own on-call stretches for the next 8 weeks",
        params: FeedParamsSchema,
        response: { 200: ics, 404: ErrorBodySchema, 400: ErrorBodySchema },
      },
    },
    async (req, reply) =>
      reply
        .headers({
          'content-type': 'text/calendar; charset=utf-8',
          'cache-control': 'no-store',
          'content-disposition': 'inline; filename="on-call.ics"',
        })
        .send(await renderFeed(ctx, req.params.token)),
  );
}
