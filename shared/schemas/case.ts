import { z } from 'zod';
import { EMAIL_MAX } from '../limits.ts';
import { IdSchema } from './common.ts';
import {
  CaseOriginSchema,
  CaseOutcomeSchema,
  CaseStateSchema,
  DepartmentPreferenceSchema,
  ModalitySchema,
  OfferDeclineReasonSchema,
  ReasonCategorySchema,
  UrgencySchema,
} from './case-vocabulary.ts';
import { ProfessionCategorySchema } from './organization.ts';
import { LanguageSchema } from './person.ts';

/**
 * Intake collects only what matching needs. There is deliberately no free-text field anywhere in
 * these schemas: nothing about what happened can be written down (docs/product.md, "No free text
 * anywhere").
 */

export const CONTACT_METHODS = ['work_email', 'work_phone', 'personal_email', 'personal_phone'] as const;
export const ContactMethodSchema = z.enum(CONTACT_METHODS);
export type ContactMethod = z.infer<typeof ContactMethodSchema>;

const Phone = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[0-9+()\-. ]+$/, 'Digits, spaces, + ( ) - . only');
const Email = z
  .string()
  .trim()
  .max(EMAIL_MAX)
  .pipe(z.email({ error: 'Must be an e-mail address' }));

/** How to reach the requester: the work e-mail needs no value (the directory has it). */
const contactFields = {
  contactMethod: ContactMethodSchema,
  contactValue: z.string().trim().max(EMAIL_MAX).optional(),
};
function checkContact(value: { contactMethod: ContactMethod; contactValue?: string | undefined }, ctx: z.RefinementCtx) {
  if (value.contactMethod === 'work_email') return;
  const schema = value.contactMethod.endsWith('email') ? Email : Phone;
  const result = schema.safeParse(value.contactValue ?? '');
  if (!result.success) {
    ctx.addIssue({
      code: 'custom',
      path: ['contactValue'],
      message: value.contactMethod.endsWith('email') ? 'Enter an e-mail address' : 'Enter a phone number',
    });
  }
}

const matchingFields = {
  modality: ModalitySchema,
  language: LanguageSchema.nullable().optional(),
  languageRequired: z.boolean().optional(),
  departmentPreference: DepartmentPreferenceSchema,
  urgency: UrgencySchema,
  reason: ReasonCategorySchema,
};

export const SelfRequestInputSchema = z
  .strictObject({
    ...matchingFields,
    ...contactFields,
    /** A supporter the requester chose from the directory, where the program allows it; otherwise the matcher chooses. */
    supporterId: IdSchema.optional(),
  })
  .superRefine(checkContact);
export type SelfRequestInput = z.infer<typeof SelfRequestInputSchema>;

export const AnonymousRequestInputSchema = z
  .strictObject({
    org: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,64}$/, 'Unknown organisation')
      .optional(),
    /** Just a first name (or any name) to be greeted by; nothing else identifies the requester. */
    preferredName: z
      .string()
      .trim()
      .min(1, 'Required')
      .max(40)
      .regex(/^[\p{L}\p{M}' .-]+$/u, 'Letters only'),
    professionCategory: ProfessionCategorySchema.nullable().optional(),
    ...matchingFields,
    // Without an account there is no department to compare with: the preference is optional and ignored.
    departmentPreference: DepartmentPreferenceSchema.optional(),
    contactMethod: z.enum(['personal_email', 'personal_phone', 'work_email', 'work_phone']),
    contactValue: z.string().trim().max(EMAIL_MAX),
  })
  .superRefine((value, ctx) => {
    const schema = value.contactMethod.endsWith('email') ? Email : Phone;
    if (!schema.safeParse(value.contactValue).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['contactValue'],
        message: value.contactMethod.endsWith('email') ? 'Enter an e-mail address' : 'Enter a phone number',
      });
    }
  });
export type AnonymousRequestInput = z.infer<typeof AnonymousRequestInputSchema>;

/** What an anonymous requester keeps: a short code to quote and a secret to check or withdraw. */
export const AnonymousReceiptSchema = z.object({ caseCode: z.string(), secret: z.string() });
export const AnonymousLookupSchema = z.strictObject({
  caseCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'Use the code you were given, e.g. K7QM-2XPA'),
  secret: z.string().trim().min(10).max(100),
});
/** `canReopen`: closed, withdrawn or declined within the reopen window (the requester can come back later). */
export const AnonymousStatusSchema = z.object({ state: CaseStateSchema, canWithdraw: z.boolean(), canReopen: z.boolean() });

export const ColleagueReferralInputSchema = z.strictObject({
  /**
   * The colleague's work e-mail, resolved within the organisation. Not an id picked from a list:
   * every role may refer, and leadership viewers and event reporters must never get a name
   * directory out of the app.
   */
  colleagueEmail: Email,
  /** Programs ask this first: a referral is an invitation, not a disclosure. */
  toldColleague: z.boolean(),
  reason: ReasonCategorySchema,
  urgency: UrgencySchema,
});
/** The referrer learns that it was received, and nothing after. */
export const ReferralReceiptSchema = z.object({ received: z.literal(true) });

export const MyRequestSchema = z.object({
  id: IdSchema,
  origin: CaseOriginSchema,
  state: CaseStateSchema,
  outcome: CaseOutcomeSchema.nullable(),
  reason: ReasonCategorySchema,
  urgency: UrgencySchema,
  modality: ModalitySchema,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** First name of the supporter once one has accepted; nothing else about them. */
  supporterFirstName: z.string().nullable(),
  canWithdraw: z.boolean(),
  /** Finished, and still within the reopen window: "I'd like to talk again" starts matching anew. */
  canReopen: z.boolean(),
});
export const MyRequestListSchema = z.object({ requests: z.array(MyRequestSchema) });

export const MatchReasonSchema = z.object({ code: z.string(), text: z.string() });

/** An offer, before acceptance: enough to decide, nothing that identifies the requester. */
export const OfferSchema = z.object({
  id: IdSchema,
  reason: ReasonCategorySchema,
  urgency: UrgencySchema,
  modality: ModalitySchema,
  language: z.string().nullable(),
  requesterProfessionCategory: ProfessionCategorySchema.nullable(),
  offeredAt: z.string(),
  expiresAt: z.string(),
  matchReasons: z.array(MatchReasonSchema),
});
export const OfferListSchema = z.object({ offers: z.array(OfferSchema) });
export const OfferDeclineInputSchema = z.strictObject({ reason: OfferDeclineReasonSchema });

/** A case assigned to me: the requester's first name, how to reach them and the reason category — nothing else. */
export const SupporterCaseSchema = z.object({
  id: IdSchema,
  origin: CaseOriginSchema,
  state: CaseStateSchema,
  reason: ReasonCategorySchema,
  urgency: UrgencySchema,
  modality: ModalitySchema,
  language: z.string().nullable(),
  requesterFirstName: z.string(),
  contactMethod: ContactMethodSchema,
  contactValue: z.string(),
  assignedAt: z.string().nullable(),
});
export const SupporterCaseListSchema = z.object({ cases: z.array(SupporterCaseSchema) });

/**
 * "I need a debrief myself": a supporter's own request, which goes to the program director to
 * arrange rather than to the matcher (docs/team.md, "Looking after supporters").
 */
export const SupporterDebriefInputSchema = z.strictObject({
  urgency: UrgencySchema,
  modality: ModalitySchema,
});
export type SupporterDebriefInput = z.infer<typeof SupporterDebriefInputSchema>;
export const SupporterDebriefReceiptSchema = z.object({ id: IdSchema });
