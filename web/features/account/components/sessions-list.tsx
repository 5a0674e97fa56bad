import './account.css';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { LoadError, Loading, errorMessage } from '../../../components/ui/query-status.tsx';
import { useEndSession, useSessions } from '../api/sessions.ts';
import { describeDevice, formatDateTime } from './format-session.ts';

/** Where this account is signed in; any other session can be ended from here. */
export function SessionsList() {
  const sessions = useSessions();
  const endSession = useEndSession();
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      {endSession.isError && <Notice tone="error">{errorMessage(endSession.error)}</Notice>}
      {sessions.isPending ? (
        <Loading label="Loading sessions…" />
      ) : sessions.isError ? (
        <LoadError error={sessions.error} what="your sessions" />
      ) : (
        <ul className="session-list">
          {sessions.data.sessions.map((session) => (
            <li key={session.id} className="session-list__item">
              <div>
                <p className="session-list__device">
                  {describeDevice(session.userAgent)}
                  {session.current && <span className="tag">This device</span>}
                </p>
                <p className="muted">
                  Signed in {formatDateTime(session.createdAt)} · last active {formatDateTime(session.lastSeenAt)}
                </p>
              </div>
              {!session.current && (
                <Button
                  onPress={() => endSession.mutate(session.id)}
                  isPending={endSession.isPending && endSession.variables === session.id}
                  aria-label={`Sign out this session: ${describeDevice(session.userAgent)}, last active ${formatDateTime(session.lastSeenAt)}`}
                >
                  Sign out this session
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
