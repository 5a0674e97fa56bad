import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import type { Me } from '../../../../shared/schemas/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { isApiError, setStepUpHandler } from '../../../lib/api-client.ts';
import { stepUp } from '../api/second-factor.ts';

/**
 * Mounted once in the signed-in app. When the server answers a sensitive change with
 * `step_up_required` (the last proof of identity is over five minutes old), this asks for the
 * password or an authenticator code; the API client then sends the change again.
 */
export function StepUpDialogHost({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const settle = useRef<((ok: boolean) => void) | null>(null);
  useEffect(() => {
    setStepUpHandler(
      () =>
        new Promise<boolean>((resolve) => {
          settle.current = resolve;
          setOpen(true);
        }),
    );
    return () => setStepUpHandler(null);
  }, []);
  const finish = (ok: boolean) => {
    settle.current?.(ok);
    settle.current = null;
    setOpen(false);
  };
  return (
    <ModalDialog title="Confirm it is you" isOpen={open} onOpenChange={(isOpen) => !isOpen && finish(false)}>
      {() => <StepUpForm ways={me.session.stepUpWith} onDone={() => finish(true)} onCancel={() => finish(false)} />}
    </ModalDialog>
  );
}

function StepUpForm({ ways, onDone, onCancel }: { ways: Me['session']['stepUpWith']; onDone: () => void; onCancel: () => void }) {
  const [way, setWay] = useState(ways[0]);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!way) {
    return (
      <div className="stack">
        <p>This change needs a fresh sign-in. Sign in again with your organisation’s account, then make the change.</p>
        <div className="button-row">
          <Button variant="primary" onPress={() => window.location.assign('/login')}>
            Sign in again
          </Button>
          <Button onPress={onCancel}>Cancel</Button>
        </div>
      </div>
    );
  }
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        setError(null);
        stepUp(way === 'password' ? { password: value } : { code: value })
          .then(onDone)
          .catch((e: unknown) => setError(isApiError(e) ? e.message : 'Something went wrong. Please try again.'))
          .finally(() => setPending(false));
      }}
    >
      <p>This change matters, so Peerline asks once more that it is really you.</p>
      {error && <Notice tone="error">{error}</Notice>}
      {way === 'password' ? (
        <TextField
          key="password"
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={value}
          onChange={setValue}
          isRequired
          autoFocus
        />
      ) : (
        <TextField
          key="code"
          label="Code from your authenticator app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={value}
          onChange={setValue}
          isRequired
          autoFocus
        />
      )}
      <div className="button-row">
        <Button type="submit" variant="primary" isPending={pending}>
          Confirm
        </Button>
        <Button onPress={onCancel}>Cancel</Button>
      </div>
      {ways.length > 1 && (
        <Button
          variant="quiet"
          onPress={() => {
            setWay(way === 'password' ? 'code' : 'password');
            setValue('');
            setError(null);
          }}
        >
          {way === 'password' ? 'Use a code from my app instead' : 'Use my password instead'}
        </Button>
      )}
    </Form>
  );
}
