import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '../../../shared/schemas/common.ts';
import { FoundationsInputSchema, SetupViewSchema } from '../../../shared/schemas/setup.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import { getSetup, saveFoundations } from './program-setup.service.ts';

const tags = ['setup'];

/** The program's set-up (docs/setup.md). */
export function registerProgramSetupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/setup',
    {
      config: { access: 'setup.manage' },
      schema: {
        tags,
        summary: 'The set-up steps, each judged from what is recorded, and the program’s foundations',
        response: { 200: SetupViewSchema },
      },
    },
    async (request) => getSetup(ctx, requireActor(request)),
  );

  r.put(
    '/api/setup/foundations',
    {
      config: { access: 'setup.manage' },
      schema: {
        tags,
        summary: 'Record the executive sponsor, the protection of what supporters hear, or both',
        body: FoundationsInputSchema,
        response: { 200: SetupViewSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => saveFoundations(ctx, requireActor(request), request.body),
  );
}
