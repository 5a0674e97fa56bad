import { z } from 'zod';

/**
 * Leadership's reports (docs/reporting.md): counts per ended quarter with every count from 1 to
 * k−1 hidden, and any other count that would let a hidden one be worked out. A hidden count is
 * `null`; pages and exports show it as "< k". No names, no ids, no free text, no single case.
 */

/** A published count; null when hidden. */
const Count = z.number().int().nonnegative().nullable();

export const MIN_COUNT_LOWEST = 5;
export const MIN_COUNT_HIGHEST = 20;
export const DEFAULT_MIN_COUNT = 11;

export const DistributionSchema = z.object({
  total: Count,
  rows: z.array(z.object({ key: z.string(), count: Count })),
});
export type Distribution = z.infer<typeof DistributionSchema>;

export const QuarterReportSchema = z.object({
  /** e.g. 2026-Q3 */
  quarter: z.string(),
  /** Requests opened per month of the quarter. */
  months: z.array(z.object({ month: z.string(), requests: Count })),
  /** Requests opened in the quarter, by how they came in, their reason, and the requester's profession. */
  byOrigin: DistributionSchema,
  byReason: DistributionSchema,
  byProfession: DistributionSchema,
  /** Offers made to supporters in the quarter, by what became of them. */
  offers: DistributionSchema,
  /** Requests opened in the quarter that reached first contact: how long it took (clock hours). */
  firstContact: z.object({
    reached: Count,
    medianHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
    /** Share of those reached within the program's first-contact target. */
    withinTarget: z.number().nullable(),
  }),
  /** Conversations logged in the quarter that went beyond peer support: a referral to a professional, or urgent escalation. */
  escalations: Count,
  /** Referrals offered in the quarter, by the resource's category. */
  referrals: DistributionSchema,
  /** Conversations logged, the people they supported, and conversations per person. */
  conversations: z.object({ logged: Count, peopleSupported: Count, perPerson: z.number().nullable() }),
  /**
   * Departments with at least one request, of all departments, among the requests whose department
   * is still on record (`onRecord`): erasure after the retention period removes it.
   */
  reach: z.object({ departments: z.number().int(), withRequests: Count, share: z.number().nullable(), onRecord: Count }),
  /** Anonymous feedback given in the quarter. */
  feedback: z.object({ responses: Count, helpfulness: z.number().nullable(), wouldRecommend: z.number().nullable() }),
});
export type QuarterReport = z.infer<typeof QuarterReportSchema>;

export const ProgramReportSchema = z.object({
  /** The smallest count shown (k); smaller ones read "< k". */
  minCount: z.number().int(),
  timeZone: z.string(),
  /** The last four ended quarters, newest first. */
  quarters: z.array(QuarterReportSchema),
  /** The team today: supporters against the staff the program serves, and their certification. */
  team: z.object({
    staff: z.number().int(),
    onTeam: z.number().int(),
    active: z.number().int(),
    inTraining: z.number().int(),
    /** Staff per supporter on the team; programs aim for one supporter per 50–100 staff. */
    staffPerSupporter: z.number().nullable(),
  }),
});
export type ProgramReport = z.infer<typeof ProgramReportSchema>;

export const ReportSettingsSchema = z.strictObject({
  minCount: z.number().int().min(MIN_COUNT_LOWEST, `At least ${MIN_COUNT_LOWEST}`).max(MIN_COUNT_HIGHEST, `At most ${MIN_COUNT_HIGHEST}`),
});

/** A download: the file's name and its text (CSV with a byte order mark). */
export const ReportExportSchema = z.object({ filename: z.string(), csv: z.string() });

/** The board report: the file's name and the PDF, base64-encoded. */
export const BoardReportSchema = z.object({ filename: z.string(), pdf: z.string() });
