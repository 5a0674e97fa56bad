import { formatDay } from '../../../lib/calendar-day.ts';
import { formatDateTime } from '../../../lib/case-vocabulary.ts';
import { LoadError } from '../../../components/ui/query-status.tsx';
import { useMyTraining } from '../api/team.ts';

const TEAM = ['certified', 'active', 'paused'];

/**
 * A person's own training record: the modules of the current curriculum they attended, their
 * role-play results (never the observer's checklist), the sessions they are invited to with a
 * calendar file, and where their certificate stands.
 */
export function MyTraining() {
  const training = useMyTraining();
  if (training.isPending) return null;
  if (training.isError) return <LoadError error={training.error} what="your training" />;
  const { state, certifiedUntil, modules, rolePlays, sessions } = training.data;
  const attendedAny = modules.some((m) => m.attended);
  if (state === null && sessions.length === 0 && !attendedAny && rolePlays.length === 0) return null;
  const required = modules.filter((m) => m.required);
  const passed = rolePlays.some((r) => r.result === 'pass');
  const certificate =
    state && TEAM.includes(state) && certifiedUntil
      ? `Certified until ${formatDay(certifiedUntil)}.`
      : state === 'in_training'
        ? `Not yet certified: ${required.filter((m) => m.attended).length} of ${required.length} required modules attended, ${passed ? 'role-play passed' : 'no role-play passed yet'}. You are certified as soon as both are done.`
        : state === 'lapsed'
          ? 'Your certification has ended; a refresher brings it back.'
          : 'No certificate yet.';

  return (
    <section className="card stack stack--tight" aria-labelledby="my-training-title">
      <h2 id="my-training-title">Your training</h2>
      <p>
        <strong>Certificate:</strong> {certificate}
      </p>
      <h3>Modules</h3>
      <ul className="my-training-modules">
        {modules.map((m) => (
          <li key={m.key}>
            <span aria-hidden="true" className={m.attended ? 'my-training-mark my-training-mark--done' : 'my-training-mark'}>
              {m.attended ? '✓' : '○'}
            </span>
            <span>
              {m.title}
              <span className="muted">
                {' '}
                · {m.required ? 'required' : 'optional'} · {m.attended ? 'attended' : 'not yet attended'}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <h3>Observed role-plays</h3>
      {rolePlays.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul>
          {rolePlays.map((r) => (
            <li key={r.observedAt}>
              {formatDateTime(r.observedAt)}: {r.result === 'pass' ? 'Pass' : 'To repeat'}
            </li>
          ))}
        </ul>
      )}
      <h3>Your sessions</h3>
      {sessions.length === 0 ? (
        <p className="muted">You are not invited to any session coming up.</p>
      ) : (
        <ul className="my-training-sessions">
          {sessions.map((s) => (
            <li key={s.id}>
              <div>
                <strong>
                  {formatDateTime(s.startsAt)} – {new Date(s.endsAt).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}
                </strong>
                {s.status === 'cancelled' && <span className="tag tag--muted">Cancelled</span>}
                <div className="muted">
                  {s.modality === 'in_person' ? s.place : 'Remote'} · {s.moduleTitles.join(', ')}
                </div>
                {s.modality === 'remote' && s.videoLink && s.status !== 'cancelled' && <a href={s.videoLink}>Join link</a>}
              </div>
              <a href={`/api/training/me/sessions/${encodeURIComponent(s.id)}/invite.ics`} download="invite.ics">
                Add to calendar (.ics)
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
