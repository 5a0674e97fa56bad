import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateTimeSchema } from './common.ts';
import { ModalitySchema } from './case-vocabulary.ts';

/**
 * Private conversations (scheduling, invites) and the conversation guide. Nothing said in a
 * conversation is stored: no schema here has a notes field, and unknown fields are refused.
 */

export const MEETING_MINUTES_MIN = 15;
export const MEETING_MINUTES_MAX = 180;
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);

const MinutesSchema = z.number().int().min(MEETING_MINUTES_MIN).max(MEETING_MINUTES_MAX);

export const MeetingInputSchema = z.strictObject({
  startsAt: IsoDateTimeSchema,
  minutes: MinutesSchema,
  modality: ModalitySchema,
});
export type MeetingInput = z.infer<typeof MeetingInputSchema>;

export const MeetingRescheduleSchema = z.strictObject({
  startsAt: IsoDateTimeSchema,
  minutes: MinutesSchema.optional(),
});
export type MeetingReschedule = z.infer<typeof MeetingRescheduleSchema>;

export const MeetingParamsSchema = z.strictObject({ id: IdSchema, meetingId: IdSchema });

/** What both parties see of a meeting: when, how, the video link, whether it still stands. */
export const MeetingSchema = z.object({
  id: IdSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number().int(),
  modality: ModalitySchema,
  videoLink: z.string().nullable(),
  status: MeetingStatusSchema,
  sequence: z.number().int(),
});
export type Meeting = z.infer<typeof MeetingSchema>;
export const MeetingListSchema = z.object({ meetings: z.array(MeetingSchema) });

export const ConversationSettingsSchema = z.object({
  meetingTitle: z.string(),
  videoLinkPattern: z.string().nullable(),
  /** The mental-health back-up's address (a team pager or crisis desk), alerted with the director on imminent risk. */
  crisisBackupEmail: z.string().nullable(),
});
export const ConversationSettingsPatchSchema = z.strictObject({
  meetingTitle: z.string().trim().min(1).max(80).optional(),
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
