import { ErrorBodySchema } from '../../../shared/schemas/common.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/common.ts';
import {
  ProgramSettingsPatchSchema,
  ProgramSettingsSchema,
  PublicProgramSchema,
  SupportLinePatchSchema,
  SupportLineSchema,
} from '../../../shared/schemas/organization.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as settings from './settings.service.ts';

const PublicProgramQuerySchema = z.strictObject({
  org: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,64}$/, 'Unknown organisation')
    .optional(),
});

export function registerSettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/public/program',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'The program and its support lines, for the public page',
        querystring: PublicProgramQuerySchema,
        response: { 200: PublicProgramSchema },
      },
    },
    async (request) => settings.getPublicProgram(ctx, request.query.org),
  );

  r.get(
    '/api/settings/program',
    { config: { access: 'settings.manage' }, schema: { tags: ['settings'], response: { 200: ProgramSettingsSchema } } },
    async (request) => settings.getProgramSettings(ctx, requireActor(request)),
  );

  r.patch(
    '/api/settings/program',
    {
      config: { access: 'settings.manage' },
      schema: { tags: ['settings'], body: ProgramSettingsPatchSchema, response: { 200: ProgramSettingsSchema, 403: ErrorBodySchema } },
    },
    async (request) => settings.updateProgramSettings(ctx, requireActor(request), request.body),
  );

  r.patch(
    '/api/settings/support-lines/:id',
    {
      config: { access: 'settings.manage' },
      schema: { tags: ['settings'], params: IdParamsSchema, body: SupportLinePatchSchema, response: { 200: SupportLineSchema } },
    },
    async (request) => settings.updateSupportLine(ctx, requireActor(request), request.params.id, request.body),
  );
}
