import { useParams } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { OutreachDecline } from '../../features/event-notices/components/outreach-decline.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SupportBox } from '../../features/support-lines/components/support-box.tsx';
import { PublicFrame } from '../public-frame.tsx';

/** `/o/:token`: the outreach e-mail's link; no sign-in. */
export function PublicOutreachRoute() {
  const { token = '' } = useParams();
  const program = usePublicProgram();
  return (
    <PublicFrame programName={program.data?.programName}>
      <div className="stack">
        <PageTitle title="A colleague would like to check in" />
        <div className="request-layout">
          <div className="request-layout__main">
            <OutreachDecline token={token} />
          </div>
          <aside className="request-layout__support" aria-label="Support lines">
            <SupportBox lines={program.data?.supportLines} />
          </aside>
        </div>
      </div>
    </PublicFrame>
  );
}
