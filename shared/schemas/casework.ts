import { z } from 'zod';
import { SupporterCaseSchema } from './case.ts';
import { CaseOutcomeSchema, ModalitySchema } from './case-vocabulary.ts';
import { IdSchema } from './common.ts';
import { SupportLineSchema } from './organization.ts';
import { ResourceCategorySchema, ResourceSchema } from './resources.ts';

/**
 * The supporter's casework: contact attempts, the encounter log, referrals, close, escalation, and
 * the anonymous feedback that follows. Every field is a code from a fixed list, a number, a date or
 * an id: there is no free-text field anywhere here, by design (docs/product.md, "Encounter log" and
 * "No free text anywhere").
 */

// --- outreach ---------------------------------------------------------------------------------

export const CONTACT_CHANNELS = ['email', 'phone', 'text', 'in_person', 'video'] as const;
export const ContactChannelSchema = z.enum(CONTACT_CHANNELS);
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

export const CONTACT_RESULTS = ['reached', 'no_answer', 'left_message'] as const;
export const ContactResultSchema = z.enum(CONTACT_RESULTS);
export type ContactResult = z.infer<typeof ContactResultSchema>;

export const ContactAttemptInputSchema = z.strictObject({ channel: ContactChannelSchema, result: ContactResultSchema });
export type ContactAttemptInput = z.infer<typeof ContactAttemptInputSchema>;

export const ContactAttemptSchema = z.object({
  id: IdSchema,
  at: z.string(),
  channel: ContactChannelSchema,
  result: ContactResultSchema,
});

/** A "touching base" message the supporter copies into their own mail or phone; Peerline never sends it. */
export const OutreachTemplateSchema = z.object({
  id: z.string(),
  channel: z.enum(['email', 'text', 'phone']),
  title: z.string(),
  /** Subject line for e-mail ("Touching base"), null otherwise. */
  subject: z.string().nullable(),
  /** Contains the placeholders `{firstName}` (the requester) and `{supporterFirstName}`. */
  text: z.string(),
});
export const OutreachTemplateListSchema = z.object({ templates: z.array(OutreachTemplateSchema) });

// --- encounter log ----------------------------------------------------------------------------

export const ENCOUNTER_TOPICS = [
  'adverse_event',
  'patient_death',
  'litigation_or_complaint',
  'workload_burnout',
  'moral_distress',
  'violence_or_threat',
  'relationships_at_work',
  'personal_life',
  'coping_and_sleep',
  'time_off',
  'other',
] as const;
export const EncounterTopicSchema = z.enum(ENCOUNTER_TOPICS);
export type EncounterTopic = z.infer<typeof EncounterTopicSchema>;

export const ENCOUNTER_FORMATS = ['individual', 'group'] as const;
export const EncounterFormatSchema = z.enum(ENCOUNTER_FORMATS);

/** 1: listening and support; 2: referral to a professional resource; 3: urgent escalation. */
export const EscalationTierSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine((value) => {
    const d = new Date(`${value}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
  }, 'Not a calendar date');

function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'Each entry once');
}

export const EncounterInputSchema = z
  .strictObject({
    /** The day of the conversation; not in the future (checked against the program's today). */
    date: IsoDay,
    modality: ModalitySchema,
    minutes: z.number().int().min(1).max(480),
    format: EncounterFormatSchema,
    /** Only for a group: how many took part (2–200). */
    headCount: z.number().int().min(2).max(200).nullable().optional(),
    topics: uniqueList(EncounterTopicSchema, ENCOUNTER_TOPICS.length).refine((list) => list.length > 0, 'Choose at least one'),
    referralsOffered: uniqueList(ResourceCategorySchema, 20),
    /** A planned follow-up, after today; the supporter is reminded that day. */
    followUpOn: IsoDay.nullable(),
    escalationTier: EscalationTierSchema,
    /** "That one was heavy for me": no new offers for the program's cool-down days. Not stored with the encounter. */
    coolDown: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    const hasCount = value.headCount !== undefined && value.headCount !== null;
    if (value.format === 'group' && !hasCount) ctx.addIssue({ code: 'custom', path: ['headCount'], message: 'Required for a group' });
    if (value.format === 'individual' && hasCount) ctx.addIssue({ code: 'custom', path: ['headCount'], message: 'Only for a group' });
    if (value.followUpOn !== null && value.followUpOn <= value.date) {
      ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'Must be after the conversation' });
    }
  });
export type EncounterInput = z.infer<typeof EncounterInputSchema>;

export const EncounterSchema = z.object({
  id: IdSchema,
  date: z.string(),
  modality: ModalitySchema,
  minutes: z.number().int(),
  format: EncounterFormatSchema,
  headCount: z.number().int().nullable(),
  topics: z.array(EncounterTopicSchema),
  referralsOffered: z.array(ResourceCategorySchema),
  followUpOn: z.string().nullable(),
  escalationTier: z.number().int(),
});

export const ReferralSchema = z.object({
  category: ResourceCategorySchema,
  offeredAt: z.string(),
  takenUpAt: z.string().nullable(),
});

export const ReferralParamsSchema = z.strictObject({ id: IdSchema, category: ResourceCategorySchema });

// --- the case, as its supporter sees it ------------------------------------------------------------

export const SupporterCaseDetailSchema = SupporterCaseSchema.extend({
  outcome: CaseOutcomeSchema.nullable(),
  firstContactAt: z.string().nullable(),
  allowedEvents: z.array(z.string()),
  allowedCloseOutcomes: z.array(CaseOutcomeSchema),
  attempts: z.array(ContactAttemptSchema),
  encounters: z.array(EncounterSchema),
  referrals: z.array(ReferralSchema),
});
export type SupporterCaseDetail = z.infer<typeof SupporterCaseDetailSchema>;

export const CloseCaseInputSchema = z.strictObject({ outcome: CaseOutcomeSchema });

/** What the supporter sees at once after "imminent risk": the program's crisis protocol. */
export const CrisisProtocolSchema = z.object({
  supportLines: z.array(SupportLineSchema),
  resources: z.array(ResourceSchema),
});

// --- anonymous feedback -------------------------------------------------------------------------

/** base64url of 24 random bytes; never a UUID, so it passes the e-mail link rule. */
export const FeedbackTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Not a feedback link') });
export const FeedbackTokenStatusSchema = z.object({ valid: z.boolean() });
export const FeedbackInputSchema = z.strictObject({
  helpfulness: z.number().int().min(1).max(5),
  wouldRecommend: z.boolean(),
});
