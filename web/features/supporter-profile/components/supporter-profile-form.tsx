import { useState } from 'react';
import { CheckboxGroup, Form, Label, Text } from 'react-aria-components';
import type { Modality } from '../../../../shared/schemas/case-vocabulary.ts';
import type { SupporterProfile } from '../../../../shared/schemas/supporter.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useSaveOwnProfile, type OwnSupporterProfileInput } from '../api/supporter-profile.ts';
import { AwayPeriodsEditor, periodProblem, toEditablePeriod, type EditablePeriod } from './away-periods-editor.tsx';
import { CapacityField, CAPACITY_MAX } from './capacity-field.tsx';
import { EXPERIENCE_TAG_OPTIONS, MODALITY_OPTIONS } from './vocabulary.ts';
import { toEditableWindow, WeeklyAvailabilityEditor, windowProblem, type EditableWindow } from './weekly-availability-editor.tsx';

type ExperienceTag = SupporterProfile['experienceTags'][number];

interface ProfileFormValues {
  capacity: number;
  modalities: Modality[];
  experienceTags: ExperienceTag[];
  windows: EditableWindow[];
  periods: EditablePeriod[];
}

const valuesFrom = (profile: SupporterProfile): ProfileFormValues => ({
  capacity: profile.capacity,
  modalities: profile.modalities,
  experienceTags: profile.experienceTags,
  windows: profile.weeklyAvailability.map(toEditableWindow),
  periods: profile.awayPeriods.map(toEditablePeriod),
});

/** Lists in the vocabulary's order, rows without their React keys. */
function inputFrom(values: ProfileFormValues, pausedUntil: string | null): Required<OwnSupporterProfileInput> {
  return {
    capacity: values.capacity,
    modalities: MODALITY_OPTIONS.map((o) => o.id).filter((id) => values.modalities.includes(id)),
    experienceTags: EXPERIENCE_TAG_OPTIONS.map((o) => o.id).filter((id) => values.experienceTags.includes(id)),
    weeklyAvailability: values.windows.map(({ day, start, end }) => ({ day, start, end })),
    awayPeriods: values.periods.map(({ from, to }) => ({ from, to })),
    pausedUntil,
  };
}

export interface SupporterProfileFormProps {
  profile: SupporterProfile;
  /** Today in the organisation's time zone (YYYY-MM-DD). */
  today: string;
}

/**
 * Everything a supporter sets for matching, saved together with one button. The whole object is
 * sent (the API replaces the profile); the pause is kept as saved, it has its own card.
 */
export function SupporterProfileForm({ profile, today }: SupporterProfileFormProps) {
  const save = useSaveOwnProfile();
  const [values, setValues] = useState(() => valuesFrom(profile));
  const errors = fieldErrors(save.error);
  const set = (patch: Partial<ProfileFormValues>) => {
    save.reset();
    setValues((v) => ({ ...v, ...patch }));
  };
  const incomplete = values.windows.some((w) => windowProblem(w)) || values.periods.some((p) => periodProblem(p));
  const listError = (name: string) =>
    Object.entries(errors)
      .filter(([path]) => path === name || path.startsWith(`${name}.`))
      .map(([, message]) => message)[0];
  // Problems the fields above cannot show (e.g. a limit on the number of rows).
  const shownPaths = /^(capacity|modalities|experienceTags|weeklyAvailability\.\d+\.|awayPeriods\.\d+\.)/;
  const otherErrors = Object.entries(errors).filter(([path]) => !shownPaths.test(path));

  return (
    <Form
      className="stack"
      aria-label="Your supporter profile"
      validationErrors={errors.capacity ? { capacity: errors.capacity } : {}}
      onSubmit={(event) => {
        event.preventDefault();
        if (incomplete) return;
        save.mutate(inputFrom(values, profile.pausedUntil), { onSuccess: (saved) => setValues(valuesFrom(saved)) });
      }}
    >
      <section className="card stack stack--tight" aria-labelledby="support-ways-title">
        <h2 id="support-ways-title">How you can support</h2>
        <CapacityField
          label="Open cases you can take at a time"
          value={values.capacity}
          onChange={(capacity) => set({ capacity })}
          description={`0 to ${CAPACITY_MAX}. With 0 you get no new offers.`}
          errorMessage={errors.capacity}
        />
        <CheckboxGroup
          className="checkbox-group profile-choices"
          value={values.modalities}
          onChange={(modalities) => set({ modalities: modalities as Modality[] })}
          isInvalid={Boolean(listError('modalities'))}
        >
          <Label className="field__label">Ways you can meet</Label>
          <div className="profile-choices__boxes">
            {MODALITY_OPTIONS.map((option) => (
              <Checkbox key={option.id} value={option.id}>
                {option.label}
              </Checkbox>
            ))}
          </div>
          {listError('modalities') && <p className="field__error">{listError('modalities')}</p>}
        </CheckboxGroup>
      </section>

      <section className="card stack stack--tight" aria-labelledby="weekly-title">
        <h2 id="weekly-title">Weekly availability</h2>
        <p className="muted">When new requests may be offered to you. Times are in your organisation’s time zone.</p>
        <WeeklyAvailabilityEditor windows={values.windows} onChange={(windows) => set({ windows })} errors={errors} />
      </section>

      <section className="card stack stack--tight" aria-labelledby="away-title">
        <h2 id="away-title">Away</h2>
        <p className="muted">Days you cannot take new requests, such as holidays or leave. Both days are included.</p>
        <AwayPeriodsEditor periods={values.periods} onChange={(periods) => set({ periods })} today={today} errors={errors} />
      </section>

      <section className="card stack stack--tight" aria-labelledby="experience-title">
        <h2 id="experience-title">Lived experience you choose to share</h2>
        <CheckboxGroup
          className="checkbox-group"
          value={values.experienceTags}
          onChange={(tags) => set({ experienceTags: tags as ExperienceTag[] })}
          isInvalid={Boolean(listError('experienceTags'))}
        >
          <Label className="field__label">I have been through</Label>
          <Text slot="description" className="field__description profile-note">
            Optional. Used only to suggest matches; never shown to the person you support.
          </Text>
          <div className="profile-choices__grid">
            {EXPERIENCE_TAG_OPTIONS.map((option) => (
              <Checkbox key={option.id} value={option.id}>
                {option.label}
              </Checkbox>
            ))}
          </div>
          {listError('experienceTags') && <p className="field__error">{listError('experienceTags')}</p>}
        </CheckboxGroup>
      </section>

      <div className="profile-save">
        {incomplete && <Notice tone="error">Some rows above are incomplete or end before they start.</Notice>}
        {otherErrors.length > 0 && <Notice tone="error">{otherErrors.map(([, message]) => message).join(' ')}</Notice>}
        {save.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(save.error)}</Notice>}
        {save.isSuccess && <Notice tone="success">Your supporter profile is saved.</Notice>}
        <Button type="submit" variant="primary" isPending={save.isPending} isDisabled={incomplete} className="form__submit">
          Save profile
        </Button>
      </div>
    </Form>
  );
}
