import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { useSetRotation, type Rota, type RotaPerson } from '../api/on-call.ts';
import { fieldError, PersonSelect } from './fields.tsx';
import { fullName } from '../../../lib/zoned-time.ts';

const WEEKLY = 7;

/** The rolling rotation: supporters in turn order, the first hand-off day, the hand-off time and the period. */
export function RotationEditor({ rota, colleagues, today }: { rota: Rota; colleagues: RotaPerson[]; today: string }) {
  const current = rota.rotation;
  const [members, setMembers] = useState<RotaPerson[]>(current?.members ?? []);
  const [adding, setAdding] = useState('');
  const [startsOn, setStartsOn] = useState(current?.startsOn ?? today);
  const [handoffAt, setHandoffAt] = useState(current?.handoffAt ?? '08:00');
  const [periodDays, setPeriodDays] = useState(String(current?.periodDays ?? WEEKLY));
  const save = useSetRotation();

  const move = (index: number, by: number) => {
    const next = [...members];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setMembers(next);
  };
  const addable = colleagues.filter((c) => !members.some((m) => m.id === c.id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ members: members.map((m) => m.id), startsOn, handoffAt, periodDays: Number(periodDays) });
  };

  return (
    <form className="card stack stack--tight" onSubmit={submit} aria-labelledby="rotation-title">
      <h2 id="rotation-title">Rotation</h2>
      <p className="muted">Supporters take turns in this order; each turn starts at the hand-off time ({rota.timeZone}).</p>
      {members.length === 0 ? (
        <p className="muted">No one on the rotation yet.</p>
      ) : (
        <ol className="rotation-members" aria-label="Rotation order">
          {members.map((m, i) => (
            <li key={m.id} className="rotation-member">
              <span className="rotation-member__name">{fullName(m)}</span>
              <Button variant="quiet" isDisabled={i === 0} onPress={() => move(i, -1)} aria-label={`Move ${fullName(m)} earlier`}>
                ↑
              </Button>
              <Button
                variant="quiet"
                isDisabled={i === members.length - 1}
                onPress={() => move(i, 1)}
                aria-label={`Move ${fullName(m)} later`}
              >
                ↓
              </Button>
              <Button variant="quiet" onPress={() => setMembers(members.filter((x) => x.id !== m.id))} aria-label={`Remove ${fullName(m)}`}>
                Remove
              </Button>
            </li>
          ))}
        </ol>
      )}
      {fieldError(save.error, 'members') && <p className="field__error">{fieldError(save.error, 'members')}</p>}
      <div className="inline-form">
        <PersonSelect label="Add a supporter" people={addable} value={adding} onChange={setAdding} required={false} />
        <Button
          isDisabled={!adding}
          onPress={() => {
            const person = colleagues.find((c) => c.id === adding);
            if (person) setMembers([...members, person]);
            setAdding('');
          }}
        >
          Add to rotation
        </Button>
      </div>
      <div className="form__grid">
        <label className="field">
          <span className="field__label">First hand-off day</span>
          <input className="field__input" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required />
        </label>
        <label className="field">
          <span className="field__label">Hand-off time</span>
          <input className="field__input" type="time" value={handoffAt} onChange={(e) => setHandoffAt(e.target.value)} required />
          {fieldError(save.error, 'handoffAt') && <span className="field__error">{fieldError(save.error, 'handoffAt')}</span>}
        </label>
        <label className="field">
          <span className="field__label">Each turn lasts (days)</span>
          <input
            className="field__input"
            type="number"
            min={1}
            max={28}
            value={periodDays}
            onChange={(e) => setPeriodDays(e.target.value)}
            required
          />
          {fieldError(save.error, 'periodDays') && <span className="field__error">{fieldError(save.error, 'periodDays')}</span>}
        </label>
      </div>
      {save.isError && <Notice tone="error">{save.error.message}</Notice>}
      {save.isSuccess && <Notice tone="success">Rotation saved.</Notice>}
      <div>
        <Button type="submit" variant="primary" isDisabled={members.length === 0 || save.isPending}>
          Save rotation
        </Button>
      </div>
    </form>
  );
}
