import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { OrganizationStructure } from '../../../../shared/schemas/organization.ts';
import type { Person } from '../../../../shared/schemas/person.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useUpdatePerson } from '../api/person-mutations.ts';
import { PersonFields } from './person-fields.tsx';
import { changedFields, formValuesFromPerson, personFieldErrors, personInputFromForm } from './person-form-values.ts';

export interface PersonEditFormProps {
  person: Person;
  structure: OrganizationStructure;
  /** Directory facts: anyone who manages people. */
  canManage: boolean;
  /** The work e-mail (the sign-in address): only whoever may change the person's account. */
  canChangeEmail: boolean;
}

/** Directory facts about one person. Readers without `people.manage` see the same fields disabled. */
export function PersonEditForm({ person, structure, canManage, canChangeEmail }: PersonEditFormProps) {
  const update = useUpdatePerson();
  const [values, setValues] = useState(() => formValuesFromPerson(person));
  const [unchanged, setUnchanged] = useState(false);
  const errors = personFieldErrors(fieldErrors(update.error));
  return (
    <section className="card" aria-labelledby="person-details-title">
      <h2 id="person-details-title">Details</h2>
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          const patch = changedFields(person, personInputFromForm(values));
          if (Object.keys(patch).length === 0) {
            setUnchanged(true);
            return;
          }
          update.mutate({ id: person.id, patch }, { onSuccess: (saved) => setValues(formValuesFromPerson(saved)) });
        }}
      >
        <fieldset className="fieldset-plain" disabled={!canManage}>
          <legend className="visually-hidden">Directory details</legend>
          <PersonFields
            values={values}
            onChange={(patch) => {
              update.reset();
              setUnchanged(false);
              setValues((v) => ({ ...v, ...patch }));
            }}
            structure={structure}
            errors={errors}
            personId={person.id}
            emailLocked={!canChangeEmail}
          />
        </fieldset>
        {update.isError && <Notice tone="error">{errorMessage(update.error)}</Notice>}
        {update.isSuccess && <Notice tone="success">Changes saved.</Notice>}
        {unchanged && <Notice tone="info">Nothing has changed, so there is nothing to save.</Notice>}
        {canManage && (
          <Button type="submit" variant="primary" isPending={update.isPending} className="form__submit">
            Save details
          </Button>
        )}
      </Form>
    </section>
  );
}
