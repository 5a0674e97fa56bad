import './case-board.css';
import { useState, type FormEvent } from 'react';
import { Form, Link as AriaLink } from 'react-aria-components';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { IdSchema } from '../../../../shared/schemas/common.ts';
import { Button } from '../../../components/ui/button.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formatDateTime } from '../../../lib/case-vocabulary.ts';
import { useAuditLog, type AuditQuery } from '../api/case-board.ts';
import { AUDIT_ACTION_OPTIONS, auditEntryLabel, shortId } from './vocabulary.ts';

const PAGE_SIZE = 25;
const ANY = '__any__';
const ACTION_OPTIONS = [{ id: ANY, label: 'Any action' }, ...AUDIT_ACTION_OPTIONS];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day as the ISO instant it starts (or, with `end`, the last moment of it). */
function dayToIso(day: string, end = false): string | undefined {
  if (!DAY.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

interface Draft {
  caseId: string;
  actorId: string;
  from: string;
  to: string;
}

/** Filters in the URL (so a link to "everything about this case" can be shared); newest entries first. */
export function AuditLog() {
  const [params, setParams] = useSearchParams();
  const applied: Draft = {
    caseId: params.get('caseId') ?? '',
    actorId: params.get('actorId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const action = params.get('action');
  const offset = Math.max(0, Number(params.get('offset')) || 0);

  const query: AuditQuery = {
    action: action ?? undefined,
    caseId: applied.caseId || undefined,
    actorId: applied.actorId || undefined,
    from: dayToIso(applied.from),
    to: dayToIso(applied.to, true),
    // One more than a page, to know whether there is a next one.
    limit: PAGE_SIZE + 1,
    offset,
  };
  const log = useAuditLog(query);

  const update = (patch: Record<string, string | null>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === '' || value === ANY) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });

  const entries = log.data?.slice(0, PAGE_SIZE) ?? [];
  const hasMore = (log.data?.length ?? 0) > PAGE_SIZE;

  return (
    <div className="stack">
      <AuditFilters
        key={[applied.caseId, applied.actorId, applied.from, applied.to].join('|')}
        applied={applied}
        action={action}
        onApply={(patch) => update({ ...patch, offset: null })}
      />
      {log.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : log.isError ? (
        <LoadError error={log.error} what="the audit log" />
      ) : (
        <>
          <div className="table-scroll" aria-busy={log.isPlaceholderData || undefined}>
            <Table aria-label="Audit log" className="table audit-table">
              <TableHeader>
                <Column isRowHeader>When</Column>
                <Column>Who</Column>
                <Column>Action</Column>
                <Column>Case or subject</Column>
                <Column>Address</Column>
              </TableHeader>
              <TableBody items={entries} renderEmptyState={() => <p className="table__empty">No entries match these filters.</p>}>
                {(entry) => (
                  <Row id={entry.id} textValue={`${formatDateTime(entry.at)} ${auditEntryLabel(entry)}`}>
                    <Cell>{formatDateTime(entry.at)}</Cell>
                    <Cell>
                      {entry.actor ? (
                        <>
                          <span>{entry.actor.name ?? 'A person no longer on record'}</span>
                          <AriaLink
                            className="table__secondary mono"
                            aria-label={`Show entries by ${entry.actor.name ?? 'this person'} (${shortId(entry.actor.id)})`}
                            onPress={() => update({ actorId: entry.actor?.id ?? null, offset: null })}
                          >
                            {shortId(entry.actor.id)}
                          </AriaLink>
                        </>
                      ) : (
                        'The system'
                      )}
                    </Cell>
                    <Cell>{auditEntryLabel(entry)}</Cell>
                    <Cell>
                      {entry.caseId ? (
                        <>
                          <span>Case </span>
                          <AriaLink
                            className="mono"
                            aria-label={`Show entries for case ${shortId(entry.caseId)}`}
                            onPress={() => update({ caseId: entry.caseId, offset: null })}
                          >
                            {shortId(entry.caseId)}
                          </AriaLink>
                        </>
                      ) : entry.subjectType ? (
                        <span>
                          {entry.subjectType}
                          {entry.subjectId && <span className="mono"> {shortId(entry.subjectId)}</span>}
                        </span>
                      ) : (
                        '—'
                      )}
                    </Cell>
                    <Cell>
                      <span className="mono">{entry.ip ?? '—'}</span>
                    </Cell>
                  </Row>
                )}
              </TableBody>
            </Table>
          </div>
          <nav className="audit-pager" aria-label="Pages of the audit log">
            <p className="muted" aria-live="polite">
              {entries.length === 0 ? 'No entries' : `Entries ${offset + 1}–${offset + entries.length}, newest first`}
            </p>
            <div className="toolbar">
              <Button isDisabled={offset === 0} onPress={() => update({ offset: offset > PAGE_SIZE ? String(offset - PAGE_SIZE) : null })}>
                Previous
              </Button>
              <Button isDisabled={!hasMore} onPress={() => update({ offset: String(offset + PAGE_SIZE) })}>
                Next
              </Button>
            </div>
          </nav>
        </>
      )}
    </div>
  );
}

interface AuditFiltersProps {
  applied: Draft;
  action: string | null;
  onApply: (patch: Record<string, string | null>) => void;
}

/** Text and date fields apply on submit; the action applies at once. Remounted when the URL changes. */
function AuditFilters({ applied, action, onApply }: AuditFiltersProps) {
  const [draft, setDraft] = useState<Draft>(applied);
  const [problems, setProblems] = useState<Partial<Record<keyof Draft, string>>>({});
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<keyof Draft, string>> = {};
    const caseId = draft.caseId.trim();
    const actorId = draft.actorId.trim();
    if (caseId && !IdSchema.safeParse(caseId).success) found.caseId = 'Paste a full case id';
    if (actorId && !IdSchema.safeParse(actorId).success) found.actorId = 'Paste a full person id';
    if (draft.from && !dayToIso(draft.from)) found.from = 'Enter a date';
    if (draft.to && !dayToIso(draft.to)) found.to = 'Enter a date';
    if (!found.from && !found.to && draft.from && draft.to && draft.from > draft.to) found.to = 'Must not be before the from date';
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    onApply({ caseId, actorId, from: draft.from, to: draft.to });
  };

  return (
    <Form className="case-filters" role="search" aria-label="Filter the audit log" onSubmit={apply}>
      <SelectField label="Action" options={ACTION_OPTIONS} value={action ?? ANY} onChange={(id) => onApply({ action: id })} />
      <TextField
        label="Case id"
        value={draft.caseId}
        onChange={(caseId) => setDraft({ ...draft, caseId })}
        errorMessage={problems.caseId}
      />
      <TextField
        label="Person id"
        value={draft.actorId}
        onChange={(actorId) => setDraft({ ...draft, actorId })}
        errorMessage={problems.actorId}
      />
      <TextField
        label="From"
        type="date"
        value={draft.from}
        onChange={(from) => setDraft({ ...draft, from })}
        errorMessage={problems.from}
      />
      <TextField label="To" type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} errorMessage={problems.to} />
      <div className="toolbar">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
      </div>
    </Form>
  );
}
