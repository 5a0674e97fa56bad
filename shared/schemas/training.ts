import { z } from 'zod';
import { SupporterStateSchema } from './team.ts';
import { IdSchema } from './common.ts';

/** Training the team (docs/team.md, "Training and certification"). */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
const DateTime = z.iso.datetime({ offset: true, error: 'Use an ISO date and time' });
const Text = (max: number) => z.string().trim().min(1, 'Required').max(max);

/** A module's stable key: attendance is recorded against it, so it survives new curriculum versions. */
export const ModuleKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Use lower-case letters, digits and dashes (at most 60)');

export const CurriculumModuleSchema = z.object({
  key: ModuleKeySchema,
  title: z.string(),
  description: z.string(),
  minutes: z.number().int(),
  required: z.boolean(),
  position: z.number().int(),
});
export type CurriculumModule = z.infer<typeof CurriculumModuleSchema>;

export const CurriculumSchema = z.object({ version: z.number().int(), createdAt: z.string(), modules: z.array(CurriculumModuleSchema) });
export type Curriculum = z.infer<typeof CurriculumSchema>;

/** A save makes a new version; a module without a key is new and gets one from its title. The order given is the order kept. */
export const CurriculumInputSchema = z.strictObject({
  modules: z
    .array(
      z.strictObject({
        key: ModuleKeySchema.optional(),
        title: Text(120),
        description: z.string().trim().max(500),
        minutes: z.number().int().min(15, 'At least 15 minutes').max(2400, 'At most 40 hours'),
        required: z.boolean(),
      }),
    )
    .min(1, 'At least one module')
    .max(40, 'At most 40 modules'),
});
export type CurriculumInput = z.infer<typeof CurriculumInputSchema>;

export const CurriculumVersionParamsSchema = z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000) });

export const TrainingSettingsInputSchema = z.strictObject({
  certificationMonths: z.number().int().min(1, 'At least 1 month').max(60, 'At most 60 months'),
});

export const ScenarioSchema = z.object({ id: IdSchema, title: z.string(), situation: z.string() });
export type Scenario = z.infer<typeof ScenarioSchema>;
export const ScenarioInputSchema = z.strictObject({ title: Text(120), situation: Text(1000) });
export const ScenarioPatchSchema = ScenarioInputSchema.partial();

export const TRAINING_MODALITIES = ['in_person', 'remote'] as const;
export const TrainingModalitySchema = z.enum(TRAINING_MODALITIES);

export const TrainingSessionInputSchema = z.strictObject({
  startsAt: DateTime,
  endsAt: DateTime,
  modality: TrainingModalitySchema,
  /** In person: the room. Shown in calendar invites, so it must say nothing about what the session is. */
  place: z.string().trim().max(200).nullish(),
  /** Remote: the video link. */
  videoLink: z
    .url({ protocol: /^https$/, error: 'Use an https link' })
    .max(500)
    .nullish(),
  facilitatorId: IdSchema,
  capacity: z.number().int().min(1, 'At least 1').max(200, 'At most 200'),
  moduleKeys: z.array(ModuleKeySchema).min(1, 'Choose at least one module').max(40),
});
export type TrainingSessionInput = z.infer<typeof TrainingSessionInputSchema>;

/**
 * A change to a session: any of the fields of scheduling one (the form sends them all). What is not
 * given stays; the result is checked as a whole by the same rules.
 */
export const TrainingSessionPatchSchema = TrainingSessionInputSchema.partial();
export type TrainingSessionPatch = z.infer<typeof TrainingSessionPatchSchema>;

export const TrainingSessionChangeSchema = z.object({
  id: IdSchema,
  /** The calendar file's SEQUENCE now: one more than before when anything changed. */
  sequence: z.number().int(),
  /** How many invitees were e-mailed: only a new time or place is news to them. */
  notified: z.number().int(),
});
export type TrainingSessionChange = z.infer<typeof TrainingSessionChangeSchema>;

export const InvitationsInputSchema = z.strictObject({ personIds: z.array(IdSchema).min(1, 'Choose at least one person').max(200) });

/** The modules this person attended in this session; replaces what was recorded before for them there. */
export const AttendanceInputSchema = z.strictObject({ personId: IdSchema, moduleKeys: z.array(ModuleKeySchema).max(40) });

