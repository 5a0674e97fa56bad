import type { ResourceCategory } from '../../../../shared/schemas/resources.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { formatDate, formatDateTime, MODALITY_LABELS } from '../../../lib/case-vocabulary.ts';
import { useMarkReferralTakenUp, type CaseDetail } from '../api/casework.ts';
import { CHANNEL_LABELS, RESOURCE_CATEGORY_LABELS, RESULT_LABELS, TOPIC_LABELS } from '../labels.ts';

/** Referrals offered in conversations, with "taken up" once the supporter learns they were. */
export function ReferralList({ detail, isOpen }: { detail: CaseDetail; isOpen: boolean }) {
  const mark = useMarkReferralTakenUp(detail.id);
  if (detail.referrals.length === 0) return null;
  return (
    <section className="card stack stack--tight" aria-labelledby="referrals-title">
      <h2 id="referrals-title">Referrals</h2>
      {mark.isError && <Notice tone="error">{errorMessage(mark.error)}</Notice>}
      <ul className="casework-list">
        {detail.referrals.map((referral) => {
          const label = RESOURCE_CATEGORY_LABELS[referral.category];
          return (
            <li key={referral.category} className="casework-list__item">
              <span>
                <strong>{label}</strong>
                <span className="muted"> · offered {formatDate(referral.offeredAt)}</span>
              </span>
              {referral.takenUpAt ? (
                <span className="tag">Taken up {formatDate(referral.takenUpAt)}</span>
              ) : isOpen ? (
                <Button
                  onPress={() => mark.mutate(referral.category as ResourceCategory)}
                  isPending={mark.isPending && mark.variables === referral.category}
                  isDisabled={mark.isPending}
                  aria-label={`${label}: taken up`}
                >
                  Taken up
                </Button>
              ) : (
                <span className="tag tag--muted">Not known to be taken up</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Past contact attempts and conversations, newest first: codes, numbers and dates only. */
export function CaseHistory({ detail }: { detail: CaseDetail }) {
  const attempts = [...detail.attempts].sort((a, b) => b.at.localeCompare(a.at));
  const encounters = [...detail.encounters].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section className="card stack stack--tight" aria-labelledby="history-title">
      <h2 id="history-title">So far</h2>
      <h3 className="casework-subtitle">Contact attempts</h3>
      {attempts.length === 0 ? (
        <p className="muted">None logged yet.</p>
      ) : (
        <ul className="casework-list" aria-label="Contact attempts">
          {attempts.map((attempt) => (
            <li key={attempt.id} className="casework-list__item">
              <span>
                {CHANNEL_LABELS[attempt.channel]}: <strong>{RESULT_LABELS[attempt.result].toLowerCase()}</strong>
              </span>
              <span className="muted">{formatDateTime(attempt.at)}</span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="casework-subtitle">Conversations</h3>
      {encounters.length === 0 ? (
        <p className="muted">None logged yet.</p>
      ) : (
        <ul className="casework-list" aria-label="Conversations">
          {encounters.map((encounter) => (
            <li key={encounter.id} className="casework-encounter">
              <p className="casework-encounter__head">
                <strong>{formatDate(`${encounter.date}T12:00:00`)}</strong> · {MODALITY_LABELS[encounter.modality]} · {encounter.minutes}{' '}
                min · {encounter.format === 'group' ? `group of ${encounter.headCount ?? '?'}` : 'one to one'} · tier{' '}
                {encounter.escalationTier}
              </p>
              <p className="casework-encounter__line">
                <span className="muted">Topics:</span> {encounter.topics.map((t) => TOPIC_LABELS[t]).join(', ')}
              </p>
              {encounter.referralsOffered.length > 0 && (
                <p className="casework-encounter__line">
                  <span className="muted">Referrals offered:</span>{' '}
                  {encounter.referralsOffered.map((r) => RESOURCE_CATEGORY_LABELS[r]).join(', ')}
                </p>
              )}
              {encounter.followUpOn && (
                <p className="casework-encounter__line">
                  <span className="muted">Follow-up:</span> {formatDate(`${encounter.followUpOn}T12:00:00`)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
