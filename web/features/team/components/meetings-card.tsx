import { useState } from 'react';
import { CheckboxGroup, Form } from 'react-aria-components';
import type { TeamMeeting, TeamMeetingsOverview } from '../../../../shared/schemas/team-meetings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { dateTimeLabel, fullName, timeLabel } from '../../../lib/zoned-time.ts';
import { useCancelMeeting, useRecordMeetingAttendance } from '../api/team-meetings.ts';
import { MeetingDialog } from './meeting-dialog.tsx';
import { MEETING_KIND_LABELS, STAGE_LABELS } from './vocabulary.ts';

function AttendanceDialog({ overview, meeting, onClose }: { overview: TeamMeetingsOverview; meeting: TeamMeeting; onClose: () => void }) {
  const record = useRecordMeetingAttendance();
  const [chosen, setChosen] = useState<string[]>(meeting.attendees.map((a) => a.personId));
  // Everyone on the team now, and anyone already recorded who has since left it.
  const members = new Map(overview.members.map((m) => [m.personId, m]));
  const people = [...overview.members, ...meeting.attendees.filter((a) => !members.has(a.personId))];
  return (
    <ModalDialog title="Who came" isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            record.mutate({ id: meeting.id, personIds: chosen }, { onSuccess: close });
          }}
        >
          {record.isError && <Notice tone="error">{errorMessage(record.error)}</Notice>}
          <p className="muted">
            {MEETING_KIND_LABELS[meeting.kind]}, {dateTimeLabel(meeting.startsAt, overview.timeZone)}. Only who came is kept, never what was
            said.
          </p>
          <CheckboxGroup value={chosen} onChange={setChosen} className="checkbox-group" aria-label="Team members who came">
            {people.map((p) => (
              <Checkbox key={p.personId} value={p.personId}>
                {fullName(p)}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={record.isPending}>
              Save who came
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}

function MeetingItem({ overview, meeting, past }: { overview: TeamMeetingsOverview; meeting: TeamMeeting; past: boolean }) {
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const cancel = useCancelMeeting();
  const cancelled = meeting.status === 'cancelled';
  const when = `${dateTimeLabel(meeting.startsAt, overview.timeZone)}–${timeLabel(meeting.endsAt, overview.timeZone)}`;
  const label = `${MEETING_KIND_LABELS[meeting.kind]}, ${when}`;
  return (
    <li className="meeting" aria-label={label}>
      <div className="meeting__main">
        <strong>
          {MEETING_KIND_LABELS[meeting.kind]} · {when}
        </strong>
        {cancelled && <span className="tag tag--muted">Cancelled</span>}
        <div className="muted">
          {meeting.modality === 'in_person' ? meeting.place : 'Remote'} · facilitated by {fullName(meeting.facilitator)}
          {past && !cancelled && ` · ${meeting.attendees.length === 0 ? 'attendance not recorded' : `${meeting.attendees.length} came`}`}
        </div>
      </div>
      {!cancelled && (
        <div className="inline-form">
          {past ? (
            <Button onPress={() => setRecording(true)}>{meeting.attendees.length === 0 ? 'Record who came' : 'Change who came'}</Button>
          ) : (
            <>
              <Button onPress={() => setEditing(true)}>Change</Button>
              <Button variant="quiet" onPress={() => setCancelling(true)}>
                Cancel meeting
              </Button>
            </>
          )}
        </div>
      )}
      {cancel.isError && <Notice tone="error">{errorMessage(cancel.error)}</Notice>}
      {editing && <MeetingDialog overview={overview} meeting={meeting} onClose={() => setEditing(false)} />}
      {recording && <AttendanceDialog overview={overview} meeting={meeting} onClose={() => setRecording(false)} />}
      <ConfirmDialog
        title="Cancel this meeting?"
        confirmLabel="Cancel meeting"
        dismissLabel="Keep it"
        isOpen={cancelling}
        onOpenChange={setCancelling}
        isPending={cancel.isPending}
        onConfirm={() => cancel.mutate(meeting.id, { onSettled: () => setCancelling(false) })}
      >
        <p>Everyone on the team gets an e-mail saying a session was cancelled, and their calendar file turns into a cancellation.</p>
      </ConfirmDialog>
    </li>
  );
}

/** Meetings to come, with a button to schedule one; below, the last year's with who came. */
export function MeetingsCard({ overview }: { overview: TeamMeetingsOverview }) {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <section className="card stack stack--tight" aria-labelledby="upcoming-meetings-title">
        <div className="section-heading">
          <h2 id="upcoming-meetings-title">Coming up</h2>
          <Button variant="primary" onPress={() => setCreating(true)}>
            New meeting
          </Button>
        </div>
        {overview.upcoming.length === 0 ? (
          <p className="muted">No meetings scheduled. Most programs meet monthly.</p>
        ) : (
          <ul className="meetings" aria-label="Meetings coming up">
            {overview.upcoming.map((m) => (
              <MeetingItem key={m.id} overview={overview} meeting={m} past={false} />
            ))}
          </ul>
        )}
      </section>
      <section className="card stack stack--tight" aria-labelledby="past-meetings-title">
        <h2 id="past-meetings-title">The last twelve months</h2>
        {overview.past.length === 0 ? (
          <p className="muted">No meetings yet.</p>
        ) : (
          <ul className="meetings" aria-label="Past meetings">
            {overview.past.map((m) => (
              <MeetingItem key={m.id} overview={overview} meeting={m} past />
            ))}
          </ul>
        )}
      </section>
      {creating && <MeetingDialog overview={overview} onClose={() => setCreating(false)} />}
    </>
  );
}

/** Who has been coming: a supporter who has not come for months may be the one who needs a call. */
export function MeetingAttendanceTable({ overview }: { overview: TeamMeetingsOverview }) {
  return (
    <section className="card stack stack--tight" aria-labelledby="attendance-title">
      <h2 id="attendance-title">Attendance</h2>
      {overview.members.length === 0 ? (
        <p className="muted">Nobody is on the team yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby="attendance-title">
            <thead>
              <tr>
                <th scope="col">Team member</th>
                <th scope="col">Stage</th>
                <th scope="col">Meetings in the last 12 months</th>
                <th scope="col">Last came</th>
              </tr>
            </thead>
            <tbody>
              {overview.members.map((m) => (
                <tr key={m.personId}>
                  <td>{fullName(m)}</td>
                  <td>{STAGE_LABELS[m.state]}</td>
                  <td>{m.attendedLastYear}</td>
                  <td>
                    {m.lastAttended ? (
                      dateTimeLabel(m.lastAttended, overview.timeZone)
                    ) : (
                      <span className="muted">Not in the last year</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
