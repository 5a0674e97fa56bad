import { formatDateTime, MODALITY_LABELS } from '../../../lib/case-vocabulary.ts';
import { myInviteHref, useMyMeetings } from '../api/my-meetings.ts';

/**
 * Under an open request: the conversations the supporter has planned, with a calendar invite each
 * (neutral: "Conversation", no names, no reason). Nothing shows while none is planned.
 */
export function PlannedConversations({ requestId }: { requestId: string }) {
  const meetings = useMyMeetings(requestId);
  const planned = (meetings.data ?? []).filter((m) => m.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (planned.length === 0) return null;
  return (
    <div className="planned-conversations">
      <h3 className="planned-conversations__title">Planned conversation{planned.length > 1 ? 's' : ''}</h3>
      <ul aria-label="Planned conversations">
        {planned.map((meeting) => (
          <li key={meeting.id}>
            <strong>{formatDateTime(meeting.startsAt)}</strong> · {meeting.minutes} min · {MODALITY_LABELS[meeting.modality]}
            {meeting.videoLink && (
              <>
                {' '}
                · <a href={meeting.videoLink}>Video link</a>
              </>
            )}{' '}
            ·{' '}
            <a href={myInviteHref(requestId, meeting.id)} download="conversation.ics">
              Add to my calendar
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
