import { Link } from 'react-router';
import { Brand } from '../../components/layout/brand.tsx';
import { CrisisBar } from '../../components/layout/crisis-line.tsx';
import { SiteFooter } from '../../components/layout/site-footer.tsx';
import { SkipLink } from '../../components/layout/skip-link.tsx';
import { Notice } from '../../components/ui/notice.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { Loading } from '../../components/ui/query-status.tsx';
import { useSignInLink } from '../../features/auth/api/sign-in-links.ts';
import { SetPasswordForm } from '../../features/auth/components/set-password-form.tsx';

/** `/set-password#<token>`: the invitation or reset e-mail's link. The token is in the fragment, which the browser never sends. */
export function SetPasswordRoute() {
  const token = typeof window === 'undefined' ? '' : window.location.hash.replace(/^#/, '');
  const link = useSignInLink(token);
  const title = link.data?.purpose === 'invitation' ? 'Welcome to Peerline' : 'Choose a new password';
  return (
    <div className="page">
      <SkipLink />
      <CrisisBar />
      <main id="main" tabIndex={-1} className="login-main">
        <div className="login-card">
          <Brand />
          <PageTitle title={title} />
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
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
