import { formatDay } from '../../../lib/calendar-day.ts';
import { datedTimeLabel, timeRangeLabel } from '../../../lib/zoned-time.ts';
import { LoadError } from '../../../components/ui/query-status.tsx';
import { useMyTraining } from '../api/team.ts';

const TEAM = ['certified', 'active', 'paused'];

/**
 * A person's own training record: the modules of the current curriculum they attended, their
 * role-play results (never the observer's checklist), the sessions they are invited to with a
 * calendar file, and where their certificate stands. Times are in the program's time zone.
 */
export function MyTraining() {
  const training = useMyTraining();
  if (training.isPending) return null;
  if (training.isError) return <LoadError error={training.error} what="your training" />;
  const { state, certifiedUntil, courseOnRecord, timeZone, modules, rolePlays, sessions } = training.data;
  const attendedAny = modules.some((m) => m.attended);
  if (state === null && sessions.length === 0 && !attendedAny && rolePlays.length === 0) return null;
  const required = modules.filter((m) => m.required);
  const passed = rolePlays.some((r) => r.result === 'pass');
  const certified = state !== null && TEAM.includes(state) && certifiedUntil !== null;
  // Certified by the director for a course taken before Peerline (docs/team.md): a list of modules
  // "not yet attended" would read as if they were never trained, so only what Peerline holds is shown.
  const certifiedElsewhere = certified && !courseOnRecord;
  const certificate = certifiedElsewhere
    ? `The program director recorded your certification, valid until ${formatDay(certifiedUntil)}. Your earlier training is not in Peerline, so it is not listed here${attendedAny ? '; the modules below are those you attended since' : ''}.`
    : certified
      ? `Certified until ${formatDay(certifiedUntil)}.`
      : state === 'in_training'
        ? `Not yet certified: ${required.filter((m) => m.attended).length} of ${required.length} required modules attended, ${passed ? 'role-play passed' : 'no role-play passed yet'}. You are certified as soon as both are done.`
        : state === 'lapsed'
          ? 'Your certification has ended; a refresher brings it back.'
          : 'No certificate yet.';
  const shownModules = certifiedElsewhere ? modules.filter((m) => m.attended) : modules;

  return (
    <section className="card stack stack--tight" aria-labelledby="my-training-title">
      <h2 id="my-training-title">Your training</h2>
      <p>
        <strong>Certificate:</strong> {certificate}
      </p>
      {shownModules.length > 0 && (
        <>
          <h3>{certifiedElsewhere ? 'Modules attended in Peerline' : 'Modules'}</h3>
          <ul className="my-training-modules">
            {shownModules.map((m) => (
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
        </>
      )}
      {(!certifiedElsewhere || rolePlays.length > 0) && (
        <>
          <h3>Observed role-plays</h3>
          {rolePlays.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ul>
              {rolePlays.map((r) => (
                <li key={r.observedAt}>
                  {datedTimeLabel(r.observedAt, timeZone)}: {r.result === 'pass' ? 'Pass' : 'To repeat'}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>Your sessions</h3>
      {sessions.length === 0 ? (
        <p className="muted">You are not invited to any session coming up.</p>
      ) : (
        <>
          <p className="muted">Times are in {timeZone}.</p>
          <ul className="my-training-sessions">
            {sessions.map((s) => (
              <li key={s.id}>
                <div>
                  <strong>{timeRangeLabel(s.startsAt, s.endsAt, timeZone)}</strong>
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
        </>
      )}
    </section>
  );
}
