import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { ColleagueReferralForm } from '../../features/support-requests/components/colleague-referral-form.tsx';
import { BesideSupportLines } from '../beside-support-lines.tsx';

export function ReferColleagueRoute() {
  const me = useOutletContext<Me>();
  const program = usePublicProgram(me.organization.slug);
  return (
    <div className="stack">
      <PageTitle title="Refer a colleague" />
      <p className="lead">
        Worried about a colleague after a hard case or a difficult stretch? A trained peer supporter can reach out to them, in confidence.
      </p>
      <BesideSupportLines lines={program.data?.supportLines}>
        <ColleagueReferralForm />
      </BesideSupportLines>
    </div>
  );
}
