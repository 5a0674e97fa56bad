import type { FastifyInstance, RouteOptions } from 'fastify';
import { can, isAction, type AccessRule } from '../../shared/permissions.ts';
import type { Actor } from '../lib/actor.ts';
import type { AppContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { resolveSession } from '../modules/auth/auth.service.ts';
import { bearerTokenOf, resolveIntegrationToken, type IntegrationCaller } from '../modules/event-notices/integration-tokens.service.ts';
import { sessionCookieName } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route: an action from shared/permissions.ts, or 'public'. */
    access?: AccessRule;
    /**
     * An integration route (declared `access: 'public'`, as it takes no session): it answers only
     * to a live organisation token of this kind (`Authorization: Bearer …`) and ignores cookies.
     */
    integration?: 'event_notices';
    /**
     * The route also answers a session that has not finished signing in (second factor or
     * enrolment pending): only the routes that finish sign-in, `/api/me` and sign-out.
     */
    duringSignIn?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The organisation token an integration route was called with. */
    integration: IntegrationCaller | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: AccessRule;
}

function methodsOf(route: RouteOptions): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
}

/**
 * Deny by default: a route that declares no access rule stops the server from starting, and every
 * request is checked against the declared rule before its body is even parsed. Signed-in callers
 * without the permission get 404, exactly like a route or record that does not exist.
 */
export function registerAccessControl(app: FastifyInstance, ctx: AppContext): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined || (access !== 'public' && !isAction(access))) {
      throw new Error(
        `Route ${methodsOf(route).join(',')} ${route.url} declares no valid access rule (config.access must be 'public' or an action)`,
      );
    }
    for (const method of methodsOf(route)) {
      if (method !== 'HEAD' || !routes.some((r) => r.url === route.url && r.method === 'GET')) {
        routes.push({ method, url: route.url, access });
      }
    }
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('integration', null);

  app.addHook('onRequest', async (request) => {
    // An organisation token opens its one integration route and nothing else: anywhere else a
    // bearer token is refused outright, and on the integration route cookies are never read (so a
    // browser's session can neither stand in for the token nor be ridden cross-site).
    const bearer = bearerTokenOf(request.headers.authorization);
    // `routeOptions` is a getter that builds a new object on every read: read it once.
    const { integration, access, duringSignIn } = request.routeOptions.config;
    if (integration) {
      request.integration = await resolveIntegrationToken(ctx, bearer);
      if (!request.integration) throw new AppError('unauthenticated', 'A valid integration token is required');
      return;
    }
    if (bearer !== undefined) throw new AppError('unauthenticated', 'Integration tokens are accepted only by the notice-filing route');
    const token = request.cookies[sessionCookieName(ctx.config)];
    request.actor = await resolveSession(ctx, token);
    // Half signed in (a password without its second factor) opens nothing but finishing sign-in:
    // elsewhere such a session counts as nobody on public routes and is refused on the others.
    if (request.actor && request.actor.signInStage !== 'complete' && !duringSignIn) {
      if (access === undefined || access === 'public') request.actor = null;
      else throw new AppError('sign_in_incomplete', 'Finish signing in first: enter the code from your authenticator app');
    }
    // The not-found handler has no declared rule; everything else has one (checked at onRoute).
    if (access === undefined || access === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated', 'Please sign in');
    if (!can(request.actor.roles, access)) throw new AppError('not_found', 'Not found');
  });

  return routes;
}

export function requireActor(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Please sign in');
  return request.actor;
}
