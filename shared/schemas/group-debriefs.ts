import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateTimeSchema } from './common.ts';

/**
 * Group debriefs after an event notice. The administrator schedules one with
 * facilitators (supporters) and an invite list; afterwards only the head count and the length are
 * recorded. No free text: no title, no room, no notes (docs/product.md, "No free text anywhere").
 */

export const DEBRIEF_MODALITIES = ['in_person', 'video', 'phone'] as const;
export const DebriefModalitySchema = z.enum(DEBRIEF_MODALITIES);
export const DEBRIEF_FACILITATORS_MAX = 5;
export const DEBRIEF_INVITEES_MAX = 200;

/** Someone asked to come: one of the notice's involved staff by id, or anyone in the directory by work e-mail. */
export const DebriefInviteeSchema = z.union([z.strictObject({ personId: IdSchema }), z.strictObject({ workEmail: EmailSchema })]);

export const GroupDebriefInputSchema = z.strictObject({
  startsAt: IsoDateTimeSchema,
  minutes: z.number().int().min(15, 'At least 15 minutes').max(240, 'At most 4 hours'),
  modality: DebriefModalitySchema,
  facilitators: z.array(IdSchema).min(1, 'Choose at least one facilitator').max(DEBRIEF_FACILITATORS_MAX),
  /** Invite every person the notice named (the administrator does not need their ids). */
  inviteNamedStaff: z.boolean().default(false),
  invitees: z.array(DebriefInviteeSchema).max(DEBRIEF_INVITEES_MAX).default([]),
});
export type GroupDebriefInput = z.infer<typeof GroupDebriefInputSchema>;
/**
 * A change is the whole debrief again (`PUT`): the same fields as scheduling, so what the form shows
 * is what is kept. Everyone still asked gets an update of the same invite; someone taken off the list
 * gets a cancellation; someone new gets an invite.
 */
export const GroupDebriefChangeSchema = GroupDebriefInputSchema;
export type GroupDebriefRequest = z.input<typeof GroupDebriefInputSchema>;

/** What happened, in numbers only. */
export const GroupDebriefOutcomeSchema = z.strictObject({
  headCount: z.number().int().min(0).max(1000),
  minutes: z.number().int().min(1).max(600),
});

export const DEBRIEF_STATUSES = ['scheduled', 'cancelled'] as const;

export const GroupDebriefSchema = z.strictObject({
  id: IdSchema,
  noticeId: IdSchema,
  startsAt: z.string(),
  minutes: z.number().int(),
  modality: DebriefModalitySchema,
  /** For a video debrief, the link made from the program's pattern (none when the program has none). */
  videoLink: z.string().nullable(),
  status: z.enum(DEBRIEF_STATUSES),
  cancelledAt: z.string().nullable(),
  facilitators: z.array(z.strictObject({ personId: IdSchema, firstName: z.string(), lastName: z.string() })),
  inviteeCount: z.number().int().min(0),
  /** Of the invitees, how many are staff named in the notice (a number: the administrator sees no names). */
  namedInviteeCount: z.number().int().min(0),
  /** The other invitees, by the work e-mail the administrator typed, so a change can keep or drop them. */
  otherInvitees: z.array(z.strictObject({ workEmail: z.string() })),
  headCount: z.number().int().nullable(),
  actualMinutes: z.number().int().nullable(),
  recordedAt: z.string().nullable(),
  /**
   * When the invitees were erased, the retention period after the debrief ended: the counts above
   * are then the ones it had, and nobody is listed.
   */
  inviteListErasedAt: z.string().nullable(),
});
export type GroupDebrief = z.infer<typeof GroupDebriefSchema>;
export const GroupDebriefListSchema = z.strictObject({ debriefs: z.array(GroupDebriefSchema) });

export const DebriefParamsSchema = z.strictObject({ id: IdSchema, debriefId: IdSchema });
export const DebriefInviteParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a valid link') });
