import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import type { RosterReport } from '../../../../shared/schemas/roster.ts';

const number = new Intl.NumberFormat('en-US');

/** Counts first (what would happen), then every row problem with its line and column. */
export function RosterReportView({ report }: { report: RosterReport }) {
  const counts: [string, number, string][] = [
    [report.applied ? 'Created' : 'New people', report.created, 'created'],
    [report.applied ? 'Updated' : 'To update', report.updated, 'updated'],
    ['Unchanged', report.unchanged, 'unchanged'],
    [report.applied ? 'Skipped (errors)' : 'With errors', report.invalid, 'invalid'],
  ];
  return (
    <div className="stack">
      <dl className="counts" aria-label={report.applied ? 'Import result' : 'What the import would do'}>
        {counts.map(([label, value, kind]) => (
          <div key={kind} className={`counts__item counts__item--${kind}${kind === 'invalid' && value > 0 ? ' counts__item--alert' : ''}`}>
            <dt>{label}</dt>
            <dd>{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{number.format(report.rows)} data rows in the file.</p>
      {report.errors.length > 0 && (
        <section aria-labelledby="roster-errors-title">
          <h2 id="roster-errors-title">Rows with errors</h2>
          <p className="muted">
            Line numbers count the header as line 1, as in a spreadsheet.
            {report.errorsTruncated && ' Only the first 1,000 problems are listed.'}
          </p>
          <div className="table-scroll table-scroll--tall">
            <Table aria-label="Rows with errors" className="table table--compact">
              <TableHeader>
                <Column isRowHeader>Line</Column>
                <Column>Column</Column>
                <Column>Problem</Column>
              </TableHeader>
              <TableBody items={report.errors.map((error, index) => ({ ...error, id: index }))}>
                {(error) => (
                  <Row>
                    <Cell>{error.line}</Cell>
                    <Cell>
                      <code>{error.column}</code>
                    </Cell>
                    <Cell>{error.message}</Cell>
                  </Row>
                )}
              </TableBody>
            </Table>
          </div>
        </section>
      )}
    </div>
  );
}
