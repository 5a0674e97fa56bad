import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SupportBox } from '../../features/support-lines/components/support-box.tsx';
import { AnonymousStatusLookup } from '../../features/support-requests/components/anonymous-status-lookup.tsx';
import { PublicFrame } from '../public-frame.tsx';

/** `/request/status`: the code and secret from the receipt are the only key; no sign-in. */
export function PublicRequestStatusRoute() {
  const program = usePublicProgram();
  return (
    <PublicFrame programName={program.data?.programName}>
      <div className="stack">
        <p className="back-link">
          <Link to="/">← How peer support works</Link>
        </p>
        <PageTitle title="Check a request" />
        <p className="lead">Enter the case code and the secret you were given when you asked for support.</p>
        <div className="request-layout">
          <div className="request-layout__main">
            <AnonymousStatusLookup />
          </div>
          <aside className="request-layout__support" aria-label="Support lines">
            <SupportBox lines={program.data?.supportLines} />
          </aside>
        </div>
      </div>
    </PublicFrame>
  );
}
