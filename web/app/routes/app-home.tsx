import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { MyRolesCard } from '../../features/account/components/my-roles-card.tsx';
import { ProgramSummaryCard } from '../../features/program-info/components/program-summary-card.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SupportBox } from '../../features/support-lines/components/support-box.tsx';

export function AppHomeRoute() {
  const me = useOutletContext<Me>();
  const program = usePublicProgram(me.organization.slug);
  return (
    <div className="stack">
      <PageTitle title="Home">Welcome, {me.person.firstName}</PageTitle>
      <p className="lead">
        {program.data?.programName ?? 'Peer support'} at {me.organization.name}.
      </p>
      <div className="two-columns">
        <div className="stack">
          <MyRolesCard roles={me.roles} />
          <ProgramSummaryCard organizationSlug={me.organization.slug} />
        </div>
        <SupportBox lines={program.data?.supportLines} />
      </div>
    </div>
  );
}
