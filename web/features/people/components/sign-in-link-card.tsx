import type { PersonDetail } from '../../../../shared/schemas/person.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { useResetSecondFactor, useSendSignInLink } from '../api/person-mutations.ts';

const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Nobody sets another person's password: the person gets a single-use link at their work e-mail —
 * an invitation if they cannot sign in yet, a reset otherwise.
 */
export function SignInLinkCard({ person }: { person: PersonDetail }) {
  const send = useSendSignInLink();
  const reset = useResetSecondFactor();
  const sent = send.data;
  return (
    <section className="card" aria-labelledby="person-sign-in-title">
      <h2 id="person-sign-in-title">Signing in</h2>
      <p className="muted">
        {person.hasAccount
          ? 'This person can sign in. If they have forgotten their password, send them a link to choose a new one; it works once, for 60 minutes, and signs them out everywhere.'
          : 'This person cannot sign in yet. Send them an invitation: a link to choose their password, which works once, for 3 days.'}
      </p>
      {sent && (
        <Notice tone="success">
          {sent.purpose === 'invitation' ? 'Invitation' : 'Link'} sent to {sent.sentTo}. It works until {formatTime(sent.expiresAt)}; an
          earlier link no longer does.
        </Notice>
      )}
      {send.isError && <Notice tone="error">{errorMessage(send.error)}</Notice>}
      <Button variant="secondary" isPending={send.isPending} onPress={() => send.mutate(person.id)}>
        {person.hasAccount ? 'E-mail a link to set a new password' : 'E-mail an invitation to sign in'}
      </Button>
      {person.yourAccess.authenticator && (
        <>
          <p className="muted">
            Two-step sign-in is on. If they lost their phone and their recovery codes, reset it: their sessions end and they set up a new
            authenticator app at their next sign-in. They are told by e-mail.
          </p>
          {reset.isSuccess && <Notice tone="success">Reset. They will set up a new authenticator app when they next sign in.</Notice>}
          {reset.isError && <Notice tone="error">{errorMessage(reset.error)}</Notice>}
          <Button variant="danger" isPending={reset.isPending} onPress={() => reset.mutate(person.id)}>
            Reset two-step sign-in
          </Button>
        </>
      )}
    </section>
  );
}
