import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SupportBox } from '../../features/support-lines/components/support-box.tsx';
import { ColleagueReferralForm } from '../../features/support-requests/components/colleague-referral-form.tsx';

export function ReferColleagueRoute() {
  const me = useOutletContext<Me>();
  const program = usePublicProgram(me.organization.slug);
  return (
    <div className="stack">
      <PageTitle title="Refer a colleague" />
      <p className="lead">
        Worried about a colleague after a hard case or a difficult stretch? A trained peer supporter can reach out to them, in
        confidence.
      </p>
      <div className="request-layout">
        <div className="request-layout__main">
          <ColleagueReferralForm />
        </div>
        <aside className="request-layout__support" aria-label="Support lines">
          <SupportBox lines={program.data?.supportLines} />
        </aside>
      </div>
    </div>
  );
}
