import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { Department, Site } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { descendantIds } from '../../../lib/department-tree.ts';
import { useUpdateDepartment } from '../api/update-structure.ts';
import { DepartmentPlacementFields } from './department-fields.tsx';

export interface EditDepartmentDialogProps {
  department: Department;
  departments: readonly Department[];
  sites: readonly Site[];
  onClose: () => void;
}

/** Rename or move a department. It cannot be moved under itself or one of its own sub-departments. */
export function EditDepartmentDialog({ department, departments, sites, onClose }: EditDepartmentDialogProps) {
  const update = useUpdateDepartment();
  const [name, setName] = useState(department.name);
  const [siteId, setSiteId] = useState(department.siteId);
  const [parentId, setParentId] = useState(department.parentId);
  const excluded = descendantIds(departments, department.id);
  const errors = fieldErrors(update.error);
  return (
    <ModalDialog title={`Edit ${department.name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ id: department.id, name, siteId, parentId }, { onSuccess: close });
          }}
        >
          {update.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(update.error)}</Notice>}
          <TextField label="Name" name="name" value={name} onChange={setName} isRequired autoFocus />
          <DepartmentPlacementFields
            sites={sites}
            parents={departments.filter((d) => !excluded.has(d.id) && (d.active || d.id === parentId))}
            siteId={siteId}
            parentId={parentId}
            onSiteChange={setSiteId}
            onParentChange={setParentId}
            errors={errors}
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
