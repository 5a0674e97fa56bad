import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { AnonymousStatusLookup } from '../../features/support-requests/components/anonymous-status-lookup.tsx';
import { PublicFrame } from '../public-frame.tsx';
import { BesideSupportLines } from '../beside-support-lines.tsx';

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
        <BesideSupportLines lines={program.data?.supportLines}>
          <AnonymousStatusLookup />
        </BesideSupportLines>
      </div>
    </PublicFrame>
  );
}
