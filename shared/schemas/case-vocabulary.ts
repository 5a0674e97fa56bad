import { z } from 'zod';

/**
 * The fixed vocabularies of a support request (case). Nothing in a case is free text: every field
 * is one of these lists, a number, a date, or an id (docs/product.md, "No free text anywhere").
 */

export const CASE_ORIGINS = ['self', 'anonymous', 'colleague_referral', 'event_outreach'] as const;
export const CaseOriginSchema = z.enum(CASE_ORIGINS);
export type CaseOrigin = z.infer<typeof CaseOriginSchema>;

export const CASE_STATES = ['new', 'offered', 'assigned', 'contacted', 'active', 'closed', 'withdrawn', 'declined'] as const;
export const CaseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseStateSchema>;

export const CASE_OUTCOMES = ['supported', 'referred', 'declined', 'unreachable', 'withdrawn'] as const;
export const CaseOutcomeSchema = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

export const REASON_CATEGORIES = [
  'adverse_event',
  'patient_death',
  'litigation_or_complaint',
  'burnout_or_overload',
  'violence_or_threat',
  'personal',
  'other',
] as const;
export const ReasonCategorySchema = z.enum(REASON_CATEGORIES);
export type ReasonCategory = z.infer<typeof ReasonCategorySchema>;

export const MODALITIES = ['phone', 'video', 'in_person'] as const;
export const ModalitySchema = z.enum(MODALITIES);
export type Modality = z.infer<typeof ModalitySchema>;

export const URGENCIES = ['today', 'this_week'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

/** "A peer from my own department / not from my department / no preference". */
export const DEPARTMENT_PREFERENCES = ['same_department', 'other_department', 'no_preference'] as const;
export const DepartmentPreferenceSchema = z.enum(DEPARTMENT_PREFERENCES);
export type DepartmentPreference = z.infer<typeof DepartmentPreferenceSchema>;

export const OFFER_DECLINE_REASONS = ['no_capacity', 'conflict_of_interest', 'not_a_good_match', 'unavailable', 'other'] as const;
export const OfferDeclineReasonSchema = z.enum(OFFER_DECLINE_REASONS);
export type OfferDeclineReason = z.infer<typeof OfferDeclineReasonSchema>;

/** Plain words for the lists above, shared by the pages and the board report (docs/reporting.md). */
export const ORIGIN_LABELS: Record<CaseOrigin, string> = {
  self: 'Asked for themselves',
  anonymous: 'Anonymous request',
  colleague_referral: 'Colleague referral',
  event_outreach: 'Outreach after an event',
};

export const REASON_LABELS: Record<ReasonCategory, string> = {
  adverse_event: 'An adverse event or medical error',
  patient_death: 'The death of a patient',
  litigation_or_complaint: 'A lawsuit or a complaint',
  burnout_or_overload: 'Burnout or overload',
  violence_or_threat: 'Violence or a threat at work',
  personal: 'Something personal',
  other: 'Something else',
};
