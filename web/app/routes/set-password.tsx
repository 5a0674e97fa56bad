import { Link } from 'react-router';
import { Notice } from '../../components/ui/notice.tsx';
import { Loading } from '../../components/ui/query-status.tsx';
import { useSignInLink } from '../../features/auth/api/sign-in-links.ts';
import { SetPasswordForm } from '../../features/auth/components/set-password-form.tsx';
import { SignInFrame } from '../sign-in-frame.tsx';

/** `/set-password#<token>`: the invitation or reset e-mail's link. The token is in the fragment, which the browser never sends. */
export function SetPasswordRoute() {
  const token = typeof window === 'undefined' ? '' : window.location.hash.replace(/^#/, '');
  const link = useSignInLink(token);
  const title = link.data?.purpose === 'invitation' ? 'Welcome to Peerline' : 'Choose a new password';
  return (
    <SignInFrame title={title}>
      {!token || link.isError ? (
        <Notice tone="error">
          This link no longer works: it has been used, has expired, or a newer one was sent. Ask whoever sent it (your program office or IT)
          for a new one.
        </Notice>
      ) : link.isPending ? (
        <Loading />
      ) : (
        <>
          <p className="muted">Choose the password you will sign in with. This link works once.</p>
          <SetPasswordForm token={token} email={link.data.email} />
        </>
      )}
      <p className="login-card__links">
        <Link to="/login">Sign in</Link> · <Link to="/">How peer support works</Link>
      </p>
    </SignInFrame>
  );
}
