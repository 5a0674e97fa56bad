import { useState } from 'react';
import { CheckboxGroup, Form, Label } from 'react-aria-components';
import type { TrainingOverview, TrainingSession } from '../../../../shared/schemas/training.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { timeRangeLabel } from '../../../lib/zoned-time.ts';
import { TimeAndPlaceFields, useTimeAndPlace } from '../../../components/forms/time-and-place-fields.tsx';
import {
  type SessionChange,
  type SessionInput,
  useCancelSession,
  useChangeSession,
  useCreateSession,
  useInvite,
  useRecordAttendance,
} from '../api/training.ts';
import { fullName } from './vocabulary.ts';

const STATE_NOTE: Record<string, string> = {
  in_training: 'in training',
  certified: 'certified',
  active: 'on the team',
  paused: 'on a break',
  lapsed: 'certification ended',
  retired: 'stepped down',
  under_review: 'under review',
  declined: 'not taken on',
};

/**
 * Scheduling a session, or changing one (`session` given): the same form, prefilled when changing.
 * Times are read and shown in the program's time zone, whatever zone the browser is in.
 */
function SessionDialog({
  overview,
  session,
  onClose,
  onChanged,
}: {
  overview: TrainingOverview;
  session?: TrainingSession;
  onClose: () => void;
  onChanged?: (change: SessionChange) => void;
}) {
  const create = useCreateSession();
  const change = useChangeSession();
  const mutation = session ? change : create;
  const zone = overview.timeZone;
  const where = useTimeAndPlace(session, zone);
  const [facilitatorId, setFacilitatorId] = useState<string | null>(session?.facilitator.personId ?? null);
  const [capacity, setCapacity] = useState(String(session?.capacity ?? 12));
  const [moduleKeys, setModuleKeys] = useState<string[]>(session?.moduleKeys ?? []);
  const errors = fieldErrors(mutation.error);
  // A refused save's field errors would keep the form invalid after the fix: any edit clears them.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      if (mutation.isError) mutation.reset();
      set(value);
    };
  // Attendance is recorded against a session's module: that module stays (the server refuses otherwise).
  const attended = new Set(session?.invitees.flatMap((i) => i.attended) ?? []);
  // A session of an older curriculum may cover a module the current one no longer has; it can stay.
  const modules = [
    ...overview.curriculum.modules.map((m) => ({ key: m.key, title: m.title })),
    ...(session?.moduleKeys ?? [])
      .filter((key) => !overview.curriculum.modules.some((m) => m.key === key))
      .map((key) => ({ key, title: key })),
  ];
  const facilitators = overview.people.map((p) => ({ id: p.personId, label: fullName(p) }));
  if (session && !facilitators.some((f) => f.id === session.facilitator.personId)) {
    facilitators.push({ id: session.facilitator.personId, label: fullName(session.facilitator) });
  }
  return (
    <ModalDialog title={session ? 'Edit training session' : 'New training session'} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            const input: SessionInput = {
              ...where.toInput(),
              facilitatorId: facilitatorId ?? '',
              capacity: Number(capacity),
              moduleKeys,
            };
            if (session)
              change.mutate(
                { sessionId: session.id, input },
                {
                  onSuccess: (result) => {
                    onChanged?.(result);
                    close();
                  },
                },
              );
            else create.mutate(input, { onSuccess: close });
          }}
        >
          {mutation.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(mutation.error)}</Notice>}
          {session && (
            <p className="muted">
              If the time or place changes, everyone invited gets an e-mail saying the session changed, and their calendar file updates.
            </p>
          )}
          <TimeAndPlaceFields value={where.value} onChange={edit(where.setValue)} errors={errors} timeZone={zone} what="session" />
          <div className="form__row">
            <SelectField
              label="Facilitator"
              name="facilitatorId"
              options={facilitators}
              value={facilitatorId}
              onChange={edit(setFacilitatorId)}
              errorMessage={errors.facilitatorId}
              isRequired
            />
            <TextField
              label="Places"
              name="capacity"
              type="number"
              value={capacity}
              onChange={edit(setCapacity)}
              description={session && session.invitees.length > 0 ? `${session.invitees.length} invited so far` : undefined}
              errorMessage={errors.capacity}
              isRequired
            />
          </div>
          <CheckboxGroup
            value={moduleKeys}
            onChange={edit(setModuleKeys)}
            className="checkbox-group"
            isInvalid={Boolean(errors.moduleKeys)}
          >
            <Label className="field__label">Modules it covers</Label>
            <div className="training-checks">
              {modules.map((m) => (
                <Checkbox key={m.key} value={m.key} isDisabled={attended.has(m.key)}>
                  {m.title}
                </Checkbox>
              ))}
            </div>
            {attended.size > 0 && <p className="field__description">Modules with attendance recorded stay.</p>}
            {errors.moduleKeys && <p className="field__error">{errors.moduleKeys}</p>}
          </CheckboxGroup>
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={mutation.isPending}>
              {session ? 'Save changes' : 'Schedule'}
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}

