import { useState } from 'react';
import { FieldError, Form, Input, Label, NumberField, Text } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useUpdateProgramSettings, type ProgramSettings } from '../api/program-settings.ts';

const COOLDOWN_DAYS_MAX = 14;

/** How long a supporter's cool-down after a heavy conversation lasts (docs/team.md, "Looking after supporters"). */
export function CooldownSetting({ settings }: { settings: ProgramSettings }) {
  const update = useUpdateProgramSettings();
  const [days, setDays] = useState(settings.cooldownDays);
  const errors = fieldErrors(update.error);
  return (
    <section className="card" aria-labelledby="cooldown-title">
      <h2 id="cooldown-title">Cool-down after a heavy conversation</h2>
      <p className="muted">
        A supporter who marks a conversation as heavy, or asks for a cool-down on their profile, gets no new offers for the rest of that day
        and this many days. Nobody is told why.
      </p>
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ cooldownDays: days });
        }}
      >
        {update.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(update.error)}</Notice>}
        {update.isSuccess && <Notice tone="success">Cool-down saved.</Notice>}
        <NumberField
          className="field"
          name="cooldownDays"
          value={days}
          onChange={(next) => {
            update.reset();
            setDays(Number.isNaN(next) ? 0 : next);
          }}
          minValue={0}
          maxValue={COOLDOWN_DAYS_MAX}
          step={1}
          formatOptions={{ maximumFractionDigits: 0 }}
          isInvalid={errors.cooldownDays ? true : undefined}
        >
          <Label className="field__label">Cool-down days</Label>
          <Input className="field__input" />
          <Text slot="description" className="field__description">
            0 to {COOLDOWN_DAYS_MAX}; 0 turns cool-downs off.
          </Text>
          <FieldError className="field__error">{errors.cooldownDays}</FieldError>
        </NumberField>
        <Button type="submit" variant="primary" isPending={update.isPending} className="form__submit">
          Save cool-down
        </Button>
      </Form>
    </section>
  );
}
