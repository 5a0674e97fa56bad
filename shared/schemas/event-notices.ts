import { z } from 'zod';
import { SHORT_TEXT_MAX } from '../limits.ts';
import { EmailSchema, IdSchema, IsoDateTimeSchema } from './common.ts';
import { CaseStateSchema, ReasonCategorySchema } from './case-vocabulary.ts';

/**
 * Event notices. A notice is when, which trigger, which department, who was involved and
 * whether it is urgent. There is deliberately no description field: what happened belongs in the
 * incident-reporting system, never in the peer-support program (docs/product.md, C1 and
 * "No free text anywhere").
 */

/** Most events name a handful of people; a mass-casualty event may name many. */
export const INVOLVED_MAX = 200;

/** The default trigger catalogue (forYOU / CHCO lists), seeded per organisation on first use. */
export const DEFAULT_EVENT_TRIGGERS = [
  { code: 'unexpected_patient_death', label: 'Unexpected patient death', reason: 'patient_death' },
  { code: 'serious_safety_event', label: 'Serious safety event', reason: 'adverse_event' },
  { code: 'paediatric_event', label: 'Paediatric event', reason: 'adverse_event' },
  { code: 'first_patient_death', label: 'First patient death', reason: 'patient_death' },
  { code: 'multiple_bad_outcomes', label: 'Multiple bad outcomes in a short time', reason: 'adverse_event' },
  { code: 'litigation_or_board_complaint', label: 'Notice of litigation or board complaint', reason: 'litigation_or_complaint' },
  { code: 'violence_against_staff', label: 'Violence against staff', reason: 'violence_or_threat' },
  { code: 'death_of_colleague', label: 'Death of a colleague', reason: 'personal' },
  { code: 'high_risk_exposure', label: 'High-risk exposure', reason: 'other' },
  { code: 'other', label: 'Other', reason: 'other' },
] as const;

export const EventTriggerSchema = z.object({
  id: IdSchema,
  label: z.string(),
  reason: ReasonCategorySchema,
  active: z.boolean(),
});
export const EventTriggerListSchema = z.object({ triggers: z.array(EventTriggerSchema) });

const TriggerLabel = z.string().trim().min(1).max(SHORT_TEXT_MAX);
export const EventTriggerCreateSchema = z.strictObject({ label: TriggerLabel, reason: ReasonCategorySchema });
export const EventTriggerUpdateSchema = z.strictObject({ label: TriggerLabel.optional(), active: z.boolean().optional() });

/** One involved person: picked from the directory (id) or named by work e-mail. */
export const InvolvedPersonSchema = z.union([z.strictObject({ personId: IdSchema }), z.strictObject({ workEmail: EmailSchema })]);

export const EventNoticeInputSchema = z.strictObject({
  occurredAt: IsoDateTimeSchema,
  triggerId: IdSchema,
  departmentId: IdSchema,
  urgent: z.boolean(),
  involved: z.array(InvolvedPersonSchema).min(1, 'Name at least one person').max(INVOLVED_MAX),
});
export type EventNoticeInput = z.infer<typeof EventNoticeInputSchema>;

/** Everything the reporter ever learns about what follows (the firewall). */
export const EventNoticeReceiptSchema = z.strictObject({ received: z.literal(true), offeredCount: z.number().int().min(0) });
export type EventNoticeReceipt = z.infer<typeof EventNoticeReceiptSchema>;

/** The reporter's own notices: what they filed and "received" — nothing about outreach. */
export const MyEventNoticeSchema = z.strictObject({
  id: IdSchema,
  occurredAt: z.string(),
  filedAt: z.string(),
  trigger: z.string(),
  department: z.string(),
  urgent: z.boolean(),
  involvedCount: z.number().int(),
  received: z.literal(true),
});
export const MyEventNoticeListSchema = z.object({ notices: z.array(MyEventNoticeSchema) });

/** The administrators' view: per notice, how many of its outreach cases are in each state. */
export const ManagedEventNoticeSchema = z.strictObject({
  id: IdSchema,
  occurredAt: z.string(),
  filedAt: z.string(),
  trigger: z.string(),
  department: z.string(),
  urgent: z.boolean(),
  filedVia: z.enum(['person', 'integration']),
  involvedCount: z.number().int(),
  casesByState: z.partialRecord(CaseStateSchema, z.number().int()),
});
export const ManagedEventNoticeListSchema = z.object({ notices: z.array(ManagedEventNoticeSchema) });

// Integration tokens ----------------------------------------------------------------------------

export const IntegrationTokenCreateSchema = z.strictObject({ label: z.string().trim().min(1).max(SHORT_TEXT_MAX) });
export const IntegrationTokenSchema = z.strictObject({
  id: IdSchema,
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const IntegrationTokenListSchema = z.object({ tokens: z.array(IntegrationTokenSchema) });
/** The secret is shown once, at creation; only its hash is stored. */
export const CreatedIntegrationTokenSchema = z.strictObject({ token: IntegrationTokenSchema, secret: z.string() });

// The one-click "no thanks" page ---------------------------------------------------------------

export const OutreachTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a valid link') });
export const OutreachInviteStatusSchema = z.strictObject({ valid: z.boolean() });
