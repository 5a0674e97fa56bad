import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { SupporterProfile } from '../../../../shared/schemas/supporter.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useUpdateSupporter, type SupporterSummary } from '../api/supporter-pool.ts';
import { CapacityField, CAPACITY_MAX } from './capacity-field.tsx';
import { STATUS_OPTIONS } from './vocabulary.ts';

type Status = SupporterProfile['status'];

/** What the program decides about a supporter: status, certification end and capacity. */
export function EditSupporterDialog({ supporter, onClose }: { supporter: SupporterSummary; onClose: () => void }) {
  const update = useUpdateSupporter();
  const { profile } = supporter;
  const [status, setStatus] = useState<Status>(profile.status);
  const [certifiedUntil, setCertifiedUntil] = useState(profile.certifiedUntil ?? '');
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
            update.mutate(
              { personId: supporter.personId, patch: { status, certifiedUntil: certifiedUntil || null, capacity } },
              { onSuccess: close },
            );
          }}
        >
          {update.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(update.error)}</Notice>}
          <SelectField
            label="Status"
            name="status"
            options={STATUS_OPTIONS}
            value={status}
            onChange={(id) => id && setStatus(id as Status)}
            description="Only active supporters with a current certification are offered requests."
            errorMessage={errors.status}
          />
          <TextField
            label="Certified until"
            name="certifiedUntil"
            type="date"
            value={certifiedUntil}
            onChange={setCertifiedUntil}
            description="The last day the training counts. Leave empty if not certified."
            errorMessage={errors.certifiedUntil}
          />
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
