import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  DirectorSupporterEventSchema,
  MyJourneySchema,
  NominationInputSchema,
  NominationReceiptSchema,
  OwnSupporterEventSchema,
  TeamViewSchema,
} from '../../../shared/schemas/team.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as journeys from './journey.service.ts';
import { getTeam } from './team-view.service.ts';

const tags = ['team'];
const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/** Building the team (docs/team.md): nominations, one's own journey, the director's view and decisions. */
export function registerTeamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/team/nominations',
    {
      config: { access: 'team.self' },
      schema: {
        tags,
        summary:
          "Put a colleague's work e-mail forward as a peer supporter (or one's own to volunteer); the same answer whoever the address belongs to",
        body: NominationInputSchema,
        response: { 202: NominationReceiptSchema, 400: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => reply.status(202).send(await journeys.nominate(ctx, requireActor(request), request.body.email)),
  );

  r.get(
    '/api/team/me',
    {
      config: { access: 'team.self' },
      schema: { tags, summary: 'Where I stand in the program, and what I may do', response: { 200: MyJourneySchema } },
    },
    async (request) => journeys.getMyJourney(ctx, requireActor(request)),
  );

  r.post(
    '/api/team/me/events',
    {
      config: { access: 'team.self' },
      schema: {
        tags,
        summary: 'Answer a nomination, withdraw, pause, resume or retire',
        body: OwnSupporterEventSchema,
        response: { 200: MyJourneySchema, ...errors },
      },
    },
    async (request) => journeys.moveOwnJourney(ctx, requireActor(request), request.body),
  );

  r.get(
    '/api/team',
    {
      config: { access: 'team.read' },
      schema: {
        tags,
        summary: 'The team pipeline: counts per stage, everyone past their own yes, who lapses soon',
        response: { 200: TeamViewSchema },
      },
    },
    async (request) => getTeam(ctx, requireActor(request)),
  );

  r.post(
    '/api/team/:id/events',
    {
      config: { access: 'team.decide' },
      schema: {
        tags,
        summary: "The director's decision: take into training, certify, activate, pause, retire, not select, start a refresher",
        params: IdParamsSchema,
        body: DirectorSupporterEventSchema,
        response: { 204: z.null().describe('No content'), ...errors },
      },
    },
    async (request, reply) => {
      await journeys.decide(ctx, requireActor(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
