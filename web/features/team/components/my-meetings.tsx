import { LoadError } from '../../../components/ui/query-status.tsx';
import { dateTimeLabel, fullName, timeLabel } from '../../../lib/zoned-time.ts';
import { useMyTeamMeetings } from '../api/team-meetings.ts';
import { MEETING_KIND_LABELS } from './vocabulary.ts';

/**
 * A team member's meetings to come, each with a calendar file, and how often they came this year.
 * Shown only to people on the team; supervision and community meetings are for them.
 */
export function MyMeetings() {
  const meetings = useMyTeamMeetings();
  if (meetings.isPending) return null;
  if (meetings.isError) return <LoadError error={meetings.error} what="your team meetings" />;
  const { onTeam, upcoming, attendedLastYear, timeZone } = meetings.data;
  if (!onTeam) return null;
  return (
    <section className="card stack stack--tight" aria-labelledby="my-meetings-title">
      <h2 id="my-meetings-title">Team meetings</h2>
      <p className="muted">
        Supervision and community meetings are where supporters look after each other. You came to {attendedLastYear}{' '}
        {attendedLastYear === 1 ? 'meeting' : 'meetings'} in the last twelve months. Times are in {timeZone}.
      </p>
      {upcoming.length === 0 ? (
        <p className="muted">No meeting is scheduled yet.</p>
      ) : (
        <ul className="my-training-sessions" aria-label="Team meetings coming up">
          {upcoming.map((m) => (
            <li key={m.id}>
              <div>
                <strong>
                  {MEETING_KIND_LABELS[m.kind]} · {dateTimeLabel(m.startsAt, timeZone)}–{timeLabel(m.endsAt, timeZone)}
                </strong>
                <div className="muted">
                  {m.modality === 'in_person' ? m.place : 'Remote'} · with {fullName(m.facilitator)}
                </div>
                {m.modality === 'remote' && m.videoLink && <a href={m.videoLink}>Join link</a>}
              </div>
              <a href={`/api/team/me/meetings/${encodeURIComponent(m.id)}/invite.ics`} download="invite.ics">
                Add to calendar (.ics)
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
