import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { TeamMeeting, TeamMeetingKind, TeamMeetingsOverview } from '../../../../shared/schemas/team-meetings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { fromLocalInput, fullName, toLocalInput } from '../../../lib/zoned-time.ts';
import { useScheduleMeeting, useUpdateMeeting, type MeetingInput } from '../api/team-meetings.ts';
import { MEETING_KIND_LABELS } from './vocabulary.ts';

/**
 * Schedules a supervision or community meeting, or changes one that has not started. Times are
 * entered in the program's time zone, whatever the browser's is.
 */
export function MeetingDialog({
  overview,
  meeting,
  onClose,
}: {
  overview: TeamMeetingsOverview;
  /** Absent: a new meeting. */
  meeting?: TeamMeeting;
  onClose: () => void;
}) {
  const { timeZone } = overview;
  const schedule = useScheduleMeeting();
  const update = useUpdateMeeting();
  const mutation = meeting ? update : schedule;
  const [kind, setKind] = useState<TeamMeetingKind>(meeting?.kind ?? 'community');
  const [startsAt, setStartsAt] = useState(meeting ? toLocalInput(meeting.startsAt, timeZone) : '');
  const [endsAt, setEndsAt] = useState(meeting ? toLocalInput(meeting.endsAt, timeZone) : '');
  const [modality, setModality] = useState<'in_person' | 'remote'>(meeting?.modality ?? 'in_person');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [videoLink, setVideoLink] = useState(meeting?.videoLink ?? '');
  const [facilitatorId, setFacilitatorId] = useState<string | null>(meeting?.facilitator.personId ?? null);
  const errors = fieldErrors(mutation.error);
  // A refused save's field errors would keep the form invalid after the fix: any edit clears them.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      if (mutation.isError) mutation.reset();
      set(value);
    };
  const zoneNote = `Times are in ${timeZone}.`;
  return (
    <ModalDialog title={meeting ? 'Change the meeting' : 'New team meeting'} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            const input: MeetingInput = {
              kind,
              startsAt: fromLocalInput(startsAt, timeZone) ?? startsAt,
              endsAt: fromLocalInput(endsAt, timeZone) ?? endsAt,
              modality,
              place: modality === 'in_person' ? place : null,
              videoLink: modality === 'remote' ? videoLink : null,
              facilitatorId: facilitatorId ?? '',
            };
            if (meeting) update.mutate({ id: meeting.id, input }, { onSuccess: close });
            else schedule.mutate(input, { onSuccess: close });
          }}
        >
          {mutation.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(mutation.error)}</Notice>}
          <RadioGroupField
            label="Kind"
            orientation="horizontal"
            options={(['community', 'supervision'] as const).map((id) => ({ id, label: MEETING_KIND_LABELS[id] }))}
            value={kind}
            onChange={(v) => setKind(v as TeamMeetingKind)}
          />
          <div className="form__row">
            <TextField
              label="Starts"
              name="startsAt"
              type="datetime-local"
              value={startsAt}
              onChange={edit(setStartsAt)}
              description={zoneNote}
              isRequired
              errorMessage={errors.startsAt}
            />
            <TextField
              label="Ends"
              name="endsAt"
              type="datetime-local"
              value={endsAt}
              onChange={edit(setEndsAt)}
              isRequired
              errorMessage={errors.endsAt}
            />
          </div>
          <RadioGroupField
            label="Where"
            orientation="horizontal"
            options={[
              { id: 'in_person', label: 'In person' },
              { id: 'remote', label: 'Remote' },
            ]}
            value={modality}
            onChange={(v) => setModality(v as 'in_person' | 'remote')}
          />
          {modality === 'in_person' ? (
            <TextField
              label="Place"
              name="place"
              value={place}
              onChange={edit(setPlace)}
              description="Shown in calendar invites: a room, not what the meeting is about."
              errorMessage={errors.place}
              isRequired
            />
          ) : (
            <TextField
              label="Video link"
              name="videoLink"
              type="url"
              value={videoLink}
              onChange={edit(setVideoLink)}
              errorMessage={errors.videoLink}
              isRequired
            />
          )}
          <SelectField
            label="Facilitator"
            name="facilitatorId"
            options={overview.facilitators.map((p) => ({ id: p.personId, label: fullName(p) }))}
            value={facilitatorId}
            onChange={edit(setFacilitatorId)}
            errorMessage={errors.facilitatorId}
            isRequired
          />
          <p className="muted">
            {meeting
              ? 'If the time or place changes, everyone on the team gets an e-mail saying a session changed, and their calendar file updates.'
              : 'Everyone on the team gets an e-mail saying they are invited to a session, with a link to the details and a calendar file.'}
          </p>
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={mutation.isPending}>
              {meeting ? 'Save' : 'Schedule'}
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}
