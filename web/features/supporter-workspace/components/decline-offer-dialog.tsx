import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { OfferDeclineReason } from '../../../../shared/schemas/case-vocabulary.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { DECLINE_REASON_OPTIONS } from '../../../lib/case-vocabulary.ts';

export interface DeclineOfferDialogProps {
  /** The offer's reason category, to say which offer this is. */
  title: string;
  isPending: boolean;
  error: unknown;
  onCancel: () => void;
  onDecline: (reason: OfferDeclineReason) => void;
}

/** Declining asks for a reason from a fixed list (no free text), so the program can see patterns. */
export function DeclineOfferDialog({ title, isPending, error, onCancel, onDecline }: DeclineOfferDialogProps) {
  const [reason, setReason] = useState<OfferDeclineReason | null>(null);
  return (
    <ModalDialog title="Decline this offer?" isOpen onOpenChange={(open) => !open && onCancel()}>
      {(close) => (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason) onDecline(reason);
          }}
        >
          <p className="dialog__body">
            {title}. The request is offered to the next supporter at once. Declining is fine: it is better than letting the time run out.
          </p>
          <SelectField
            label="Why are you declining?"
            name="reason"
            options={DECLINE_REASON_OPTIONS}
            value={reason}
            onChange={(id) => setReason(id as OfferDeclineReason | null)}
            isRequired
          />
          {Boolean(error) && <Notice tone="error">{errorMessage(error)}</Notice>}
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={isPending} isDisabled={!reason}>
              Decline offer
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}
