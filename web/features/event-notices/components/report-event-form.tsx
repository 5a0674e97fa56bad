import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, Loading, LoadError } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { flattenDepartmentTree } from '../../../lib/department-tree.ts';
import { useOrganizationStructure } from '../../organization/index.ts';
import { useEventTriggers, useFileNotice } from '../api/event-notices.ts';

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, for a datetime-local input. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * "Report an event": when, which trigger, which department, who was involved (by work e-mail —
 * a reporter never browses the directory's names) and whether it is urgent. There is no
 * description field, and the form says why. After filing, the receipt is all there is to see.
 */
export function ReportEventForm() {
  const structure = useOrganizationStructure();
  const triggers = useEventTriggers();
  const file = useFileNotice();
  const [occurredAt, setOccurredAt] = useState(() => localInputValue(new Date()));
  const [triggerId, setTriggerId] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [urgent, setUrgent] = useState(false);
  const [emails, setEmails] = useState<string[]>(['']);
  const errors = fieldErrors(file.error);
  const touch = () => file.isError && file.reset();

  if (structure.isPending || triggers.isPending) return <Loading />;
  if (structure.isError) return <LoadError error={structure.error} what="the departments" />;
  if (triggers.isError) return <LoadError error={triggers.error} what="the trigger list" />;

  if (file.isSuccess) {
    const n = file.data.offeredCount;
    return (
      <div className="card stack stack--tight event-receipt" role="status">
        <h2>Received</h2>
        <p>{n === 1 ? '1 person' : `${n} people`} will be offered support by the peer support program.</p>
        <p className="muted">
          That is all you will hear about it: what happens next stays between them and the program, so that colleagues can trust it.
        </p>
        <div>
          <Button
            variant="secondary"
            onPress={() => {
              file.reset();
              setEmails(['']);
              setTriggerId(null);
              setUrgent(false);
            }}
          >
            Report another event
          </Button>
        </div>
      </div>
    );
  }

  const departmentOptions = flattenDepartmentTree(structure.data.departments.filter((d) => d.active)).map(({ department, depth }) => ({
    id: department.id,
    label: department.name,
    depth,
  }));
  const triggerOptions = triggers.data.filter((t) => t.active).map((t) => ({ id: t.id, label: t.label }));
  const setEmail = (i: number, value: string) => {
    touch();
    setEmails((list) => list.map((e, j) => (j === i ? value : e)));
  };

  return (
    <Form
      className="form card event-form"
      aria-label="Report an event"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        if (!triggerId || !departmentId) return;
        file.mutate({
          occurredAt: new Date(occurredAt).toISOString(),
          triggerId,
          departmentId,
          urgent,
          involved: emails
            .map((e) => e.trim())
            .filter(Boolean)
            .map((workEmail) => ({ workEmail })),
        });
      }}
    >
      <Notice tone="info" title="Why there is no description">
        What happened belongs in your incident-reporting system, not here. The peer support program needs to know only that colleagues may
        need support; with no account of the event on file, nothing they say can be linked to it.
      </Notice>
      <div className="field">
        <label className="field__label" htmlFor="event-occurred-at">
          When did it happen?
        </label>
        <input
          id="event-occurred-at"
          className="field__input"
          type="datetime-local"
          value={occurredAt}
          max={localInputValue(new Date())}
          onChange={(e) => {
            touch();
            setOccurredAt(e.target.value);
          }}
          required
          aria-invalid={errors.occurredAt ? true : undefined}
        />
        {errors.occurredAt && <p className="field__error">{errors.occurredAt}</p>}
      </div>
      <SelectField
        label="What kind of event?"
        options={triggerOptions}
        value={triggerId}
        onChange={(id) => {
          touch();
          setTriggerId(id);
        }}
        errorMessage={errors.triggerId}
        isRequired
        name="triggerId"
      />
      <SelectField
        label="Department"
        options={departmentOptions}
        value={departmentId}
        onChange={(id) => {
          touch();
          setDepartmentId(id);
        }}
        errorMessage={errors.departmentId}
        isRequired
        name="departmentId"
      />
      <fieldset className="event-form__people stack stack--tight">
        <legend className="field__label">Staff involved</legend>
        <p className="field__description">
          Their work e-mail addresses. Each will be offered support by a trained colleague who was not involved.
        </p>
        {emails.map((email, i) => (
          <div key={i} className="event-form__person">
            <TextField
              label={`Work e-mail of person ${i + 1}`}
              type="email"
              value={email}
              onChange={(value) => setEmail(i, value)}
              errorMessage={errors[`involved.${i}.workEmail`]}
              isRequired={i === 0}
              autoComplete="off"
            />
            {emails.length > 1 && (
              <Button
                variant="quiet"
                onPress={() => {
                  touch();
                  setEmails((list) => list.filter((_, j) => j !== i));
                }}
                aria-label={`Remove person ${i + 1}`}
              >
                Remove
              </Button>
            )}
          </div>
        ))}
        {errors.involved && <p className="field__error">{errors.involved}</p>}
        <div>
          <Button variant="secondary" onPress={() => setEmails((list) => [...list, ''])}>
            Add another person
          </Button>
        </div>
      </fieldset>
      <Checkbox isSelected={urgent} onChange={setUrgent}>
        Urgent: they should hear from someone today
      </Checkbox>
      {file.isError && Object.keys(errors).length === 0 && (
        <Notice tone="error" title="Could not file the notice">
          {errorMessage(file.error)}
        </Notice>
      )}
      <div>
        <Button type="submit" variant="primary" isDisabled={file.isPending}>
          {file.isPending ? 'Filing…' : 'File the notice'}
        </Button>
      </div>
    </Form>
  );
}
