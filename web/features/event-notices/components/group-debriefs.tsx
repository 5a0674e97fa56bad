import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { GroupDebrief } from '../../../../shared/schemas/group-debriefs.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, Loading, LoadError } from '../../../components/ui/query-status.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useManagedNotices } from '../api/event-notices.ts';
import { useCancelDebrief, useChangeDebrief, useDebriefs, useRecordDebriefOutcome, useScheduleDebrief } from '../api/group-debriefs.ts';
import { DEBRIEF_MODALITIES, DebriefForm } from './debrief-form.tsx';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** After it happened: how many came and how long it took. Nothing else is asked, nothing else is kept. */
function RecordOutcome({ noticeId, debrief }: { noticeId: string; debrief: GroupDebrief }) {
  const record = useRecordDebriefOutcome(noticeId);
  const [headCount, setHeadCount] = useState('');
  const [minutes, setMinutes] = useState(String(debrief.minutes));
  const errors = fieldErrors(record.error);
  const prefix = `debrief-${debrief.id}`;
  return (
    <Form
      className="debrief-outcome"
      aria-label="Record head count and length"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({ debriefId: debrief.id, headCount: Number(headCount), minutes: Number(minutes) });
      }}
    >
      <label className="field__label" htmlFor={`${prefix}-count`}>
        Head count
      </label>
      <input
        id={`${prefix}-count`}
        className="field__input debrief-outcome__number"
        type="number"
        min={0}
        value={headCount}
        onChange={(e) => setHeadCount(e.target.value)}
        required
      />
      <label className="field__label" htmlFor={`${prefix}-minutes`}>
        Minutes it took
      </label>
      <input
        id={`${prefix}-minutes`}
        className="field__input debrief-outcome__number"
        type="number"
        min={1}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        required
      />
      <Button type="submit" variant="secondary" isDisabled={record.isPending}>
        Record
      </Button>
      {(errors.headCount || errors.minutes || record.isError) && (
        <p className="field__error">{errors.headCount ?? errors.minutes ?? errorMessage(record.error)}</p>
      )}
    </Form>
  );
}

type DebriefState = 'scheduled' | 'cancelled' | 'held';
const stateOf = (d: GroupDebrief): DebriefState => (d.status === 'cancelled' ? 'cancelled' : d.headCount !== null ? 'held' : 'scheduled');
const STATE_LABELS: Record<DebriefState, string> = { scheduled: 'Scheduled', cancelled: 'Cancelled', held: 'Held' };

/** One debrief: its state, when and how, who facilitates, how many were asked; and what can be done now. */
function DebriefItem({ noticeId, involvedCount, debrief: d }: { noticeId: string; involvedCount: number; debrief: GroupDebrief }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const change = useChangeDebrief(noticeId);
  const cancel = useCancelDebrief(noticeId);
  const state = stateOf(d);
  const modality = DEBRIEF_MODALITIES.find((m) => m.id === d.modality)?.label.toLowerCase();
  const whenText = when(d.startsAt);
  return (
    <li className={`debrief-list__item debrief-list__item--${state}`} aria-label={`${STATE_LABELS[state]} debrief, ${whenText}`}>
      <p>
        <span className={`badge debrief-state debrief-state--${state}`}>{STATE_LABELS[state]}</span>{' '}
        <strong className="debrief-list__when">{whenText}</strong>, {d.minutes} min, {modality} · facilitated by{' '}
        {d.facilitators.map((f) => `${f.firstName} ${f.lastName}`).join(', ')} · {d.inviteeCount} invited
      </p>
      {d.videoLink && state === 'scheduled' && (
        <p className="muted">
          Video link: <span className="mono">{d.videoLink}</span>
        </p>
      )}
      {state === 'held' && (
        <p>
          Head count: {d.headCount} · took {d.actualMinutes} min
        </p>
      )}
      {state === 'cancelled' && (
        <p className="muted">Cancelled {d.cancelledAt ? when(d.cancelledAt) : ''}; everyone asked was sent a cancellation.</p>
      )}
      {d.inviteListErasedAt && (
        <p className="muted">
          Who was invited was erased {when(d.inviteListErasedAt)}, when the program's retention period ran out; only the numbers remain.
        </p>
      )}
      {state === 'scheduled' && !editing && d.inviteListErasedAt && <RecordOutcome noticeId={noticeId} debrief={d} />}
      {state === 'scheduled' && !editing && !d.inviteListErasedAt && (
        <>
          {Date.parse(d.startsAt) <= Date.now() ? (
            <RecordOutcome noticeId={noticeId} debrief={d} />
          ) : (
            <p className="muted">Head count and length can be recorded once it has started.</p>
          )}
          <div className="debrief-list__actions">
            <Button
              onPress={() => {
                change.reset();
                setEditing(true);
              }}
            >
              Change
            </Button>
            <Button
              variant="danger"
              onPress={() => {
                cancel.reset();
                setConfirming(true);
              }}
            >
              Cancel debrief
            </Button>
          </div>
          {cancel.isError && (
            <Notice tone="error" title="Could not cancel">
              {errorMessage(cancel.error)}
            </Notice>
          )}
        </>
      )}
      {state === 'scheduled' && editing && (
        <DebriefForm
          label="Change the group debrief"
          submitLabel="Save changes"
          idPrefix={`change-${d.id}`}
          involvedCount={involvedCount}
          current={d}
          isPending={change.isPending}
          error={change.error}
          onSubmit={(input) => change.mutate({ debriefId: d.id, ...input }, { onSuccess: () => setEditing(false) })}
          onCancel={() => setEditing(false)}
        />
      )}
      <ConfirmDialog
        title="Cancel this group debrief?"
        confirmLabel="Cancel debrief"
        dismissLabel="Keep it"
        isOpen={confirming}
        onOpenChange={setConfirming}
        isPending={cancel.isPending}
        onConfirm={() => cancel.mutate(d.id, { onSettled: () => setConfirming(false) })}
      >
        <p>
          The debrief on {whenText} is called off. Everyone asked ({d.facilitators.length} facilitating, {d.inviteeCount} invited) gets an
          e-mail that something has changed, and their calendar invite is cancelled.
        </p>
      </ConfirmDialog>
    </li>
  );
}

