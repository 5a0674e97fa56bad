import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { addMonths } from '../../../../shared/calendar-day.ts';
import { useDecide } from '../api/team.ts';

/** Records a certification (or recertification) with its last day. */
export function CertifyDialog({
  person,
  type,
  today,
  onClose,
}: {
  person: { personId: string; name: string };
  type: 'certified' | 'recertified';
  today: string;
  onClose: () => void;
}) {
  const decide = useDecide();
  // Two years, as most programs certify for; the director may choose another last day.
  const [until, setUntil] = useState(addMonths(today, 24));
  const errors = fieldErrors(decide.error);
  return (
    <ModalDialog title={`Certify ${person.name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            decide.mutate({ personId: person.personId, event: { type, until } }, { onSuccess: close });
          }}
        >
          {decide.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(decide.error)}</Notice>}
          <TextField
            label="Certified until"
            name="until"
            type="date"
            value={until}
            onChange={setUntil}
            description="The last day the training counts. They are matched and put on call only until then."
            isRequired
            errorMessage={errors.until}
          />
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={decide.isPending}>
              Certify
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}
