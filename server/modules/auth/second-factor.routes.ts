import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MeSchema,
  RecoveryCodesSchema,
  SecondFactorInputSchema,
  SecondFactorStatusSchema,
  StepUpInputSchema,
  StepUpResultSchema,
  TotpConfirmSchema,
  TotpEnrolmentSchema,
} from '../../../shared/schemas/auth.ts';
import { ErrorBodySchema } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import { getMe, resolveSession } from './auth.service.ts';
import * as factors from './second-factor.service.ts';
import { sessionCookieName } from '../../plugins/session-cookie.ts';

const Empty = z.null().describe('No content');
const tags = ['auth'];
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 409: ErrorBodySchema, 429: ErrorBodySchema };
/** Routes that finish signing in answer a session still waiting for its second factor. */
const duringSignIn = { access: 'account.self', duringSignIn: true } as const;
const signedIn = { access: 'account.self' } as const;

export function registerSecondFactorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieName = sessionCookieName(ctx.config);

  r.post(
    '/api/auth/second-factor',
    {
      config: duringSignIn,
      schema: {
        tags,
        summary: 'Second step of sign-in: an authenticator code or a recovery code',
        body: SecondFactorInputSchema,
        response: { 200: MeSchema, ...errors },
      },
    },
    async (request) => {
      await factors.passSecondFactor(ctx, requireActor(request), request.body, originOf(request));
      const actor = await resolveSession(ctx, request.cookies[cookieName]);
      return getMe(actor ?? requireActor(request));
    },
  );

  r.get(
    '/api/me/second-factor',
    {
      config: duringSignIn,
      schema: {
        tags,
        summary: 'Whether two-step sign-in is set up, required, and how many recovery codes are left',
        response: { 200: SecondFactorStatusSchema },
      },
    },
    async (request) => factors.getSecondFactorStatus(ctx, requireActor(request)),
  );

  r.post(
    '/api/me/second-factor/enrolment',
    {
      config: duringSignIn,
      schema: {
        tags,
        summary: 'Start setting up an authenticator app: a new secret and its QR code',
        response: { 200: TotpEnrolmentSchema, ...errors },
      },
    },
    async (request) => factors.startEnrolment(ctx, requireActor(request)),
  );

  r.post(
    '/api/me/second-factor/enrolment/confirm',
    {
      config: duringSignIn,
      schema: {
        tags,
        summary: 'Finish setting up with the first code; returns the recovery codes, shown this once',
        body: TotpConfirmSchema,
        response: { 200: RecoveryCodesSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return factors.confirmEnrolment(ctx, requireActor(request), request.body.code, originOf(request));
    },
  );

  r.post(
    '/api/me/second-factor/recovery-codes',
    {
      config: signedIn,
      schema: { tags, summary: 'Replace the recovery codes (step-up)', response: { 200: RecoveryCodesSchema, ...errors } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return factors.regenerateRecoveryCodes(ctx, requireActor(request), originOf(request));
    },
  );

  r.delete(
    '/api/me/second-factor',
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Turn two-step sign-in off, where one's roles do not require it (step-up)",
        response: { 204: Empty, ...errors },
      },
    },
    async (request, reply) => {
      await factors.removeOwnSecondFactor(ctx, requireActor(request), originOf(request));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/step-up',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Prove again who one is (password or authenticator code) before a sensitive change',
        body: StepUpInputSchema,
        response: { 200: StepUpResultSchema, ...errors },
      },
    },
    async (request) => factors.stepUp(ctx, requireActor(request), request.body, originOf(request)),
  );
}
