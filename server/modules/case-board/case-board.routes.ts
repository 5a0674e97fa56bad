import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssignInputSchema,
  AuditPageSchema,
  AuditQuerySchema,
  CaseBoardEntrySchema,
  CaseBoardQuerySchema,
  CaseBoardSchema,
  CaseContactSchema,
  CaseSuggestionsSchema,
} from '../../../shared/schemas/case-board.ts';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import * as board from './case-board.service.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/** The administrator case board (`cases.manage`) and the director's audit log (`audit.read`). */
export function registerCaseBoardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { access: 'cases.manage' as const };
  const tags = ['case board'];

  r.get(
    '/api/cases',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Open cases with clocks and supporters, never the requester',
        querystring: CaseBoardQuerySchema,
        response: { 200: CaseBoardSchema, 400: ErrorBodySchema },
      },
    },
    async (req) => ({ cases: await board.listBoard(ctx, requireActor(req), req.query) }),
  );
  r.get(
    '/api/cases/:id/contact',
    {
      config: manage,
      schema: {
        tags,
        summary: "The requester's first name and contact, to act on the case (audited)",
        params: IdParamsSchema,
        response: { 200: CaseContactSchema, ...errors },
      },
    },
    async (req) => board.viewContact(ctx, requireActor(req), req.params.id, originOf(req)),
  );
  r.get(
    '/api/cases/:id/suggestions',
    {
      config: manage,
      schema: {
        tags,
        summary: "The matcher's best candidate and two alternates, with reasons",
        params: IdParamsSchema,
        response: { 200: CaseSuggestionsSchema, ...errors },
      },
    },
    async (req) => board.suggestions(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/assign',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Assign or reassign a case by hand',
        params: IdParamsSchema,
        body: AssignInputSchema,
        response: { 200: CaseBoardEntrySchema, ...errors },
      },
    },
    async (req) => board.assign(ctx, requireActor(req), req.params.id, req.body, originOf(req)),
  );

  r.get(
    '/api/audit',
    {
      config: { access: 'audit.read' as const },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, 400: ErrorBodySchema },
      },
    },
    async (req) => ({ entries: await board.auditLog(ctx, requireActor(req), req.query) }),
  );
}
