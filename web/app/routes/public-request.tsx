import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { AnonymousRequestForm } from '../../features/support-requests/components/anonymous-request-form.tsx';
import { PublicFrame } from '../public-frame.tsx';
import { BesideSupportLines } from '../beside-support-lines.tsx';

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
          No account and no staff number needed. Tell us what to call you and how to reach you, and a trained peer supporter at{' '}
          {program.data?.organization.name ?? 'your hospital'} will contact you.
        </p>
        <BesideSupportLines
          lines={program.data?.supportLines}
          note={
            <>
              Already asked? <Link to="/request/status">Check or withdraw a request</Link>.
            </>
          }
        >
          <AnonymousRequestForm organizationSlug={org} />
        </BesideSupportLines>
      </div>
    </PublicFrame>
  );
}
