import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LoggerOptions } from 'pino';
import { JSON_BODY_MAX_BYTES } from '../shared/limits.ts';
import type { AppConfig } from './config.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.ts';
import type { AppContext } from './lib/context.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { subscribeModules } from './modules/subscriptions.ts';
import { registerAccountAdminRoutes } from './modules/auth/account-admin.routes.ts';
import { registerSecondFactorRoutes } from './modules/auth/second-factor.routes.ts';
import { registerOrganizationRoutes } from './modules/organization/organization.routes.ts';
import { registerCaseRoutes } from './modules/cases/cases.routes.ts';
import { registerIntakeRoutes } from './modules/intake/intake.routes.ts';
import { registerCaseworkRoutes } from './modules/casework/casework.routes.ts';
import { registerCaseBoardRoutes } from './modules/case-board/case-board.routes.ts';
import { registerConversationRoutes } from './modules/conversations/conversations.routes.ts';
import { registerOutboxRoutes } from './modules/outbox/outbox.routes.ts';
import { registerEventNoticeRoutes } from './modules/event-notices/event-notices.routes.ts';
import { registerGroupDebriefRoutes } from './modules/group-debriefs/group-debriefs.routes.ts';
import { registerOnCallRoutes } from './modules/on-call/on-call.routes.ts';
import { registerServiceLevelRoutes } from './modules/service-levels/service-levels.routes.ts';
import { registerPagingRoutes } from './modules/paging/paging.routes.ts';
import { registerPeopleRoutes } from './modules/people/people.routes.ts';
import { registerResourceRoutes } from './modules/resources/resources.routes.ts';
import { registerSupporterRoutes } from './modules/supporters/supporters.routes.ts';
import { registerTeamRoutes } from './modules/supporters/team.routes.ts';
import { registerTrainingRoutes } from './modules/training/training.routes.ts';
import { registerTeamMeetingRoutes } from './modules/team-meetings/team-meetings.routes.ts';
import { registerReportRoutes } from './modules/reporting/reports.routes.ts';
import { registerProgramSetupRoutes } from './modules/program-setup/program-setup.routes.ts';
import { registerRosterRoutes } from './modules/people/roster.routes.ts';
import { registerSettingsRoutes } from './modules/organization/settings.routes.ts';
import { registerSsoRoutes } from './modules/sso/sso.routes.ts';
import { registerSystemRoutes } from './modules/system/system.routes.ts';
import { registerAccessControl, type RegisteredRoute } from './plugins/access.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { addAccessToOpenApi } from './plugins/openapi.ts';
import { registerCrossSiteGuard, registerSecurityHeaders } from './plugins/security.ts';
import { registerWebApp } from './plugins/web-app.ts';

export type App = FastifyInstance;

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Every route with its declared access rule, as registered (used by the authorization matrix). */
  routes: RegisteredRoute[];
  database: DatabaseHandle;
}

export interface BuildOptions {
  /** Use this database instead of opening one from the config (tests share one per file). */
  database?: DatabaseHandle;
  logger?: boolean | LoggerOptions;
}

// Never log request bodies, cookies or auth headers: they may carry passwords or session tokens.
const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

/** Builds the whole server without listening: tests and main.ts share exactly this. */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<BuiltApp> {
  const database = options.database ?? openDatabase(config);
  if (!options.database) await migrateToLatest(database.db);
  const ctx: AppContext = { db: database.db, engine: database.engine, config, clock: config.clock };
  subscribeModules();

  const logger = options.logger ?? { level: config.logLevel, redact: REDACT };
  const app = Fastify({
    logger: logger === true ? { level: config.logLevel, redact: REDACT } : logger,
    bodyLimit: JSON_BODY_MAX_BYTES,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Malformed URLs and the like: the same error shape as everything else, never Fastify's default.
    frameworkErrors: (_error, _request, reply) => {
      void (reply as FastifyReply).status(400).send({ error: { code: 'validation_failed', message: 'The request URL is not valid' } });
    },
  }).withTypeProvider<ZodTypeProvider>();
  // JSON only (and text/csv on the roster import): a text/plain body is what a cross-site form can
  // send without a preflight, so it gets 415 rather than a parse attempt.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app, config);
  registerCrossSiteGuard(app, config);
  const routes = registerAccessControl(app, ctx);
  registerInputGuard(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Peerline API',
        version: '1',
        description:
          'Every operation carries `x-access`: `public`, or the permission action it requires. ' +
          'Signed-in callers without that permission get 404, like a missing resource.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'peerline_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => addAccessToOpenApi(documentObject, routes),
  });

  registerSystemRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerSecondFactorRoutes(app, ctx);
  registerOrganizationRoutes(app, ctx);
  registerSettingsRoutes(app, ctx);
  registerSsoRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerAccountAdminRoutes(app, ctx);
  registerRosterRoutes(app, ctx);
  registerResourceRoutes(app, ctx);
  registerSupporterRoutes(app, ctx);
  registerTeamRoutes(app, ctx);
  registerTrainingRoutes(app, ctx);
  registerTeamMeetingRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerProgramSetupRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerIntakeRoutes(app, ctx);
  registerCaseworkRoutes(app, ctx);
  registerCaseBoardRoutes(app, ctx);
  registerConversationRoutes(app, ctx);
  registerOutboxRoutes(app, ctx);
  registerEventNoticeRoutes(app, ctx);
  registerGroupDebriefRoutes(app, ctx);
  registerOnCallRoutes(app, ctx);
  registerServiceLevelRoutes(app, ctx);
  registerPagingRoutes(app, ctx);
  await registerWebApp(app, config);

  app.addHook('onClose', async () => {
    if (!options.database) await database.close();
  });
  await app.ready();
  return { app, ctx, routes, database };
}