/** The observer's checklist: the same five questions for everyone, yes or no. No free text about the trainee. */
export const CHECKLIST_ITEMS = [
  'listenedWithoutJudging',
  'askedCommonQuestions',
  'offeredResources',
  'checkedSafety',
  'keptConfidentiality',
] as const;
export const ChecklistSchema = z.strictObject({
  listenedWithoutJudging: z.boolean(),
  askedCommonQuestions: z.boolean(),
  offeredResources: z.boolean(),
  checkedSafety: z.boolean(),
  keptConfidentiality: z.boolean(),
});
export const ObservationResultSchema = z.enum(['pass', 'repeat']);

export const ObservationInputSchema = z.strictObject({
  traineeId: IdSchema,
  scenarioId: IdSchema,
  observerId: IdSchema,
  observedAt: DateTime,
  checklist: ChecklistSchema,
  result: ObservationResultSchema,
});
export type ObservationInput = z.infer<typeof ObservationInputSchema>;

const PersonRef = z.object({ personId: IdSchema, firstName: z.string(), lastName: z.string() });

export const TrainingSessionSchema = z.object({
  id: IdSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  modality: TrainingModalitySchema,
  place: z.string().nullable(),
  videoLink: z.string().nullable(),
  facilitator: PersonRef,
  capacity: z.number().int(),
  moduleKeys: z.array(z.string()),
  status: z.enum(['scheduled', 'cancelled']),
  invitees: z.array(PersonRef.extend({ attended: z.array(z.string()) })),
});
export type TrainingSession = z.infer<typeof TrainingSessionSchema>;

export const ObservationSchema = z.object({
  id: IdSchema,
  trainee: PersonRef,
  observer: PersonRef,
  scenarioTitle: z.string(),
  observedAt: z.string(),
  checklist: ChecklistSchema,
  result: ObservationResultSchema,
});

export const TraineeProgressSchema = PersonRef.extend({
  state: SupporterStateSchema,
  /** Required modules of the current curriculum attended since they entered training. */
  requiredAttended: z.number().int(),
  requiredTotal: z.number().int(),
  passedRolePlay: z.boolean(),
});
export type TraineeProgress = z.infer<typeof TraineeProgressSchema>;

export const TrainingOverviewSchema = z.object({
  today: Day,
  /** The organisation's time zone: session and role-play times are entered and shown in it. */
  timeZone: z.string(),
  certificationMonths: z.number().int(),
  curriculum: CurriculumSchema,
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string() })),
  scenarios: z.array(ScenarioSchema),
  sessions: z.array(TrainingSessionSchema),
  observations: z.array(ObservationSchema),
  trainees: z.array(TraineeProgressSchema),
  /** Per module of the current curriculum: how many people in training, and on the team, have attended it. */
  coverage: z.array(
    z.object({ key: z.string(), title: z.string(), required: z.boolean(), inTraining: z.number().int(), onTeam: z.number().int() }),
  ),
  /** Whom sessions can invite and who can facilitate or observe: people with a journey and those who run the program. */
  people: z.array(PersonRef.extend({ state: SupporterStateSchema.nullable() })),
});
export type TrainingOverview = z.infer<typeof TrainingOverviewSchema>;

export const MyTrainingSchema = z.object({
  state: SupporterStateSchema.nullable(),
  certifiedUntil: z.string().nullable(),
  /**
   * Whether Peerline holds a finished course for this person: every required module of some version
   * of the curriculum attended, and a role-play passed. When it does not, a certification they hold
   * was recorded by the director for training done before or outside Peerline.
   */
  courseOnRecord: z.boolean(),
  /** The organisation's time zone, which session and role-play times are shown in. */
  timeZone: z.string(),
  modules: z.array(
    z.object({ key: z.string(), title: z.string(), minutes: z.number().int(), required: z.boolean(), attended: z.boolean() }),
  ),
  /** Results only: the checklist stays with the program. */
  rolePlays: z.array(z.object({ observedAt: z.string(), result: ObservationResultSchema })),
  sessions: z.array(
    z.object({
      id: IdSchema,
      startsAt: z.string(),
      endsAt: z.string(),
      modality: TrainingModalitySchema,
      place: z.string().nullable(),
      videoLink: z.string().nullable(),
      status: z.enum(['scheduled', 'cancelled']),
      moduleTitles: z.array(z.string()),
    }),
  ),
});
export type MyTraining = z.infer<typeof MyTrainingSchema>;
