import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Notice } from '../../components/ui/notice.tsx';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SignInFrame } from '../sign-in-frame.tsx';

/** Only paths inside the app are followed after sign-in, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/app') && !next.startsWith('//') ? next : '/app';
}

/**
 * `/login`, or `/{organisation}/login`: an address that several organisations of this deployment
 * share signs in on its organisation's page (the e-mail alone cannot say which account is meant).
 */
export function LoginRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { org } = useParams();
  const program = usePublicProgram(org, { enabled: Boolean(org) });
  return (
    <SignInFrame title={org && program.data ? `Sign in to ${program.data.organization.name}` : 'Sign in'}>
      {org && program.isError && <Notice tone="error">There is no organisation at this address. Check the link, or use the general sign-in page.</Notice>}
      {params.has('next') && <Notice tone="info">Please sign in to continue. Sessions end after a while without activity.</Notice>}
      <LoginForm
        organization={org}
        onSignedIn={(me) => {
          const next = safeNext(params.get('next'));
          // A second step (code or setting up the app) comes before anything else opens.
          void navigate(me.session.stage === 'complete' ? next : `/login/second-step?next=${encodeURIComponent(next)}`, { replace: true });
        }}
      />
      <p className="login-card__links">
        <Link to="/">How peer support works</Link>
      </p>
      {!org && (
        <p className="muted login-card__hint">
          Work for more than one organisation that uses this Peerline? Sign in on your organisation’s page:{' '}
          <span className="nowrap">/your-organisation/login</span>.
        </p>
      )}
    </SignInFrame>
  );
}
