import { Link, Navigate, useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { MyRolesCard } from '../../features/account/components/my-roles-card.tsx';
import { OutboxNotice } from '../../features/outbox/components/outbox-notice.tsx';
import { ProgramSummaryCard } from '../../features/program-info/components/program-summary-card.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SupportBox } from '../../features/support-lines/components/support-box.tsx';
import { SetupSummaryCard } from '../../features/setup/pages.tsx';

/** The first thing on the page: how to ask, in one tap. */
function AskCard() {
  return (
    <section className="card ask-card" aria-labelledby="ask-card-title">
      <h2 id="ask-card-title">Talk to a peer</h2>
      <p>
        After a hard case, an adverse event or a difficult stretch, a trained colleague will listen, in confidence. It takes a minute to
        ask, and you do not have to say what happened.
      </p>
      <p className="ask-card__actions">
        <Link to="/app/request" className="button button--primary">
          Ask for support
        </Link>
        <Link to="/app/requests">My requests</Link>
        <Link to="/app/refer">Refer a colleague</Link>
      </p>
    </section>
  );
}

export function AppHomeRoute() {
  const me = useOutletContext<Me>();
  const program = usePublicProgram(me.organization.slug);
  // Leadership's home is the program's report (docs/reporting.md); the director's stays this page.
  if (me.roles.includes('leadership_viewer') && !me.roles.includes('program_director')) return <Navigate to="/app/reports" replace />;
  return (
    <div className="stack">
      <PageTitle title="Home">Welcome, {me.person.firstName}</PageTitle>
      <p className="lead">
        {program.data?.programName ?? 'Peer support'} at {me.organization.name}.
      </p>
      {me.actions.includes('cases.manage') && <OutboxNotice />}
      {me.actions.includes('setup.manage') && <SetupSummaryCard />}
      <div className="two-columns">
        <div className="stack">
          {me.actions.includes('support.request') && <AskCard />}
          <MyRolesCard roles={me.roles} />
          <ProgramSummaryCard organizationSlug={me.organization.slug} />
        </div>
        <SupportBox lines={program.data?.supportLines} />
      </div>
    </div>
  );
}
