import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useUpdateSupporter, type SupporterSummary } from '../api/supporter-pool.ts';
import { CapacityField, CAPACITY_MAX } from './capacity-field.tsx';

/**
 * The capacity ceiling the program sets for a supporter. Status and certification are decisions on
 * the Team page, where each step follows the lifecycle.
 */
export function EditSupporterDialog({ supporter, onClose }: { supporter: SupporterSummary; onClose: () => void }) {
  const update = useUpdateSupporter();
  const { profile } = supporter;
  const [capacity, setCapacity] = useState(profile.capacity);
  const errors = fieldErrors(update.error);
  const name = `${supporter.firstName} ${supporter.lastName}`;
  return (
    <ModalDialog title={`Edit ${name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ personId: supporter.personId, patch: { capacity } }, { onSuccess: close });
          }}
        >
          {update.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(update.error)}</Notice>}
          <CapacityField
            label="Capacity (open cases)"
            value={capacity}
            onChange={setCapacity}
            description={`0 to ${CAPACITY_MAX}. The supporter can also change this on their profile.`}
            errorMessage={errors.capacity}
          />
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={update.isPending}>
              Save
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}
