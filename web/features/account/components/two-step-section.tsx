import './account.css';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { LoadError, Loading, errorMessage } from '../../../components/ui/query-status.tsx';
import {
  AuthenticatorSetup,
  RecoveryCodes,
  refreshSecondFactorStatus,
  useNewRecoveryCodes,
  useRemoveSecondFactor,
  useSecondFactorStatus,
} from '../../auth/index.ts';
import { formatDateTime } from './format-session.ts';

/** Two-step sign-in on "My account": set it up, move it to a new phone, new recovery codes, or turn it off where allowed. */
export function TwoStepSection() {
  const status = useSecondFactorStatus();
  const queryClient = useQueryClient();
  const newCodes = useNewRecoveryCodes();
  const remove = useRemoveSecondFactor();
  const [settingUp, setSettingUp] = useState(false);
  const done = () => {
    setSettingUp(false);
    newCodes.reset();
    void refreshSecondFactorStatus(queryClient);
  };
  return (
    <section className="card" aria-labelledby="two-step-title">
      <h2 id="two-step-title">Two-step sign-in</h2>
      {status.isPending ? (
        <Loading label="Loading…" />
      ) : status.isError ? (
        <LoadError error={status.error} what="two-step sign-in" />
      ) : settingUp ? (
        <AuthenticatorSetup doneLabel="I have saved my codes" onDone={done} />
      ) : newCodes.data ? (
        <RecoveryCodes codes={newCodes.data.recoveryCodes} onDone={done} doneLabel="I have saved my new codes" />
      ) : (
        <div className="stack">
          {status.data.enrolled ? (
            <p>
              On since {formatDateTime(status.data.enrolledAt ?? '')}: signing in asks for a code from your authenticator app.{' '}
              {status.data.recoveryCodesLeft === 0
                ? 'You have no recovery codes.'
                : `${status.data.recoveryCodesLeft} of 10 recovery codes left.`}
            </p>
          ) : (
            <p>Off. Signing in asks only for your password. Turn it on to ask for a code from an app on your phone as well.</p>
          )}
          {status.data.required && <p className="muted">Your role in the program requires it.</p>}
          {status.data.enrolled && status.data.recoveryCodesLeft <= 3 && (
            <Notice tone="info">
              {status.data.recoveryCodesLeft === 0
                ? 'Make recovery codes now: they sign you in if you lose your phone.'
                : 'You are running out of recovery codes: make new ones.'}
            </Notice>
          )}
          {(newCodes.isError || remove.isError) && <Notice tone="error">{errorMessage(newCodes.error ?? remove.error)}</Notice>}
          <div className="button-row">
            <Button variant={status.data.enrolled ? 'secondary' : 'primary'} onPress={() => setSettingUp(true)}>
              {status.data.enrolled ? 'Move to a new phone' : 'Set up an authenticator app'}
            </Button>
            {status.data.enrolled && (
              <Button onPress={() => newCodes.mutate()} isPending={newCodes.isPending}>
                New recovery codes
              </Button>
            )}
            {status.data.enrolled && !status.data.required && (
              <Button variant="danger" onPress={() => remove.mutate()} isPending={remove.isPending}>
                Turn off
              </Button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
