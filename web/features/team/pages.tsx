import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError } from '../../components/ui/query-status.tsx';
import { useTeamMeetings } from './api/team-meetings.ts';
import { MeetingAttendanceTable, MeetingsCard } from './components/meetings-card.tsx';
import { MyJourney } from './components/my-journey.tsx';
import { MyMeetings } from './components/my-meetings.tsx';
import { MyTraining } from './components/my-training.tsx';
import { NominateForm } from './components/nominate-form.tsx';
import { TeamPipeline } from './components/team-pipeline.tsx';
import './components/team.css';

/** Everyone: their own place in the program, volunteering, and suggesting a colleague (docs/team.md). */
export function PeerSupportTeamPage() {
  return (
    <div className="stack">
      <PageTitle title="Peer support team" />
      <p className="lead">
        Colleagues trained to support colleagues after hard days. You can join, or suggest someone who would be good at it.
      </p>
      <MyJourney />
      <MyTraining />
      <MyMeetings />
      <NominateForm />
    </div>
  );
}

/** The director and administrator: the pipeline from nomination to the active team; the director decides. */
export function TeamPipelinePage({ tabs }: { tabs?: ReactNode }) {
  const me = useOutletContext<Me>();
  return (
    <div className="stack">
      <PageTitle title="Team" />
      {tabs}
      <p className="lead">From a colleague’s suggestion to the active team: interview, training, certification, and breaks.</p>
      <TeamPipeline canDecide={me.actions.includes('team.decide')} />
    </div>
  );
}

/** The director and administrator: supervision and community meetings, and who has been coming. */
export function TeamMeetingsPage({ tabs }: { tabs?: ReactNode }) {
  const meetings = useTeamMeetings();
  return (
    <div className="stack">
      <PageTitle title="Team meetings" />
      {tabs}
      <p className="lead">
        Supervision and community meetings keep supporters well and their skills fresh. The whole team is invited; afterwards, record who
        came.
      </p>
      {meetings.isError && <LoadError error={meetings.error} what="the team meetings" />}
      {meetings.data && (
        <>
          <MeetingsCard overview={meetings.data} />
          <MeetingAttendanceTable overview={meetings.data} />
        </>
      )}
    </div>
  );
}
