import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { Department, Site } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useCreateDepartment, useUpdateDepartment } from '../api/update-structure.ts';
import { DepartmentPlacementFields } from './department-fields.tsx';
import { DepartmentTree } from './department-tree.tsx';
import { EditDepartmentDialog } from './edit-department-dialog.tsx';

export interface DepartmentsSectionProps {
  departments: readonly Department[];
  sites: readonly Site[];
}

/** The department tree ("Surgery › Cardiac surgery"), used for scope and "not my department" matching. */
export function DepartmentsSection({ departments, sites }: DepartmentsSectionProps) {
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const [name, setName] = useState('');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [parentId, setParentId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Department | null>(null);
  const errors = fieldErrors(create.error);
  return (
    <section aria-labelledby="departments-title" className="org-section">
      <h2 id="departments-title">Departments</h2>
      <Form
        className="form form--panel"
        aria-labelledby="add-department-title"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name, siteId, parentId }, { onSuccess: () => setName('') });
        }}
      >
        <h3 id="add-department-title">Add a department</h3>
        {create.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(create.error)}</Notice>}
        <div className="form__row">
          <TextField label="Name" name="name" value={name} onChange={setName} isRequired />
          <DepartmentPlacementFields
            sites={sites}
            parents={departments.filter((d) => d.active)}
            siteId={siteId}
            parentId={parentId}
            onSiteChange={setSiteId}
            onParentChange={setParentId}
            errors={errors}
          />
        </div>
        <Button type="submit" variant="primary" isPending={create.isPending} className="form__submit">
          Add department
        </Button>
      </Form>
      {update.isError && <Notice tone="error">{errorMessage(update.error)}</Notice>}
      <DepartmentTree
        departments={departments}
        sites={sites}
        onEdit={setEditing}
        onToggleActive={(department) => update.mutate({ id: department.id, active: !department.active })}
        togglingId={update.isPending ? update.variables?.id : undefined}
      />
      {editing && <EditDepartmentDialog department={editing} departments={departments} sites={sites} onClose={() => setEditing(null)} />}
    </section>
  );
}
