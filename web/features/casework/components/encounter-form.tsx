import { useState } from 'react';
import { CheckboxGroup, Form, Label } from 'react-aria-components';
import type { Modality } from '../../../../shared/schemas/case-vocabulary.ts';
import { EncounterInputSchema, type EncounterInput, type EncounterTopic } from '../../../../shared/schemas/casework.ts';
import type { ResourceCategory } from '../../../../shared/schemas/resources.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { todayIn } from '../../../lib/calendar-day.ts';
import { MODALITY_OPTIONS } from '../../../lib/case-vocabulary.ts';
import { useLogEncounter } from '../api/casework.ts';
import { FORMAT_OPTIONS, REFERRAL_OPTIONS, TIER_OPTIONS, TOPIC_OPTIONS } from '../labels.ts';

interface Values {
  date: string;
  modality: Modality | null;
  minutes: string;
  format: 'individual' | 'group';
  headCount: string;
  topics: EncounterTopic[];
  referralsOffered: ResourceCategory[];
  followUpOn: string;
  escalationTier: '1' | '2' | '3';
  coolDown: boolean;
}

const initial = (modality: Modality, timeZone: string): Values => ({
  date: todayIn(timeZone),
  modality,
  minutes: '',
  format: 'individual',
  headCount: '',
  topics: [],
  referralsOffered: [],
  followUpOn: '',
  escalationTier: '1',
  coolDown: false,
});

/** Blank number fields become NaN, which the schema reports as "expected number". */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function toInput(v: Values): unknown {
  return {
    date: v.date,
    modality: v.modality,
    minutes: toNumber(v.minutes),
    format: v.format,
    headCount: v.format === 'group' ? toNumber(v.headCount) : null,
    topics: v.topics,
    referralsOffered: v.referralsOffered,
    followUpOn: v.followUpOn === '' ? null : v.followUpOn,
    escalationTier: Number(v.escalationTier),
    coolDown: v.coolDown,
  };
}

const MESSAGES: Record<string, string> = {
  minutes: 'Enter the minutes, 1 to 480',
  headCount: 'Enter how many took part, 2 to 200',
  topics: 'Choose at least one topic',
  modality: 'Choose how you met',
};

/**
 * The encounter log: structured fields only. There is no text box for what was said, on purpose;
 * the note at the top says so to the supporter, who might otherwise look for one.
 */
/** `timeZone` is the program's: the date defaults to the program's today, which the server checks against. */
export function EncounterForm({ caseId, modality, timeZone }: { caseId: string; modality: Modality; timeZone: string }) {
  const log = useLogEncounter(caseId);
  const [values, setValues] = useState<Values>(() => initial(modality, timeZone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const serverErrors = fieldErrors(log.error);
  const err = (name: string) => errors[name] ?? serverErrors[name];

  const submit = () => {
    setSaved(false);
    const parsed = EncounterInputSchema.safeParse(toInput(values));
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '');
        next[name] ??= MESSAGES[name] ?? issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    const input: EncounterInput = parsed.data;
    log.mutate(input, {
      onSuccess: () => {
        setSaved(true);
        setValues(initial(modality, timeZone));
      },
    });
  };

  return (
    <section className="card" aria-labelledby="encounter-title">
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h2 id="encounter-title">Log the conversation</h2>
        <p className="casework-note">Nothing you type here is a note about what was said — Peerline keeps only these fields.</p>
        <div className="form__row">
          <TextField
            label="Date"
            name="date"
            type="date"
            value={values.date}
            onChange={(date) => set({ date })}
            isRequired
            errorMessage={err('date')}
          />
          <TextField
            label="Minutes"
            name="minutes"
            type="number"
            inputMode="numeric"
            value={values.minutes}
            onChange={(minutes) => set({ minutes })}
            isRequired
            errorMessage={err('minutes')}
          />
        </div>
        <RadioGroupField
          label="How you met"
          name="modality"
          options={MODALITY_OPTIONS}
          value={values.modality}
          onChange={(v) => set({ modality: v as Modality })}
          orientation="horizontal"
          errorMessage={err('modality')}
        />
        <div className="form__row">
          <RadioGroupField
            label="Format"
            name="format"
            options={FORMAT_OPTIONS}
            value={values.format}
            onChange={(v) => set({ format: v as Values['format'] })}
            orientation="horizontal"
            errorMessage={err('format')}
          />
          {values.format === 'group' && (
            <TextField
              label="How many took part"
              name="headCount"
              type="number"
              inputMode="numeric"
              value={values.headCount}
              onChange={(headCount) => set({ headCount })}
              isRequired
              errorMessage={err('headCount')}
            />
          )}
        </div>
        <CheckboxGroup
          className="checkbox-group"
          value={values.topics}
          onChange={(topics) => set({ topics: topics as EncounterTopic[] })}
          isInvalid={Boolean(err('topics'))}
        >
          <Label className="field__label">Topics</Label>
          <div className="casework-choices">
            {TOPIC_OPTIONS.map((option) => (
              <Checkbox key={option.id} value={option.id}>
                {option.label}
              </Checkbox>
            ))}
          </div>
          {err('topics') && <p className="field__error">{err('topics')}</p>}
        </CheckboxGroup>
        <CheckboxGroup
          className="checkbox-group"
          value={values.referralsOffered}
          onChange={(list) => set({ referralsOffered: list as ResourceCategory[] })}
          isInvalid={Boolean(err('referralsOffered'))}
        >
          <Label className="field__label">Referrals offered</Label>
          <div className="casework-choices">
            {REFERRAL_OPTIONS.map((option) => (
              <Checkbox key={option.id} value={option.id}>
                {option.label}
              </Checkbox>
            ))}
          </div>
          {err('referralsOffered') && <p className="field__error">{err('referralsOffered')}</p>}
        </CheckboxGroup>
        <div className="form__row">
          <TextField
            label="Follow-up on (optional)"
            name="followUpOn"
            type="date"
            value={values.followUpOn}
            onChange={(followUpOn) => set({ followUpOn })}
            description="You get a reminder that morning."
            errorMessage={err('followUpOn')}
          />
        </div>
        <RadioGroupField
          label="Escalation tier"
          name="escalationTier"
          options={TIER_OPTIONS}
          value={values.escalationTier}
          onChange={(v) => set({ escalationTier: v as Values['escalationTier'] })}
          errorMessage={err('escalationTier')}
        />
        <Checkbox isSelected={values.coolDown} onChange={(coolDown) => set({ coolDown })}>
          That one was heavy for me: give me a cool-down (no new offers for a few days)
        </Checkbox>
        {saved && <Notice tone="success">The conversation is logged.</Notice>}
        {log.isError && <Notice tone="error">{errorMessage(log.error)}</Notice>}
        <div className="form__submit">
          <Button type="submit" variant="primary" isPending={log.isPending}>
            Log the conversation
          </Button>
        </div>
      </Form>
    </section>
  );
}
