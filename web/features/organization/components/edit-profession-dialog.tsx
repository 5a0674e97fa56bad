import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { Profession, ProfessionCategory } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useUpdateProfession } from '../api/update-structure.ts';
import { CATEGORY_OPTIONS } from './category-labels.ts';

/** Rename a profession or change its category. */
export function EditProfessionDialog({ profession, onClose }: { profession: Profession; onClose: () => void }) {
  const update = useUpdateProfession();
  const [name, setName] = useState(profession.name);
  const [category, setCategory] = useState<ProfessionCategory>(profession.category);
  const errors = fieldErrors(update.error);
  return (
    <ModalDialog title={`Edit ${profession.name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ id: profession.id, name, category }, { onSuccess: close });
          }}
        >
          {update.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(update.error)}</Notice>}
          <TextField label="Name" name="name" value={name} onChange={setName} isRequired autoFocus />
          <SelectField
            label="Category"
            options={CATEGORY_OPTIONS}
            value={category}
            onChange={(id) => id && setCategory(id as ProfessionCategory)}
            errorMessage={errors.category}
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
