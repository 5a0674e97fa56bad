import { z } from 'zod';
import { IdSchema } from './common.ts';
import { ModalitySchema } from './case-vocabulary.ts';
import { ProfessionCategorySchema } from './organization.ts';
import { SUPPORTER_STATES } from '../supporter-lifecycle.ts';

/** Lived-experience tags a supporter may choose to share for matching; never shown to requesters. */
export const EXPERIENCE_TAGS = [
  'adverse_event',
  'patient_death',
  'litigation_or_complaint',
  'burnout_or_overload',
  'violence_or_threat',
  'illness_or_injury',
  'bereavement',
  'parenting',
  'career_transition',
] as const;
export const ExperienceTagSchema = z.enum(EXPERIENCE_TAGS);

/** The lifecycle state (shared/supporter-lifecycle.ts): only `active` with a current certification is matched. */
export const SupporterStatusSchema = z.enum(SUPPORTER_STATES);

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

/** A weekly window in the organisation's time zone; `end` after `start` (no overnight windows). */
export const WeeklyWindowSchema = z
  .strictObject({ day: z.number().int().min(0).max(6), start: Time, end: Time })
  .refine((w) => w.end > w.start, { message: 'End must be after start', path: ['end'] });
/** Days the supporter is away, inclusive. */
export const AwayPeriodSchema = z
  .strictObject({ from: Day, to: Day })
  .refine((p) => p.to >= p.from, { message: 'The last day must not be before the first', path: ['to'] });

export const SupporterProfileSchema = z.object({
  personId: IdSchema,
  status: SupporterStatusSchema,
  certifiedUntil: z.string().nullable(),
  capacity: z.number().int(),
  modalities: z.array(ModalitySchema),
  experienceTags: z.array(ExperienceTagSchema),
  weeklyAvailability: z.array(WeeklyWindowSchema),
  awayPeriods: z.array(AwayPeriodSchema),
  pausedUntil: z.string().nullable(),
  /** Whether matching may choose this supporter today (active, certified, not paused, not away). */
  matchable: z.boolean(),
});
export type SupporterProfile = z.infer<typeof SupporterProfileSchema>;

/** What supporters set for themselves. */
export const OwnSupporterProfileInputSchema = z.strictObject({
  capacity: z.number().int().min(0).max(20).optional(),
  modalities: z.array(ModalitySchema).max(3).optional(),
  experienceTags: z.array(ExperienceTagSchema).max(EXPERIENCE_TAGS.length).optional(),
  weeklyAvailability: z.array(WeeklyWindowSchema).max(42).optional(),
  awayPeriods: z.array(AwayPeriodSchema).max(50).optional(),
  /** A self-pause: no new offers until this day (inclusive); null ends it. */
  pausedUntil: Day.nullable().optional(),
});

/**
 * What the program sets here: the capacity ceiling. Status and certification change only through
 * the lifecycle (POST /api/team/:id/events), so every step is a decision the table allows.
 */
export const ProgramSupporterInputSchema = z.strictObject({
  capacity: z.number().int().min(0).max(20).optional(),
});

/** The program's view of its supporter pool: names (the program knows its own team), no caseload yet. */
export const SupporterSummarySchema = z.object({
  personId: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  professionCategory: ProfessionCategorySchema.nullable(),
  departmentId: IdSchema.nullable(),
  languages: z.array(z.string()),
  profile: SupporterProfileSchema,
});
export const SupporterListSchema = z.object({ supporters: z.array(SupporterSummarySchema) });
