import type { Modality } from '../../../../shared/schemas/case-vocabulary.ts';
import { MODALITIES } from '../../../../shared/schemas/case-vocabulary.ts';
import { EXPERIENCE_TAGS } from '../../../../shared/schemas/supporter.ts';
import type { SupporterState } from '../../../../shared/supporter-lifecycle.ts';
import { dayName } from '../../../lib/support-hours.ts';

type ExperienceTag = (typeof EXPERIENCE_TAGS)[number];

export const MODALITY_LABELS: Record<Modality, string> = {
  phone: 'Phone',
  video: 'Video',
  in_person: 'In person',
};
export const MODALITY_OPTIONS = MODALITIES.map((id) => ({ id, label: MODALITY_LABELS[id] }));

/** Worded as the supporter's own experience ("I have been through…"). */
export const EXPERIENCE_TAG_LABELS: Record<ExperienceTag, string> = {
  adverse_event: 'An adverse event or medical error',
  patient_death: 'The death of a patient',
  litigation_or_complaint: 'A lawsuit or a complaint',
  burnout_or_overload: 'Burnout or overload',
  violence_or_threat: 'Violence or threats at work',
  illness_or_injury: 'My own illness or injury',
  bereavement: 'Bereavement',
  parenting: 'Parenting alongside clinical work',
  career_transition: 'A career transition',
};
export const EXPERIENCE_TAG_OPTIONS = EXPERIENCE_TAGS.map((id) => ({ id, label: EXPERIENCE_TAG_LABELS[id] }));

/** A person's stage in the program (docs/team.md). */
export const STATUS_LABELS: Record<SupporterState, string> = {
  nominated: 'Nominated',
  under_review: 'Under review',
  in_training: 'In training',
  certified: 'Certified, not yet active',
  active: 'Active',
  paused: 'Paused',
  retired: 'Retired',
  declined: 'Not taken on',
  lapsed: 'Certification lapsed',
};

/** Monday first, as rotas are written; values stay 0 = Sunday as the API wants. */
export const DAY_OPTIONS = [1, 2, 3, 4, 5, 6, 0].map((day) => ({ id: String(day), label: dayName(day) }));

const LOCALE = 'en-US';

export { formatDay } from '../../../lib/calendar-day.ts';

const languageNames = (() => {
  try {
    return new Intl.DisplayNames([LOCALE], { type: 'language' });
  } catch {
    return null;
  }
})();

/** "English, Spanish" for ["en", "es"]; unknown codes are shown as they are. */
export function describeLanguages(codes: readonly string[]): string {
  return codes
    .map((code) => {
      try {
        return languageNames?.of(code) ?? code;
      } catch {
        return code;
      }
    })
    .join(', ');
}
