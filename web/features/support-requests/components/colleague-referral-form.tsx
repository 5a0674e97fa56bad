import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { ReasonCategory, Urgency } from '../../../../shared/schemas/case-vocabulary.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { REASON_OPTIONS, URGENCY_OPTIONS } from '../../../lib/case-vocabulary.ts';
import { useReferColleague } from '../api/referrals.ts';
import { ReferralReceipt } from './referral-receipt.tsx';

interface ReferralValues {
  told: 'yes' | 'no' | null;
  colleagueEmail: string;
  reason: ReasonCategory | null;
  urgency: Urgency;
}

const TOLD_OPTIONS = [
  { id: 'yes', label: 'Yes, they know a peer supporter may get in touch' },
  { id: 'no', label: 'Not yet' },
];

/**
 * "Refer a colleague": an invitation for them, not a report about them. The colleague is named by
 * work e-mail (there is deliberately no searchable list of names), and the referrer hears nothing
 * after sending, so the colleague's choice stays theirs alone.
 */
export function ColleagueReferralForm() {
  const refer = useReferColleague();
  const [values, setValues] = useState<ReferralValues>({ told: null, colleagueEmail: '', reason: null, urgency: 'this_week' });
  const errors = fieldErrors(refer.error);
  const set = (patch: Partial<ReferralValues>) => {
    if (refer.isError) refer.reset();
    setValues((v) => ({ ...v, ...patch }));
  };

  if (refer.isSuccess) return <ReferralReceipt urgency={values.urgency} />;

  return (
    <Form
      className="form request-form card"
      aria-label="Refer a colleague"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        if (!values.told || !values.reason) return;
        refer.mutate({
          toldColleague: values.told === 'yes',
          colleagueEmail: values.colleagueEmail.trim(),
          reason: values.reason,
          urgency: values.urgency,
        });
      }}
    >
      <RadioGroupField
        label="Have you told your colleague?"
        description="If you can, tell them first that a peer supporter may get in touch, and that they are free to say no. A message out of the blue can feel like being watched; one they expect feels like a colleague’s care."
        name="toldColleague"
        options={TOLD_OPTIONS}
        value={values.told}
        onChange={(told) => set({ told: told as 'yes' | 'no' })}
        isRequired
        errorMessage={errors.toldColleague}
      />
      {values.told === 'no' && (
        <p className="referral-note" role="note">
          That is all right. The peer supporter will say that a colleague thought of them, without saying who, and will leave it to them.
        </p>
      )}
      <TextField
        label="Your colleague’s work e-mail"
        name="colleagueEmail"
        type="email"
        autoComplete="off"
        value={values.colleagueEmail}
        onChange={(colleagueEmail) => set({ colleagueEmail })}
        description="As in the staff directory. It is only used to reach them."
        isRequired
        errorMessage={errors.colleagueEmail}
        className="request-contact-value"
      />
      <RadioGroupField
        label="What is it about?"
        description="Choose the closest. Do not describe what happened: that is theirs to tell, if they want to."
        name="reason"
        options={REASON_OPTIONS}
        value={values.reason}
        onChange={(reason) => set({ reason: reason as ReasonCategory })}
        isRequired
        errorMessage={errors.reason}
      />
      <RadioGroupField
        label="How soon should someone reach out?"
        name="urgency"
        orientation="horizontal"
        options={URGENCY_OPTIONS}
        value={values.urgency}
        onChange={(urgency) => set({ urgency: urgency as Urgency })}
        isRequired
        errorMessage={errors.urgency}
      />
      <section className="who-sees" aria-labelledby="referral-next-title">
        <h2 id="referral-next-title" className="who-sees__title">
          What happens when you send this
        </h2>
        <ul className="who-sees__list">
          <li>
            A <strong>trained peer supporter</strong>, not their manager and not HR, contacts your colleague by work e-mail and offers a
            confidential conversation. Your colleague decides whether to take it up.
          </li>
          <li>
            Your name is not given to them, and <strong>you will hear nothing further</strong>: not whether they accepted, nor anything
            said. That is what keeps it safe for them to say yes.
          </li>
          <li>Only the program administrator who matches it and the one supporter who takes it see your colleague’s name.</li>
        </ul>
      </section>
      {refer.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(refer.error)}</Notice>}
      <Button type="submit" variant="primary" isPending={refer.isPending} className="form__submit request-form__submit">
        Send referral
      </Button>
    </Form>
  );
}
