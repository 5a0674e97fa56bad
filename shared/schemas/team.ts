import { z } from 'zod';
import { SUPPORTER_EVENTS, SUPPORTER_STATES } from '../supporter-lifecycle.ts';
import { EmailSchema, IdSchema } from './common.ts';

/** Building the team (docs/team.md): nominations, a person's own journey, the director's view. */

export const SupporterStateSchema = z.enum(SUPPORTER_STATES);
export const SupporterEventTypeSchema = z.enum(SUPPORTER_EVENTS);

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

/** A colleague's work e-mail, or one's own to volunteer. */
export const NominationInputSchema = z.strictObject({ email: EmailSchema });

/**
 * The same answer whether or not the address is in the directory, so nominating cannot be used to
 * find out who works here or who was nominated before. `self` says the caller volunteered.
 */
export const NominationReceiptSchema = z.object({ received: z.literal(true), self: z.boolean() });

/** Events a person may fire about themselves. */
export const OWN_SUPPORTER_EVENTS = ['interest_confirmed', 'nomination_declined', 'withdrew', 'paused', 'resumed', 'retired'] as const;
export const OwnSupporterEventSchema = z.strictObject({ type: z.enum(OWN_SUPPORTER_EVENTS) });

/** Events the director fires; certifying names the last day of the certification. */
export const DIRECTOR_SUPPORTER_EVENTS = [
  'accepted_for_training',
  'not_selected',
  'certified',
  'recertified',
  'activated',
  'paused',
  'resumed',
  'retired',
  'refresher_started',
] as const;
export const DirectorSupporterEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['certified', 'recertified']), until: Day }),
  z.strictObject({
    type: z.enum(['accepted_for_training', 'not_selected', 'activated', 'paused', 'resumed', 'retired', 'refresher_started']),
  }),
]);

export const MyJourneySchema = z.object({
  /** Null: never nominated, or a nomination they declined (which left nothing behind). */
  state: SupporterStateSchema.nullable(),
  stateSince: z.string().nullable(),
  certifiedUntil: z.string().nullable(),
  /** What the person may do now; the page shows one button per entry. */
  allowedEvents: z.array(SupporterEventTypeSchema),
});
export type MyJourney = z.infer<typeof MyJourneySchema>;

export const TeamMemberSchema = z.object({
  personId: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  profession: z.string().nullable(),
  department: z.string().nullable(),
  state: SupporterStateSchema,
  stateSince: z.string().nullable(),
  certifiedUntil: z.string().nullable(),
  /** How many colleagues put their name forward (0 for volunteers). */
  nominations: z.number().int(),
  /** Matched for requests and put on call today. */
  onDuty: z.boolean(),
  allowedEvents: z.array(SupporterEventTypeSchema),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamViewSchema = z.object({
  today: Day,
  /** People per state. `nominated` is a count only: nobody is named before they say yes. */
  counts: z.record(SupporterStateSchema, z.number().int()),
  /** Everyone past the nominee's own answer; declined nominations are not here, nor anywhere. */
  members: z.array(TeamMemberSchema),
  /** Certified, active or paused people whose certification ends within 60 days, soonest first. */
  lapsingSoon: z.array(z.object({ personId: IdSchema, firstName: z.string(), lastName: z.string(), certifiedUntil: Day })),
});
export type TeamView = z.infer<typeof TeamViewSchema>;
