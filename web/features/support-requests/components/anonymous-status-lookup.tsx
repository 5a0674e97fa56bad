import './support-requests.css';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, isApiError } from '../../../lib/api-client.ts';
import { REQUEST_STATE_LABELS } from '../../../lib/case-vocabulary.ts';
import {
  useAnonymousStatus,
  useReopenAnonymousRequest,
  useWithdrawAnonymousRequest,
  type AnonymousLookup,
  type AnonymousStatus,
} from '../api/anonymous-requests.ts';

/** Enter the code and secret from the receipt; see where the request stands; withdraw it, or come back to it. */
export function AnonymousStatusLookup() {
  const lookup = useAnonymousStatus();
  const withdraw = useWithdrawAnonymousRequest();
  const reopen = useReopenAnonymousRequest();
  const [caseCode, setCaseCode] = useState('');
  const [secret, setSecret] = useState('');
  const [checked, setChecked] = useState<{ lookup: AnonymousLookup; status: AnonymousStatus } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const errors = fieldErrors(lookup.error);
  const edited = () => {
    lookup.reset();
    withdraw.reset();
    reopen.reset();
    setChecked(null);
  };
  const status = checked?.status;
  const conflict = withdraw.isError && isApiError(withdraw.error) && withdraw.error.status === 409;

  return (
    <div className="stack">
      <Form
        className="form request-form card"
        aria-label="Check a request"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          const body = { caseCode: caseCode.trim().toUpperCase(), secret: secret.trim() };
          lookup.mutate(body, { onSuccess: (result) => setChecked({ lookup: body, status: result }) });
        }}
      >
        <div className="form__row">
          <TextField
            label="Case code"
            name="caseCode"
            description="Like K7QM-2XPA."
            value={caseCode}
            onChange={(value) => {
              edited();
              setCaseCode(value);
            }}
            maxLength={9}
            autoComplete="off"
            spellCheck="false"
            isRequired
            errorMessage={errors.caseCode}
          />
          <TextField
            label="Secret"
            name="secret"
            value={secret}
            onChange={(value) => {
              edited();
              setSecret(value);
            }}
            maxLength={100}
            autoComplete="off"
            spellCheck="false"
            isRequired
            errorMessage={errors.secret}
          />
        </div>
        {lookup.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(lookup.error)}</Notice>}
        <Button type="submit" variant="primary" isPending={lookup.isPending} className="form__submit">
          Check request
        </Button>
      </Form>

      {status && checked && (
        <section className="card stack stack--tight" aria-labelledby="request-status-title">
          <h2 id="request-status-title">Request {checked.lookup.caseCode}</h2>
          <p className="request-status-line">
            <span className="muted">Where it stands: </span>
            <strong>{REQUEST_STATE_LABELS[status.state]}</strong>
          </p>
          {withdraw.isSuccess && <Notice tone="success">Your request is withdrawn. No one will contact you about it.</Notice>}
          {withdraw.isError && (
            <Notice tone="error">
              {conflict ? 'This request has changed in the meantime; check it again to see where it stands.' : errorMessage(withdraw.error)}
            </Notice>
          )}
          {reopen.isSuccess && (
            <Notice tone="success">Your request is open again. A peer supporter will contact you the way you chose.</Notice>
          )}
          {reopen.isError && (
            <Notice tone="error">
              {isApiError(reopen.error) && reopen.error.status === 409
                ? 'This request can no longer be reopened; please ask for support again instead.'
                : errorMessage(reopen.error)}
            </Notice>
          )}
          {status.canWithdraw && (
            <Button className="form__submit" onPress={() => setConfirming(true)}>
              Withdraw this request
            </Button>
          )}
          {status.canReopen && (
            <Button
              className="form__submit"
              variant="primary"
              isPending={reopen.isPending}
              onPress={() => {
                withdraw.reset();
                reopen.mutate(checked.lookup, { onSuccess: (result) => setChecked({ lookup: checked.lookup, status: result }) });
              }}
            >
              Talk to a peer again
            </Button>
          )}
        </section>
      )}

      <ConfirmDialog
        title="Withdraw this request?"
        confirmLabel="Withdraw request"
        isOpen={confirming}
        onOpenChange={setConfirming}
        isPending={withdraw.isPending}
        onConfirm={() => {
          if (!checked) return;
          withdraw.mutate(checked.lookup, {
            onSuccess: (result) => setChecked({ lookup: checked.lookup, status: result }),
            onSettled: () => setConfirming(false),
          });
        }}
      >
        <p>No one will contact you about it any more. You can ask again whenever you want.</p>
      </ConfirmDialog>
    </div>
  );
}
