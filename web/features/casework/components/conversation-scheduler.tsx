import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { Modality } from '../../../../shared/schemas/case-vocabulary.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { LoadError, Loading, errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { formatDateTime, MODALITY_LABELS, MODALITY_OPTIONS } from '../../../lib/case-vocabulary.ts';
import { inviteHref, useCancelConversation, useConversations, useScheduleConversation } from '../api/casework.ts';

const LENGTH_OPTIONS = [
  { id: '30', label: '30 minutes' },
  { id: '45', label: '45 minutes' },
  { id: '60', label: '1 hour' },
  { id: '90', label: '1 hour 30 minutes' },
];

/** Plan a conversation: when, how long and how; the invite has a neutral title and no details. */
export function ConversationScheduler({ caseId, modality, canSchedule }: { caseId: string; modality: Modality; canSchedule: boolean }) {
  const conversations = useConversations(caseId);
  const schedule = useScheduleConversation(caseId);
  const cancel = useCancelConversation(caseId);
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const [minutes, setMinutes] = useState<string | null>('45');
  const [how, setHow] = useState<Modality>(modality);
  const [problem, setProblem] = useState<string | null>(null);
  const serverErrors = fieldErrors(schedule.error);

  const submit = () => {
    setProblem(null);
    const startsAt = new Date(`${day}T${time}`);
    if (!day || !time || Number.isNaN(startsAt.getTime())) return setProblem('Choose a day and a time.');
    if (startsAt.getTime() <= Date.now()) return setProblem('Choose a time in the future.');
    schedule.mutate(
      { startsAt: startsAt.toISOString(), minutes: Number(minutes ?? 45), modality: how },
      {
        onSuccess: () => {
          setDay('');
          setTime('');
        },
      },
    );
  };

  const planned = (conversations.data ?? []).filter((c) => c.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <section className="card stack stack--tight" aria-labelledby="conversations-title">
      <h2 id="conversations-title">Planned conversations</h2>
      {conversations.isPending ? (
        <Loading label="Loading planned conversations…" />
      ) : conversations.isError ? (
        <LoadError error={conversations.error} what="planned conversations" />
      ) : planned.length === 0 ? (
        <p className="muted">None planned.</p>
      ) : (
        <ul className="casework-list" aria-label="Planned conversations">
          {planned.map((conversation) => (
            <li key={conversation.id} className="casework-list__item">
              <span>
                <strong>{formatDateTime(conversation.startsAt)}</strong> · {conversation.minutes} min ·{' '}
                {MODALITY_LABELS[conversation.modality]}
                {conversation.videoLink && (
                  <>
                    {' '}
                    ·{' '}
                    <a href={conversation.videoLink} target="_blank" rel="noreferrer">
                      Video link
                    </a>
                  </>
                )}
              </span>
              <span className="conversation__actions">
                <a href={inviteHref(caseId, conversation.id)} download="invite.ics">
                  Calendar invite
                </a>
                {canSchedule && (
                  <Button
                    variant="quiet"
                    onPress={() => cancel.mutate(conversation.id)}
                    isPending={cancel.isPending && cancel.variables === conversation.id}
                    aria-label={`Cancel the conversation on ${formatDateTime(conversation.startsAt)}`}
                  >
                    Cancel
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {cancel.isError && <Notice tone="error">{errorMessage(cancel.error)}</Notice>}
      {canSchedule && (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h3 className="casework-subtitle">Plan a conversation</h3>
          <div className="form__row">
            <TextField label="Day" name="day" type="date" value={day} onChange={setDay} isRequired errorMessage={serverErrors.startsAt} />
            <TextField label="Time" name="time" type="time" value={time} onChange={setTime} isRequired />
          </div>
          <div className="form__row">
            <SelectField label="Length" name="minutes" options={LENGTH_OPTIONS} value={minutes} onChange={setMinutes} />
            <RadioGroupField
              label="How"
              name="conversationModality"
              options={MODALITY_OPTIONS}
              value={how}
              onChange={(v) => setHow(v as Modality)}
              orientation="horizontal"
            />
          </div>
          {problem && <Notice tone="error">{problem}</Notice>}
          {schedule.isSuccess && <Notice tone="success">Planned. Download the calendar invite and send it from your own calendar.</Notice>}
          {schedule.isError && <Notice tone="error">{errorMessage(schedule.error)}</Notice>}
          <div className="form__submit">
            <Button type="submit" isPending={schedule.isPending}>
              Plan conversation
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
