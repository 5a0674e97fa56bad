import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, isApiError } from '../../../lib/api-client.ts';
import { usePassSecondFactor } from '../api/second-factor.ts';

function errorText(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  if (error.code === 'too_many_requests') return 'Too many attempts. Wait a few minutes and try again.';
  return error.message;
}

/** The second step of sign-in: the six digits from the authenticator app, or one recovery code. */
export function SecondFactorForm({ onDone }: { onDone: () => void }) {
  const pass = usePassSecondFactor();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  return (
    <Form
      className="form"
      validationErrors={fieldErrors(pass.error)}
      onSubmit={(event) => {
        event.preventDefault();
        pass.mutate(useRecovery ? { recoveryCode: value } : { code: value }, { onSuccess: onDone });
      }}
    >
      <p>
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you set up two-step sign-in. Each works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for Peerline.'}
      </p>
      {pass.isError && <Notice tone="error">{errorText(pass.error)}</Notice>}
      {useRecovery ? (
        <TextField
          key="recovery"
          label="Recovery code"
          name="recoveryCode"
          autoComplete="off"
          value={value}
          onChange={setValue}
          isRequired
          autoFocus
        />
      ) : (
        <TextField
          key="code"
          label="Code from your app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={value}
          onChange={setValue}
          isRequired
          autoFocus
        />
      )}
      <Button type="submit" variant="primary" isPending={pass.isPending} className="form__submit">
        Continue
      </Button>
      <Button
        variant="quiet"
        onPress={() => {
          setUseRecovery(!useRecovery);
          setValue('');
          pass.reset();
        }}
      >
        {useRecovery ? 'Use the code from my app instead' : 'I do not have my phone: use a recovery code'}
      </Button>
    </Form>
  );
}
