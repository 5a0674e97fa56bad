import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { TeamMeeting, TeamMeetingKind, TeamMeetingsOverview } from '../../../../shared/schemas/team-meetings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { fullName } from '../../../lib/zoned-time.ts';
import { TimeAndPlaceFields, useTimeAndPlace } from '../../../components/forms/time-and-place-fields.tsx';
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
  const where = useTimeAndPlace(meeting, timeZone);
  const [facilitatorId, setFacilitatorId] = useState<string | null>(meeting?.facilitator.personId ?? null);
  const errors = fieldErrors(mutation.error);
  // A refused save's field errors would keep the form invalid after the fix: any edit clears them.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      if (mutation.isError) mutation.reset();
      set(value);
    };
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
              ...where.toInput(),
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
          <TimeAndPlaceFields value={where.value} onChange={edit(where.setValue)} errors={errors} timeZone={timeZone} what="meeting" />
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
