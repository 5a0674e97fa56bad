import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { useAddShift, useRemoveShift, useSwapOnBehalf, type RotaPerson, type Shift } from '../api/on-call.ts';
import { DateTimeInput, fieldError, PersonSelect } from './fields.tsx';
import { dateTimeLabel, fromLocalInput, fullName } from '../../../lib/zoned-time.ts';

/** Adds a single shift (over the rotation) or an override (over everything). */
export function AddShiftForm({ colleagues, timeZone }: { colleagues: RotaPerson[]; timeZone: string }) {
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState<'shift' | 'override'>('override');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const add = useAddShift();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ personId, kind, startsAt: fromLocalInput(start, timeZone) ?? start, endsAt: fromLocalInput(end, timeZone) ?? end });
  };
  return (
    <form className="card stack stack--tight" onSubmit={submit} aria-labelledby="add-shift-title">
      <h2 id="add-shift-title">Add a shift or override</h2>
      <p className="muted">A single shift replaces the rotation for its time; an override replaces everything.</p>
      <div className="form__grid">
        <PersonSelect
          label="Supporter"
          people={colleagues}
          value={personId}
          onChange={setPersonId}
          error={fieldError(add.error, 'personId')}
        />
        <label className="field">
          <span className="field__label">Kind</span>
          <select className="field__input" value={kind} onChange={(e) => setKind(e.target.value as 'shift' | 'override')}>
            <option value="override">Override</option>
            <option value="shift">Single shift</option>
          </select>
        </label>
        <DateTimeInput label={`Starts (${timeZone})`} value={start} onChange={setStart} error={fieldError(add.error, 'startsAt')} />
        <DateTimeInput label="Ends" value={end} onChange={setEnd} error={fieldError(add.error, 'endsAt')} />
      </div>
      {add.isError && <Notice tone="error">{add.error.message}</Notice>}
      {add.isSuccess && <Notice tone="success">Added.</Notice>}
      <div>
        <Button type="submit" variant="primary" isDisabled={add.isPending}>
          Add
        </Button>
      </div>
    </form>
  );
}

/** Moves a stretch from one supporter to another for them: accepted at once and written to the audit log. */
export function SwapOnBehalfForm({ colleagues, timeZone }: { colleagues: RotaPerson[]; timeZone: string }) {
  const [fromPersonId, setFrom] = useState('');
  const [toPersonId, setTo] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const swap = useSwapOnBehalf();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    swap.mutate({
      fromPersonId,
      toPersonId,
      startsAt: fromLocalInput(start, timeZone) ?? start,
      endsAt: fromLocalInput(end, timeZone) ?? end,
    });
  };
  return (
    <form className="card stack stack--tight" onSubmit={submit} aria-labelledby="swap-behalf-title">
      <h2 id="swap-behalf-title">Swap on someone’s behalf</h2>
      <p className="muted">For when a supporter calls in: the time moves at once and the change is recorded in the audit log.</p>
      <div className="form__grid">
        <PersonSelect
          label="From"
          people={colleagues}
          value={fromPersonId}
          onChange={setFrom}
          error={fieldError(swap.error, 'fromPersonId')}
        />
        <PersonSelect label="To" people={colleagues} value={toPersonId} onChange={setTo} error={fieldError(swap.error, 'toPersonId')} />
        <DateTimeInput label={`Starts (${timeZone})`} value={start} onChange={setStart} error={fieldError(swap.error, 'startsAt')} />
        <DateTimeInput label="Ends" value={end} onChange={setEnd} error={fieldError(swap.error, 'endsAt')} />
      </div>
      {swap.isError && <Notice tone="error">{swap.error.message}</Notice>}
      {swap.isSuccess && <Notice tone="success">Swap made.</Notice>}
      <div>
        <Button type="submit" variant="primary" isDisabled={swap.isPending}>
          Make the swap
        </Button>
      </div>
    </form>
  );
}

/** Shifts and overrides that are not over yet, each removable. */
export function UpcomingShifts({ shifts, timeZone }: { shifts: Shift[]; timeZone: string }) {
  const remove = useRemoveShift();
  return (
    <section className="card stack stack--tight" aria-labelledby="upcoming-shifts-title">
      <h2 id="upcoming-shifts-title">Shifts and overrides</h2>
      {shifts.length === 0 ? (
        <p className="muted">None planned.</p>
      ) : (
        <ul className="on-call-list">
          {shifts.map((s) => (
            <li key={s.id} className="on-call-list__item">
              <span>
                <strong>{fullName(s.person)}</strong> · {s.kind === 'shift' ? 'Shift' : 'Override'}
                <br />
                <span className="muted">
                  {dateTimeLabel(s.startsAt, timeZone)} – {dateTimeLabel(s.endsAt, timeZone)}
                </span>
              </span>
              <Button
                variant="quiet"
                onPress={() => remove.mutate(s.id)}
                isDisabled={remove.isPending}
                aria-label={`Remove ${s.kind} of ${fullName(s.person)} from ${dateTimeLabel(s.startsAt, timeZone)}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {remove.isError && <Notice tone="error">{remove.error.message}</Notice>}
    </section>
  );
}
