import './paging.css';
import { useState } from 'react';
import { CheckboxGroup, Label } from 'react-aria-components';
import { PAGING_STEPS, type PagingStep } from '../../../../shared/schemas/paging.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { usePagingSettings, useSavePagingSettings, type PagingSettings } from '../api/paging.ts';

const STEP_LABELS: Record<PagingStep, string> = {
  on_call: 'The supporter on call',
  backup: 'The backup (next on call)',
  program_admin: 'Program administrators',
  program_director: 'Program directors',
};

function PagingForm({ initial }: { initial: PagingSettings }) {
  const save = useSavePagingSettings();
  const [ackMinutes, setAckMinutes] = useState(String(initial.ackMinutes));
  const [steps, setSteps] = useState<PagingStep[]>(initial.steps);
  const [webhookUrl, setWebhookUrl] = useState(initial.webhookUrl ?? '');
  const problems = fieldErrors(save.error);
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        // The chain always runs in this order; unticked steps are skipped.
        save.mutate({
          ackMinutes: Number(ackMinutes),
          steps: PAGING_STEPS.filter((s) => steps.includes(s)),
          webhookUrl: webhookUrl.trim() || null,
        });
      }}
    >
      <CheckboxGroup
        validationBehavior="aria"
        value={steps}
        onChange={(v) => setSteps(v as PagingStep[])}
        isInvalid={steps.length === 0 || Boolean(problems.steps)}
      >
        <Label className="field__label">Who is paged, in order</Label>
        <div className="paging-settings__steps">
          {PAGING_STEPS.map((step) => (
            <Checkbox key={step} value={step}>
              {STEP_LABELS[step]}
            </Checkbox>
          ))}
        </div>
        {(steps.length === 0 || problems.steps) && <p className="field__error">{problems.steps ?? 'Choose at least one step.'}</p>}
      </CheckboxGroup>
      <TextField
        validationBehavior="aria"
        label="Minutes to acknowledge before the next step is paged"
        type="number"
        inputMode="numeric"
        value={ackMinutes}
        onChange={setAckMinutes}
        errorMessage={problems.ackMinutes}
      />
      <TextField
        validationBehavior="aria"
        label="SMS or pager gateway webhook (optional)"
        type="url"
        value={webhookUrl}
        onChange={setWebhookUrl}
        description="Receives only the program, a link and the time: never who or why. Its host must be one your IT administrators allow (PAGING_WEBHOOK_HOSTS)."
        errorMessage={problems.webhookUrl}
      />
      {save.isError && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {save.isSuccess && <Notice tone="success">Saved.</Notice>}
      <div>
        <Button type="submit" variant="primary" isDisabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save urgent paging'}
        </Button>
      </div>
    </form>
  );
}

/** The director's escalation chain for urgent requests and notices. */
export function PagingSettingsSection() {
  const query = usePagingSettings();
  return (
    <section className="card stack" aria-labelledby="paging-title">
      <h2 id="paging-title">Urgent paging</h2>
      <p className="muted">
        An urgent request or event notice pages the supporter on call at once, by e-mail and in Peerline. If nobody acknowledges in time,
        the next step is paged. Every page is recorded.
      </p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} what="urgent paging" />
      ) : (
        <PagingForm initial={query.data} />
      )}
    </section>
  );
}
