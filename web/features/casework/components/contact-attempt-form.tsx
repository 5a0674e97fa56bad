import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { ContactChannel, ContactResult } from '../../../../shared/schemas/casework.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { useLogContactAttempt } from '../api/casework.ts';
import { CHANNEL_OPTIONS, RESULT_LABELS, RESULT_OPTIONS } from '../labels.ts';

/** How the supporter tried to reach the requester and whether it worked: two choices, nothing else. */
export function ContactAttemptForm({ caseId }: { caseId: string }) {
  const log = useLogContactAttempt(caseId);
  const [channel, setChannel] = useState<ContactChannel | null>(null);
  const [result, setResult] = useState<ContactResult | null>(null);
  const [saved, setSaved] = useState<ContactResult | null>(null);
  return (
    <section className="card" aria-labelledby="attempt-title">
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!channel || !result) return;
          setSaved(null);
          log.mutate(
            { channel, result },
            {
              onSuccess: () => {
                setSaved(result);
                setChannel(null);
                setResult(null);
              },
            },
          );
        }}
      >
        <h2 id="attempt-title">Log a contact attempt</h2>
        <RadioGroupField
          label="How"
          name="channel"
          options={CHANNEL_OPTIONS}
          value={channel}
          onChange={(v) => setChannel(v as ContactChannel)}
          orientation="horizontal"
          isRequired
        />
        <RadioGroupField
          label="Result"
          name="result"
          options={RESULT_OPTIONS}
          value={result}
          onChange={(v) => setResult(v as ContactResult)}
          orientation="horizontal"
          isRequired
        />
        {saved && <Notice tone="success">Attempt logged: {RESULT_LABELS[saved].toLowerCase()}.</Notice>}
        {log.isError && <Notice tone="error">{errorMessage(log.error)}</Notice>}
        <div className="form__submit">
          <Button type="submit" variant="primary" isPending={log.isPending} isDisabled={!channel || !result}>
            Log attempt
          </Button>
        </div>
      </Form>
    </section>
  );
}
