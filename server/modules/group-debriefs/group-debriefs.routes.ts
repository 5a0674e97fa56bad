import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  DebriefInviteParamsSchema,
  DebriefParamsSchema,
  GroupDebriefChangeSchema,
  GroupDebriefInputSchema,
  GroupDebriefListSchema,
  GroupDebriefOutcomeSchema,
  GroupDebriefSchema,
} from '../../../shared/schemas/group-debriefs.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import { cancelDebrief, changeDebrief } from './debrief-changes.service.ts';
import * as service from './group-debriefs.service.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const ics = z.string().describe('An iCalendar file (text/calendar)');
const ICS_HEADERS = { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="invite.ics"' };

/**
 * Group debriefs after an event notice, for the administrators (events.manage);
 * the reporter's routes never mention them. The invite link from the e-mail is public: its token is
 * the only key, and the file it answers is a neutral calendar invite.
 */
export function registerGroupDebriefRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['group debriefs'];
  const manage = { access: 'events.manage' as const };

  r.post(
    '/api/event-notices/:id/debriefs',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Schedule a group debrief for a notice',
        params: IdParamsSchema,
        body: GroupDebriefInputSchema,
        response: { 201: GroupDebriefSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.scheduleDebrief(ctx, requireActor(req), req.params.id, req.body, originOf(req))),
  );
  r.get(
    '/api/event-notices/:id/debriefs',
    {
      config: manage,
      schema: { tags, summary: 'Group debriefs of a notice', params: IdParamsSchema, response: { 200: GroupDebriefListSchema, ...errors } },
    },
    async (req) => service.listDebriefs(ctx, requireActor(req), req.params.id),
  );
  r.put(
    '/api/event-notices/:id/debriefs/:debriefId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change time, length, place, facilitators or invite list (same invite, next sequence)',
        params: DebriefParamsSchema,
        body: GroupDebriefChangeSchema,
        response: { 200: GroupDebriefSchema, ...errors },
      },
    },
    async (req) => changeDebrief(ctx, requireActor(req), req.params.id, req.params.debriefId, req.body, originOf(req)),
  );
  r.post(
    '/api/event-notices/:id/debriefs/:debriefId/cancel',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Cancel a debrief (everyone asked gets a cancellation)',
        params: DebriefParamsSchema,
        response: { 200: GroupDebriefSchema, ...errors },
      },
    },
    async (req) => cancelDebrief(ctx, requireActor(req), req.params.id, req.params.debriefId, originOf(req)),
  );
  r.post(
    '/api/event-notices/:id/debriefs/:debriefId/outcome',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record the head count and length (nothing else)',
        params: DebriefParamsSchema,
        body: GroupDebriefOutcomeSchema,
        response: { 200: GroupDebriefSchema, ...errors },
      },
    },
    async (req) => service.recordOutcome(ctx, requireActor(req), req.params.id, req.params.debriefId, req.body, originOf(req)),
  );
  r.get(
    '/api/public/debrief-invites/:token',
    {
      config: { access: 'public' as const },
      schema: {
        tags,
        summary: 'The calendar invite behind an e-mail link (neutral title)',
        params: DebriefInviteParamsSchema,
        response: { 200: ics, ...errors },
      },
    },
    async (req, reply) => reply.headers(ICS_HEADERS).send(await service.debriefInvite(ctx, req.params.token)),
  );
}
