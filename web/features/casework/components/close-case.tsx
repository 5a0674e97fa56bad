import { useState } from 'react';
import type { CaseOutcome } from '../../../../shared/schemas/case-vocabulary.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useCloseCase, type CaseDetail } from '../api/casework.ts';
import { CLOSE_OUTCOME_LABELS } from '../labels.ts';

/** Close with an outcome the case's state allows (from the server), after a confirmation. */
export function CloseCase({ detail }: { detail: CaseDetail }) {
  const close = useCloseCase(detail.id);
  const [outcome, setOutcome] = useState<CaseOutcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const options = detail.allowedCloseOutcomes.map((id) => ({ id, label: CLOSE_OUTCOME_LABELS[id] }));
  return (
    <section className="card stack stack--tight" aria-labelledby="close-title">
      <h2 id="close-title">Close</h2>
      <p className="muted">When you are done with {detail.requesterFirstName}, close the case. They can still ask again at any time.</p>
      <SelectField
        label="Outcome"
        name="outcome"
        options={options}
        value={outcome}
        onChange={(id) => setOutcome(id as CaseOutcome | null)}
      />
      {close.isError && <Notice tone="error">{errorMessage(close.error)}</Notice>}
      <div>
        <Button
          isDisabled={!outcome}
          onPress={() => {
            close.reset();
            setConfirming(true);
          }}
        >
          Close case
        </Button>
      </div>
      <ConfirmDialog
        title={`Close the case of ${detail.requesterFirstName}?`}
        confirmLabel="Close case"
        tone="primary"
        isOpen={confirming}
        onOpenChange={setConfirming}
        isPending={close.isPending}
        onConfirm={() => {
          if (outcome) close.mutate(outcome, { onSettled: () => setConfirming(false) });
        }}
      >
        <p>Outcome: {outcome ? CLOSE_OUTCOME_LABELS[outcome] : ''}.</p>
        <p>
          You can no longer log anything on it afterwards.{' '}
          {outcome === 'supported' || outcome === 'referred'
            ? `${detail.requesterFirstName} is asked, anonymously, how helpful it was.`
            : `${detail.requesterFirstName} is sent the program’s resources.`}
        </p>
      </ConfirmDialog>
    </section>
  );
}
