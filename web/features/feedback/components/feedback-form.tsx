import './feedback.css';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { Loading, errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFeedbackToken, useSubmitFeedback } from '../api/feedback.ts';

const HELPFULNESS = [
  { id: '1', label: '1', description: 'Not helpful' },
  { id: '2', label: '2' },
  { id: '3', label: '3' },
  { id: '4', label: '4' },
  { id: '5', label: '5', description: 'Very helpful' },
];
const RECOMMEND = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
];

/** A link that was used, expired or never existed: one kind message for all three. */
function LinkUsed() {
  return (
    <div className="card stack stack--tight" role="status">
      <h2>This link can no longer be used</h2>
      <p>It has already been used, or it has expired. Thank you all the same: nothing more is needed from you.</p>
      <p>If you would like to talk to someone now, the lines on this page are there for you.</p>
    </div>
  );
}

/**
 * Anonymous feedback after support: two answers, no name and no text. The link is the only key,
 * and it works once.
 */
export function FeedbackForm({ token }: { token: string }) {
  const status = useFeedbackToken(token);
  const submit = useSubmitFeedback(token);
  const [helpfulness, setHelpfulness] = useState<string | null>(null);
  const [recommend, setRecommend] = useState<string | null>(null);

  if (status.isPending) return <Loading label="Checking the link…" />;
  const badLink =
    (status.isError && isApiError(status.error) && (status.error.status === 400 || status.error.status === 404)) ||
    status.data?.valid === false;
  const usedMeanwhile =
    submit.isError &&
    isApiError(submit.error) &&
    (submit.error.status === 404 || submit.error.status === 409 || submit.error.status === 400);
  if (badLink || usedMeanwhile) return <LinkUsed />;
  if (status.isError)
    return (
      <Notice tone="error" title="Could not check the link">
        {errorMessage(status.error)}
      </Notice>
    );
  if (submit.isSuccess) {
    return (
      <div className="card stack stack--tight" role="status">
        <h2>Thank you</h2>
        <p>Your answers help the program support colleagues better. They are counted anonymously, with no name attached.</p>
      </div>
    );
  }
  return (
    <Form
      className="form form--panel feedback-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!helpfulness || !recommend) return;
        submit.mutate({ helpfulness: Number(helpfulness), wouldRecommend: recommend === 'yes' });
      }}
    >
      <RadioGroupField
        label="How helpful was the conversation?"
        description="1 is not helpful, 5 is very helpful."
        name="helpfulness"
        options={HELPFULNESS}
        value={helpfulness}
        onChange={setHelpfulness}
        orientation="horizontal"
        isRequired
      />
      <RadioGroupField
        label="Would you recommend it to a colleague?"
        name="wouldRecommend"
        options={RECOMMEND}
        value={recommend}
        onChange={setRecommend}
        orientation="horizontal"
        isRequired
      />
      {submit.isError && <Notice tone="error">{errorMessage(submit.error)}</Notice>}
      <div className="form__submit">
        <Button type="submit" variant="primary" isPending={submit.isPending} isDisabled={!helpfulness || !recommend}>
          Send
        </Button>
      </div>
    </Form>
  );
}
