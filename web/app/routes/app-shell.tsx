import { Navigate, Outlet, useLocation } from 'react-router';
import { CrisisBar } from '../../components/layout/crisis-line.tsx';
import { SiteFooter } from '../../components/layout/site-footer.tsx';
import { SkipLink } from '../../components/layout/skip-link.tsx';
import { Button } from '../../components/ui/button.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useMe } from '../../features/auth/api/me.ts';
import { useLogout } from '../../features/auth/api/logout.ts';
import { StepUpDialogHost } from '../../features/auth/components/step-up-dialog.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { UrgentPageBanner } from '../../features/paging/components/urgent-page-banner.tsx';
import { isUnauthenticated } from '../../lib/api-client.ts';
import { AppHeader } from '../app-header.tsx';
import { useFocusHeadingOnNavigate } from '../use-focus-on-navigate.ts';

/** Everything under /app: requires a session; a lost session sends the user to /login and back. */
export function AppShellRoute() {
  const me = useMe();
  const program = usePublicProgram(me.data?.organization.slug, { enabled: me.isSuccess });
  const logout = useLogout();
  const location = useLocation();
  useFocusHeadingOnNavigate();

  const next = `${location.pathname}${location.search}`;
  if (me.isError && isUnauthenticated(me.error)) {
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data && me.data.session.stage !== 'complete') {
    return <Navigate to={`/login/second-step?next=${encodeURIComponent(next)}`} replace />;
  }

  const signOut = async () => {
    await logout.mutateAsync().catch(() => undefined);
    // A full page load, not a client-side navigation: on a shared ward computer nothing of this
    // session (cached people, settings) may stay in memory for the next person at the keyboard.
    window.location.replace('/login');
  };

  return (
    <div className="page">
      <SkipLink />
      <CrisisBar />
      {me.data && (
        <AppHeader me={me.data} programName={program.data?.programName} onSignOut={() => void signOut()} isSigningOut={logout.isPending} />
      )}
      <main id="main" tabIndex={-1} className="app-main">
        {me.data && <UrgentPageBanner me={me.data} />}
        {me.data && <StepUpDialogHost me={me.data} />}
        {me.isPending ? (
          <Loading />
        ) : me.isError ? (
          <div className="stack">
            <LoadError error={me.error} what="your account" />
            <Button onPress={() => void me.refetch()}>Try again</Button>
          </div>
        ) : (
          <Outlet context={me.data} />
        )}
      </main>
      <SiteFooter />
    </div>
  );
}
