import {
  DEPARTMENT_PREFERENCES,
  MODALITIES,
  OFFER_DECLINE_REASONS,
  REASON_CATEGORIES,
  ORIGIN_LABELS,
  REASON_LABELS,
  URGENCIES,
  type CaseState,
  type DepartmentPreference,
  type Modality,
  type OfferDeclineReason,
  type Urgency,
} from '../../shared/schemas/case-vocabulary.ts';
import type { ContactMethod } from '../../shared/schemas/case.ts';

export { ORIGIN_LABELS, REASON_LABELS };

/**
 * Plain words for the fixed lists of a support request. Both the requester's pages and the
 * supporter's workspace use them, so they live here rather than in either feature.
 */

export const REASON_OPTIONS = REASON_CATEGORIES.map((id) => ({ id, label: REASON_LABELS[id] }));

export const URGENCY_LABELS: Record<Urgency, string> = {
  today: 'Today, if possible',
  this_week: 'This week is fine',
};
/** Short form for lists and cards. */
export const URGENCY_SHORT: Record<Urgency, string> = { today: 'Today', this_week: 'This week' };
export const URGENCY_OPTIONS = URGENCIES.map((id) => ({ id, label: URGENCY_LABELS[id] }));

export const MODALITY_LABELS: Record<Modality, string> = { phone: 'Phone', video: 'Video', in_person: 'In person' };
export const MODALITY_OPTIONS = MODALITIES.map((id) => ({ id, label: MODALITY_LABELS[id] }));

export const DEPARTMENT_PREFERENCE_LABELS: Record<DepartmentPreference, string> = {
  same_department: 'From my own department',
  other_department: 'Not from my department',
  no_preference: 'No preference',
};
export const DEPARTMENT_PREFERENCE_OPTIONS = DEPARTMENT_PREFERENCES.map((id) => ({ id, label: DEPARTMENT_PREFERENCE_LABELS[id] }));

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  work_email: 'Work e-mail',
  work_phone: 'Work phone',
  personal_email: 'Personal e-mail',
  personal_phone: 'Personal phone',
};

export const DECLINE_REASON_LABELS: Record<OfferDeclineReason, string> = {
  no_capacity: 'I have no room for another person right now',
  unavailable: 'I cannot respond in time',
  conflict_of_interest: 'A conflict of interest',
  not_a_good_match: 'Someone else would be a better match',
  other: 'Another reason',
};
export const DECLINE_REASON_OPTIONS = OFFER_DECLINE_REASONS.map((id) => ({ id, label: DECLINE_REASON_LABELS[id] }));

/** Where a request stands, as the person who asked would say it. */
export const REQUEST_STATE_LABELS: Record<CaseState, string> = {
  new: 'Received: finding a peer supporter',
  offered: 'Received: finding a peer supporter',
  assigned: 'A peer supporter will contact you',
  contacted: 'Your peer supporter has reached out',
  active: 'In touch with your peer supporter',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
  declined: 'You said no thanks',
};

/** Where a case stands, as the supporter who holds it would say it. */
export const CASE_STATE_LABELS: Record<CaseState, string> = {
  new: 'New',
  offered: 'Offered to you',
  assigned: 'Accepted: reach out',
  contacted: 'Contacted',
  active: 'Conversation under way',
  closed: 'Closed',
  withdrawn: 'Withdrawn by the requester',
  declined: 'Declined support',
};

/** A short list of languages people often ask for; the value is the language code the API stores. */
export const COMMON_LANGUAGES = [
  'en',
  'es',
  'zh',
  'vi',
  'tl',
  'ar',
  'fr',
  'ko',
  'ru',
  'pt',
  'hi',
  'ht',
  'pl',
  'de',
  'it',
  'ja',
  'fa',
  'ur',
] as const;

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['en-US'], { type: 'language' });
  } catch {
    return null;
  }
})();

/** "Spanish" for "es"; an unknown code is shown as it is. */
export function languageName(code: string): string {
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

export const LANGUAGE_OPTIONS = COMMON_LANGUAGES.map((id) => ({ id, label: languageName(id) })).sort((a, b) =>
  a.label.localeCompare(b.label),
);

const LOCALE = 'en-US';

/** "Nov 25, 2026" */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' }).format(date);
}

/** "Nov 25, 2026, 3:40 PM" */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "3 h 20 min left", "12 min left", or null once the time is up. */
export function timeLeft(expiresAt: string, now: Date): string | null {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  if (!Number.isFinite(ms) || ms <= 0) return null;
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min left`;
  return rest === 0 ? `${hours} h left` : `${hours} h ${rest} min left`;
}
