import { z } from 'zod';

/**
 * The urgent path: an urgent case pages the on-call supporter at once; unanswered
 * after the ack window, the next step of the chain is paged. Nothing here says what happened.
 */
export const PAGING_STEPS = ['on_call', 'backup', 'program_admin', 'program_director'] as const;
export const PagingStepSchema = z.enum(PAGING_STEPS);
export type PagingStep = z.infer<typeof PagingStepSchema>;

export const DEFAULT_ACK_MINUTES = 15;
export const DEFAULT_PAGING_STEPS: readonly PagingStep[] = PAGING_STEPS;

export const PagingSettingsSchema = z.strictObject({
  ackMinutes: z.number().int().min(1).max(240),
  steps: z
    .array(PagingStepSchema)
    .min(1)
    .max(4)
    .refine((s) => new Set(s).size === s.length, 'Each step may appear once'),
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
});
export type PagingSettings = z.infer<typeof PagingSettingsSchema>;

export const PageSchema = z.strictObject({
  id: z.uuid(),
  /** How many people the chain is about (an urgent notice naming several: one page, the count). */
  caseCount: z.number().int(),
  step: z.number().int(),
  targetRole: PagingStepSchema,
  sentAt: z.string(),
  status: z.enum(['open', 'acknowledged', 'closed']),
});
export type Page = z.infer<typeof PageSchema>;
export const PageListSchema = z.strictObject({ pages: z.array(PageSchema) });
