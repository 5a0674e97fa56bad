import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateTimeSchema } from './common.ts';
import { ModalitySchema } from './case-vocabulary.ts';

/**
 * Private conversations (scheduling, invites) and the conversation guide. Nothing said in a
 * conversation is stored: no schema here has a notes field, and unknown fields are refused.
 */

export const CONVERSATION_MINUTES_MIN = 15;
export const CONVERSATION_MINUTES_MAX = 180;
export const CONVERSATION_STATUSES = ['scheduled', 'cancelled'] as const;
export const ConversationStatusSchema = z.enum(CONVERSATION_STATUSES);

const MinutesSchema = z.number().int().min(CONVERSATION_MINUTES_MIN).max(CONVERSATION_MINUTES_MAX);

export const ConversationInputSchema = z.strictObject({
  startsAt: IsoDateTimeSchema,
  minutes: MinutesSchema,
  modality: ModalitySchema,
});
export type ConversationInput = z.infer<typeof ConversationInputSchema>;

export const ConversationRescheduleSchema = z.strictObject({
  startsAt: IsoDateTimeSchema,
  minutes: MinutesSchema.optional(),
});
export type ConversationReschedule = z.infer<typeof ConversationRescheduleSchema>;

export const ConversationParamsSchema = z.strictObject({ id: IdSchema, conversationId: IdSchema });

/** What both parties see of a conversation: when, how, the video link, whether it still stands. */
export const ConversationSchema = z.object({
  id: IdSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number().int(),
  modality: ModalitySchema,
  videoLink: z.string().nullable(),
  status: ConversationStatusSchema,
  sequence: z.number().int(),
});
export type Conversation = z.infer<typeof ConversationSchema>;
export const ConversationListSchema = z.object({ conversations: z.array(ConversationSchema) });

export const ConversationSettingsSchema = z.object({
  conversationTitle: z.string(),
  videoLinkPattern: z.string().nullable(),
  /** The mental-health back-up's address (a team pager or crisis desk), alerted with the director on imminent risk. */
  crisisBackupEmail: z.string().nullable(),
});
export const ConversationSettingsPatchSchema = z.strictObject({
  conversationTitle: z.string().trim().min(1).max(80).optional(),
  videoLinkPattern: z
    .string()
    .trim()
    .max(300)
    .regex(/^https:\/\/[^\s@]+$/, 'Must be an https link')
    .refine((value) => value.includes('{token}'), 'Must contain {token}')
    .nullable()
    .optional(),
  crisisBackupEmail: EmailSchema.nullable().optional(),
});
export type ConversationSettingsPatch = z.infer<typeof ConversationSettingsPatchSchema>;

export const GuideSectionSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/, 'Lower-case letters, digits, - and _'),
  title: z.string().trim().min(1).max(120),
  prompts: z.array(z.string().trim().min(1).max(300)).min(1).max(20),
});
export type GuideSection = z.infer<typeof GuideSectionSchema>;

export const ConversationGuideSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), prompts: z.array(z.string()) })),
});
export type ConversationGuide = z.infer<typeof ConversationGuideSchema>;

export const ConversationGuideInputSchema = z.strictObject({
  sections: z
    .array(GuideSectionSchema)
    .min(1)
    .max(20)
    .refine((sections) => new Set(sections.map((s) => s.id)).size === sections.length, 'Section ids must be unique'),
});
export type ConversationGuideInput = z.infer<typeof ConversationGuideInputSchema>;
