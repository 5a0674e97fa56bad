import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SsoCallbackQuerySchema,
  SsoOptionsQuerySchema,
  SsoOptionsSchema,
  SsoSettingsInputSchema,
  SsoSettingsSchema,
  SsoStartParamsSchema,
  SsoStartQuerySchema,
} from '../../../shared/schemas/sso.ts';
import type { AppConfig } from '../../config.ts';
import type { AppContext } from '../../lib/context.ts';
import { originOf } from '../../lib/origin.ts';
import { requireActor } from '../../plugins/access.ts';
import { sessionCookieName, setSessionCookie } from '../../plugins/session-cookie.ts';
import { finishSsoSignIn } from './sso-callback.service.ts';
import type { RefusedOutcome } from './sso-refusal.ts';
import { getSsoOptions, getSsoSettings, saveSsoSettings, SSO_CALLBACK_PATH } from './sso-settings.service.ts';
import { PENDING_LOGIN_MINUTES, startSsoSignIn } from './sso-start.service.ts';

const Redirect = z.null().describe('302 to the provider, to the app, or to the sign-in page with ?sso_error=<code>');

/** Binds a pending sign-in to the browser that started it; same conventions as the session cookie. */
function pendingCookieName(config: Pick<AppConfig, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-peerline_sso' : 'peerline_sso';
}
const pendingCookieOptions = (config: AppConfig) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies });

function redirect(reply: FastifyReply, location: string) {
  return reply.status(302).header('location', location).header('cache-control', 'no-store').send(null);
}

export function registerSsoRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pendingCookie = pendingCookieName(ctx.config);

  const refused = (reply: FastifyReply, outcome: RefusedOutcome) => {
    // The technical cause goes to the server log only; the person sees a page for the code.
    reply.log.warn({ ssoRefusal: outcome.code, reason: outcome.reason }, 'single sign-on refused');
    return redirect(reply, outcome.location);
  };

  r.get(
    '/api/public/sso',
    {
      config: { access: 'public' },
      schema: {
        tags: ['sso'],
        summary: 'Whether a sign-in page shows "Sign in with …" and the password form',
        querystring: SsoOptionsQuerySchema,
        response: { 200: SsoOptionsSchema },
      },
    },
    async (request) => getSsoOptions(ctx, request.query.org),
  );

  r.get(
    '/api/public/sso/:org/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['sso'],
        summary: "Start single sign-on: 302 to the organisation's provider",
        params: SsoStartParamsSchema,
        querystring: SsoStartQuerySchema,
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      const outcome = await startSsoSignIn(ctx, request.params.org, request.query.next, originOf(request));
      if (outcome.kind === 'refused') return refused(reply, outcome);
      reply.setCookie(pendingCookie, outcome.browserValue, { ...pendingCookieOptions(ctx.config), maxAge: PENDING_LOGIN_MINUTES * 60 });
      return redirect(reply, outcome.location);
    },
  );

  r.get(
    SSO_CALLBACK_PATH,
    {
      config: { access: 'public' },
      schema: {
        tags: ['sso'],
        summary: 'The provider sends the browser back here; opens a session or explains the refusal',
        querystring: SsoCallbackQuerySchema,
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      const rawQuery = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const outcome = await finishSsoSignIn(
        ctx,
        {
          query: request.query,
          rawQuery,
          browserValue: request.cookies[pendingCookie],
          previousToken: request.cookies[sessionCookieName(ctx.config)],
        },
        originOf(request),
      );
      reply.clearCookie(pendingCookie, pendingCookieOptions(ctx.config));
      if (outcome.kind === 'refused') return refused(reply, outcome);
      setSessionCookie(reply, ctx.config, outcome.token);
      return redirect(reply, outcome.location);
    },
  );

  r.get(
    '/api/settings/sso',
    {
      config: { access: 'sso.configure' },
      schema: {
        tags: ['settings'],
        summary: "The organisation's single sign-on (never the client secret)",
        response: { 200: SsoSettingsSchema },
      },
    },
    async (request) => getSsoSettings(ctx, requireActor(request)),
  );

  r.put(
    '/api/settings/sso',
    {
      config: { access: 'sso.configure' },
      schema: { tags: ['settings'], body: SsoSettingsInputSchema, response: { 200: SsoSettingsSchema } },
    },
    async (request) => saveSsoSettings(ctx, requireActor(request), request.body),
  );
}
