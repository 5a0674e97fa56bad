import type { DepartmentPreference, Modality, ReasonCategory, Urgency } from '../../../../shared/schemas/case-vocabulary.ts';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import {
  DEPARTMENT_PREFERENCE_OPTIONS,
  LANGUAGE_OPTIONS,
  MODALITY_OPTIONS,
  REASON_OPTIONS,
  URGENCY_OPTIONS,
} from '../../../lib/case-vocabulary.ts';

export interface MatchingValues {
  reason: ReasonCategory | null;
  urgency: Urgency;
  modality: Modality;
  departmentPreference: DepartmentPreference;
  language: string | null;
  languageRequired: boolean;
}

export const DEFAULT_MATCHING: MatchingValues = {
  reason: null,
  urgency: 'this_week',
  modality: 'phone',
  departmentPreference: 'no_preference',
  language: null,
  languageRequired: false,
};

/** The Select's "no language preference" choice; the API gets null. */
const NO_LANGUAGE = 'none';
const LANGUAGE_CHOICES = [{ id: NO_LANGUAGE, label: 'No preference' }, ...LANGUAGE_OPTIONS];

export interface MatchingFieldsProps {
  values: MatchingValues;
  onChange: (patch: Partial<MatchingValues>) => void;
  errors: Record<string, string>;
  /** Anonymous requests have no department to compare with, so they do not ask. */
  askDepartment: boolean;
}

/**
 * What matching needs to find the right peer, and nothing else: a reason from a fixed list,
 * never a description of what happened.
 */
export function MatchingFields({ values, onChange, errors, askDepartment }: MatchingFieldsProps) {
  return (
    <>
      <RadioGroupField
        label="What is it about?"
        description="Choose the closest. You do not need to say more: what happened is yours to tell, in the conversation, if you want to."
        name="reason"
        options={REASON_OPTIONS}
        value={values.reason}
        onChange={(reason) => onChange({ reason: reason as ReasonCategory })}
        isRequired
        errorMessage={errors.reason}
      />
      <RadioGroupField
        label="When would you like to talk?"
        name="urgency"
        orientation="horizontal"
        options={URGENCY_OPTIONS}
        value={values.urgency}
        onChange={(urgency) => onChange({ urgency: urgency as Urgency })}
        isRequired
        errorMessage={errors.urgency}
      />
      <RadioGroupField
        label="How would you like to talk?"
        name="modality"
        orientation="horizontal"
        options={MODALITY_OPTIONS}
        value={values.modality}
        onChange={(modality) => onChange({ modality: modality as Modality })}
        isRequired
        errorMessage={errors.modality}
      />
      {askDepartment && (
        <RadioGroupField
          label="A peer supporter…"
          name="departmentPreference"
          orientation="horizontal"
          options={DEPARTMENT_PREFERENCE_OPTIONS}
          value={values.departmentPreference}
          onChange={(preference) => onChange({ departmentPreference: preference as DepartmentPreference })}
          isRequired
          errorMessage={errors.departmentPreference}
        />
      )}
      <div className="request-language">
        <SelectField
          label="Language (optional)"
          name="language"
          options={LANGUAGE_CHOICES}
          value={values.language ?? NO_LANGUAGE}
          onChange={(id) =>
            onChange({
              language: !id || id === NO_LANGUAGE ? null : id,
              languageRequired: id && id !== NO_LANGUAGE ? values.languageRequired : false,
            })
          }
          errorMessage={errors.language}
        />
        <Checkbox
          isSelected={values.languageRequired}
          isDisabled={values.language === null}
          onChange={(languageRequired) => onChange({ languageRequired })}
        >
          This language is essential for me
        </Checkbox>
      </div>
    </>
  );
}
