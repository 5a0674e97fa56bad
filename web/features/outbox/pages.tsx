import './outbox.css';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { OutboxList } from './components/outbox-list.tsx';

/** `/app/outbox` (`cases.manage`): e-mail waiting while no SMTP server is configured. */
export function OutboxPage() {
  return (
    <div className="stack">
      <PageTitle title="E-mail outbox" />
      <p className="lead">
        Without an SMTP server Peerline keeps its e-mail here instead of sending it. Set SMTP_URL and restart, and everything held is sent.
      </p>
      <OutboxList />
    </div>
  );
}
