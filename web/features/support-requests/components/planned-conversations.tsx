import { formatDateTime, MODALITY_LABELS } from '../../../lib/case-vocabulary.ts';
import { myInviteHref, useMyConversations } from '../api/my-conversations.ts';

/**
 * Under an open request: the conversations the supporter has planned, with a calendar invite each
 * (neutral: "Conversation", no names, no reason). Nothing shows while none is planned.
 */
export function PlannedConversations({ requestId }: { requestId: string }) {
  const conversations = useMyConversations(requestId);
  const planned = (conversations.data ?? []).filter((c) => c.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (planned.length === 0) return null;
  return (
    <div className="planned-conversations">
      <h3 className="planned-conversations__title">Planned conversation{planned.length > 1 ? 's' : ''}</h3>
      <ul aria-label="Planned conversations">
        {planned.map((conversation) => (
          <li key={conversation.id}>
            <strong>{formatDateTime(conversation.startsAt)}</strong> · {conversation.minutes} min · {MODALITY_LABELS[conversation.modality]}
            {conversation.videoLink && (
              <>
                {' '}
                · <a href={conversation.videoLink}>Video link</a>
              </>
            )}{' '}
            ·{' '}
            <a href={myInviteHref(requestId, conversation.id)} download="conversation.ics">
              Add to my calendar
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
