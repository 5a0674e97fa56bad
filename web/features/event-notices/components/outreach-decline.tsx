import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useDeclineOutreach, useOutreachInvite } from '../api/event-notices.ts';

function LinkUsed() {
  return (
    <div className="card stack stack--tight" role="status">
      <h2>This link can no longer be used</h2>
      <p>It has already been used, or it has expired. Nothing more is needed from you.</p>
      <p>If you would like to talk to someone now, the lines on this page are there for you.</p>
    </div>
  );
}

/**
 * The page behind the outreach e-mail's link: a colleague would like to check in; "No thanks" ends
 * it, without signing in. Declining is a button (a POST), never the link itself, because mail
 * scanners open links.
 */
export function OutreachDecline({ token }: { token: string }) {
  const status = useOutreachInvite(token);
  const decline = useDeclineOutreach(token);
  if (status.isPending) return <Loading label="Checking the link…" />;
  const badLink = (status.isError && isApiError(status.error) && [400, 404].includes(status.error.status)) || status.data?.valid === false;
  const usedMeanwhile = decline.isError && isApiError(decline.error) && [400, 404, 409].includes(decline.error.status);
  if (decline.isSuccess) {
    return (
      <div className="card stack stack--tight" role="status">
        <h2>Thank you, noted</h2>
        <p>No one will contact you about this. We have e-mailed you the program's resources in case they are useful later.</p>
        <p>You can always ask for support yourself, at any time.</p>
      </div>
    );
  }
  if (badLink || usedMeanwhile) return <LinkUsed />;
  if (status.isError)
    return (
      <Notice tone="error" title="Could not check the link">
        {errorMessage(status.error)}
      </Notice>
    );
  return (
    <div className="card stack stack--tight">
      <p>A colleague from the peer support program would like to check in with you. They will get in touch soon, by phone or e-mail.</p>
      <p>If you would rather not be contacted, say so here. No one will ask why.</p>
      {decline.isError && <Notice tone="error">{errorMessage(decline.error)}</Notice>}
      <div>
        <Button variant="secondary" onPress={() => decline.mutate()} isDisabled={decline.isPending}>
          No thanks
        </Button>
      </div>
    </div>
  );
}
