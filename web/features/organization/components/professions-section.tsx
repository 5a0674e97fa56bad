import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { Profession, ProfessionCategory } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useCreateProfession, useUpdateProfession } from '../api/update-structure.ts';
import { CATEGORY_LABELS, CATEGORY_OPTIONS } from './category-labels.ts';
import { EditProfessionDialog } from './edit-profession-dialog.tsx';
import { ItemRow } from './item-row.tsx';

/** Professions as the hospital names them, each mapped to a category that matching understands. */
export function ProfessionsSection({ professions }: { professions: readonly Profession[] }) {
  const create = useCreateProfession();
  const update = useUpdateProfession();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<ProfessionCategory | null>(null);
  const [editing, setEditing] = useState<Profession | null>(null);
  const errors = fieldErrors(create.error);
  const sorted = [...professions].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="professions-title" className="org-section">
      <h2 id="professions-title">Professions</h2>
      <Form
        className="form form--panel"
        aria-labelledby="add-profession-title"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          if (!category) return;
          create.mutate({ name, category }, { onSuccess: () => setName('') });
        }}
      >
        <h3 id="add-profession-title">Add a profession</h3>
        {create.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(create.error)}</Notice>}
        <div className="form__row">
          <TextField label="Name" name="name" value={name} onChange={setName} isRequired />
          <SelectField
            label="Category"
            name="category"
            options={CATEGORY_OPTIONS}
            value={category}
            onChange={(id) => setCategory(id as ProfessionCategory | null)}
            isRequired
            errorMessage={errors.category}
          />
        </div>
        <Button type="submit" variant="primary" isPending={create.isPending} className="form__submit">
          Add profession
        </Button>
      </Form>
      {update.isError && <Notice tone="error">{errorMessage(update.error)}</Notice>}
      <ul className="item-list">
        {sorted.map((profession) => (
          <ItemRow
            key={profession.id}
            name={profession.name}
            active={profession.active}
            details={`Category: ${CATEGORY_LABELS[profession.category]}`}
            onEdit={() => setEditing(profession)}
            onToggleActive={() => update.mutate({ id: profession.id, active: !profession.active })}
            isToggling={update.isPending && update.variables?.id === profession.id}
          />
        ))}
      </ul>
      {editing && <EditProfessionDialog profession={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
