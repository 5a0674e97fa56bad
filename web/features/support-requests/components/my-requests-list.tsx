import './support-requests.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { LoadError, Loading, errorMessage } from '../../../components/ui/query-status.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDate, MODALITY_LABELS, REASON_LABELS, REQUEST_STATE_LABELS, URGENCY_SHORT } from '../../../lib/case-vocabulary.ts';
import { useMyRequests, useWithdrawMyRequest, type MyRequest } from '../api/my-requests.ts';

const OPEN_STATES: readonly MyRequest['state'][] = ['new', 'offered', 'assigned', 'contacted', 'active'];

/** The requester's own requests: where each stands, who the supporter is, and a way to withdraw. */
export function MyRequestsList() {
  const requests = useMyRequests();
  const withdraw = useWithdrawMyRequest();
  const [confirming, setConfirming] = useState<MyRequest | null>(null);

  if (requests.isPending) return <Loading label="Loading your requests…" />;
  if (requests.isError) return <LoadError error={requests.error} what="your requests" />;

  const conflict = withdraw.isError && isApiError(withdraw.error) && withdraw.error.status === 409;
  return (
    <div className="stack">
      {withdraw.isSuccess && <Notice tone="success">Your request is withdrawn. No one will contact you about it.</Notice>}
      {withdraw.isError && (
        <Notice tone="error" title={conflict ? 'This request has changed in the meantime' : undefined}>
          {conflict ? 'The list below shows where it stands now.' : errorMessage(withdraw.error)}
        </Notice>
      )}
      {requests.data.length === 0 ? (
        <div className="card">
          <p>You have not asked for support yet.</p>
          <p className="request-list__empty-link">
            <Link to="/app/request">Ask for support</Link>
          </p>
        </div>
      ) : (
        <ul className="request-list">
          {requests.data.map((request) => {
            const open = OPEN_STATES.includes(request.state);
            const titleId = `request-${request.id}-title`;
            return (
              <li key={request.id} id={`request-${request.id}`} className={`request-item card${open ? '' : ' request-item--closed'}`} aria-labelledby={titleId}>
                <div className="request-item__head">
                  <h2 id={titleId} className="request-item__title">
                    {REASON_LABELS[request.reason]}
                  </h2>
                  <span className={`request-state request-state--${open ? 'open' : 'closed'}`}>{REQUEST_STATE_LABELS[request.state]}</span>
                </div>
                <dl className="facts request-item__facts">
                  <dt>Asked on</dt>
                  <dd>{formatDate(request.createdAt)}</dd>
                  <dt>To talk</dt>
                  <dd>
                    {MODALITY_LABELS[request.modality]}, {URGENCY_SHORT[request.urgency].toLowerCase()}
                  </dd>
                  {request.supporterFirstName && (
                    <>
                      <dt>Your peer supporter</dt>
                      <dd>{request.supporterFirstName}</dd>
                    </>
                  )}
                  {request.closedAt && (
                    <>
                      <dt>{request.state === 'withdrawn' ? 'Withdrawn on' : 'Closed on'}</dt>
                      <dd>{formatDate(request.closedAt)}</dd>
                    </>
                  )}
                </dl>
                {request.canWithdraw && (
                  <Button
                    className="request-item__withdraw"
                    onPress={() => {
                      withdraw.reset();
                      setConfirming(request);
                    }}
                    aria-label={`Withdraw request from ${formatDate(request.createdAt)}: ${REASON_LABELS[request.reason]}`}
                  >
                    Withdraw
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        title="Withdraw this request?"
        confirmLabel="Withdraw request"
        isOpen={confirming !== null}
        onOpenChange={(isOpen) => !isOpen && setConfirming(null)}
        isPending={withdraw.isPending}
        onConfirm={() => {
          if (!confirming) return;
          withdraw.mutate(confirming.id, { onSettled: () => setConfirming(null) });
        }}
      >
        <p>No one will contact you about it any more.</p>
        <p>You can ask again whenever you want.</p>
      </ConfirmDialog>
    </div>
  );
}
