import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LoginInputSchema,
  MeSchema,
  PasswordChangeSchema,
  SessionListSchema,
  SignInLinkInfoSchema,
  SignInLinkRedeemSchema,
  SignInLinkTokenSchema,
} from '../../../shared/schemas/auth.ts';
import { ErrorBodySchema, IdParamsSchema } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from '../../plugins/session-cookie.ts';
import * as auth from './auth.service.ts';
import { describeSignInLink, redeemSignInLink } from './sign-in-links.service.ts';

const Empty = z.null().describe('No content');

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieName = sessionCookieName(ctx.config);

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: LoginInputSchema,
        response: { 200: MeSchema, 401: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { token, actor } = await auth.signIn(ctx, request.body, originOf(request), request.cookies[cookieName]);
      setSessionCookie(reply, ctx.config, token);
      return auth.getMe(actor);
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: 'public', duringSignIn: true },
      schema: { tags: ['auth'], summary: 'Sign out and end the session on the server', response: { 204: Empty } },
    },
    async (request, reply) => {
      await auth.signOut(ctx, request.cookies[cookieName], request.actor, originOf(request));
      clearSessionCookie(reply, ctx.config);
      reply.header('Clear-Site-Data', '"cache", "storage"');
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/me',
    { config: { access: 'account.self', duringSignIn: true }, schema: { tags: ['auth'], response: { 200: MeSchema } } },
    async (request) => auth.getMe(requireActor(request)),
  );

  r.post(
    '/api/me/password',
    {
      config: { access: 'account.self' },
      schema: { tags: ['auth'], body: PasswordChangeSchema, response: { 204: Empty, 400: ErrorBodySchema, 401: ErrorBodySchema } },
    },
    async (request, reply) => {
      await auth.changeOwnPassword(ctx, requireActor(request), request.body, originOf(request));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/me/sessions',
    { config: { access: 'account.self' }, schema: { tags: ['auth'], response: { 200: SessionListSchema } } },
    async (request) => ({ sessions: await auth.listOwnSessions(ctx, requireActor(request)) }),
  );

  r.delete(
    '/api/me/sessions/:id',
    { config: { access: 'account.self' }, schema: { tags: ['auth'], params: IdParamsSchema, response: { 204: Empty } } },
    async (request, reply) => {
      await auth.endOwnSession(ctx, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // Set-password links (docs/decisions/009): the token comes in the body, never in a URL.
  r.post(
    '/api/public/sign-in-links/check',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Whether a set-password link still works, and for which address',
        body: z.strictObject({ token: SignInLinkTokenSchema }),
        response: { 200: SignInLinkInfoSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => describeSignInLink(ctx, request.body.token),
  );

  r.post(
    '/api/public/sign-in-links/redeem',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: "Set one's password with a single-use link; ends every session of the account",
        body: SignInLinkRedeemSchema,
        response: { 204: Empty, 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      await redeemSignInLink(ctx, request.body, originOf(request));
      return reply.status(204).send(null);
    },
  );
}
