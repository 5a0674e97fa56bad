import { z } from 'zod';
import { PAGE_SIZE_MAX } from '../limits.ts';
import { IdSchema } from './common.ts';
import { ContactMethodSchema, MatchReasonSchema } from './case.ts';
import { CaseOriginSchema, CaseStateSchema, ModalitySchema, ReasonCategorySchema, UrgencySchema } from './case-vocabulary.ts';

/**
 * The administrator case board and the director's audit log (docs/product.md, C5). The board
 * shows who is assigned to whom, never who asked: the requester's first name and contact come only
 * from the separate, audited contact route.
 */

export const CaseBoardQuerySchema = z.strictObject({
  /** Without a state, every open case; with one (open or finished), only that state. */
  state: CaseStateSchema.optional(),
  origin: CaseOriginSchema.optional(),
  urgency: UrgencySchema.optional(),
});
export type CaseBoardQuery = z.infer<typeof CaseBoardQuerySchema>;

export const SupporterRefSchema = z.object({ id: IdSchema, firstName: z.string(), lastName: z.string() });

/**
 * First-contact clock: the due time stored on the case when it was opened, from the program's target
 * for its origin and urgency (shared/schemas/service-levels.ts; set by the director).
 */
export const ServiceLevelSchema = z.object({
  firstContactDueAt: z.string(),
  firstContactAt: z.string().nullable(),
  /** Contact happened after the due time, or has not happened and the due time has passed. */
  breached: z.boolean(),
});

export const CaseBoardEntrySchema = z.object({
  id: IdSchema,
  origin: CaseOriginSchema,
  state: CaseStateSchema,
  reason: ReasonCategorySchema,
  urgency: UrgencySchema,
  modality: ModalitySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  serviceLevel: ServiceLevelSchema,
  assignedSupporter: SupporterRefSchema.nullable(),
  offeredSupporter: SupporterRefSchema.nullable(),
  offerCount: z.number().int(),
  relaxedRules: z.array(z.string()),
});
export const CaseBoardSchema = z.object({ cases: z.array(CaseBoardEntrySchema) });

/** Shown only on an explicit request to act (call, e-mail); every read is audited. */
export const CaseContactSchema = z.object({
  caseId: IdSchema,
  requesterFirstName: z.string().nullable(),
  contactMethod: ContactMethodSchema.nullable(),
  contactValue: z.string().nullable(),
});

export const SuggestionSchema = z.object({
  supporter: SupporterRefSchema,
  score: z.number(),
  reasons: z.array(MatchReasonSchema),
});
export const CaseSuggestionsSchema = z.object({
  best: SuggestionSchema.nullable(),
  alternates: z.array(SuggestionSchema),
  relaxedRules: z.array(z.string()),
});

export const AssignInputSchema = z.strictObject({
  supporterId: IdSchema,
  /**
   * The supporter the administrator saw holding the case (null: nobody). When given and the case has
   * changed hands since, the assignment is refused with 409 instead of silently overriding a colleague.
   */
  expectedSupporterId: IdSchema.nullable().optional(),
});
export type AssignInput = z.infer<typeof AssignInputSchema>;

export const AuditQuerySchema = z
  .strictObject({
    caseId: IdSchema.optional(),
    actorId: IdSchema.optional(),
    action: z
      .string()
      .trim()
      .regex(/^[a-z_.]{1,64}$/, 'Letters, dots and underscores only')
      .optional(),
    from: z.iso.datetime({ error: 'Must be an ISO date-time' }).optional(),
    to: z.iso.datetime({ error: 'Must be an ISO date-time' }).optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && Date.parse(value.from) > Date.parse(value.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must not be before from' });
    }
  });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** `case` entries come from the case audit, `event` entries from the directory and account audit. */
  source: z.enum(['case', 'event']),
  action: z.string(),
  /** The name resolves only while the person still exists (erasure makes the id stop resolving). */
  actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  caseId: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  /** A code from a fixed vocabulary: the role granted or removed, for role changes. */
  detail: z.string().nullable(),
});
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema) });
