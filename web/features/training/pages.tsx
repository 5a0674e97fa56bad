import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useTraining } from './api/training.ts';
import { CurriculumCard } from './components/curriculum-card.tsx';
import { CertificationPeriodCard, CoverageCard, TraineesCard } from './components/progress-card.tsx';
import { RolePlaysCard } from './components/role-plays-card.tsx';
import { SessionsCard } from './components/sessions-card.tsx';
import './components/training.css';

/** The director and administrator: the curriculum, sessions and attendance, role-plays, progress (docs/team.md). */
export function TrainingPage({ tabs }: { tabs?: ReactNode }) {
  const me = useOutletContext<Me>();
  const canConfigure = me.actions.includes('training.configure');
  const training = useTraining();
  return (
    <div className="stack">
      <PageTitle title="Training" />
      {tabs}
      <p className="lead">
        Trainees are certified as soon as they have attended every required module and passed an observed role-play; the Team page then
        shows them as certified.
      </p>
      {training.isPending && <Loading label="Loading training…" />}
      {training.isError && <LoadError error={training.error} what="training" />}
      {training.data && (
        <>
          <div className="training-grid">
            <TraineesCard overview={training.data} />
            <CoverageCard overview={training.data} />
          </div>
          <SessionsCard overview={training.data} />
          <RolePlaysCard overview={training.data} canConfigure={canConfigure} />
          <CurriculumCard overview={training.data} canConfigure={canConfigure} />
          <CertificationPeriodCard overview={training.data} canConfigure={canConfigure} />
        </>
      )}
    </div>
  );
}
