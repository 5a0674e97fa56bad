import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';

export interface EditNameDialogProps {
  title: string;
  initialName: string;
  onClose: () => void;
  onSave: (name: string) => Promise<unknown>;
}

/** Rename a site: one field, saved on submit; the dialog stays open if the server refuses. */
export function EditNameDialog({ title, initialName, onClose, onSave }: EditNameDialogProps) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  return (
    <ModalDialog title={title} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          validationErrors={fieldErrors(error)}
          onSubmit={(event) => {
            event.preventDefault();
            setPending(true);
            onSave(name)
              .then(close, setError)
              .finally(() => setPending(false));
          }}
        >
          {error !== null && !fieldErrors(error).name && <Notice tone="error">{errorMessage(error)}</Notice>}
          <TextField label="Name" name="name" value={name} onChange={setName} isRequired autoFocus />
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={pending}>
              Save
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}
