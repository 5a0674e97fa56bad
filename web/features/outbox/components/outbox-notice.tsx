import { Link } from 'react-router';
import { Notice } from '../../../components/ui/notice.tsx';
import { useOutbox } from '../api/outbox.ts';

/**
 * On the home page of the people who run the case board: while no SMTP server is configured, nobody
 * receives Peerline's e-mail (offers, reminders, feedback links), and they should know.
 */
export function OutboxNotice() {
  const outbox = useOutbox();
  if (!outbox.data) return null;
  const waiting = outbox.data.filter((m) => m.status !== 'sent').length;
  return (
    <Notice tone="info" title="E-mail is not being sent">
      No SMTP server is configured, so Peerline’s e-mail stays in the outbox ({waiting} {waiting === 1 ? 'message' : 'messages'} waiting).{' '}
      <Link to="/app/outbox">Read the outbox</Link>
    </Notice>
  );
}
