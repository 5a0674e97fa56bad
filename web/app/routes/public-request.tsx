import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SupportBox } from '../../features/support-lines/components/support-box.tsx';
import { AnonymousRequestForm } from '../../features/support-requests/components/anonymous-request-form.tsx';
import { PublicFrame } from '../public-frame.tsx';

/** `/request` and `/request?org=slug`: ask without an account. */
export function PublicRequestRoute() {
  const [params] = useSearchParams();
  const org = params.get('org') ?? undefined;
  const program = usePublicProgram(org);
  const home = org ? `/?org=${encodeURIComponent(org)}` : '/';
  return (
    <PublicFrame programName={program.data?.programName}>
      <div className="stack">
        <p className="back-link">
          <Link to={home}>← How peer support works</Link>
        </p>
        <PageTitle title="Ask for support without signing in" />
        <p className="lead">
          No account and no staff number needed. Tell us what to call you and how to reach you, and a trained peer supporter
          at {program.data?.organization.name ?? 'your hospital'} will contact you.
        </p>
        <div className="request-layout">
          <div className="request-layout__main">
            <AnonymousRequestForm organizationSlug={org} />
          </div>
          <aside className="request-layout__support" aria-label="Support lines">
            <SupportBox lines={program.data?.supportLines} />
            <p className="request-layout__note">
              Already asked? <Link to="/request/status">Check or withdraw a request</Link>.
            </p>
          </aside>
        </div>
      </div>
    </PublicFrame>
  );
}
