import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common.ts';

/**
 * The on-call rota. Colleagues on the team see each other's first and last name on
 * the schedule (they are colleagues on one rota); nothing here is about a case or a requester.
 */

/** The longest window the schedule answers for at once (a calendar month view and a bit). */
export const SCHEDULE_MAX_DAYS = 62;
/** The longest single shift or override an administrator can add in one go. */
export const SHIFT_MAX_DAYS = 31;
export const TAKE_NOW_MAX_HOURS = 24;
export const ROTATION_MAX_MEMBERS = 60;

const DAY_MS = 86_400_000;

export const RotaPersonSchema = z.object({ id: IdSchema, firstName: z.string(), lastName: z.string() });
export type RotaPerson = z.infer<typeof RotaPersonSchema>;

export const OnCallSourceSchema = z.enum(['rotation', 'shift', 'override']);
export const ShiftKindSchema = z.enum(['shift', 'override']);
export const SwapStatusSchema = z.enum(['pending', 'accepted', 'declined', 'cancelled']);

/** NaN when either end is not a date-time: those fields have their own error already. */
const spanMs = (v: unknown): number => {
  const { startsAt, endsAt } = v as { startsAt: string; endsAt: string };
  return Date.parse(endsAt) - Date.parse(startsAt);
};
/** The check passes when the span could not be measured, so only the malformed field is named. */
const unmeasurableOr = (ms: number, ok: (ms: number) => boolean) => Number.isNaN(ms) || ok(ms);

/** [startsAt, endsAt) with the end after the start and at most `maxDays` long; errors name `endsAt`. */
function span<T extends z.ZodRawShape>(shape: T, maxDays: number) {
  return z
    .strictObject({ ...shape, startsAt: IsoDateTimeSchema, endsAt: IsoDateTimeSchema })
    .refine((v) => unmeasurableOr(spanMs(v), (ms) => ms > 0), { path: ['endsAt'], message: 'Must be after the start' })
    .refine((v) => unmeasurableOr(spanMs(v), (ms) => ms <= maxDays * DAY_MS), {
      path: ['endsAt'],
      message: `At most ${maxDays} days after the start`,
    });
}

export const ScheduleQuerySchema = z
  .strictObject({ from: IsoDateTimeSchema, to: IsoDateTimeSchema })
  .refine((v) => unmeasurableOr(Date.parse(v.to) - Date.parse(v.from), (ms) => ms > 0), { path: ['to'], message: 'Must be after "from"' })
  .refine((v) => unmeasurableOr(Date.parse(v.to) - Date.parse(v.from), (ms) => ms <= SCHEDULE_MAX_DAYS * DAY_MS), {
    path: ['to'],
    message: `At most ${SCHEDULE_MAX_DAYS} days after "from"`,
  });
export type ScheduleQuery = z.infer<typeof ScheduleQuerySchema>;

export const OnCallNowSchema = z.object({
  /** Null: nobody is on call right now (urgent requests then go to the escalation chain). */
  person: RotaPersonSchema.nullable(),
  until: z.string().nullable(),
  source: OnCallSourceSchema.nullable(),
  /** The next people in line over the coming two weeks, in order. */
  next: z.array(z.object({ person: RotaPersonSchema, startsAt: z.string() })),
});
export type OnCallNow = z.infer<typeof OnCallNowSchema>;

export const ScheduleSegmentSchema = z.object({
  person: RotaPersonSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  source: OnCallSourceSchema,
});
export type ScheduleSegment = z.infer<typeof ScheduleSegmentSchema>;

export const ScheduleSchema = z.object({
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  now: OnCallNowSchema,
  segments: z.array(ScheduleSegmentSchema),
  /** Certified, active supporters: who may be put on the rota or asked to take a stretch. */
  colleagues: z.array(RotaPersonSchema),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const RotationInputSchema = z.strictObject({
  members: z
    .array(IdSchema)
    .min(1, { error: 'At least one supporter' })
    .max(ROTATION_MAX_MEMBERS)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'A supporter appears twice' }),
  startsOn: z.iso.date({ error: 'Must be a day (YYYY-MM-DD)' }),
  handoffAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Must be a time (HH:MM)' }),
  periodDays: z.number().int().min(1).max(28),
});
export type RotationInput = z.infer<typeof RotationInputSchema>;

export const RotationSchema = z.object({
  members: z.array(RotaPersonSchema),
  startsOn: z.string(),
  handoffAt: z.string(),
  periodDays: z.number().int(),
  timeZone: z.string(),
  updatedAt: z.string(),
});

export const ShiftInputSchema = span({ personId: IdSchema, kind: ShiftKindSchema }, SHIFT_MAX_DAYS);
export type ShiftInput = z.infer<typeof ShiftInputSchema>;

export const ShiftSchema = z.object({
  id: IdSchema,
  person: RotaPersonSchema,
  kind: ShiftKindSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  createdAt: z.string(),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const SwapSchema = z.object({
  id: IdSchema,
  from: RotaPersonSchema,
  to: RotaPersonSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  status: SwapStatusSchema,
  /** An administrator made it for the supporters (accepted at once). */
  madeOnBehalf: z.boolean(),
  createdAt: z.string(),
});
export type Swap = z.infer<typeof SwapSchema>;
export const SwapListSchema = z.object({ swaps: z.array(SwapSchema) });

export const RotaSchema = z.object({
  timeZone: z.string(),
  rotation: RotationSchema.nullable(),
  /** Shifts and overrides that have not ended yet, in time order. */
  shifts: z.array(ShiftSchema),
  swaps: z.array(SwapSchema),
});
export type Rota = z.infer<typeof RotaSchema>;

/** A supporter asks a colleague to take a stretch of their own on-call time. */
export const SwapRequestInputSchema = span({ toPersonId: IdSchema }, SHIFT_MAX_DAYS);
export type SwapRequestInput = z.infer<typeof SwapRequestInputSchema>;

/** An administrator moves a stretch from one supporter to another, accepted at once (audited). */
export const SwapOnBehalfInputSchema = span({ fromPersonId: IdSchema, toPersonId: IdSchema }, SHIFT_MAX_DAYS);
export type SwapOnBehalfInput = z.infer<typeof SwapOnBehalfInputSchema>;

export const TakeNowInputSchema = z.strictObject({ hours: z.number().int().min(1).max(TAKE_NOW_MAX_HOURS) });
export type TakeNowInput = z.infer<typeof TakeNowInputSchema>;

export const FeedTokenSchema = z.object({
  /** Shown once: the token in it is the only credential of the feed. */
  url: z.string(),
  path: z.string(),
  createdAt: z.string(),
});

export const FeedParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Not a feed address' }) });
