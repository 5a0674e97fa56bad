import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { MyJourney } from './components/my-journey.tsx';
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
