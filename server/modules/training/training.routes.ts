import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  AttendanceInputSchema,
  CurriculumInputSchema,
  CurriculumSchema,
  CurriculumVersionParamsSchema,
  InvitationsInputSchema,
  MyTrainingSchema,
  ObservationInputSchema,
  ScenarioInputSchema,
  ScenarioPatchSchema,
  ScenarioSchema,
  TrainingOverviewSchema,
  TrainingSessionChangeSchema,
  TrainingSessionInputSchema,
  TrainingSessionPatchSchema,
  TrainingSettingsInputSchema,
} from '../../../shared/schemas/training.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as training from './training.service.ts';

const tags = ['training'];
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const Created = z.object({ id: z.uuid() });
const ics = z.string().describe('An iCalendar file (text/calendar)');
const ICS_HEADERS = { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="invite.ics"' };

/** Training the team (docs/team.md, "Training and certification"). */
export function registerTrainingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/training',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'The curriculum, sessions with invitations and attendance, role-plays, trainees’ progress and coverage per module',
        response: { 200: TrainingOverviewSchema },
      },
    },
    async (request) => training.getOverview(ctx, requireActor(request)),
  );

  r.get(
    '/api/training/curriculum/versions/:version',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'One version of the curriculum (older versions are read-only)',
        params: CurriculumVersionParamsSchema,
        response: { 200: CurriculumSchema, ...errors },
      },
    },
    async (request) => training.getCurriculumVersion(ctx, requireActor(request), request.params.version),
  );

  r.put(
    '/api/training/curriculum',
    {
      config: { access: 'training.configure' },
      schema: {
        tags,
        summary: 'Save the curriculum as a new version',
        body: CurriculumInputSchema,
        response: { 200: CurriculumSchema, ...errors },
      },
    },
    async (request) => training.saveCurriculum(ctx, requireActor(request), request.body),
  );

  r.put(
    '/api/training/settings',
    {
      config: { access: 'training.configure' },
      schema: {
        tags,
        summary: 'How many months a certification earned by training lasts',
        body: TrainingSettingsInputSchema,
        response: { 200: TrainingSettingsInputSchema, ...errors },
      },
    },
    async (request) => training.saveSettings(ctx, requireActor(request), request.body.certificationMonths),
  );

  r.post(
    '/api/training/scenarios',
    {
      config: { access: 'training.configure' },
      schema: { tags, summary: 'Add a role-play scenario', body: ScenarioInputSchema, response: { 201: ScenarioSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await training.addScenario(ctx, requireActor(request), request.body)),
  );

  r.patch(
    '/api/training/scenarios/:id',
    {
      config: { access: 'training.configure' },
      schema: {
        tags,
        summary: 'Edit a role-play scenario',
        params: IdParamsSchema,
        body: ScenarioPatchSchema,
        response: { 200: ScenarioSchema, ...errors },
      },
    },
    async (request) => training.editScenario(ctx, requireActor(request), request.params.id, request.body),
  );

  r.post(
    '/api/training/sessions',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Schedule a training session (in person or remote) covering some modules',
        body: TrainingSessionInputSchema,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await training.createSession(ctx, requireActor(request), request.body)),
  );

  r.patch(
    '/api/training/sessions/:id',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary:
          'Change a session: time, place, facilitator, places, modules (same invite, next sequence); the invitees are told when the time or place changed',
        params: IdParamsSchema,
        body: TrainingSessionPatchSchema,
        response: { 200: TrainingSessionChangeSchema, ...errors },
      },
    },
    async (request) => training.changeSession(ctx, requireActor(request), request.params.id, request.body),
  );

  r.post(
    '/api/training/sessions/:id/invitations',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Invite people to a session; each new invitee gets a neutral e-mail',
        params: IdParamsSchema,
        body: InvitationsInputSchema,
        response: { 200: z.object({ invited: z.number().int() }), ...errors },
      },
    },
    async (request) => training.invite(ctx, requireActor(request), request.params.id, request.body.personIds),
  );

  r.post(
    '/api/training/sessions/:id/cancel',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Cancel a session; the invitees are told',
        params: IdParamsSchema,
        response: { 204: z.null().describe('No content'), ...errors },
      },
    },
    async (request, reply) => {
      await training.cancelSession(ctx, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.put(
    '/api/training/sessions/:id/attendance',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Record which of the session’s modules an invitee attended; certifies them if the training rule is then met',
        params: IdParamsSchema,
        body: AttendanceInputSchema,
        response: { 204: z.null().describe('No content'), ...errors },
      },
    },
    async (request, reply) => {
      await training.recordAttendance(ctx, requireActor(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/training/observations',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Record an observed role-play: the checklist and pass or repeat; certifies the trainee if the rule is then met',
        body: ObservationInputSchema,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await training.recordObservation(ctx, requireActor(request), request.body)),
  );

  r.get(
    '/api/training/me',
    {
      config: { access: 'team.self' },
      schema: {
        tags,
        summary: 'My training: modules attended against the curriculum, role-play results, sessions I am invited to',
        response: { 200: MyTrainingSchema },
      },
    },
    async (request) => training.getMyTraining(ctx, requireActor(request)),
  );

  r.get(
    '/api/training/me/sessions/:id/invite.ics',
    {
      config: { access: 'team.self' },
      schema: {
        tags,
        summary: 'The calendar file of a session I am invited to (a cancellation once it is cancelled)',
        params: IdParamsSchema,
        response: { 200: ics, ...errors },
      },
    },
    async (request, reply) => reply.headers(ICS_HEADERS).send(await training.myInvite(ctx, requireActor(request), request.params.id)),
  );
}
