import type { Distribution, QuarterReport } from '../../../../shared/schemas/reports.ts';
import { CategoryBars } from './charts.tsx';
import { BREAKDOWN_LABELS, quarterLabel, referralLabel, shownCount, shownNumber, shownShare } from './vocabulary.ts';

/** One breakdown as a chart and, for everyone including screen readers, the table of its numbers. */
function BreakdownCard({ title, distribution, labels }: { title: string; distribution: Distribution; labels: (key: string) => string }) {
  const id = `breakdown-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="card stack stack--tight" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {distribution.rows.length === 0 ? (
        <p className="muted">None in this quarter.</p>
      ) : (
        <>
          <CategoryBars points={distribution.rows.map((r) => ({ label: labels(r.key), value: r.count }))} />
          <table className="table table--compact" aria-labelledby={id}>
            <tbody>
              {distribution.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{labels(r.key)}</th>
                  <td className="table__number">{shownCount(r.count)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="table__number">{shownCount(distribution.total)}</td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </section>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="report-figure">
      <dt>{label}</dt>
      <dd>
        <span className="report-figure__value">{value}</span>
        {note && <span className="report-figure__note">{note}</span>}
      </dd>
    </div>
  );
}

/** Everything about one ended quarter: who asked and why, how fast, what followed, and what people said. */
export function QuarterReportView({ report }: { report: QuarterReport }) {
  const label = (group: string) => (key: string) => BREAKDOWN_LABELS[group]?.[key] ?? key;
  const { firstContact, conversations, reach, feedback } = report;
  return (
    <div className="stack" aria-label={`Report for ${quarterLabel(report.quarter)}`} role="group">
      <section className="card" aria-labelledby="key-figures">
        <h3 id="key-figures">Key figures</h3>
        <dl className="report-figures">
          <Figure label="Requests" value={shownCount(report.byOrigin.total)} />
          <Figure
            label="Time to first contact"
            value={firstContact.medianHours === null ? '—' : `${firstContact.medianHours} h`}
            note={firstContact.p90Hours === null ? 'median' : `median; 9 in 10 within ${firstContact.p90Hours} h`}
          />
          <Figure label="First contact within target" value={shownShare(firstContact.withinTarget)} />
          <Figure
            label="Conversations logged"
            value={shownCount(conversations.logged)}
            note={conversations.perPerson === null ? undefined : `${conversations.perPerson} per person supported`}
          />
          <Figure label="People supported" value={shownCount(conversations.peopleSupported)} />
          <Figure
            label="Escalated beyond peer support"
            value={shownCount(report.escalations)}
            note="referred to a professional, or urgent"
          />
          <Figure
            label="Departments reached"
            value={reach.withRequests === null ? '—' : `${reach.withRequests} of ${reach.departments}`}
            note={
              reach.onRecord === 0
                ? 'not on record: departments are erased with the requests after the retention period'
                : reach.share === null
                  ? undefined
                  : `${shownShare(reach.share)}, from the ${shownCount(reach.onRecord)} requests whose department is on record`
            }
          />
          <Figure label="Feedback responses" value={shownCount(feedback.responses)} />
          <Figure label="Found it helpful" value={shownNumber(feedback.helpfulness, ' / 5')} note="mean of 1 (not at all) to 5 (very)" />
          <Figure label="Would recommend it" value={shownShare(feedback.wouldRecommend)} />
        </dl>
      </section>
      <div className="report-grid">
        <BreakdownCard title="How requests came in" distribution={report.byOrigin} labels={label('origin')} />
        <BreakdownCard title="Reasons" distribution={report.byReason} labels={label('reason')} />
        <BreakdownCard title="Professions" distribution={report.byProfession} labels={label('profession')} />
        <BreakdownCard title="Offers to supporters" distribution={report.offers} labels={label('offers')} />
        <BreakdownCard title="Referrals offered" distribution={report.referrals} labels={referralLabel} />
      </div>
    </div>
  );
}
