import { useState } from 'react';
import type { Person } from '../../../../shared/schemas/person.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { useSetPersonActive } from '../api/person-mutations.ts';

/** Deactivate (leaves the organisation) or reactivate, always after a confirmation. */
export function PersonStatusCard({ person }: { person: Person }) {
  const setActive = useSetPersonActive();
  const [confirming, setConfirming] = useState(false);
  const name = `${person.firstName} ${person.lastName}`;
  const deactivating = person.active;
  return (
    <section className="card" aria-labelledby="person-status-title">
      <h2 id="person-status-title">Status</h2>
      <p>
        {person.active ? `${name} is active${person.hasAccount ? ' and can sign in' : ''}.` : `${name} is deactivated and cannot sign in.`}
      </p>
      {setActive.isError && <Notice tone="error">{errorMessage(setActive.error)}</Notice>}
      <Button variant={deactivating ? 'danger' : 'secondary'} onPress={() => setConfirming(true)}>
        {deactivating ? 'Deactivate' : 'Reactivate'}
      </Button>
      <ConfirmDialog
        title={deactivating ? `Deactivate ${name}?` : `Reactivate ${name}?`}
        confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
        tone={deactivating ? 'danger' : 'primary'}
        isOpen={confirming}
        onOpenChange={setConfirming}
        isPending={setActive.isPending}
        onConfirm={() => setActive.mutate({ id: person.id, active: !deactivating }, { onSettled: () => setConfirming(false) })}
      >
        {deactivating ? (
          <p>
            They will be signed out everywhere and can no longer sign in or be matched. Their record stays in the directory, and you can
            reactivate them later.
          </p>
        ) : (
          <p>They will be able to sign in again with their existing password and roles.</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
