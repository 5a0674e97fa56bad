import type { Distribution, ProgramReport } from '../../../shared/schemas/reports.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { assertRecentlyVerified } from '../../lib/step-up.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { toCsv, type CsvValue } from './csv.ts';
import { localDay } from '../../../shared/calendar-day.ts';
import { findOrganization } from '../organization/index.ts';
import { renderBoardReport } from './board-report.ts';
import { getProgramReport } from './reports.service.ts';

/**
 * The report as a CSV file (docs/reporting.md, "Exports"): exactly the figures the page shows, the
 * same ones hidden, one figure per line. A file leaves the program's hands, so it needs a fresh
 * password or code (step-up) and every export is audited.
 */

const HIDDEN = 'hidden';
const words = (key: string) => key.replace(/_/g, ' ');

function breakdownRows(quarter: string, figure: string, d: Distribution): CsvValue[][] {
  return [...d.rows.map((r): CsvValue[] => [quarter, figure, words(r.key), r.count]), [quarter, figure, 'total', d.total]];
}

export function reportRows(report: ProgramReport): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const q of report.quarters) {
    const at = q.quarter;
    for (const m of q.months) rows.push([at, 'requests per month', m.month, m.requests]);
    rows.push(...breakdownRows(at, 'requests by origin', q.byOrigin));
    rows.push(...breakdownRows(at, 'requests by reason', q.byReason));
    rows.push(...breakdownRows(at, 'requests by profession', q.byProfession));
    rows.push(...breakdownRows(at, 'offers to supporters', q.offers));
    rows.push(...breakdownRows(at, 'referrals offered', q.referrals));
    rows.push(
      [at, 'first contact', 'requests reached', q.firstContact.reached],
      [at, 'first contact', 'median hours', q.firstContact.medianHours],
      [at, 'first contact', '90th percentile hours', q.firstContact.p90Hours],
      [at, 'first contact', 'share within target', q.firstContact.withinTarget],
      [at, 'conversations', 'logged', q.conversations.logged],
      [at, 'conversations', 'people supported', q.conversations.peopleSupported],
      [at, 'conversations', 'per person', q.conversations.perPerson],
      [at, 'escalations', 'conversations escalated', q.escalations],
      [at, 'reach', 'departments with requests', q.reach.withRequests],
      [at, 'reach', 'departments', q.reach.departments],
      [at, 'feedback', 'responses', q.feedback.responses],
      [at, 'feedback', 'mean helpfulness (1-5)', q.feedback.helpfulness],
      [at, 'feedback', 'share who would recommend', q.feedback.wouldRecommend],
    );
  }
  return rows;
}

async function auditExport(ctx: AppContext, actor: Actor, format: 'csv' | 'pdf'): Promise<void> {
  await appendAuditEvent(ctx.db, {
    organizationId: actor.organizationId,
    actorPersonId: actor.personId,
    action: 'reports.exported',
    subjectType: 'organization',
    subjectId: actor.organizationId,
    at: ctx.clock.now().toISOString(),
    detail: format,
  });
}

export async function exportReportCsv(ctx: AppContext, actor: Actor): Promise<{ filename: string; csv: string }> {
  assertRecentlyVerified(ctx, actor);
  const report = await getProgramReport(ctx, actor);
  const csv = toCsv(['quarter', 'figure', 'breakdown', 'value'], reportRows(report), HIDDEN);
  await auditExport(ctx, actor, 'csv');
  return { filename: `program-report-${report.quarters[0]?.quarter ?? 'none'}.csv`, csv };
}

/** The board report as a PDF, base64 in JSON so the same step-up retry serves it as every other call. */
export async function exportBoardReport(ctx: AppContext, actor: Actor): Promise<{ filename: string; pdf: string }> {
  assertRecentlyVerified(ctx, actor);
  const report = await getProgramReport(ctx, actor);
  const org = await findOrganization(ctx.db, actor.organizationId);
  const pdf = await renderBoardReport(report, org?.name ?? '', localDay(ctx.clock.now(), report.timeZone));
  await auditExport(ctx, actor, 'pdf');
  return { filename: `board-report-${report.quarters[0]?.quarter ?? 'none'}.pdf`, pdf: pdf.toString('base64') };
}
