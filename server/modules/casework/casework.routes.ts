import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SupporterCaseListSchema } from '../../../shared/schemas/case.ts';
import {
  CloseCaseInputSchema,
  ContactAttemptInputSchema,
  CrisisProtocolSchema,
  EncounterInputSchema,
  FeedbackInputSchema,
  FeedbackTokenParamsSchema,
  FeedbackTokenStatusSchema,
  OutreachTemplateListSchema,
  ReferralParamsSchema,
  SupporterCaseDetailSchema,
} from '../../../shared/schemas/casework.ts';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import { listMyCases } from './caseload.service.ts';
import * as service from './casework.service.ts';
import { OUTREACH_TEMPLATES } from './outreach-templates.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const noContent = { 204: z.null(), ...errors };

/** The supporter's caseload and casework on an assigned case, and anonymous feedback. */
export function registerCaseworkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const supporter = { access: 'supporter.self' as const };
  const tags = ['supporter workspace'];

  r.get(
    '/api/supporter/cases',
    { config: supporter, schema: { tags, summary: 'My open cases', response: { 200: SupporterCaseListSchema } } },
    async (req) => ({ cases: await listMyCases(ctx, requireActor(req), originOf(req)) }),
  );

  r.get(
    '/api/supporter/outreach-templates',
    { config: supporter, schema: { tags, summary: '"Touching base" messages to copy', response: { 200: OutreachTemplateListSchema } } },
    async () => ({
      templates: OUTREACH_TEMPLATES,
    }),
  );

  r.get(
    '/api/supporter/cases/:id',
    {
      config: supporter,
      schema: {
        tags,
        summary: 'One of my cases, with its log',
        params: IdParamsSchema,
        response: { 200: SupporterCaseDetailSchema, ...errors },
      },
    },
    async (req) => service.getCaseDetail(ctx, requireActor(req), req.params.id, originOf(req)),
  );

  r.post(
    '/api/supporter/cases/:id/contact-attempts',
    {
      config: supporter,
      schema: { tags, summary: 'Log an outreach attempt', params: IdParamsSchema, body: ContactAttemptInputSchema, response: noContent },
    },
    async (req, reply) => {
      await service.recordContactAttempt(ctx, requireActor(req), req.params.id, req.body, originOf(req));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/supporter/cases/:id/encounters',
    {
      config: supporter,
      schema: { tags, summary: 'Log a conversation (no notes)', params: IdParamsSchema, body: EncounterInputSchema, response: noContent },
    },
    async (req, reply) => {
      await service.logEncounter(ctx, requireActor(req), req.params.id, req.body, originOf(req));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/supporter/cases/:id/referrals/:category/taken-up',
    { config: supporter, schema: { tags, summary: 'An offered referral was taken up', params: ReferralParamsSchema, response: noContent } },
    async (req, reply) => {
      await service.markReferralTakenUp(ctx, requireActor(req), req.params.id, req.params.category, originOf(req));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/supporter/cases/:id/close',
    {
      config: supporter,
      schema: { tags, summary: 'Close with an outcome', params: IdParamsSchema, body: CloseCaseInputSchema, response: noContent },
    },
    async (req, reply) => {
      await service.closeCase(ctx, requireActor(req), req.params.id, req.body.outcome, originOf(req));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/supporter/cases/:id/escalate',
    {
      config: supporter,
      schema: {
        tags,
        summary: 'Imminent risk: alert and show the crisis protocol',
        params: IdParamsSchema,
        response: { 200: CrisisProtocolSchema, ...errors },
      },
    },
    async (req) => service.escalateRisk(ctx, requireActor(req), req.params.id, originOf(req)),
  );

  const open = { access: 'public' as const };
  const ftags = ['feedback'];
  r.get(
    '/api/public/feedback/:token',
    { config: open, schema: { tags: ftags, params: FeedbackTokenParamsSchema, response: { 200: FeedbackTokenStatusSchema, ...errors } } },
    async (req) => ({ valid: await service.feedbackTokenIsValid(ctx, req.params.token) }),
  );
  r.post(
    '/api/public/feedback/:token',
    { config: open, schema: { tags: ftags, params: FeedbackTokenParamsSchema, body: FeedbackInputSchema, response: noContent } },
    async (req, reply) => {
      await service.submitFeedback(ctx, req.params.token, req.body);
      return reply.status(204).send(null);
    },
  );
}
