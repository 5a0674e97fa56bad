import { useParams } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { FeedbackForm } from '../../features/feedback/components/feedback-form.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { PublicFrame } from '../public-frame.tsx';
import { BesideSupportLines } from '../beside-support-lines.tsx';

/** `/feedback/:token`: the link from the e-mail after support; no sign-in, no name. */
export function PublicFeedbackRoute() {
  const { token = '' } = useParams();
  const program = usePublicProgram();
  return (
    <PublicFrame programName={program.data?.programName}>
      <div className="stack">
        <PageTitle title="How was your conversation?" />
        <p className="lead">Two questions, answered anonymously: no name is kept with your answers.</p>
        <BesideSupportLines lines={program.data?.supportLines}>
          <FeedbackForm token={token} />
        </BesideSupportLines>
      </div>
    </PublicFrame>
  );
}