function InviteDialog({ overview, session, onClose }: { overview: TrainingOverview; session: TrainingSession; onClose: () => void }) {
  const inviteMutation = useInvite();
  const invited = new Set(session.invitees.map((i) => i.personId));
  // Trainees first: a session is mostly for them; anyone else is there for a refresher.
  const candidates = overview.people
    .filter((p) => !invited.has(p.personId) && p.state !== null && p.state !== 'declined' && p.state !== 'under_review')
    .sort((a, b) => Number(b.state === 'in_training') - Number(a.state === 'in_training'));
  const [chosen, setChosen] = useState<string[]>([]);
  const errors = fieldErrors(inviteMutation.error);
  return (
    <ModalDialog title="Invite to the session" isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            inviteMutation.mutate({ sessionId: session.id, personIds: chosen }, { onSuccess: close });
          }}
        >
          {inviteMutation.isError && <Notice tone="error">{errors.personIds ?? errorMessage(inviteMutation.error)}</Notice>}
          <p className="muted">Each person gets an e-mail that says only that they are invited to a session, with a link to the details.</p>
          {candidates.length === 0 ? (
            <p>Everyone in training is invited already.</p>
          ) : (
            <CheckboxGroup value={chosen} onChange={setChosen} className="checkbox-group" aria-label="People to invite">
              {candidates.map((p) => (
                <Checkbox key={p.personId} value={p.personId}>
                  {fullName(p)} <span className="muted">({STATE_NOTE[p.state ?? ''] ?? p.state})</span>
                </Checkbox>
              ))}
            </CheckboxGroup>
          )}
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={inviteMutation.isPending} isDisabled={chosen.length === 0}>
              Invite
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}

