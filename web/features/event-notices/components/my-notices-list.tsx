import { Loading, LoadError } from '../../../components/ui/query-status.tsx';
import { useMyNotices } from '../api/event-notices.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The reporter's own notices: what they filed, and "Received". Never anything about outreach. */
export function MyNoticesList() {
  const notices = useMyNotices();
  if (notices.isPending) return <Loading />;
  if (notices.isError) return <LoadError error={notices.error} what="your notices" />;
  if (notices.data.length === 0) return <p className="card">You have not filed any notices yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Notices you filed</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Trigger</th>
            <th scope="col">Department</th>
            <th scope="col">People named</th>
            <th scope="col">Filed</th>
            <th scope="col">Status</th>
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
              <td>{n.involvedCount}</td>
              <td>{when(n.filedAt)}</td>
              <td>Received</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
