import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SetupView } from '../../../shared/schemas/setup.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError } from '../../components/ui/query-status.tsx';
import { useSetup } from './api/setup.ts';
import { FoundationsForm } from './components/foundations-form.tsx';
import { LINK_LABELS, STATUS_LABELS, STEP_TITLES } from './components/vocabulary.ts';
import './components/setup.css';

function StepCard({ step }: { step: SetupView['steps'][number] }) {
  const id = `step-${step.id}`;
  return (
    <section className="card stack stack--tight setup-step" aria-labelledby={id}>
      <div className="setup-step__heading">
        <h2 id={id}>{STEP_TITLES[step.id]}</h2>
        <span className={`tag setup-status setup-status--${step.status}`}>{STATUS_LABELS[step.status]}</span>
      </div>
      <ul className="setup-checks">
        {step.checks.map((c) => (
          <li key={c.label}>
            <span aria-hidden="true" className={c.done ? 'setup-mark setup-mark--done' : 'setup-mark'}>
              {c.done ? '✓' : '○'}
            </span>
            <span>
              <strong>{c.label}</strong>
              <span className="visually-hidden">{c.done ? ' (done)' : ' (not yet)'}</span>
              <span className="muted"> · {c.detail}</span>
            </span>
          </li>
        ))}
      </ul>
      {step.link && <Link to={step.link}>{LINK_LABELS[step.link] ?? 'Open'}</Link>}
    </section>
  );
}

/** The director's set-up: the article's steps, each judged from what is recorded (docs/setup.md). */
export function SetupPage({ tabs }: { tabs?: ReactNode }) {
  const setup = useSetup();
  const done = setup.data?.steps.filter((s) => s.status === 'done').length ?? 0;
  return (
    <div className="stack">
      <PageTitle title="Settings" />
      {tabs}
      {setup.isError && <LoadError error={setup.error} what="the set-up" />}
      {setup.data && (
        <>
          <p className="lead">
            Setting the program up, step by step: {done} of {setup.data.steps.length} done. Each step is judged from what is recorded in
            Peerline, not ticked by hand.
          </p>
          <FoundationsForm foundations={setup.data.foundations} />
          {setup.data.steps.map((s) => (
            <StepCard key={s.id} step={s} />
          ))}
        </>
      )}
    </div>
  );
}

/** On the director's home: how far the set-up has come, one line and a link. */
export function SetupSummaryCard() {
  const setup = useSetup();
  if (!setup.data) return null;
  const done = setup.data.steps.filter((s) => s.status === 'done').length;
  return (
    <section className="card" aria-labelledby="setup-summary-title">
      <h2 id="setup-summary-title">Program set-up</h2>
      <p>
        {done} of {setup.data.steps.length} steps done. <Link to="/app/settings/setup">See what is left</Link>
      </p>
    </section>
  );
}
