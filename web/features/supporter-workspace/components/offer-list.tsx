import './supporter-workspace.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { LoadError, Loading, errorMessage } from '../../../components/ui/query-status.tsx';
import { useNow } from '../../../hooks/use-now.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime, languageName, MODALITY_LABELS, REASON_LABELS, timeLeft, URGENCY_SHORT } from '../../../lib/case-vocabulary.ts';
import { PROFESSION_CATEGORY_LABELS } from '../../../lib/profession-categories.ts';
import { useAcceptOffer, useDeclineOffer, useOffers, type Offer } from '../api/workspace.ts';
import { DeclineOfferDialog } from './decline-offer-dialog.tsx';

type Outcome = { tone: 'success' | 'error'; title?: string; text: string; toCases?: boolean };

const isConflict = (error: unknown) => isApiError(error) && error.status === 409;
const CONFLICT: Outcome = {
  tone: 'error',
  title: 'This offer is no longer open',
  text: 'It was answered or expired in the meantime. The list below is up to date.',
};

/** Requests offered to me: enough to decide (no name, no contact), with Accept and Decline. */
export function OfferList() {
  const offers = useOffers();
  const accept = useAcceptOffer();
  const decline = useDeclineOffer();
  const now = useNow();
  const [declining, setDeclining] = useState<Offer | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (offers.isPending) return <Loading label="Loading offers…" />;
  if (offers.isError) return <LoadError error={offers.error} what="your offers" />;

  const onAccept = (offer: Offer) => {
    setOutcome(null);
    accept.mutate(offer.id, {
      onSuccess: () =>
        setOutcome({
          tone: 'success',
          title: 'Accepted',
          text: 'Please reach out soon. The person’s first name and contact are under',
          toCases: true,
        }),
      onError: (error) => setOutcome(isConflict(error) ? CONFLICT : { tone: 'error', text: errorMessage(error) }),
    });
  };

  return (
    <div className="stack">
      {outcome && (
        <Notice tone={outcome.tone} title={outcome.title}>
          {outcome.text}
          {outcome.toCases && (
            <>
              {' '}
              <Link to="/app/cases">My cases</Link>.
            </>
          )}
        </Notice>
      )}
      {offers.data.length === 0 ? (
        <p className="card">No offers waiting for you. When a request matches you, it appears here and you get an e-mail.</p>
      ) : (
        <ul className="offer-list">
          {offers.data.map((offer) => {
            const left = timeLeft(offer.expiresAt, now);
            const titleId = `offer-${offer.id}-title`;
            return (
              <li key={offer.id} id={`offer-${offer.id}`} className="offer card" aria-labelledby={titleId}>
                <div className="offer__head">
                  <h2 id={titleId} className="offer__title">
                    {REASON_LABELS[offer.reason]}
                  </h2>
                  {offer.urgency === 'today' && <span className="urgent-tag">Today</span>}
                </div>
                <p className={`offer__time${left ? '' : ' offer__time--over'}`}>
                  {left ? `${left} to answer` : 'Time to answer is up'}
                  <span className="muted"> (until {formatDateTime(offer.expiresAt)})</span>
                </p>
                <dl className="facts offer__facts">
                  <dt>When</dt>
                  <dd>{URGENCY_SHORT[offer.urgency]}</dd>
                  <dt>How</dt>
                  <dd>{MODALITY_LABELS[offer.modality]}</dd>
                  <dt>Language</dt>
                  <dd>{offer.language ? languageName(offer.language) : 'No preference'}</dd>
                  <dt>Profession</dt>
                  <dd>{offer.requesterProfessionCategory ? PROFESSION_CATEGORY_LABELS[offer.requesterProfessionCategory] : 'Not given'}</dd>
                </dl>
                {offer.matchReasons.length > 0 && (
                  <div className="offer__why">
                    <h3 className="offer__why-title">Why you</h3>
                    <ul>
                      {offer.matchReasons.map((reason) => (
                        <li key={reason.code}>{reason.text}</li>
                      ))}
                    </ul>
                  </div>
                )}
                <div className="offer__actions">
                  <Button
                    variant="primary"
                    onPress={() => onAccept(offer)}
                    isPending={accept.isPending && accept.variables === offer.id}
                    isDisabled={accept.isPending}
                    aria-describedby={titleId}
                  >
                    Accept
                  </Button>
                  <Button
                    onPress={() => {
                      setOutcome(null);
                      decline.reset();
                      setDeclining(offer);
                    }}
                    isDisabled={accept.isPending}
                    aria-describedby={titleId}
                  >
                    Decline
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {declining && (
        <DeclineOfferDialog
          key={declining.id}
          title={REASON_LABELS[declining.reason]}
          isPending={decline.isPending}
          error={decline.isError && !isConflict(decline.error) ? decline.error : null}
          onCancel={() => setDeclining(null)}
          onDecline={(reason) =>
            decline.mutate(
              { id: declining.id, reason },
              {
                onSuccess: () => {
                  setDeclining(null);
                  setOutcome({
                    tone: 'success',
                    text: 'Declined. The request goes to the next supporter; thank you for saying so quickly.',
                  });
                },
                onError: (error) => {
                  if (!isConflict(error)) return;
                  setDeclining(null);
                  setOutcome(CONFLICT);
                },
              },
            )
          }
        />
      )}
    </div>
  );
}
