import { z } from 'zod';
import { NAME_MAX, SHORT_TEXT_MAX } from '../limits.ts';
import { IdSchema } from './common.ts';

export const PROFESSION_CATEGORIES = [
  'physician',
  'resident_fellow',
  'nurse',
  'advanced_practice_provider',
  'pharmacist',
  'allied_health',
  'other',
] as const;
export const ProfessionCategorySchema = z.enum(PROFESSION_CATEGORIES);
export type ProfessionCategory = z.infer<typeof ProfessionCategorySchema>;

/** Categories drive matching (physician with physician, nurse with nurse), so they are fixed. */
export const PROFESSION_CATEGORY_LABELS: Record<ProfessionCategory, string> = {
  physician: 'Physician',
  resident_fellow: 'Resident or fellow',
  nurse: 'Nurse',
  advanced_practice_provider: 'Advanced practice provider',
  pharmacist: 'Pharmacist',
  allied_health: 'Allied health',
  other: 'Other',
};

export const OrganizationSchema = z.object({
  id: IdSchema,
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const SiteSchema = z.object({ id: IdSchema, name: z.string(), active: z.boolean() });
export type Site = z.infer<typeof SiteSchema>;

export const DepartmentSchema = z.object({
  id: IdSchema,
  name: z.string(),
  siteId: IdSchema.nullable(),
  parentId: IdSchema.nullable(),
  active: z.boolean(),
});
export type Department = z.infer<typeof DepartmentSchema>;

export const ProfessionSchema = z.object({
  id: IdSchema,
  name: z.string(),
  category: ProfessionCategorySchema,
  active: z.boolean(),
});
export type Profession = z.infer<typeof ProfessionSchema>;

export const OrganizationStructureSchema = z.object({
  sites: z.array(SiteSchema),
  departments: z.array(DepartmentSchema),
  professions: z.array(ProfessionSchema),
});
export type OrganizationStructure = z.infer<typeof OrganizationStructureSchema>;

const Name = z.string().trim().min(1, 'Required').max(NAME_MAX);

export const SiteInputSchema = z.strictObject({ name: Name, active: z.boolean().optional() });
export const DepartmentInputSchema = z.strictObject({
  name: Name,
  siteId: IdSchema.nullable().optional(),
  parentId: IdSchema.nullable().optional(),
  active: z.boolean().optional(),
});
export const DepartmentPatchSchema = DepartmentInputSchema.partial();
export const ProfessionInputSchema = z.strictObject({
  name: Name,
  category: ProfessionCategorySchema,
  active: z.boolean().optional(),
});
export const ProfessionPatchSchema = ProfessionInputSchema.partial();
export const SitePatchSchema = SiteInputSchema.partial();

/** A time window in the organisation's (or the line's) time zone. Days: 0 = Sunday … 6 = Saturday. */
export const HoursWindowSchema = z.strictObject({
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  opens: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM'),
  closes: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'Use HH:MM'),
});
export type HoursWindow = z.infer<typeof HoursWindowSchema>;

export const SupportLineSchema = z.object({
  id: IdSchema,
  kind: z.enum(['physician_support_line', 'crisis_line', 'other']),
  name: z.string(),
  phone: z.string(),
  /** Empty means around the clock. */
  hours: z.array(HoursWindowSchema),
  timeZone: z.string(),
  description: z.string(),
  sortOrder: z.number().int(),
});
export type SupportLine = z.infer<typeof SupportLineSchema>;

export const SupportLinePatchSchema = z.strictObject({
  name: Name.optional(),
  phone: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[0-9+()\-. ]+$/, 'Digits, spaces, + ( ) - . only')
    .optional(),
  hours: z.array(HoursWindowSchema).max(14).optional(),
  timeZone: z.string().trim().min(1).max(64).optional(),
  description: z.string().trim().max(SHORT_TEXT_MAX).optional(),
});

export const PublicProgramSchema = z.object({
  organization: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
  programName: z.string(),
  supportLines: z.array(SupportLineSchema),
  /** Whether requesters may choose their supporter from a directory: the request form offers it only then. */
  supporterDirectoryEnabled: z.boolean(),
});
export type PublicProgram = z.infer<typeof PublicProgramSchema>;

/**
 * Days after a case ends (closed, withdrawn, declined) until its identifying data is erased
 * (docs/product.md, C4); 0 = at closure. The reopen window never outlasts it.
 */
export const RETENTION_DAYS_DEFAULT = 30;
export const RETENTION_DAYS_MAX = 365;

export const ProgramSettingsSchema = z.object({
  programName: z.string(),
  timeZone: z.string(),
  supportLines: z.array(SupportLineSchema),
  /** Requesters may pick their supporter from a directory (first name, profession, languages, modalities). Off by default. */
  supporterDirectoryEnabled: z.boolean(),
  retentionDays: z.number().int(),
  /** Peer supporters, too, must sign in with an authenticator app (directors, administrators and IT administrators always must). */
  supportersNeedSecondFactor: z.boolean(),
  /** After a heavy conversation, a supporter's cool-down: no new offers for this many days (0 turns it off). */
  cooldownDays: z.number().int(),
});
export const ProgramSettingsPatchSchema = z.strictObject({
  programName: z.string().trim().min(1).max(NAME_MAX).optional(),
  timeZone: z.string().trim().min(1).max(64).optional(),
  supporterDirectoryEnabled: z.boolean().optional(),
  retentionDays: z
    .number()
    .int('Whole days only')
    .min(0, 'At least 0 days')
    .max(RETENTION_DAYS_MAX, `At most ${RETENTION_DAYS_MAX} days`)
    .optional(),
  supportersNeedSecondFactor: z.boolean().optional(),
  cooldownDays: z.number().int('Whole days only').min(0, 'At least 0 days').max(14, 'At most 14 days').optional(),
});
