import type { OnCallNow } from '../api/on-call.ts';
import { dateTimeLabel, fullName } from '../../../lib/zoned-time.ts';

/** Who is on call right now, prominent: the first thing anyone opening the page wants to know. */
export function NowCard({ now, timeZone, myId }: { now: OnCallNow; timeZone: string; myId?: string | undefined }) {
  return (
    <section className="card on-call-now" aria-labelledby="on-call-now-title">
      <h2 id="on-call-now-title">On call now</h2>
      {now.person ? (
        <>
          <p className="on-call-now__name">
            {fullName(now.person)}
            {now.person.id === myId && <span className="tag">You</span>}
          </p>
          {now.until && <p className="muted">Until {dateTimeLabel(now.until, timeZone)}</p>}
        </>
      ) : (
        <p className="on-call-now__name on-call-now__name--nobody">Nobody is on call</p>
      )}
      {now.next.length > 0 && (
        <p className="muted">Next: {now.next.map((n) => `${fullName(n.person)} from ${dateTimeLabel(n.startsAt, timeZone)}`).join('; ')}</p>
      )}
    </section>
  );
}
