import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '../../../shared/schemas/common.ts';
import { BoardReportSchema, ProgramReportSchema, ReportExportSchema, ReportSettingsSchema } from '../../../shared/schemas/reports.ts';
import type { AppContext } from '../../lib/context.ts';
import { requireActor } from '../../plugins/access.ts';
import { exportBoardReport, exportReportCsv } from './report-export.service.ts';
import { saveReportSettings } from './report-settings.service.ts';
import { getProgramReport } from './reports.service.ts';

const tags = ['reports'];

/** Leadership's reports (docs/reporting.md). */
export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/reports',
    {
      config: { access: 'reports.read' },
      schema: {
        tags,
        summary: 'The last four ended quarters and the team today; counts below the program’s smallest count are null',
        response: { 200: ProgramReportSchema },
      },
    },
    async (request) => getProgramReport(ctx, requireActor(request)),
  );

  r.post(
    '/api/reports/export',
    {
      config: { access: 'reports.read' },
      schema: {
        tags,
        summary: 'The report as CSV, with the same counts hidden; needs a fresh password or code, and is audited',
        response: { 200: ReportExportSchema, 403: ErrorBodySchema },
      },
    },
    async (request) => exportReportCsv(ctx, requireActor(request)),
  );

  r.post(
    '/api/reports/board-report',
    {
      config: { access: 'reports.read' },
      schema: {
        tags,
        summary: 'The board report as a PDF (base64), with the same counts hidden; needs a fresh password or code, and is audited',
        response: { 200: BoardReportSchema, 403: ErrorBodySchema },
      },
    },
    async (request) => exportBoardReport(ctx, requireActor(request)),
  );

  r.put(
    '/api/settings/reports',
    {
      config: { access: 'reports.configure' },
      schema: {
        tags,
        summary: 'The smallest count reports show (5 to 20)',
        body: ReportSettingsSchema,
        response: { 200: ReportSettingsSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => saveReportSettings(ctx, requireActor(request), request.body.minCount),
  );
}
