import { Link, useOutletContext, useParams } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useCaseDetail } from '../../features/casework/api/casework.ts';
import { CaseDetail } from '../../features/casework/components/case-detail.tsx';
import { SupportBox } from '../../features/support-lines/components/support-box.tsx';

/** `/app/cases/:id`: one of my cases, with its outreach, log, close and escalation. */
export function SupporterCaseRoute() {
  const me = useOutletContext<Me>();
  const { id = '' } = useParams();
  const detail = useCaseDetail(id);
  const back = (
    <p className="back-link">
      <Link to="/app/cases">← My cases</Link>
    </p>
  );
  if (detail.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the case…" />
      </>
    );
  if (detail.isError)
    return (
      <>
        {back}
        <PageTitle title="Case" />
        <LoadError error={detail.error} what="this case" />
      </>
    );
  return (
    <div className="stack" key={detail.data.id}>
      {back}
      <PageTitle title={detail.data.requesterFirstName} />
      <p className="lead">Only you and the program administrator can see who this is. Nothing about your conversations is recorded.</p>
      <CaseDetail
        detail={detail.data}
        supporterFirstName={me.person.firstName}
        timeZone={me.organization.timeZone}
        renderSupportLines={(lines) => <SupportBox lines={lines} />}
      />
    </div>
  );
}
