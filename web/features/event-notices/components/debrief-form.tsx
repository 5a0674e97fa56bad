import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { GroupDebrief, GroupDebriefRequest } from '../../../../shared/schemas/group-debriefs.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, Loading, LoadError } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useSupporterPool } from '../../supporter-profile/index.ts';

export const DEBRIEF_MODALITIES = [
  { id: 'in_person', label: 'In person' },
  { id: 'video', label: 'Video' },
  { id: 'phone', label: 'Phone' },
] as const;

function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface DebriefFormProps {
  /** Which form this is: "Schedule a group debrief" or "Change the group debrief". */
  label: string;
  submitLabel: string;
  idPrefix: string;
  involvedCount: number;
  /** The debrief being changed; none when scheduling a new one. */
  current?: GroupDebrief;
  isPending: boolean;
  error: unknown;
  onSubmit: (input: GroupDebriefRequest) => void;
  onCancel?: () => void;
}

/**
 * When, how long, how, who facilitates, who is invited — no title, no notes. Scheduling and changing
 * use the same form; a change starts from what the debrief is now (the named staff as one choice,
 * other invitees by the work e-mail they were invited with).
 */
export function DebriefForm({
  label,
  submitLabel,
  idPrefix,
  involvedCount,
  current,
  isPending,
  error,
  onSubmit,
  onCancel,
}: DebriefFormProps) {
  const pool = useSupporterPool();
  const [startsAt, setStartsAt] = useState(() =>
    localInputValue(current ? new Date(current.startsAt) : new Date(Date.now() + 2 * 86_400_000)),
  );
  const [minutes, setMinutes] = useState(String(current?.minutes ?? 60));
  const [modality, setModality] = useState<string>(current?.modality ?? 'in_person');
  const [facilitators, setFacilitators] = useState<string[]>(current?.facilitators.map((f) => f.personId) ?? []);
  const [inviteNamed, setInviteNamed] = useState(current ? current.namedInviteeCount > 0 : true);
  const [emails, setEmails] = useState(current?.otherInvitees.map((i) => i.workEmail).join(', ') ?? '');
  const errors = fieldErrors(error);
  if (pool.isPending) return <Loading />;
  if (pool.isError) return <LoadError error={pool.error} what="the supporters" />;
  // Everyone active, plus whoever already facilitates this debrief (so a change can keep or drop them).
  const choices = pool.data.filter((s) => s.profile.status === 'active' || facilitators.includes(s.personId));
  const emailErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith('invitees.'))
    .map(([, v]) => v);
  return (
    <Form
      className="form stack stack--tight debrief-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          startsAt: new Date(startsAt).toISOString(),
          minutes: Number(minutes),
          modality: modality as (typeof DEBRIEF_MODALITIES)[number]['id'],
          facilitators,
          inviteNamedStaff: inviteNamed,
          invitees: emails
            .split(/[\s,;]+/)
            .map((s) => s.trim())
            .filter(Boolean)
            .map((workEmail) => ({ workEmail })),
        });
      }}
    >
      <div className="debrief-form__row">
        <div className="field">
          <label className="field__label" htmlFor={`${idPrefix}-at`}>
            When
          </label>
          <input
            id={`${idPrefix}-at`}
            className="field__input"
            type="datetime-local"
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
            required
          />
          {errors.startsAt && <p className="field__error">{errors.startsAt}</p>}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${idPrefix}-minutes`}>
            Minutes
          </label>
          <input
            id={`${idPrefix}-minutes`}
            className="field__input"
            type="number"
            min={15}
            max={240}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            required
          />
          {errors.minutes && <p className="field__error">{errors.minutes}</p>}
        </div>
      </div>
      <RadioGroupField
        label="How"
        options={DEBRIEF_MODALITIES}
        value={modality}
        onChange={setModality}
        orientation="horizontal"
        errorMessage={errors.modality}
      />
      {modality === 'video' && (
        <p className="field__description">A video debrief gets a link from the program’s video link setting, if there is one.</p>
      )}
      <fieldset className="stack stack--tight">
        <legend className="field__label">Facilitators</legend>
        {choices.map((s) => (
          <Checkbox
            key={s.personId}
            isSelected={facilitators.includes(s.personId)}
            onChange={(on) => setFacilitators((list) => (on ? [...list, s.personId] : list.filter((id) => id !== s.personId)))}
          >
            {s.firstName} {s.lastName}
          </Checkbox>
        ))}
        {Object.entries(errors)
          .filter(([k]) => k.startsWith('facilitators'))
          .map(([k, v]) => (
            <p key={k} className="field__error">
              {v}
            </p>
          ))}
      </fieldset>
      <Checkbox isSelected={inviteNamed} onChange={setInviteNamed}>
        Invite the {involvedCount === 1 ? 'person' : `${involvedCount} people`} named in the notice
      </Checkbox>
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-emails`}>
          Also invite (work e-mails, separated by commas)
        </label>
        <input
          id={`${idPrefix}-emails`}
          className="field__input"
          type="text"
          value={emails}
          onChange={(e) => setEmails(e.target.value)}
          autoComplete="off"
        />
        {errors.invitees && <p className="field__error">{errors.invitees}</p>}
        {emailErrors.map((message, i) => (
          <p key={i} className="field__error">
            {message}
          </p>
        ))}
      </div>
      <p className="field__description">
        {current
          ? 'Everyone still invited gets an e-mail that something has changed, with the updated calendar invite; anyone taken off the list gets a cancellation, anyone new an invite.'
          : 'Everyone asked gets an e-mail that says only that something is coming up, with a calendar invite under the program’s neutral title.'}
      </p>
      {Boolean(error) && Object.keys(errors).length === 0 && (
        <Notice tone="error" title={`Could not ${submitLabel.toLowerCase()}`}>
          {errorMessage(error)}
        </Notice>
      )}
      <div className="debrief-form__actions">
        <Button type="submit" variant="primary" isDisabled={isPending}>
          {submitLabel}
        </Button>
        {onCancel && <Button onPress={onCancel}>Back</Button>}
      </div>
    </Form>
  );
}
