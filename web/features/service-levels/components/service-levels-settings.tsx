import './service-levels.css';
import { useState } from 'react';
import { CheckboxGroup, Label } from 'react-aria-components';
import type { ClockTarget } from '../../../../shared/business-hours.ts';
import { CASE_ORIGINS, URGENCIES, type CaseOrigin, type Urgency } from '../../../../shared/schemas/case-vocabulary.ts';
import { defaultTarget, presetOf, presetTarget, SERVICE_LEVEL_PRESETS } from '../../../../shared/schemas/service-levels.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField, type SelectOption } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { ORIGIN_LABELS } from '../../../lib/case-vocabulary.ts';
import { useSaveServiceLevels, useServiceLevels, type ServiceLevels } from '../api/service-levels.ts';

const URGENCY_LABELS: Record<Urgency, string> = { today: 'Urgent (today)', this_week: 'Not urgent' };
const DAYS = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [7, 'Sun'],
] as const;

/** Target in words: a preset's name, else "90 minutes" or "10 hours of opening hours". */
function describeTarget(target: ClockTarget, calendar: { opens: string; closes: string }): string {
  const preset = presetOf(target, calendar);
  if (preset) return preset.label;
  const amount = target.minutes % 60 === 0 ? `${target.minutes / 60} hours` : `${target.minutes} minutes`;
  return target.basis === 'elapsed' ? amount : `${amount} of opening hours`;
}

/** A preset stays a preset when the hours change: "3 business days" is resolved against the calendar when saved. */
type Choice = { kind: 'default' } | { kind: 'preset'; id: string } | { kind: 'custom'; target: ClockTarget };
const pairKey = (origin: string, urgency: string) => `${origin}/${urgency}`;

/** Which preset (or the default) each cell shows; a target set through the API that matches no preset keeps its own entry. */
function optionsFor(origin: CaseOrigin, urgency: Urgency, calendar: { opens: string; closes: string }, current: Choice): SelectOption[] {
  const options: SelectOption[] = [
    { id: 'default', label: `Default: ${describeTarget(defaultTarget(origin, urgency, calendar), calendar)}` },
  ];
  for (const preset of SERVICE_LEVEL_PRESETS) options.push({ id: preset.id, label: preset.label });
  if (current.kind === 'custom') options.push({ id: 'custom', label: describeTarget(current.target, calendar) });
  return options;
}

