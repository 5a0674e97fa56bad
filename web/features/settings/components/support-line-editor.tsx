import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { SupportLine } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useUpdateSupportLine } from '../api/program-settings.ts';
import { closesForApi, HoursEditor, toEditable } from './hours-editor.tsx';
import { TimeZoneField } from './time-zone-field.tsx';

/** One support line: what people see on the public page and in the app, saved on its own. */
export function SupportLineEditor({ line }: { line: SupportLine }) {
  const update = useUpdateSupportLine();
  const [name, setName] = useState(line.name);
  const [phone, setPhone] = useState(line.phone);
  const [description, setDescription] = useState(line.description);
  const [timeZone, setTimeZone] = useState(line.timeZone);
  const [windows, setWindows] = useState(() => line.hours.map(toEditable));
  const errors = fieldErrors(update.error);
  const incomplete = windows.some((w) => w.days.length === 0 || !w.opens || !w.closes);
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      update.reset();
      set(value);
    };
  const titleId = `line-${line.id}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>{line.name}</h3>
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          if (incomplete) return;
          const hours = windows.map(({ days, opens, closes }) => ({ days, opens, closes: closesForApi(closes) }));
          update.mutate({ id: line.id, patch: { name, phone, description, timeZone, hours } });
        }}
      >
        <div className="form__row">
          <TextField label="Name" name="name" value={name} onChange={edited(setName)} isRequired />
          <TextField label="Phone number" name="phone" type="tel" value={phone} onChange={edited(setPhone)} isRequired />
        </div>
        <TextField
          label="Description"
          name="description"
          value={description}
          onChange={edited(setDescription)}
          multiline
          description="One or two sentences: who it is for and what to expect."
        />
        <TimeZoneField label="Time zone of the hours" value={timeZone} onChange={edited(setTimeZone)} errorMessage={errors.timeZone} />
        <HoursEditor lineName={line.name} windows={windows} onChange={edited(setWindows)} />
        {Object.keys(errors).some((path) => path.startsWith('hours')) && (
          <Notice tone="error">
            {Object.entries(errors)
              .filter(([path]) => path.startsWith('hours'))
              .map(([, message]) => message)
              .join(' ')}
          </Notice>
        )}
        {update.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(update.error)}</Notice>}
        {update.isSuccess && <Notice tone="success">{name} saved.</Notice>}
        <Button type="submit" variant="primary" isPending={update.isPending} isDisabled={incomplete} className="form__submit">
          Save {name}
        </Button>
      </Form>
    </section>
  );
}
