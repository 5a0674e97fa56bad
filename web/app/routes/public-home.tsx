import { Link, useSearchParams } from 'react-router';
import { Brand } from '../../components/layout/brand.tsx';
import { CrisisBar } from '../../components/layout/crisis-line.tsx';
import { SiteFooter } from '../../components/layout/site-footer.tsx';
import { SkipLink } from '../../components/layout/skip-link.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { HowItWorks } from '../../features/program-info/components/how-it-works.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SupportBox } from '../../features/support-lines/components/support-box.tsx';

/** `/` and `/?org=slug`: open to anyone, no sign-in, no cookies needed. */
export function PublicHomeRoute() {
  const [params] = useSearchParams();
  const program = usePublicProgram(params.get('org') ?? undefined);
  const organizationName = program.data?.organization.name ?? 'your hospital';
  const org = params.get('org');
  const requestPath = org ? `/request?org=${encodeURIComponent(org)}` : '/request';
  return (
    <div className="page">
      <SkipLink />
      <CrisisBar />
      <header className="public-header">
        <div className="public-header__inner">
          <Brand subtitle={program.data?.programName} />
          <Link to="/login" className="button button--secondary">
            Sign in
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        <div className="public-hero">
          <PageTitle title={`How peer support works at ${organizationName}`} />
          <p className="lead">
            A hard case, a patient’s death, a complaint or months of overload can stay with you. Talking it through with a colleague who
            understands helps. This is how to do that here, confidentially.
          </p>
          <p className="public-hero__actions">
            <Link to={requestPath} className="button button--primary">
              Ask without signing in
            </Link>
            <Link to="/login?next=%2Fapp%2Frequest">Ask with your account</Link>
          </p>
        </div>
        <div className="public-layout">
          <aside className="public-layout__support" aria-label="Support lines">
            <SupportBox lines={program.data?.supportLines} />
          </aside>
          <div className="public-layout__content">
            <HowItWorks organizationName={program.data?.organization.name ?? 'your hospital'} />
          </div>
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
