import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { Modality, Urgency } from '../../../../shared/schemas/case-vocabulary.ts';
import { SupporterDebriefReceiptSchema } from '../../../../shared/schemas/case.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { api } from '../../../lib/api-client.ts';
import { MODALITY_OPTIONS, URGENCY_OPTIONS } from '../../../lib/case-vocabulary.ts';

/**
 * "I need a debrief myself": supporters carry other people's hardest days. The request goes to the
 * program director to arrange, not to a colleague chosen by the matcher (docs/team.md).
 */
export function DebriefRequestCard() {
  const [urgency, setUrgency] = useState<Urgency>('this_week');
  const [modality, setModality] = useState<Modality>('phone');
  const ask = useMutation({
    mutationFn: () => api.post('/api/supporter/debrief-request', { urgency, modality }, SupporterDebriefReceiptSchema),
  });
  return (
    <section className="card stack stack--tight" aria-labelledby="debrief-request-title">
      <h2 id="debrief-request-title">I need a debrief myself</h2>
      <p className="muted">
        Supporting colleagues can weigh on you too. This goes to the program director, who will arrange someone to talk with you; it is as
        confidential as any request, and you will find it under My requests.
      </p>
      {ask.isSuccess ? (
        <Notice tone="success">Sent. The program director will be in touch.</Notice>
      ) : (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            ask.mutate();
          }}
        >
          <RadioGroupField
            label="How soon?"
            name="urgency"
            orientation="horizontal"
            options={URGENCY_OPTIONS}
            value={urgency}
            onChange={(v) => setUrgency(v as Urgency)}
          />
          <RadioGroupField
            label="How would you like to talk?"
            name="modality"
            orientation="horizontal"
            options={MODALITY_OPTIONS}
            value={modality}
            onChange={(v) => setModality(v as Modality)}
          />
          {ask.isError && <Notice tone="error">{errorMessage(ask.error)}</Notice>}
          <div className="form__submit">
            <Button type="submit" isPending={ask.isPending}>
              Ask for a debrief
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
