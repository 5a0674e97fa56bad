import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { GroupDebrief } from '../../../../shared/schemas/group-debriefs.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, Loading, LoadError } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useSupporterPool } from '../../supporter-profile/api/supporter-pool.ts';
import { useManagedNotices } from '../api/event-notices.ts';
import { useDebriefs, useRecordDebriefOutcome, useScheduleDebrief } from '../api/group-debriefs.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const MODALITIES = [
  { id: 'in_person', label: 'In person' },
  { id: 'video', label: 'Video' },
  { id: 'phone', label: 'Phone' },
] as const;

function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

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
      <label className="field__label" htmlFor={`${prefix}-count`}>Head count</label>
      <input id={`${prefix}-count`} className="field__input debrief-outcome__number" type="number" min={0} value={headCount} onChange={(e) => setHeadCount(e.target.value)} required />
      <label className="field__label" htmlFor={`${prefix}-minutes`}>Minutes it took</label>
      <input id={`${prefix}-minutes`} className="field__input debrief-outcome__number" type="number" min={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
      <Button type="submit" variant="secondary" isDisabled={record.isPending}>Record</Button>
      {(errors.headCount || errors.minutes || record.isError) && <p className="field__error">{errors.headCount ?? errors.minutes ?? errorMessage(record.error)}</p>}
    </Form>
  );
}

function DebriefList({ noticeId }: { noticeId: string }) {
  const debriefs = useDebriefs(noticeId);
  if (debriefs.isPending) return <Loading />;
  if (debriefs.isError) return <LoadError error={debriefs.error} what="the debriefs" />;
  if (debriefs.data.length === 0) return <p className="muted">No group debrief scheduled.</p>;
  return (
    <ul className="debrief-list" aria-label="Group debriefs">
      {debriefs.data.map((d) => (
        <li key={d.id} className="debrief-list__item">
          <p>
            <strong>{when(d.startsAt)}</strong>, {d.minutes} min, {MODALITIES.find((m) => m.id === d.modality)?.label.toLowerCase()} ·{' '}
            facilitated by {d.facilitators.map((f) => `${f.firstName} ${f.lastName}`).join(', ')} · {d.inviteeCount} invited
          </p>
          {d.headCount !== null ? (
            <p>Head count: {d.headCount} · took {d.actualMinutes} min</p>
          ) : Date.parse(d.startsAt) <= Date.now() ? (
            <RecordOutcome noticeId={noticeId} debrief={d} />
          ) : (
            <p className="muted">Head count and length can be recorded once it has started.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Schedule a group debrief": when, how long, how, who facilitates, who is invited. No title, no notes. */
function ScheduleDebriefForm({ noticeId, involvedCount, onDone }: { noticeId: string; involvedCount: number; onDone: () => void }) {
  const pool = useSupporterPool();
  const schedule = useScheduleDebrief(noticeId);
  const [startsAt, setStartsAt] = useState(() => localInputValue(new Date(Date.now() + 2 * 86_400_000)));
  const [minutes, setMinutes] = useState('60');
  const [modality, setModality] = useState<string>('in_person');
  const [facilitators, setFacilitators] = useState<string[]>([]);
  const [inviteNamed, setInviteNamed] = useState(true);
  const [emails, setEmails] = useState('');
  const errors = fieldErrors(schedule.error);
  if (pool.isPending) return <Loading />;
  if (pool.isError) return <LoadError error={pool.error} what="the supporters" />;
  const active = pool.data.filter((s) => s.profile.status === 'active');
  const prefix = `schedule-${noticeId}`;
  const emailErrors = Object.entries(errors).filter(([k]) => k.startsWith('invitees.')).map(([, v]) => v);
  return (
    <Form
      className="form stack stack--tight debrief-form"
      aria-label="Schedule a group debrief"
      onSubmit={(e) => {
        e.preventDefault();
        schedule.mutate(
          {
            startsAt: new Date(startsAt).toISOString(),
            minutes: Number(minutes),
            modality: modality as (typeof MODALITIES)[number]['id'],
            facilitators,
            inviteNamedStaff: inviteNamed,
            invitees: emails.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean).map((workEmail) => ({ workEmail })),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <div className="debrief-form__row">
        <div className="field">
          <label className="field__label" htmlFor={`${prefix}-at`}>When</label>
          <input id={`${prefix}-at`} className="field__input" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
          {errors.startsAt && <p className="field__error">{errors.startsAt}</p>}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${prefix}-minutes`}>Minutes</label>
          <input id={`${prefix}-minutes`} className="field__input" type="number" min={15} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
          {errors.minutes && <p className="field__error">{errors.minutes}</p>}
        </div>
      </div>
      <RadioGroupField label="How" options={MODALITIES} value={modality} onChange={setModality} orientation="horizontal" errorMessage={errors.modality} />
      <fieldset className="stack stack--tight">
        <legend className="field__label">Facilitators</legend>
        {active.map((s) => (
          <Checkbox
            key={s.personId}
            isSelected={facilitators.includes(s.personId)}
            onChange={(on) => setFacilitators((list) => (on ? [...list, s.personId] : list.filter((id) => id !== s.personId)))}
          >
            {s.firstName} {s.lastName}
          </Checkbox>
        ))}
        {Object.entries(errors).filter(([k]) => k.startsWith('facilitators')).map(([k, v]) => <p key={k} className="field__error">{v}</p>)}
      </fieldset>
      <Checkbox isSelected={inviteNamed} onChange={setInviteNamed}>
        Invite the {involvedCount === 1 ? 'person' : `${involvedCount} people`} named in the notice
      </Checkbox>
      <div className="field">
        <label className="field__label" htmlFor={`${prefix}-emails`}>Also invite (work e-mails, separated by commas)</label>
        <input id={`${prefix}-emails`} className="field__input" type="text" value={emails} onChange={(e) => setEmails(e.target.value)} autoComplete="off" />
        {emailErrors.map((message, i) => <p key={i} className="field__error">{message}</p>)}
      </div>
      <p className="field__description">Everyone asked gets an e-mail that says only that something is coming up, with a calendar invite under the program’s neutral title.</p>
      {schedule.isError && Object.keys(errors).length === 0 && <Notice tone="error" title="Could not schedule">{errorMessage(schedule.error)}</Notice>}
      <div>
        <Button type="submit" variant="primary" isDisabled={schedule.isPending}>Schedule</Button>
      </div>
    </Form>
  );
}

/** Per notice, for the administrators: its group debriefs and a form to schedule one. */
export function NoticeDebriefs({ noticeId, title, involvedCount }: { noticeId: string; title: string; involvedCount: number }) {
  const [open, setOpen] = useState(false);
  const headingId = `debriefs-${noticeId}`;
  return (
    <section className="card stack stack--tight" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <DebriefList noticeId={noticeId} />
      {open ? (
        <ScheduleDebriefForm noticeId={noticeId} involvedCount={involvedCount} onDone={() => setOpen(false)} />
      ) : (
        <div>
          <Button variant="secondary" onPress={() => setOpen(true)}>Schedule a group debrief</Button>
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
        <NoticeDebriefs key={n.id} noticeId={n.id} involvedCount={n.involvedCount} title={`${n.trigger} · ${n.department} · ${when(n.occurredAt)}`} />
      ))}
    </div>
  );
}
