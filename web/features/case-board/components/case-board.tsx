import './case-board.css';
import { useSearchParams } from 'react-router';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { CASE_ORIGINS, CASE_STATES, URGENCIES } from '../../../../shared/schemas/case-vocabulary.ts';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useNow } from '../../../hooks/use-now.ts';
import { ORIGIN_LABELS, REASON_LABELS, URGENCY_SHORT } from '../../../lib/case-vocabulary.ts';
import { useCaseBoard, type BoardEntry, type CaseBoardQuery } from '../api/case-board.ts';
import { ClockCell, RelaxedTag } from './case-facts.tsx';
import { ageOf, BOARD_STATE_LABELS, describeSupporter } from './vocabulary.ts';

const ANY = '__any__';
const STATE_OPTIONS = [{ id: ANY, label: 'Every open case' }, ...CASE_STATES.map((id) => ({ id, label: BOARD_STATE_LABELS[id] }))];
const ORIGIN_OPTIONS = [{ id: ANY, label: 'Any origin' }, ...CASE_ORIGINS.map((id) => ({ id, label: ORIGIN_LABELS[id] }))];
const URGENCY_OPTIONS = [{ id: ANY, label: 'Any urgency' }, ...URGENCIES.map((id) => ({ id, label: URGENCY_SHORT[id] }))];

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((item) => item === value);

/** Oldest first: the case that has waited longest is the one to look at. */
const byAge = (a: BoardEntry, b: BoardEntry) => a.createdAt.localeCompare(b.createdAt);

/** The filters live in the URL, so Back from a case returns to the same list. */
export function CaseBoard() {
  const [params, setParams] = useSearchParams();
  const query: CaseBoardQuery = {
    state: pick(CASE_STATES, params.get('state')),
    origin: pick(CASE_ORIGINS, params.get('origin')),
    urgency: pick(URGENCIES, params.get('urgency')),
  };
  const board = useCaseBoard(query);
  const now = useNow();
  const search = params.toString();

  const update = (key: string, value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === null || value === ANY) next.delete(key);
      else next.set(key, value);
      return next;
    });

  return (
    <div className="stack">
      <div className="case-filters" role="search" aria-label="Filter cases">
        <SelectField label="State" options={STATE_OPTIONS} value={query.state ?? ANY} onChange={(id) => update('state', id)} />
        <SelectField label="Origin" options={ORIGIN_OPTIONS} value={query.origin ?? ANY} onChange={(id) => update('origin', id)} />
        <SelectField label="Urgency" options={URGENCY_OPTIONS} value={query.urgency ?? ANY} onChange={(id) => update('urgency', id)} />
      </div>
      {board.isPending ? (
        <Loading label="Loading cases…" />
      ) : board.isError ? (
        <LoadError error={board.error} what="cases" />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {board.data.length === 1 ? '1 case' : `${board.data.length} cases`}
            {board.data.some((c) => c.serviceLevel.breached && !c.serviceLevel.firstContactAt) &&
              `, ${board.data.filter((c) => c.serviceLevel.breached && !c.serviceLevel.firstContactAt).length} overdue for first contact`}
            .
          </p>
          <div className="table-scroll" aria-busy={board.isPlaceholderData || undefined}>
            <Table aria-label="Cases" className="table table--rows-link case-board-table">
              <TableHeader>
                <Column isRowHeader>Request</Column>
                <Column>Age</Column>
                <Column>State</Column>
                <Column>Urgency</Column>
                <Column>First contact</Column>
                <Column>Supporter</Column>
                <Column>Offers</Column>
              </TableHeader>
              <TableBody
                items={[...board.data].sort(byAge)}
                renderEmptyState={() => <p className="table__empty">No cases match these filters.</p>}
              >
                {(entry) => (
                  <Row
                    id={entry.id}
                    href={`/app/board/${entry.id}${search ? `?${search}` : ''}`}
                    textValue={`${REASON_LABELS[entry.reason]}, ${BOARD_STATE_LABELS[entry.state]}`}
                  >
                    <Cell>
                      <span className="table__primary">{REASON_LABELS[entry.reason]}</span>
                      <span className="table__secondary">{ORIGIN_LABELS[entry.origin]}</span>
                    </Cell>
                    <Cell>{ageOf(entry.createdAt, now)}</Cell>
                    <Cell>
                      {BOARD_STATE_LABELS[entry.state]}
                      {entry.relaxedRules.length > 0 && <RelaxedTag />}
                    </Cell>
                    <Cell>{URGENCY_SHORT[entry.urgency]}</Cell>
                    <Cell>
                      <ClockCell entry={entry} now={now} />
                    </Cell>
                    <Cell>{describeSupporter(entry)}</Cell>
                    <Cell>{entry.offerCount}</Cell>
                  </Row>
                )}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}