function AttendanceDialog({
  overview,
  session,
  invitee,
  onClose,
}: {
  overview: TrainingOverview;
  session: TrainingSession;
  invitee: TrainingSession['invitees'][number];
  onClose: () => void;
}) {
  const record = useRecordAttendance();
  const [keys, setKeys] = useState<string[]>(invitee.attended);
  const titles = new Map(overview.curriculum.modules.map((m) => [m.key, m.title]));
  return (
    <ModalDialog title={`Attendance: ${fullName(invitee)}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            record.mutate({ sessionId: session.id, personId: invitee.personId, moduleKeys: keys }, { onSuccess: close });
          }}
        >
          {record.isError && <Notice tone="error">{errorMessage(record.error)}</Notice>}
          <CheckboxGroup value={keys} onChange={setKeys} className="checkbox-group">
            <Label className="field__label">Modules attended</Label>
            {session.moduleKeys.map((key) => (
              <Checkbox key={key} value={key}>
                {titles.get(key) ?? key}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={record.isPending}>
              Save attendance
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}

function SessionItem({ overview, session }: { overview: TrainingOverview; session: TrainingSession }) {
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [changed, setChanged] = useState<SessionChange | null>(null);
  const [recording, setRecording] = useState<TrainingSession['invitees'][number] | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const cancel = useCancelSession();
  const titles = new Map(overview.curriculum.modules.map((m) => [m.key, m.title]));
  const cancelled = session.status === 'cancelled';
  const label = timeRangeLabel(session.startsAt, session.endsAt, overview.timeZone);
  return (
    <article className="training-session stack stack--tight" aria-label={`Session ${label}`}>
      <div className="training-heading">
        <h3>
          {label}
          {cancelled && <span className="tag tag--muted">Cancelled</span>}
        </h3>
        {!cancelled && (
          <div className="inline-form training-actions">
            <Button onPress={() => setEditing(true)}>Edit</Button>
            <Button onPress={() => setInviting(true)}>Invite</Button>
            <Button variant="quiet" onPress={() => setCancelling(true)}>
              Cancel session
            </Button>
          </div>
        )}
      </div>
      <p className="muted">
        {session.modality === 'in_person' ? session.place : `Remote: ${session.videoLink ?? ''}`} · facilitated by{' '}
        {fullName(session.facilitator)} · {session.invitees.length} of {session.capacity} places
      </p>
      <p className="training-modules">{session.moduleKeys.map((k) => titles.get(k) ?? k).join(' · ')}</p>
      {session.invitees.length > 0 && (
        <ul className="training-invitees">
          {session.invitees.map((i) => (
            <li key={i.personId}>
              <span>
                {fullName(i)}{' '}
                <span className="muted">
                  {i.attended.length} of {session.moduleKeys.length} modules attended
                </span>
              </span>
              {!cancelled && (
                <Button variant="quiet" aria-label={`Record attendance: ${fullName(i)}`} onPress={() => setRecording(i)}>
                  Record attendance
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {changed && (
        <Notice tone="success">
          {changed.notified === 0
            ? 'Saved. No one was e-mailed.'
            : `Saved. ${changed.notified === 1 ? '1 person' : `${changed.notified} people`} invited got an e-mail that the session changed.`}
        </Notice>
      )}
      {cancel.isError && <Notice tone="error">{errorMessage(cancel.error)}</Notice>}
      {editing && <SessionDialog overview={overview} session={session} onClose={() => setEditing(false)} onChanged={setChanged} />}
      {inviting && <InviteDialog overview={overview} session={session} onClose={() => setInviting(false)} />}
      {recording && <AttendanceDialog overview={overview} session={session} invitee={recording} onClose={() => setRecording(null)} />}
      <ConfirmDialog
        title="Cancel this session?"
        confirmLabel="Cancel session"
        dismissLabel="Keep it"
        isOpen={cancelling}
        onOpenChange={setCancelling}
        isPending={cancel.isPending}
        onConfirm={() => cancel.mutate(session.id, { onSettled: () => setCancelling(false) })}
      >
        <p>Everyone invited gets an e-mail saying the session was cancelled, and their calendar file turns into a cancellation.</p>
      </ConfirmDialog>
    </article>
  );
}

/** Sessions, newest first, with their invitees and attendance. */
export function SessionsCard({ overview }: { overview: TrainingOverview }) {
  const [creating, setCreating] = useState(false);
  return (
    <section className="card stack stack--tight" aria-labelledby="sessions-title">
      <div className="training-heading">
        <h2 id="sessions-title">Sessions</h2>
        <Button variant="primary" onPress={() => setCreating(true)}>
          New session
        </Button>
      </div>
      <p className="muted">Times are in {overview.timeZone}.</p>
      {overview.sessions.length === 0 && <p className="muted">No sessions yet.</p>}
      {overview.sessions.map((s) => (
        <SessionItem key={s.id} overview={overview} session={s} />
      ))}
      {creating && <SessionDialog overview={overview} onClose={() => setCreating(false)} />}
    </section>
  );
}
