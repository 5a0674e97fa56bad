import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROSTER_BODY_MAX_BYTES } from '../../../shared/limits.ts';
import { ErrorBodySchema } from '../../../shared/schemas/common.ts';
import { RosterQuerySchema, RosterReportSchema } from '../../../shared/schemas/roster.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import * as roster from './roster.service.ts';

const tags = ['people'];
const errors = { 400: ErrorBodySchema, 409: ErrorBodySchema, 413: ErrorBodySchema, 415: ErrorBodySchema };
const config = { access: 'people.import' as const };
/** Documents the body in the OpenAPI file; the text/csv parser below is what produces the string. */
const body = z.string().describe('The roster as CSV: a header row, then one person per line (UTF-8)');

export function registerRosterRoutes(app: FastifyInstance, ctx: AppContext): void {
  // An encapsulated scope, so the CSV parser and the large body limit apply to these two routes only.
  app.register(async (scope) => {
    // Dropping the inherited JSON and text parsers makes every other content type a 415.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/people/import/preview',
      {
        config,
        bodyLimit: ROSTER_BODY_MAX_BYTES,
        schema: {
          tags,
          summary: 'Check a staff roster CSV and report what importing it would do; writes nothing',
          consumes: ['text/csv'],
          body,
          response: { 200: RosterReportSchema, ...errors },
        },
      },
      async (request) => roster.previewRoster(ctx, requireActor(request), request.body),
    );

    r.post(
      '/api/people/import',
      {
        config,
        bodyLimit: ROSTER_BODY_MAX_BYTES,
        schema: {
          tags,
          summary: 'Import a staff roster CSV (idempotent by work e-mail; all rows or, with skipInvalid, the valid ones)',
          consumes: ['text/csv'],
          body,
          querystring: RosterQuerySchema,
          response: { 200: RosterReportSchema, ...errors },
        },
      },
      async (request) =>
        roster.importRoster(ctx, requireActor(request), request.body, { skipInvalid: request.query.skipInvalid === 'true' }),
    );
  });
}