function ServiceLevelsForm({ initial }: { initial: ServiceLevels }) {
  const save = useSaveServiceLevels();
  const [days, setDays] = useState<number[]>(initial.calendar.days);
  const [opens, setOpens] = useState(initial.calendar.opens);
  const [closes, setCloses] = useState(initial.calendar.closes);
  const [holidays, setHolidays] = useState<string[]>(initial.calendar.holidays);
  const [newHoliday, setNewHoliday] = useState('');
  const [escalation, setEscalation] = useState(String(initial.escalationPercent));
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      initial.targets.map((t): [string, Choice] => {
        const preset = presetOf(t, initial.calendar);
        return [
          pairKey(t.origin, t.urgency),
          t.isDefault
            ? { kind: 'default' }
            : preset
              ? { kind: 'preset', id: preset.id }
              : { kind: 'custom', target: { basis: t.basis, minutes: t.minutes } },
        ];
      }),
    ),
  );
  const calendar = { opens, closes };
  const problems = fieldErrors(save.error);

  const choose = (origin: CaseOrigin, urgency: Urgency, id: string | null) => {
    if (id === 'default') setChoices((c) => ({ ...c, [pairKey(origin, urgency)]: { kind: 'default' } }));
    else if (id && SERVICE_LEVEL_PRESETS.some((p) => p.id === id))
      setChoices((c) => ({ ...c, [pairKey(origin, urgency)]: { kind: 'preset', id } }));
  };
  const selectedId = (origin: CaseOrigin, urgency: Urgency): string => {
    const choice = choices[pairKey(origin, urgency)] ?? { kind: 'default' };
    return choice.kind === 'preset' ? choice.id : choice.kind;
  };

  const submit = () => {
    save.mutate({
      calendar: { days, opens, closes, holidays },
      escalationPercent: Number(escalation),
      targets: CASE_ORIGINS.flatMap((origin) =>
        URGENCIES.flatMap((urgency) => {
          const choice = choices[pairKey(origin, urgency)];
          const preset = choice?.kind === 'preset' ? SERVICE_LEVEL_PRESETS.find((p) => p.id === choice.id) : undefined;
          const target = preset ? presetTarget(preset, calendar) : choice?.kind === 'custom' ? choice.target : null;
          return target ? [{ origin, urgency, basis: target.basis, minutes: target.minutes }] : [];
        }),
      ),
    });
  };

  return (
    // Server answers decide validity (aria validation): a stale error must not block the next save.
    <form
      className="stack service-levels"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="table-scroll">
        <table className="service-levels__targets">
          <caption className="muted">
            First contact within… (minutes and hours run around the clock; working hours and business days only while the program is open)
          </caption>
          <thead>
            <tr>
              <th scope="col">Origin</th>
              {URGENCIES.map((urgency) => (
                <th scope="col" key={urgency}>
                  {URGENCY_LABELS[urgency]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CASE_ORIGINS.map((origin) => (
              <tr key={origin}>
                <th scope="row">{ORIGIN_LABELS[origin]}</th>
                {URGENCIES.map((urgency) => (
                  <td key={urgency}>
                    <SelectField
                      label={`${ORIGIN_LABELS[origin]}, ${URGENCY_LABELS[urgency].toLowerCase()}`}
                      className="service-levels__select"
                      options={optionsFor(origin, urgency, calendar, choices[pairKey(origin, urgency)] ?? { kind: 'default' })}
                      value={selectedId(origin, urgency)}
                      onChange={(id) => choose(origin, urgency, id)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <fieldset className="service-levels__calendar">
        <legend>Business hours</legend>
        <p className="muted">
          Targets “of opening hours” and business days count only this time, in {initial.calendar.timeZone} (the program’s time zone).
        </p>
        <CheckboxGroup
          validationBehavior="aria"
          value={days.map(String)}
          onChange={(v) => setDays(v.map(Number).sort((a, b) => a - b))}
          isInvalid={days.length === 0 || Boolean(problems['calendar.days'])}
        >
          <Label className="field__label">Open days</Label>
          <div className="service-levels__days">
            {DAYS.map(([day, name]) => (
              <Checkbox key={day} value={String(day)}>
                {name}
              </Checkbox>
            ))}
          </div>
          {(days.length === 0 || problems['calendar.days']) && (
            <p className="field__error">{problems['calendar.days'] ?? 'Choose at least one day.'}</p>
          )}
        </CheckboxGroup>
        <div className="service-levels__times">
          <TextField
            validationBehavior="aria"
            label="Opens"
            type="time"
            value={opens}
            onChange={setOpens}
            isRequired
            errorMessage={problems['calendar.opens']}
          />
          <TextField
            validationBehavior="aria"
            label="Closes"
            type="time"
            value={closes}
            onChange={setCloses}
            isRequired
            errorMessage={problems['calendar.closes']}
          />
        </div>
        <div className="service-levels__holidays">
          <p className="field__label" id="holidays-label">
            Holidays (closed all day)
          </p>
          {holidays.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul aria-labelledby="holidays-label">
              {holidays.map((day) => (
                <li key={day}>
                  <span>{day}</span>
                  <Button
                    variant="quiet"
                    onPress={() => setHolidays(holidays.filter((h) => h !== day))}
                    aria-label={`Remove holiday ${day}`}
                  >
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {Object.entries(problems)
            .filter(([name]) => name.startsWith('calendar.holidays'))
            .map(([name, message]) => (
              <p className="field__error" key={name}>
                {message}
              </p>
            ))}
          <div className="service-levels__times">
            <TextField validationBehavior="aria" label="Add a holiday" type="date" value={newHoliday} onChange={setNewHoliday} />
            <Button
              isDisabled={!newHoliday || holidays.includes(newHoliday)}
              onPress={() => {
                setHolidays([...holidays, newHoliday].sort());
                setNewHoliday('');
              }}
            >
              Add
            </Button>
          </div>
        </div>
      </fieldset>

      <TextField
        validationBehavior="aria"
        label="Tell the director after a further … % of the target"
        type="number"
        inputMode="numeric"
        value={escalation}
        onChange={setEscalation}
        description="When nobody has made first contact by the due time, the program administrators are told. If still nobody has, this share of the target later the director is told too (50 = half the target again)."
        errorMessage={problems.escalationPercent}
        className="service-levels__escalation"
      />

      {save.isError && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {save.isSuccess && (
        <Notice tone="success">
          Saved. Requests opened from now on use these targets; open requests keep the due time they were given.
        </Notice>
      )}
      <div>
        <Button type="submit" variant="primary" isDisabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save service levels'}
        </Button>
      </div>
    </form>
  );
}

/**
 * The director's first-contact targets per origin × urgency, chosen from presets real programs use,
 * and the business-hours calendar the "business" ones run on.
 */
export function ServiceLevelSettings() {
  const query = useServiceLevels();
  return (
    <section className="card stack" aria-labelledby="service-levels-title">
      <h2 id="service-levels-title">Service levels</h2>
      <p className="muted">
        How soon a supporter must first reach someone, from the moment a request or event notice arrives. The case board shows each
        request’s clock; a missed one is escalated to the program administrators, then to you.
      </p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} what="service levels" />
      ) : (
        <ServiceLevelsForm initial={query.data} />
      )}
    </section>
  );
}
