import { useState } from 'react';
import { FieldError, Form, Input, Label, NumberField, Text } from 'react-aria-components';
import { RETENTION_DAYS_MAX } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useUpdateProgramSettings, type ProgramSettings } from '../api/program-settings.ts';

function describe(days: number): string {
  if (days === 0) return 'Identifying data is erased as soon as a request is closed, withdrawn or declined.';
  return `Identifying data is erased ${days} day${days === 1 ? '' : 's'} after a request is closed, withdrawn or declined.`;
}

/**
 * How long a finished request keeps who asked and how to reach them (docs/product.md, C4). The
 * text says plainly what goes, what stays and what it means for reopening.
 */
export function RetentionSetting({ settings }: { settings: ProgramSettings }) {
  const update = useUpdateProgramSettings();
  const [days, setDays] = useState(settings.retentionDays);
  const errors = fieldErrors(update.error);
  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">Retention</h2>
      <p className="muted">
        When a request ends, Peerline keeps who asked and how to reach them only for this many days, then erases it for good: the
        requester’s name and link to their account, their contact details, the anonymous case code, contact attempts, planned conversations
        and their invite links, the link to an event notice, and the e-mails sent to them. What stays is what the statistics need: the kind
        of request, its reason, urgency and outcome, the supporter, dates, and the encounter log’s codes. A requester can reopen a finished
        request only until it is erased (at most 30 days). The same period after a group debrief is over, who was invited to it is erased
        too; how many were invited and the head count stay.
      </p>
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ retentionDays: days });
        }}
      >
        {update.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(update.error)}</Notice>}
        {update.isSuccess && <Notice tone="success">Retention period saved. {describe(update.data.retentionDays)}</Notice>}
        <NumberField
          className="field"
          name="retentionDays"
          value={days}
          onChange={(next) => {
            update.reset();
            setDays(Number.isNaN(next) ? 0 : next);
          }}
          minValue={0}
          maxValue={RETENTION_DAYS_MAX}
          step={1}
          formatOptions={{ maximumFractionDigits: 0 }}
          isInvalid={errors.retentionDays ? true : undefined}
        >
          <Label className="field__label">Days to keep identifying data after a request ends</Label>
          <Input className="field__input" />
          <Text slot="description" className="field__description">
            {describe(days)} 0 to {RETENTION_DAYS_MAX}; 0 erases at closure.
          </Text>
          <FieldError className="field__error">{errors.retentionDays}</FieldError>
        </NumberField>
        <Button type="submit" variant="primary" isPending={update.isPending} className="form__submit">
          Save retention period
        </Button>
      </Form>
    </section>
  );
}
