import type { SupporterProfile } from '../../../../shared/schemas/supporter.ts';
import { reasonsNotMatchable } from './matchability.ts';
import { formatDay, STATUS_LABELS } from './vocabulary.ts';

/** What the program has set (status, certification) and whether offers can reach you today. */
export function ProfileStatusCard({ profile, today }: { profile: SupporterProfile; today: string }) {
  const reasons = profile.matchable ? [] : reasonsNotMatchable(profile, today);
  const expired = profile.certifiedUntil !== null && profile.certifiedUntil < today;
  return (
    <section className="card" aria-labelledby="supporter-status-title">
      <h2 id="supporter-status-title">Your status</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{STATUS_LABELS[profile.status]}</dd>
        <dt>Certified until</dt>
        <dd>
          {profile.certifiedUntil ? formatDay(profile.certifiedUntil) : 'Not recorded'}
          {expired && <span className="tag tag--muted">Expired</span>}
        </dd>
        <dt>Can be matched now</dt>
        <dd>
          <span className={`badge ${profile.matchable ? 'badge--open' : 'badge--closed'}`}>
            <span className="badge__dot" aria-hidden="true" />
            {profile.matchable ? 'Yes' : 'No'}
          </span>
        </dd>
      </dl>
      {profile.matchable ? (
        <p className="muted">New requests can be offered to you, within your availability and capacity.</p>
      ) : (
        <>
          <p>No new requests are offered to you at the moment{reasons.length > 0 ? ':' : '.'}</p>
          {reasons.length > 0 && (
            <ul className="profile-reasons">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
          <p className="muted">Status and certification are set by your program director or administrator.</p>
        </>
      )}
    </section>
  );
}
