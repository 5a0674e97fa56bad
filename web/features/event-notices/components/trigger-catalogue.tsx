import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { ReasonCategory } from '../../../../shared/schemas/case-vocabulary.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, Loading, LoadError } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { REASON_LABELS, REASON_OPTIONS } from '../../../lib/case-vocabulary.ts';
import { useAddTrigger, useEventTriggers, useUpdateTrigger } from '../api/event-notices.ts';

/**
 * The trigger catalogue reporters choose from (events.manage). Each trigger maps to the reason
 * category its outreach cases get, which matching uses for lived experience. Retiring keeps past
 * notices readable and takes the trigger off the form.
 */
export function TriggerCatalogue() {
  const triggers = useEventTriggers();
  const add = useAddTrigger();
  const update = useUpdateTrigger();
  const [label, setLabel] = useState('');
  const [reason, setReason] = useState<string | null>('other');
  const errors = fieldErrors(add.error);

  if (triggers.isPending) return <Loading />;
  if (triggers.isError) return <LoadError error={triggers.error} what="the trigger catalogue" />;
  return (
    <div className="stack">
      <div className="table-scroll">
        <table className="table table--compact">
          <caption className="visually-hidden">Trigger catalogue</caption>
          <thead>
            <tr>
              <th scope="col">Trigger</th>
              <th scope="col">Outreach reason</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {triggers.data.map((t) => (
              <tr key={t.id}>
                <td>{t.label}</td>
                <td>{REASON_LABELS[t.reason]}</td>
                <td>{t.active ? 'On the form' : 'Retired'}</td>
                <td>
                  <Button
                    variant="quiet"
                    onPress={() => update.mutate({ id: t.id, active: !t.active })}
                    isDisabled={update.isPending}
                    aria-label={`${t.active ? 'Retire' : 'Restore'} ${t.label}`}
                  >
                    {t.active ? 'Retire' : 'Restore'}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {update.isError && <Notice tone="error">{errorMessage(update.error)}</Notice>}
      <Form
        className="form card"
        aria-label="Add a trigger"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason) return;
          add.mutate({ label: label.trim(), reason: reason as ReasonCategory }, { onSuccess: () => setLabel('') });
        }}
      >
        <TextField label="New trigger" value={label} onChange={setLabel} isRequired errorMessage={errors.label} />
        <SelectField
          label="Outreach reason"
          options={REASON_OPTIONS}
          value={reason}
          onChange={setReason}
          errorMessage={errors.reason}
          isRequired
        />
        <div>
          <Button type="submit" variant="secondary" isDisabled={add.isPending}>
            Add trigger
          </Button>
        </div>
      </Form>
    </div>
  );
}
