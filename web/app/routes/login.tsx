import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { Notice } from '../../components/ui/notice.tsx';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { useSsoOptions } from '../../features/sso/api/sso-options.ts';
import { SsoButton, SsoRefusalNotice } from '../../features/sso/components/sso-sign-in.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SignInFrame } from '../sign-in-frame.tsx';

/** Only paths inside the app are followed after sign-in, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/app') && !next.startsWith('//') ? next : '/app';
}

/**
 * `/login`, or `/{organisation}/login`: an address that several organisations of this deployment
 * share signs in on its organisation's page (the e-mail alone cannot say which account is meant).
 * Where the organisation uses single sign-on, its "Sign in with …" button comes first; where it
 * turned password sign-in off, the password form is only for IT administrators' break-glass accounts.
 */
export function LoginRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { org } = useParams();
  const program = usePublicProgram(org, { enabled: Boolean(org) });
  const options = useSsoOptions(org);
  const [breakGlass, setBreakGlass] = useState(false);
  const next = safeNext(params.get('next'));
  const sso = options.data?.sso;
  // While the options load nothing is shown; if they cannot be loaded, the password form is.
  const passwordForEveryone = options.isPending ? undefined : (options.data?.passwordSignIn ?? true);
  return (
    <SignInFrame title={org && program.data ? `Sign in to ${program.data.organization.name}` : 'Sign in'}>
      {org && program.isError && (
        <Notice tone="error">There is no organisation at this address. Check the link, or use the general sign-in page.</Notice>
      )}
      <SsoRefusalNotice code={params.get('sso_error')} />
      {params.has('next') && <Notice tone="info">Please sign in to continue. Sessions end after a while without activity.</Notice>}
      {sso && <SsoButton label={sso.buttonLabel} startUrl={sso.startUrl} next={next} />}
      {sso && passwordForEveryone && <p className="login-card__or">or with your Peerline password</p>}
      {(passwordForEveryone || breakGlass) && (
        <LoginForm
          organization={org}
          // A second step (a code, or setting up the app) comes before anything else opens.
          onSignedIn={(me) =>
            void navigate(me.session.stage === 'complete' ? next : `/login/second-step?next=${encodeURIComponent(next)}`, { replace: true })
          }
        />
      )}
      {passwordForEveryone === false && !breakGlass && (
        <p className="login-card__links">
          <Button variant="quiet" onPress={() => setBreakGlass(true)}>
            IT administrator break-glass sign-in
          </Button>
        </p>
      )}
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
