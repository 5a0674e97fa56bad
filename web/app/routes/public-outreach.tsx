import { useParams } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { OutreachDecline } from '../../features/event-notices/components/outreach-decline.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { PublicFrame } from '../public-frame.tsx';
import { BesideSupportLines } from '../beside-support-lines.tsx';

/** `/o/:token`: the outreach e-mail's link; no sign-in. */
export function PublicOutreachRoute() {
  const { token = '' } = useParams();
  const program = usePublicProgram();
  return (
    <PublicFrame programName={program.data?.programName}>
      <div className="stack">
        <PageTitle title="A colleague would like to check in" />
        <BesideSupportLines lines={program.data?.supportLines}>
          <OutreachDecline token={token} />
        </BesideSupportLines>
      </div>
    </PublicFrame>
  );
}
