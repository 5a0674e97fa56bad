import { DialogTrigger } from 'react-aria-components';
import type { Resource } from '../../../../shared/schemas/resources.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { useCreateResource, useUpdateResource } from '../api/resources.ts';
import { ResourceForm } from './resource-form.tsx';

/** "Add resource": a button that opens the form; a fresh form every time it opens. */
export function AddResourceDialog() {
  const create = useCreateResource();
  return (
    <DialogTrigger onOpenChange={(open) => !open && create.reset()}>
      <Button variant="primary">Add resource</Button>
      <ModalDialog title="Add a resource">
        {(close) => (
          <ResourceForm
            submitLabel="Add resource"
            error={create.error}
            isPending={create.isPending}
            onSubmit={(input) => create.mutate(input, { onSuccess: close })}
            onCancel={close}
            onEdited={() => create.isError && create.reset()}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

/** Change what a resource says; whether it is shown is the list's Deactivate/Reactivate button. */
export function EditResourceDialog({ resource, onClose }: { resource: Resource; onClose: () => void }) {
  const update = useUpdateResource();
  return (
    <ModalDialog title={`Edit ${resource.name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <ResourceForm
          resource={resource}
          submitLabel="Save"
          error={update.error}
          isPending={update.isPending}
          onSubmit={(patch) => update.mutate({ id: resource.id, patch }, { onSuccess: close })}
          onCancel={close}
          onEdited={() => update.isError && update.reset()}
        />
      )}
    </ModalDialog>
  );
}
