import './support-requests.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { LoadError, Loading, errorMessage } from '../../../components/ui/query-status.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDate, MODALITY_LABELS, REASON_LABELS, REQUEST_STATE_LABELS, URGENCY_SHORT } from '../../../lib/case-vocabulary.ts';
import { PlannedConversations } from './planned-conversations.tsx';
import { useDeclineMyRequest, useMyRequests, useReopenMyRequest, useWithdrawMyRequest, type MyRequest } from '../api/my-requests.ts';

const OPEN_STATES: readonly MyRequest['state'][] = ['new', 'offered', 'assigned', 'contacted', 'active'];
/** Outreach someone else started: the person can say "no thanks" until a conversation has happened. */
const OUTREACH_ORIGINS: readonly MyRequest['origin'][] = ['colleague_referral', 'event_outreach'];
const DECLINABLE_STATES: readonly MyRequest['state'][] = ['new', 'offered', 'assigned', 'contacted'];
const canSayNoThanks = (request: MyRequest) =>
  request.canWithdraw && OUTREACH_ORIGINS.includes(request.origin) && DECLINABLE_STATES.includes(request.state);

/** The requester's own requests: where each stands, who the supporter is, a way to withdraw, and to come back. */
export function MyRequestsList() {
  const requests = useMyRequests();
  const withdraw = useWithdrawMyRequest();
  const decline = useDeclineMyRequest();
  const [confirming, setConfirming] = useState<MyRequest | null>(null);
  const [declining, setDeclining] = useState<MyRequest | null>(null);
  const reopen = useReopenMyRequest();
  const [reopening, setReopening] = useState<MyRequest | null>(null);
  const resetAll = () => {
    withdraw.reset();
    decline.reset();
    reopen.reset();
  };

  if (requests.isPending) return <Loading label="Loading your requests…" />;
  if (requests.isError) return <LoadError error={requests.error} what="your requests" />;

  const conflict = withdraw.isError && isApiError(withdraw.error) && withdraw.error.status === 409;
  const declineConflict = decline.isError && isApiError(decline.error) && decline.error.status === 409;
  const reopenConflict = reopen.isError && isApiError(reopen.error) && reopen.error.status === 409;
  return (
    <div className="stack">
      {withdraw.isSuccess && <Notice tone="success">Your request is withdrawn. No one will contact you about it.</Notice>}
      {withdraw.isError && (
        <Notice tone="error" title={conflict ? 'This request has changed in the meantime' : undefined}>
          {conflict ? 'The list below shows where it stands now.' : errorMessage(withdraw.error)}
        </Notice>
      )}
      {decline.isSuccess && (
        <Notice tone="success">
          Thank you for letting us know. No one will contact you about it; the program’s resources are on their way to you.
        </Notice>
      )}
      {decline.isError && (
        <Notice tone="error" title={declineConflict ? 'This request has changed in the meantime' : undefined}>
          {declineConflict ? 'The list below shows where it stands now.' : errorMessage(decline.error)}
        </Notice>
      )}
      {reopen.isSuccess && (
        <Notice tone="success" title="Welcome back">
          We are finding a peer supporter for you — the one you talked to before first, if they are free. They will contact you the way you
          chose last time.
        </Notice>
      )}
      {reopen.isError && (
        <Notice tone="error" title={reopenConflict ? 'This request can no longer be reopened' : undefined}>
          {reopenConflict ? 'Please ask for support again instead — it takes a minute.' : errorMessage(reopen.error)}
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
              <li
                key={request.id}
                id={`request-${request.id}`}
                className={`request-item card${open ? '' : ' request-item--closed'}`}
                aria-labelledby={titleId}
              >
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
                {open && request.supporterFirstName && <PlannedConversations requestId={request.id} />}
                {canSayNoThanks(request) ? (
                  <Button
                    className="request-item__withdraw"
                    onPress={() => {
                      resetAll();
                      setDeclining(request);
                    }}
                    aria-label={`No thanks to the support offered on ${formatDate(request.createdAt)}: ${REASON_LABELS[request.reason]}`}
                  >
                    No thanks
                  </Button>
                ) : (
                  request.canWithdraw && (
                    <Button
                      className="request-item__withdraw"
                      onPress={() => {
                        resetAll();
                        setConfirming(request);
                      }}
                      aria-label={`Withdraw request from ${formatDate(request.createdAt)}: ${REASON_LABELS[request.reason]}`}
                    >
                      Withdraw
                    </Button>
                  )
                )}
                {request.canReopen && (
                  <Button
                    className="request-item__withdraw"
                    onPress={() => {
                      resetAll();
                      setReopening(request);
                    }}
                    aria-label={`Talk again about the request from ${formatDate(request.createdAt)}: ${REASON_LABELS[request.reason]}`}
                  >
                    Talk again
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
      <ConfirmDialog
        title="No thanks?"
        confirmLabel="No thanks"
        isOpen={declining !== null}
        onOpenChange={(isOpen) => !isOpen && setDeclining(null)}
        isPending={decline.isPending}
        onConfirm={() => {
          if (!declining) return;
          decline.mutate(declining.id, { onSettled: () => setDeclining(null) });
        }}
      >
        <p>A colleague or the program thought you might like to talk to a peer. That is entirely up to you.</p>
        <p>
          If you say no thanks, no one will contact you about it, and you get the program’s list of resources. You can ask for support
          yourself at any time.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        title="Talk to a peer again?"
        confirmLabel="Yes, talk again"
        tone="primary"
        isOpen={reopening !== null}
        onOpenChange={(isOpen) => !isOpen && setReopening(null)}
        isPending={reopen.isPending}
        onConfirm={() => {
          if (!reopening) return;
          reopen.mutate(reopening.id, { onSettled: () => setReopening(null) });
        }}
      >
        <p>
          We will reopen this request with the same choices and find a peer supporter — the one you talked to before first, if they are
          free.
        </p>
        <p>Nothing from the earlier conversations was written down, so you decide what to share.</p>
      </ConfirmDialog>
    </div>
  );
}
