import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  DepartmentInputSchema,
  DepartmentPatchSchema,
  DepartmentSchema,
  OrganizationStructureSchema,
  ProfessionInputSchema,
  ProfessionPatchSchema,
  ProfessionSchema,
  SiteInputSchema,
  SitePatchSchema,
  SiteSchema,
} from '../../../shared/schemas/organization.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as organization from './organization.service.ts';

const tags = ['organization'];

export function registerOrganizationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { access: 'organization.manage' as const };

  r.get(
    '/api/organization/structure',
    {
      config: { access: 'organization.read' },
      schema: { tags, summary: 'Sites, departments and professions', response: { 200: OrganizationStructureSchema } },
    },
    async (request) => organization.getStructure(ctx, requireActor(request)),
  );

  r.post(
    '/api/organization/sites',
    { config: manage, schema: { tags, body: SiteInputSchema, response: { 201: SiteSchema } } },
    async (request, reply) => reply.status(201).send(await organization.createSite(ctx, requireActor(request), request.body)),
  );
  r.patch(
    '/api/organization/sites/:id',
    { config: manage, schema: { tags, params: IdParamsSchema, body: SitePatchSchema, response: { 200: SiteSchema } } },
    async (request) => organization.updateSite(ctx, requireActor(request), request.params.id, request.body),
  );

  r.post(
    '/api/organization/departments',
    { config: manage, schema: { tags, body: DepartmentInputSchema, response: { 201: DepartmentSchema } } },
    async (request, reply) => reply.status(201).send(await organization.createDepartment(ctx, requireActor(request), request.body)),
  );
  r.patch(
    '/api/organization/departments/:id',
    { config: manage, schema: { tags, params: IdParamsSchema, body: DepartmentPatchSchema, response: { 200: DepartmentSchema } } },
    async (request) => organization.updateDepartment(ctx, requireActor(request), request.params.id, request.body),
  );

  r.post(
    '/api/organization/professions',
    { config: manage, schema: { tags, body: ProfessionInputSchema, response: { 201: ProfessionSchema } } },
    async (request, reply) => reply.status(201).send(await organization.createProfession(ctx, requireActor(request), request.body)),
  );
  r.patch(
    '/api/organization/professions/:id',
    { config: manage, schema: { tags, params: IdParamsSchema, body: ProfessionPatchSchema, response: { 200: ProfessionSchema } } },
    async (request) => organization.updateProfession(ctx, requireActor(request), request.params.id, request.body),
  );
}
