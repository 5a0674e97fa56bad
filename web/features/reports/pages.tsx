import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { ProgramReport } from '../../../shared/schemas/reports.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError } from '../../components/ui/query-status.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Notice } from '../../components/ui/notice.tsx';
import { errorMessage } from '../../components/ui/query-status.tsx';
import { useBoardReport, useExportReport, useProgramReport } from './api/reports.ts';
import { MonthlyBars } from './components/charts.tsx';
import { QuarterReportView } from './components/quarter-report.tsx';
import { monthLabel, quarterLabel, shownCount } from './components/vocabulary.ts';
import './components/reports.css';

/** Requests per month over the last four ended quarters, oldest first. */
function RequestsTrend({ report }: { report: ProgramReport }) {
  const months = [...report.quarters].reverse().flatMap((q) => q.months);
  return (
    <section className="card stack stack--tight" aria-labelledby="trend-title">
      <h2 id="trend-title">Requests per month</h2>
      <MonthlyBars points={months.map((m) => ({ label: monthLabel(m.month).replace(/ \d{4}$/, ''), value: m.requests }))} />
      <div className="table-scroll">
        <table className="table table--compact" aria-labelledby="trend-title">
          <thead>
            <tr>
              {months.map((m) => (
                <th key={m.month} scope="col">
                  {monthLabel(m.month)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {months.map((m) => (
                <td key={m.month} className="table__number">
                  {shownCount(m.requests)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TeamToday({ report }: { report: ProgramReport }) {
  const { team } = report;
  return (
    <section className="card stack stack--tight" aria-labelledby="team-today-title">
      <h2 id="team-today-title">The team today</h2>
      <dl className="report-figures">
        <div className="report-figure">
          <dt>Supporters on the team</dt>
          <dd>
            <span className="report-figure__value">{team.onTeam}</span>
            <span className="report-figure__note">{team.active} taking requests</span>
          </dd>
        </div>
        <div className="report-figure">
          <dt>In training</dt>
          <dd>
            <span className="report-figure__value">{team.inTraining}</span>
          </dd>
        </div>
        <div className="report-figure">
          <dt>Staff per supporter</dt>
          <dd>
            <span className="report-figure__value">{team.staffPerSupporter ?? '—'}</span>
            <span className="report-figure__note">programs aim for 50–100; {team.staff.toLocaleString('en-US')} staff</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** Leadership's view of the program, and the director's: counts only, small ones hidden (docs/reporting.md). */
export function ReportsPage() {
  const report = useProgramReport();
  const [quarter, setQuarter] = useState<string | null>(null);
  const download = useExportReport();
  const board = useBoardReport();
  return (
    <div className="stack">
      <PageTitle title="Program report" />
      {report.isError && <LoadError error={report.error} what="the report" />}
      {report.data && (
        <>
          <p className="lead">
            The last four quarters that have ended. Counts from 1 to {report.data.minCount - 1} are hidden, and so is any count that would
            let one of them be worked out. Nothing here names a person or describes a single request.
          </p>
          <div className="inline-form">
            <Button onPress={() => board.mutate()} isPending={board.isPending}>
              Board report (PDF)
            </Button>
            <Button onPress={() => download.mutate()} isPending={download.isPending}>
              Download as CSV
            </Button>
            <span className="muted">The same figures, the same ones hidden. Downloads are recorded.</span>
          </div>
          {download.isError && <Notice tone="error">{errorMessage(download.error)}</Notice>}
          {board.isError && <Notice tone="error">{errorMessage(board.error)}</Notice>}
          <RequestsTrend report={report.data} />
          <TeamToday report={report.data} />
          <Tabs selectedKey={quarter ?? report.data.quarters[0]?.quarter ?? ''} onSelectionChange={(key) => setQuarter(String(key))}>
            <TabList aria-label="Quarter" className="report-tabs">
              {report.data.quarters.map((q) => (
                <Tab key={q.quarter} id={q.quarter} className="report-tab">
                  {quarterLabel(q.quarter)}
                </Tab>
              ))}
            </TabList>
            {report.data.quarters.map((q) => (
              <TabPanel key={q.quarter} id={q.quarter}>
                <QuarterReportView report={q} />
              </TabPanel>
            ))}
          </Tabs>
        </>
      )}
    </div>
  );
}
