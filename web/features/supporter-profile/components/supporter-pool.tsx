import './supporter-profile.css';
import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { PROFESSION_CATEGORY_LABELS } from '../../../lib/profession-categories.ts';
import { useSupporterPool, type SupporterSummary } from '../api/supporter-pool.ts';
import { EditSupporterDialog } from './edit-supporter-dialog.tsx';
import { todayIn } from '../../../lib/calendar-day.ts';
import { describeLanguages, formatDay, STATUS_LABELS } from './vocabulary.ts';

const fullName = (s: SupporterSummary) => `${s.firstName} ${s.lastName}`;
const byName = (a: SupporterSummary, b: SupporterSummary) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName);

/** The program's supporter pool as a table; each row has an Edit button for the program's settings. */
export function SupporterPool({ timeZone }: { timeZone: string }) {
  const pool = useSupporterPool();
  const [editing, setEditing] = useState<SupporterSummary | null>(null);
  if (pool.isPending) return <Loading label="Loading supporters…" />;
  if (pool.isError) return <LoadError error={pool.error} what="supporters" />;

  const today = todayIn(timeZone);
  const supporters = [...pool.data].sort(byName);
  const matchable = supporters.filter((s) => s.profile.matchable).length;
  return (
    <div className="stack">
      <p className="muted supporter-pool__summary" aria-live="polite">
        {supporters.length === 1 ? '1 supporter' : `${supporters.length} supporters`}, {matchable} can be matched now.
      </p>
      <div className="table-scroll">
        <Table aria-label="Supporters" className="table supporter-table">
          <TableHeader>
            <Column isRowHeader>Name</Column>
            <Column>Profession</Column>
            <Column>Languages</Column>
            <Column>Status</Column>
            <Column>Certified until</Column>
            <Column>Capacity</Column>
            <Column>Matchable</Column>
            <Column>
              <span className="visually-hidden">Actions</span>
            </Column>
          </TableHeader>
          <TableBody
            items={supporters.map((s) => ({ ...s, id: s.personId }))}
            renderEmptyState={() => <p className="table__empty">No one holds the peer supporter role yet. Grant it on a person’s page.</p>}
          >
            {(supporter) => {
              const { profile } = supporter;
              const expired = profile.certifiedUntil !== null && profile.certifiedUntil < today;
              return (
                <Row id={supporter.personId} textValue={fullName(supporter)}>
                  <Cell>
                    <span className="supporter-table__name">{fullName(supporter)}</span>
                  </Cell>
                  <Cell>{supporter.professionCategory ? PROFESSION_CATEGORY_LABELS[supporter.professionCategory] : '—'}</Cell>
                  <Cell>{describeLanguages(supporter.languages) || '—'}</Cell>
                  <Cell>
                    {profile.status === 'active' ? (
                      STATUS_LABELS.active
                    ) : (
                      <span className="tag tag--muted">{STATUS_LABELS[profile.status]}</span>
                    )}
                  </Cell>
                  <Cell>
                    {profile.certifiedUntil ? formatDay(profile.certifiedUntil) : '—'}
                    {expired && <span className="tag tag--muted">Expired</span>}
                  </Cell>
                  <Cell>{profile.capacity}</Cell>
                  <Cell>
                    <span className={`badge ${profile.matchable ? 'badge--open' : 'badge--closed'}`}>
                      <span className="badge__dot" aria-hidden="true" />
                      {profile.matchable ? 'Yes' : 'No'}
                    </span>
                  </Cell>
                  <Cell>
                    <Button variant="quiet" onPress={() => setEditing(supporter)} aria-label={`Edit ${fullName(supporter)}`}>
                      Edit
                    </Button>
                  </Cell>
                </Row>
              );
            }}
          </TableBody>
        </Table>
      </div>
      {editing && <EditSupporterDialog key={editing.personId} supporter={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
