import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  PeoplePageSchema,
  PeopleQuerySchema,
  PersonInputSchema,
  PersonDetailSchema,
  PersonPatchSchema,
  PersonSchema,
  RolesInputSchema,
} from '../../../shared/schemas/person.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as people from './people.service.ts';

const tags = ['people'];
const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

export function registerPeopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { access: 'people.manage' as const };

  r.get(
    '/api/people',
    {
      config: { access: 'people.read' },
      schema: { tags, summary: 'Search the staff directory', querystring: PeopleQuerySchema, response: { 200: PeoplePageSchema } },
    },
    async (request) => people.searchPeople(ctx, requireActor(request), request.query),
  );

  r.post(
    '/api/people',
    { config: manage, schema: { tags, body: PersonInputSchema, response: { 201: PersonSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await people.createPerson(ctx, requireActor(request), request.body)),
  );

  r.get(
    '/api/people/:id',
    { config: { access: 'people.read' }, schema: { tags, params: IdParamsSchema, response: { 200: PersonDetailSchema } } },
    async (request) => people.getPerson(ctx, requireActor(request), request.params.id),
  );

  r.patch(
    '/api/people/:id',
    { config: manage, schema: { tags, params: IdParamsSchema, body: PersonPatchSchema, response: { 200: PersonSchema, ...errors } } },
    async (request) => people.updatePerson(ctx, requireActor(request), request.params.id, request.body),
  );

  r.post(
    '/api/people/:id/deactivate',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Deactivate; ends their sessions at once',
        params: IdParamsSchema,
        response: { 200: PersonSchema, ...errors },
      },
    },
    async (request) => people.setPersonActive(ctx, requireActor(request), request.params.id, false),
  );

  r.post(
    '/api/people/:id/reactivate',
    { config: manage, schema: { tags, params: IdParamsSchema, response: { 200: PersonSchema, ...errors } } },
    async (request) => people.setPersonActive(ctx, requireActor(request), request.params.id, true),
  );

  r.put(
    '/api/people/:id/roles',
    {
      config: { access: 'roles.grant' },
      schema: { tags, params: IdParamsSchema, body: RolesInputSchema, response: { 200: PersonSchema, ...errors } },
    },
    async (request) => people.setRoles(ctx, requireActor(request), request.params.id, request.body.roles),
  );
}
