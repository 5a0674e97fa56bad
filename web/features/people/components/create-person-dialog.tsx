import { useState } from 'react';
import { DialogTrigger, Form } from 'react-aria-components';
import type { OrganizationStructure } from '../../../../shared/schemas/organization.ts';
import type { Person } from '../../../../shared/schemas/person.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useCreatePerson } from '../api/person-mutations.ts';
import { PersonFields } from './person-fields.tsx';
import { emptyPersonForm, personFieldErrors, personInputFromForm } from './person-form-values.ts';

export interface CreatePersonDialogProps {
  structure: OrganizationStructure;
  onCreated: (person: Person) => void;
}

/** "Add person": the directory facts only; roles and a password are set on the person's page. */
export function CreatePersonDialog({ structure, onCreated }: CreatePersonDialogProps) {
  const create = useCreatePerson();
  const [values, setValues] = useState(emptyPersonForm);
  const errors = personFieldErrors(fieldErrors(create.error));
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (!open) create.reset();
      }}
    >
      <Button variant="primary">Add person</Button>
      <ModalDialog title="Add a person">
        {(close) => (
          <Form
            className="form"
            validationErrors={errors}
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate(personInputFromForm(values), {
                onSuccess: (person) => {
                  setValues(emptyPersonForm);
                  close();
                  onCreated(person);
                },
              });
            }}
          >
            {create.isError && <Notice tone="error">{errorMessage(create.error)}</Notice>}
            <PersonFields
              values={values}
              onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
              structure={structure}
              errors={errors}
            />
            <div className="dialog__actions">
              <Button onPress={close}>Cancel</Button>
              <Button type="submit" variant="primary" isPending={create.isPending}>
                Add person
              </Button>
            </div>
          </Form>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}
