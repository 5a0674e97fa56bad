import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { Site } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useCreateSite, useUpdateSite } from '../api/update-structure.ts';
import { EditNameDialog } from './edit-name-dialog.tsx';
import { ItemRow } from './item-row.tsx';

/** Hospitals or campuses. Deactivating one hides it from forms; nothing is deleted. */
export function SitesSection({ sites }: { sites: readonly Site[] }) {
  const createSite = useCreateSite();
  const updateSite = useUpdateSite();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<Site | null>(null);
  const sorted = [...sites].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="sites-title" className="org-section">
      <h2 id="sites-title">Sites</h2>
      <Form
        className="inline-form"
        validationErrors={fieldErrors(createSite.error)}
        onSubmit={(event) => {
          event.preventDefault();
          createSite.mutate({ name }, { onSuccess: () => setName('') });
        }}
      >
        <TextField label="New site name" name="name" value={name} onChange={setName} isRequired />
        <Button type="submit" variant="primary" isPending={createSite.isPending}>
          Add site
        </Button>
      </Form>
      {createSite.isError && !fieldErrors(createSite.error).name && <Notice tone="error">{errorMessage(createSite.error)}</Notice>}
      {updateSite.isError && <Notice tone="error">{errorMessage(updateSite.error)}</Notice>}
      {sorted.length === 0 ? (
        <p className="muted">No sites yet.</p>
      ) : (
        <ul className="item-list">
          {sorted.map((site) => (
            <ItemRow
              key={site.id}
              name={site.name}
              active={site.active}
              onEdit={() => setEditing(site)}
              onToggleActive={() => updateSite.mutate({ id: site.id, active: !site.active })}
              isToggling={updateSite.isPending && updateSite.variables?.id === site.id}
            />
          ))}
        </ul>
      )}
      {editing && (
        <EditNameDialog
          title={`Rename ${editing.name}`}
          initialName={editing.name}
          onClose={() => setEditing(null)}
          onSave={(newName) => updateSite.mutateAsync({ id: editing.id, name: newName })}
        />
      )}
    </section>
  );
}
