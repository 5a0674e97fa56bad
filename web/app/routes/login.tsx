import { Link, useNavigate, useSearchParams } from 'react-router';
import { Brand } from '../../components/layout/brand.tsx';
import { CrisisBar } from '../../components/layout/crisis-line.tsx';
import { SiteFooter } from '../../components/layout/site-footer.tsx';
import { SkipLink } from '../../components/layout/skip-link.tsx';
import { Notice } from '../../components/ui/notice.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoginForm } from '../../features/auth/components/login-form.tsx';

/** Only paths inside the app are followed after sign-in, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/app') && !next.startsWith('//') ? next : '/app';
}

export function LoginRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <SkipLink />
      <CrisisBar />
      <main id="main" tabIndex={-1} className="login-main">
        <div className="login-card">
          <Brand />
          <PageTitle title="Sign in" />
          {params.has('next') && <Notice tone="info">Please sign in to continue. Sessions end after a while without activity.</Notice>}
          <LoginForm onSignedIn={() => void navigate(safeNext(params.get('next')), { replace: true })} />
          <p className="login-card__links">
            <Link to="/">How peer support works</Link>
          </p>
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
