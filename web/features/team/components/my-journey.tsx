import { useState } from 'react';
import { useOutletContext } from 'react-router';
import type { Me } from '../../../../shared/schemas/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { formatDay } from '../../../lib/calendar-day.ts';
import { useMoveMyJourney, useMyJourney, useNominate, type OwnEvent } from '../api/team.ts';
import { MY_STAGE_TEXT, OWN_LABELS, STAGE_LABELS } from './vocabulary.ts';

/** The person's own place in the program and the steps open to them; volunteering when they have none. */
export function MyJourney() {
  const me = useOutletContext<Me>();
  const journey = useMyJourney();
  const move = useMoveMyJourney();
  const volunteer = useNominate();
  const [confirming, setConfirming] = useState<'retired' | 'withdrew' | null>(null);
  if (journey.isPending) return <Loading label="Loading…" />;
  if (journey.isError) return <LoadError error={journey.error} what="your place in the program" />;
  const { state, certifiedUntil, allowedEvents } = journey.data;
  const steps = allowedEvents.filter((e): e is OwnEvent => e in OWN_LABELS);

  if (state === null) {
    return (
      <section className="card stack stack--tight" aria-labelledby="volunteer-title">
        <h2 id="volunteer-title">Become a peer supporter</h2>
        <p>
          Peer supporters are colleagues trained to listen after a hard event: an adverse outcome, a patient’s death, a complaint, or plain
          exhaustion. The program trains you, and you choose how much you take on.
        </p>
        {volunteer.isError && <Notice tone="error">{errorMessage(volunteer.error)}</Notice>}
        <div>
          <Button
            variant="primary"
            isPending={volunteer.isPending}
            onPress={() => volunteer.mutate(me.person.workEmail, { onSuccess: () => void journey.refetch() })}
          >
            I would like to volunteer
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className="card stack stack--tight" aria-labelledby="journey-title">
      <h2 id="journey-title">
        Your place in the program: <span className="tag">{STAGE_LABELS[state]}</span>
      </h2>
      <p>{MY_STAGE_TEXT[state]}</p>
      {certifiedUntil && ['certified', 'active', 'paused'].includes(state) && (
        <p className="muted">Your certification runs until {formatDay(certifiedUntil)}.</p>
      )}
      {move.isError && <Notice tone="error">{errorMessage(move.error)}</Notice>}
      {steps.length > 0 && (
        <div className="inline-form" role="group" aria-label="What you can do">
          {steps.map((type) => (
            <Button
              key={type}
              variant={type === 'interest_confirmed' || type === 'resumed' ? 'primary' : 'secondary'}
              isPending={move.isPending && move.variables === type}
              onPress={() => (type === 'retired' || type === 'withdrew' ? setConfirming(type) : move.mutate(type))}
            >
              {OWN_LABELS[type]}
            </Button>
          ))}
        </div>
      )}
      <ConfirmDialog
        title={confirming === 'retired' ? 'Step down from the team?' : 'Withdraw from the program?'}
        confirmLabel={confirming === 'retired' ? 'Step down' : 'Withdraw'}
        dismissLabel="Stay"
        isOpen={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        isPending={move.isPending}
        onConfirm={() => confirming && move.mutate(confirming, { onSettled: () => setConfirming(null) })}
      >
        <p>
          {confirming === 'retired'
            ? 'You will no longer be offered requests or put on call. Colleagues you are supporting now stay with you until the program hands them on. The program director is told.'
            : 'You will leave the way to the team. The program director is told. You can be suggested again later.'}
        </p>
      </ConfirmDialog>
    </section>
  );
}
