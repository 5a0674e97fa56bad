import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useUpdateProgramSettings, type ProgramSettings } from '../api/program-settings.ts';
import { TimeZoneField } from './time-zone-field.tsx';

/** The program's name (shown on the public page and in every header) and its home time zone. */
export function ProgramSettingsForm({ settings }: { settings: ProgramSettings }) {
  const update = useUpdateProgramSettings();
  const [programName, setProgramName] = useState(settings.programName);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const errors = fieldErrors(update.error);
  return (
    <section className="card" aria-labelledby="program-settings-title">
      <h2 id="program-settings-title">Program</h2>
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ programName, timeZone });
        }}
      >
        {update.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(update.error)}</Notice>}
        {update.isSuccess && <Notice tone="success">Program settings saved.</Notice>}
        <div className="form__row">
          <TextField
            label="Program name"
            name="programName"
            value={programName}
            onChange={(v) => {
              update.reset();
              setProgramName(v);
            }}
            isRequired
          />
          <TimeZoneField
            label="Time zone"
            value={timeZone}
            onChange={(v) => {
              update.reset();
              setTimeZone(v);
            }}
            description="Used for service-level clocks and reports."
            errorMessage={errors.timeZone}
          />
        </div>
        <Button type="submit" variant="primary" isPending={update.isPending} className="form__submit">
          Save program settings
        </Button>
      </Form>
    </section>
  );
}
