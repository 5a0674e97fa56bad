import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import { SignInLinkSentSchema } from '../../../shared/schemas/person.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as admin from './account-admin.service.ts';

// Listed with the people routes: the URL names the person whose sign-in changes.
const tags = ['people'];
const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/** Another person's sign-in: a link to set their password, or a reset of their second factor. */
export function registerAccountAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { access: 'people.manage' as const };

  r.post(
    '/api/people/:id/sign-in-link',
    {
      config: manage,
      schema: {
        tags,
        summary:
          "E-mail the person a single-use link to set their password (an invitation without an account); nobody sets another person's password",
        params: IdParamsSchema,
        response: { 202: SignInLinkSentSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(202).send(await admin.sendSignInLink(ctx, requireActor(request), request.params.id)),
  );

  r.post(
    '/api/people/:id/second-factor/reset',
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Remove the person's authenticator app and recovery codes and end their sessions; they set up a new one at their next sign-in (step-up)",
        params: IdParamsSchema,
        response: { 204: z.null().describe('No content'), ...errors },
      },
    },
    async (request, reply) => {
      await admin.resetPersonSecondFactor(ctx, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
