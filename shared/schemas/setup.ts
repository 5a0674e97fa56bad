import { z } from 'zod';

/** Setting the program up (docs/setup.md): the article's steps, each judged from what is recorded. */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

export const SETUP_STEPS = ['leadership', 'scope', 'team', 'training', 'activation', 'awareness'] as const;
export const SetupStepIdSchema = z.enum(SETUP_STEPS);
export type SetupStepId = z.infer<typeof SetupStepIdSchema>;

export const SetupStatusSchema = z.enum(['done', 'in_progress', 'not_started']);

export const FoundationsSchema = z.object({
  sponsorName: z.string().nullable(),
  sponsorRole: z.string().nullable(),
  sponsorAgreedOn: z.string().nullable(),
  protectionBasis: z.string().nullable(),
  protectionConfirmedBy: z.string().nullable(),
  protectionConfirmedOn: z.string().nullable(),
});
export type Foundations = z.infer<typeof FoundationsSchema>;

/** Recording the sponsor, or the protection, or both: each part whole or absent. */
export const FoundationsInputSchema = z.strictObject({
  sponsor: z.strictObject({ name: Text(120), role: Text(120), agreedOn: Day }).optional(),
  protection: z
    .strictObject({
      /** What protects it: "State peer review statute, §…", "Patient safety work product (PSQIA)". */
      basis: Text(300),
      /** Who confirmed it: "General Counsel, A. Moreno". */
      confirmedBy: Text(120),
      confirmedOn: Day,
    })
    .optional(),
});
export type FoundationsInput = z.infer<typeof FoundationsInputSchema>;

export const SetupViewSchema = z.object({
  foundations: FoundationsSchema,
  steps: z.array(
    z.object({
      id: SetupStepIdSchema,
      status: SetupStatusSchema,
      checks: z.array(z.object({ label: z.string(), done: z.boolean(), detail: z.string() })),
      /** Where in the app the step is done. */
      link: z.string().nullable(),
    }),
  ),
});
export type SetupView = z.infer<typeof SetupViewSchema>;
