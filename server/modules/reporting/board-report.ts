import PDFDocument from 'pdfkit';
import { ORIGIN_LABELS, REASON_LABELS } from '../../../shared/schemas/case-vocabulary.ts';
import { PROFESSION_CATEGORY_LABELS } from '../../../shared/schemas/organization.ts';
import type { Distribution, ProgramReport } from '../../../shared/schemas/reports.ts';
import { RESOURCE_CATEGORY_LABELS } from '../../../shared/schemas/resources.ts';

/**
 * The board report (docs/reporting.md, "Exports"): the newest ended quarter on one or two pages,
 * with the year's monthly requests drawn as bars. The same figures as the page and the same ones
 * hidden; no names, no ids, no free text, nothing the page does not show.
 */

const HIDDEN = 'hidden';
const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN; // A4
const INK = '#1c2b33';
const MUTED = '#4c5c65';
const BAR = '#0f5c66';

const labelsOf: Record<string, Record<string, string>> = {
  origin: ORIGIN_LABELS,
  reason: REASON_LABELS,
  profession: { ...PROFESSION_CATEGORY_LABELS, not_given: 'Not given (anonymous)' },
  offers: { accepted: 'Accepted', declined: 'Declined', expired: 'Not answered in time', withdrawn: 'Withdrawn', pending: 'Still open' },
  referrals: RESOURCE_CATEGORY_LABELS,
};

const count = (n: number | null) => (n === null ? HIDDEN : n.toLocaleString('en-US'));
const share = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  const first = (Number(q) - 1) * 3;
  const month = (i: number) => new Date(Date.UTC(2000, i, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  return `${month(first)} to ${month(first + 2)} ${year}`;
}

export function renderBoardReport(report: ProgramReport, organizationName: string, generatedOn: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Peer support program report, ${organizationName}`, Author: 'Peerline' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const k = report.minCount;
  const newest = report.quarters[0];

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(18).text('Peer support program report');
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(MUTED)
    .text(`${organizationName} · ${newest ? quarterLabel(newest.quarter) : 'no ended quarter yet'} · prepared ${generatedOn}`);
  doc.moveDown(0.5);
  doc
    .fontSize(9)
    .text(
      `Counts from 1 to ${k - 1} are hidden, and so is any count that would let one of them be worked out; they read "hidden". ` +
        'Nothing here names a person or describes a single request.',
      { width: WIDTH },
    );
  doc.moveDown();

  const heading = (text: string) => {
    if (doc.y > 720) doc.addPage();
    doc.moveDown(0.6).fillColor(INK).font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10).moveDown(0.3);
  };
  const row = (label: string, value: string) => {
    if (doc.y > 780) doc.addPage();
    const y = doc.y;
    doc.fillColor(INK).text(label, MARGIN, y, { width: WIDTH - 110 });
    const after = doc.y;
    doc.text(value, MARGIN + WIDTH - 100, y, { width: 100, align: 'right' });
    doc.y = Math.max(after, doc.y);
    doc.x = MARGIN;
  };

  // The year's requests per month, oldest first, as bars; hidden months are drawn as none.
  const months = [...report.quarters].reverse().flatMap((q) => q.months);
  heading('Requests per month');
  const top = doc.y;
  const chartHeight = 90;
  const max = Math.max(1, ...months.map((m) => m.requests ?? 0));
  const slot = WIDTH / Math.max(1, months.length);
  months.forEach((m, i) => {
    const x = MARGIN + i * slot + 4;
    const h = m.requests === null ? 0 : (m.requests / max) * chartHeight;
    if (h > 0) doc.rect(x, top + chartHeight - h, slot - 8, h).fill(BAR);
    doc
      .fillColor(MUTED)
      .fontSize(7)
      .text(count(m.requests), x - 2, top + chartHeight - h - 10, { width: slot - 4, align: 'center' });
    const [y, mm] = m.month.split('-').map(Number) as [number, number];
    const label = new Date(Date.UTC(y, mm - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    doc.text(label, x - 2, top + chartHeight + 3, { width: slot - 4, align: 'center' });
  });
  doc.x = MARGIN;
  doc.y = top + chartHeight + 18;
  doc.fontSize(10);

  if (newest) {
    heading(`Key figures, ${quarterLabel(newest.quarter)}`);
    const { firstContact: fc, conversations: c, reach, feedback: f } = newest;
    row('Requests', count(newest.byOrigin.total));
    row('Time to first contact, median', fc.medianHours === null ? '—' : `${fc.medianHours} h`);
    row('Time to first contact, 9 in 10 within', fc.p90Hours === null ? '—' : `${fc.p90Hours} h`);
    row('First contact within target', share(fc.withinTarget));
    row('Conversations logged', count(c.logged));
    row('People supported', count(c.peopleSupported));
    row('Conversations per person supported', c.perPerson === null ? '—' : String(c.perPerson));
    row('Escalated beyond peer support', count(newest.escalations));
    row('Departments reached', reach.withRequests === null ? '—' : `${reach.withRequests} of ${reach.departments}`);
    row('Feedback responses', count(f.responses));
    row('Found it helpful (1 to 5)', f.helpfulness === null ? '—' : String(f.helpfulness));
    row('Would recommend it', share(f.wouldRecommend));

    const breakdown = (title: string, d: Distribution, labels: Record<string, string>) => {
      heading(title);
      for (const r of d.rows) row(labels[r.key] ?? r.key, count(r.count));
      doc.font('Helvetica-Bold');
      row('Total', count(d.total));
      doc.font('Helvetica');
    };
    breakdown('How requests came in', newest.byOrigin, labelsOf.origin!);
    breakdown('Reasons', newest.byReason, labelsOf.reason!);
    breakdown('Professions', newest.byProfession, labelsOf.profession!);
    breakdown('Offers to supporters', newest.offers, labelsOf.offers!);
    if (newest.referrals.rows.length > 0) breakdown('Referrals offered', newest.referrals, labelsOf.referrals!);
  }

  heading('The team today');
  row('Supporters on the team', String(report.team.onTeam));
  row('Taking requests', String(report.team.active));
  row('In training', String(report.team.inTraining));
  row(
    'Staff per supporter (programs aim for 50 to 100)',
    report.team.staffPerSupporter === null ? '—' : String(report.team.staffPerSupporter),
  );

  doc.end();
  return done;
}