function DebriefList({ noticeId, involvedCount }: { noticeId: string; involvedCount: number }) {
  const debriefs = useDebriefs(noticeId);
  if (debriefs.isPending) return <Loading />;
  if (debriefs.isError) return <LoadError error={debriefs.error} what="the debriefs" />;
  if (debriefs.data.length === 0) return <p className="muted">No group debrief scheduled.</p>;
  return (
    <ul className="debrief-list" aria-label="Group debriefs">
      {debriefs.data.map((d) => (
        <DebriefItem key={d.id} noticeId={noticeId} involvedCount={involvedCount} debrief={d} />
      ))}
    </ul>
  );
}

/** Per notice, for the administrators: its group debriefs and a form to schedule one. */
export function NoticeDebriefs({ noticeId, title, involvedCount }: { noticeId: string; title: string; involvedCount: number }) {
  const [open, setOpen] = useState(false);
  const schedule = useScheduleDebrief(noticeId);
  const headingId = `debriefs-${noticeId}`;
  return (
    <section className="card stack stack--tight" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <DebriefList noticeId={noticeId} involvedCount={involvedCount} />
      {open ? (
        <DebriefForm
          label="Schedule a group debrief"
          submitLabel="Schedule"
          idPrefix={`schedule-${noticeId}`}
          involvedCount={involvedCount}
          isPending={schedule.isPending}
          error={schedule.error}
          onSubmit={(input) => schedule.mutate(input, { onSuccess: () => setOpen(false) })}
        />
      ) : (
        <div>
          <Button
            variant="secondary"
            onPress={() => {
              schedule.reset();
              setOpen(true);
            }}
          >
            Schedule a group debrief
          </Button>
        </div>
      )}
    </section>
  );
}

/** The administrators' notices page: one card per notice with its debriefs. */
export function GroupDebriefsSection() {
  const notices = useManagedNotices();
  if (notices.isPending) return <Loading />;
  if (notices.isError) return <LoadError error={notices.error} what="the notices" />;
  if (notices.data.length === 0) return null;
  return (
    <div className="stack stack--tight debrief-section">
      <p className="muted">A debrief for a team after an event. Only the head count and how long it took are recorded afterwards.</p>
      {notices.data.map((n) => (
        <NoticeDebriefs
          key={n.id}
          noticeId={n.id}
          involvedCount={n.involvedCount}
          title={`${n.trigger} · ${n.department} · ${when(n.occurredAt)}`}
        />
      ))}
    </div>
  );
}
