import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  MeetingAttendanceInputSchema,
  MyTeamMeetingsSchema,
  TeamMeetingInputSchema,
  TeamMeetingsOverviewSchema,
} from '../../../shared/schemas/team-meetings.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as meetings from './team-meetings.service.ts';
import * as views from './team-meetings-view.service.ts';

const tags = ['team'];
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const NoContent = z.null().describe('No content');
const ICS_HEADERS = { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="invite.ics"' };

/** Supervision and community meetings for the team (docs/team.md, "Looking after the team"). */
export function registerTeamMeetingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/team/meetings',
    {
      config: { access: 'team.meetings' },
      schema: {
        tags,
        summary: 'Meetings to come and of the last year with who came, and each team member’s attendance',
        response: { 200: TeamMeetingsOverviewSchema },
      },
    },
    async (request) => views.getMeetingsOverview(ctx, requireActor(request)),
  );

  r.post(
    '/api/team/meetings',
    {
      config: { access: 'team.meetings' },
      schema: {
        tags,
        summary: 'Schedule a supervision or community meeting; the whole team gets a neutral e-mail',
        body: TeamMeetingInputSchema,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await meetings.scheduleMeeting(ctx, requireActor(request), request.body)),
  );

  r.put(
    '/api/team/meetings/:id',
    {
      config: { access: 'team.meetings' },
      schema: {
        tags,
        summary: 'Change a meeting that has not started; the team is told when the time or place changed',
        params: IdParamsSchema,
        body: TeamMeetingInputSchema,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await meetings.updateMeeting(ctx, requireActor(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/team/meetings/:id/cancel',
    {
      config: { access: 'team.meetings' },
      schema: { tags, summary: 'Cancel a meeting; the team is told', params: IdParamsSchema, response: { 204: NoContent, ...errors } },
    },
    async (request, reply) => {
      await meetings.cancelMeeting(ctx, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.put(
    '/api/team/meetings/:id/attendance',
    {
      config: { access: 'team.meetings' },
      schema: {
        tags,
        summary: 'Record who came to a meeting that has started (replaces the list)',
        params: IdParamsSchema,
        body: MeetingAttendanceInputSchema,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await meetings.recordAttendance(ctx, requireActor(request), request.params.id, request.body.personIds);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/team/me/meetings',
    {
      config: { access: 'team.self' },
      schema: {
        tags,
        summary: 'My team meetings to come and how many I came to in the last year (none unless I am on the team)',
        response: { 200: MyTeamMeetingsSchema },
      },
    },
    async (request) => views.getMyMeetings(ctx, requireActor(request)),
  );

  r.get(
    '/api/team/me/meetings/:id/invite.ics',
    {
      config: { access: 'team.self' },
      schema: {
        tags,
        summary: 'The calendar file of a team meeting (a cancellation once it is cancelled)',
        params: IdParamsSchema,
        response: { 200: z.string().describe('An iCalendar file (text/calendar)'), ...errors },
      },
    },
    async (request, reply) => reply.headers(ICS_HEADERS).send(await views.myMeetingInvite(ctx, requireActor(request), request.params.id)),
  );
}
