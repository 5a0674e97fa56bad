import { z } from 'zod';

/** Columns of the staff roster CSV. Header names are matched case-insensitively. */
export const ROSTER_COLUMNS = [
  'first_name',
  'last_name',
  'work_email',
  'profession',
  'department',
  'specialty',
  'languages',
  'manager_email',
  'active',
] as const;
export const ROSTER_REQUIRED_COLUMNS = ['first_name', 'last_name', 'work_email'] as const;

export const RosterRowErrorSchema = z.object({
  /** 1-based line in the file, counting the header as line 1. */
  line: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type RosterRowError = z.infer<typeof RosterRowErrorSchema>;

export const RosterReportSchema = z.object({
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
  errors: z.array(RosterRowErrorSchema),
  /** Errors beyond the first 1,000 are counted, not listed. */
  errorsTruncated: z.boolean(),
});
export type RosterReport = z.infer<typeof RosterReportSchema>;

export const RosterQuerySchema = z.strictObject({
  /** Write the valid rows even when other rows have errors. */
  skipInvalid: z.enum(['true', 'false']).default('false'),
});
