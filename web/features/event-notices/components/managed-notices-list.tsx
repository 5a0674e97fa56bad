import { Link } from 'react-router';
import type { CaseState } from '../../../../shared/schemas/case-vocabulary.ts';
import { Loading, LoadError } from '../../../components/ui/query-status.tsx';
import { useManagedNotices } from '../api/event-notices.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const STATE_LABELS: [CaseState, string][] = [
  ['new', 'waiting for a supporter'],
  ['offered', 'offered'],
  ['assigned', 'assigned'],
  ['contacted', 'contacted'],
  ['active', 'in conversation'],
  ['declined', 'said no thanks'],
  ['closed', 'closed'],
  ['withdrawn', 'withdrawn'],
];

/** The administrators' list (events.manage): each notice with its outreach, counted by state. */
export function ManagedNoticesList() {
  const notices = useManagedNotices();
  if (notices.isPending) return <Loading />;
  if (notices.isError) return <LoadError error={notices.error} what="the notices" />;
  if (notices.data.length === 0) return <p className="card">No event notices yet.</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Event notices and their outreach</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Trigger</th>
              <th scope="col">Department</th>
              <th scope="col">Filed</th>
              <th scope="col">People</th>
              <th scope="col">Outreach</th>
            </tr>
          </thead>
          <tbody>
            {notices.data.map((n) => (
              <tr key={n.id}>
                <td>
                  {when(n.occurredAt)}
                  {n.urgent && (
                    <>
                      {' '}
                      <span className="badge">urgent</span>
                    </>
                  )}
                </td>
                <td>{n.trigger}</td>
                <td>{n.department}</td>
                <td>
                  {when(n.filedAt)} <span className="muted">({n.filedVia === 'person' ? 'in the app' : 'by integration'})</span>
                </td>
                <td>{n.involvedCount}</td>
                <td>
                  {STATE_LABELS.filter(([state]) => n.casesByState[state])
                    .map(([state, label]) => `${n.casesByState[state]} ${label}`)
                    .join(', ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        Each person's outreach is an ordinary case: open them on the <Link to="/app/board">case board</Link> (origin “event outreach”).
      </p>
    </>
  );
}
