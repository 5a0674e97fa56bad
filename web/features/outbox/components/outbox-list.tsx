import { Notice } from '../../../components/ui/notice.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { formatDateTime } from '../../../lib/case-vocabulary.ts';
import { useOutbox } from '../api/outbox.ts';

const STATUS_LABELS = { queued: 'Queued', held: 'Held (no SMTP)', sent: 'Sent' } as const;

/** Each message exactly as it would be sent: a fixed text and a link, never what a case is about. */
export function OutboxList() {
  const outbox = useOutbox();
  if (outbox.isPending) return <Loading label="Loading the outbox…" />;
  if (outbox.isError) return <LoadError error={outbox.error} what="the outbox" />;
  if (outbox.data === null) {
    return <Notice tone="info">E-mail goes out through the configured SMTP server, so there is no outbox to read here.</Notice>;
  }
  if (outbox.data.length === 0) return <p className="card">No e-mail yet.</p>;
  return (
    <ul className="outbox-list stack" aria-label="E-mail in the outbox">
      {outbox.data.map((message) => (
        <li key={message.id} className="card stack stack--tight">
          <p className="outbox-list__head">
            <strong>{message.subject}</strong>
            <span className="muted">
              {' '}
              · to {message.to} · {formatDateTime(message.createdAt)} · {STATUS_LABELS[message.status]}
            </span>
          </p>
          <pre className="outbox-list__text">{message.text}</pre>
        </li>
      ))}
    </ul>
  );
}
