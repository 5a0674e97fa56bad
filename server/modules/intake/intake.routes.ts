import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnonymousReceiptSchema,
  AnonymousRequestInputSchema,
  ColleagueReferralInputSchema,
  MyRequestSchema,
  ReferralReceiptSchema,
  SelfRequestInputSchema,
  SupporterDebriefInputSchema,
  SupporterDebriefReceiptSchema,
} from '../../../shared/schemas/case.ts';
import { ErrorBodySchema } from '../../../shared/schemas/common.ts';
import { SupporterDirectoryQuerySchema, SupporterDirectorySchema } from '../../../shared/schemas/supporter-directory.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import { toMyRequest } from '../cases/index.ts';
import * as intake from './intake.service.ts';
import * as directory from './supporter-directory.service.ts';
import { requestSupporterDebrief } from './supporter-debrief.service.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/**
 * Intake: asking for support (for oneself, with a chosen supporter, anonymously) and referring a
 * colleague. A new case's clocks, urgent paging and first offer start here; what happens to the case
 * afterwards is the cases module's.
 */
export function registerIntakeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const request = { access: 'support.request' as const };
  const open = { access: 'public' as const };
  const tags = ['support requests'];

  r.post(
    '/api/support/requests',
    {
      config: request,
      schema: { tags, summary: 'Ask for support for myself', body: SelfRequestInputSchema, response: { 201: MyRequestSchema, ...errors } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { supporterId } = req.body;
      const row = supporterId
        ? await directory.createRequestForChosenSupporter(ctx, actor, { ...req.body, supporterId }, originOf(req))
        : await intake.createSelfRequest(ctx, actor, req.body, originOf(req));
      // The row the transaction committed is the answer: no second read.
      return reply.status(201).send(await toMyRequest(ctx, row));
    },
  );

  r.get(
    '/api/support/supporter-directory',
    {
      config: { access: 'support.choose_supporter' },
      schema: {
        tags,
        summary: 'Supporters I may choose myself, where the program allows it (404 when it does not)',
        querystring: SupporterDirectoryQuerySchema,
        response: { 200: SupporterDirectorySchema, 404: ErrorBodySchema },
      },
    },
    async (req) => ({ supporters: await directory.listSupporterDirectory(ctx, requireActor(req), req.query) }),
  );

  r.post(
    '/api/supporter/debrief-request',
    {
      config: { access: 'supporter.self' },
      schema: {
        tags: ['supporter workspace'],
        summary: '"I need a debrief myself": a request the program director arranges, not the matcher',
        body: SupporterDebriefInputSchema,
        response: { 201: SupporterDebriefReceiptSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await requestSupporterDebrief(ctx, requireActor(req), req.body, originOf(req))),
  );

  r.post(
    '/api/support/referrals',
    {
      config: request,
      schema: {
        tags,
        summary: 'Suggest support for a colleague',
        body: ColleagueReferralInputSchema,
        response: { 202: ReferralReceiptSchema, ...errors },
      },
    },
    async (req, reply) => {
      await intake.createColleagueReferral(ctx, requireActor(req), req.body, originOf(req));
      return reply.status(202).send({ received: true as const });
    },
  );

  r.post(
    '/api/public/support/requests',
    {
      config: open,
      schema: {
        tags,
        summary: 'Ask for support without an account',
        body: AnonymousRequestInputSchema,
        response: { 201: AnonymousReceiptSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await intake.createAnonymousRequest(ctx, req.body, originOf(req))),
  );
}
