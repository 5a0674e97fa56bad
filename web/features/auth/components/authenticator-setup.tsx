import './two-step.css';
import { useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, isApiError } from '../../../lib/api-client.ts';
import { useConfirmEnrolment, useStartEnrolment } from '../api/second-factor.ts';
import { RecoveryCodes } from './recovery-codes.tsx';

/** "ABCD EFGH …": easier to type from the screen into a phone. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Setting up an authenticator app: scan the QR code (or type the key), enter the first code, keep
 * the recovery codes. Any app that reads standard TOTP codes works (Microsoft or Google
 * Authenticator, 1Password, FreeOTP…).
 */
export function AuthenticatorSetup({ onDone, doneLabel }: { onDone: () => void; doneLabel: string }) {
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const { mutate: begin } = start;
  useEffect(() => begin(), [begin]);

  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onDone} doneLabel={doneLabel} />;
  if (start.isError) {
    return (
      <div className="stack">
        <Notice tone="error">{isApiError(start.error) ? start.error.message : 'Could not start. Please try again.'}</Notice>
        <Button onPress={() => begin()}>Try again</Button>
      </div>
    );
  }
  if (!start.data) return <p aria-busy="true">Preparing…</p>;
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`;
  return (
    <Form
      className="form"
      validationErrors={fieldErrors(confirm.error)}
      onSubmit={(event) => {
        event.preventDefault();
        confirm.mutate(code);
      }}
    >
      <ol className="setup-steps">
        <li>
          Open an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or 1Password) and add an
          account.
        </li>
        <li>
          Scan this code with it.
          <img className="setup-qr" src={qr} alt="QR code for your authenticator app" width={200} height={200} />
          <span className="muted">
            Cannot scan? Enter this key instead: <code className="setup-key">{grouped(start.data.secret)}</code>
          </span>
        </li>
        <li>Enter the 6-digit code the app now shows.</li>
      </ol>
      {confirm.isError && !isApiError(confirm.error) && <Notice tone="error">Something went wrong. Please try again.</Notice>}
      {confirm.isError && isApiError(confirm.error) && confirm.error.fields.length === 0 && (
        <Notice tone="error">{confirm.error.message}</Notice>
      )}
      <TextField
        label="Code from your app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        isRequired
      />
      <Button type="submit" variant="primary" isPending={confirm.isPending} className="form__submit">
        Turn on two-step sign-in
      </Button>
    </Form>
  );
}
