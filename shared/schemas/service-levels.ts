import { z } from 'zod';
import { businessDayMinutes, DEFAULT_BUSINESS_CALENDAR, type BusinessCalendar, type ClockTarget } from '../business-hours.ts';
import { CASE_ORIGINS, CaseOriginSchema, URGENCIES, UrgencySchema, type CaseOrigin, type Urgency } from './case-vocabulary.ts';

/**
 * Service-level clocks: the first-contact target of each origin × urgency, the
 * program's business-hours calendar those targets may run on, and how long after a breach the
 * director hears too. The time math is in shared/business-hours.ts.
 */

export const CLOCK_BASES = ['elapsed', 'business'] as const;
export const ClockBasisSchema = z.enum(CLOCK_BASES);

/** 5 minutes … 30 days: shorter cannot be met by a human, longer is not a first-contact promise. */
export const TARGET_MINUTES_MIN = 5;
export const TARGET_MINUTES_MAX = 30 * 24 * 60;
/** The director hears this share of the target after the administrators (50 = half the target again). */
export const ESCALATION_PERCENT_MIN = 10;
export const ESCALATION_PERCENT_MAX = 300;
export const DEFAULT_ESCALATION_PERCENT = 50;
export const HOLIDAYS_MAX = 200;

/**
 * Presets from real programs (docs/product.md, "Program timelines and service levels"). Minutes and
 * hours run around the clock; working hours and business days only while the program is open.
 * `businessDays` presets take their minutes from the calendar's day length when saved, so "3
 * business days" is three of this program's days.
 */
export interface ServiceLevelPreset {
  id: string;
  label: string;
  basis: 'elapsed' | 'business';
  minutes?: number;
  businessDays?: number;
}

export const SERVICE_LEVEL_PRESETS: readonly ServiceLevelPreset[] = [
  { id: '30m', label: '30 minutes (CANDOR, Code Lavender)', basis: 'elapsed', minutes: 30 },
  { id: '2h', label: '2 hours', basis: 'elapsed', minutes: 120 },
  { id: '24h', label: '24 hours', basis: 'elapsed', minutes: 24 * 60 },
  { id: '48h', label: '48 hours (ChristianaCare)', basis: 'elapsed', minutes: 48 * 60 },
  { id: '24wh', label: '24 working hours (UW Medicine)', basis: 'business', minutes: 24 * 60 },
  { id: '1bd', label: '1 business day', basis: 'business', businessDays: 1 },
  { id: '3bd', label: '3 business days (CU)', basis: 'business', businessDays: 3 },
];

export function presetTarget(preset: ServiceLevelPreset, calendar: Pick<BusinessCalendar, 'opens' | 'closes'>): ClockTarget {
  const minutes =
    preset.minutes ?? (preset.businessDays ?? 1) * businessDayMinutes({ ...DEFAULT_BUSINESS_CALENDAR, timeZone: 'UTC', ...calendar });
  return { basis: preset.basis, minutes };
}

/** The preset a target equals under this calendar, if any (the settings page shows its name). */
export function presetOf(target: ClockTarget, calendar: Pick<BusinessCalendar, 'opens' | 'closes'>): ServiceLevelPreset | undefined {
  return SERVICE_LEVEL_PRESETS.find((p) => {
    const t = presetTarget(p, calendar);
    return t.basis === target.basis && t.minutes === target.minutes;
  });
}

/**
 * What a program gets before its director sets anything. Why these (docs/product.md, "Program
 * timelines and service levels"):
 * - urgent ("today") requests of any origin: 30 minutes around the clock, the CANDOR / Code Lavender
 *   promise; the urgent path pages the on-call supporter, so it does not wait for office hours;
 * - event outreach: 24 hours around the clock (the product's default for event notices; reaching in
 *   the day after a bad event is what programs found welcome, and events happen at night too);
 * - self and anonymous requests: 24 hours around the clock (ChristianaCare's 24–48 h, lower end:
 *   the person has asked and is waiting);
 * - colleague referrals: 3 business days (CU's 2–3 business days): the colleague did not ask, and a
 *   gentle reach-in during working hours fits better than a call at night.
 */
export function defaultTarget(origin: CaseOrigin, urgency: Urgency, calendar: Pick<BusinessCalendar, 'opens' | 'closes'>): ClockTarget {
  if (urgency === 'today') return { basis: 'elapsed', minutes: 30 };
  if (origin === 'colleague_referral') return presetTarget({ id: '3bd', label: '', basis: 'business', businessDays: 3 }, calendar);
  return { basis: 'elapsed', minutes: 24 * 60 };
}

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be a time HH:MM (24-hour)');

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export const CalendarInputSchema = z
  .strictObject({
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z
      .array(z.number().int().min(1, 'Days are 1 (Monday) to 7 (Sunday)').max(7, 'Days are 1 (Monday) to 7 (Sunday)'))
      .min(1, 'At least one open day')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'A day is listed twice'),
    opens: HHMM,
    closes: HHMM,
    holidays: z.array(z.string().refine(isCalendarDate, 'Must be a date YYYY-MM-DD')).max(HOLIDAYS_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.closes <= value.opens) ctx.addIssue({ code: 'custom', path: ['closes'], message: 'Must be after the opening time' });
  });

export const TargetInputSchema = z.strictObject({
  origin: CaseOriginSchema,
  urgency: UrgencySchema,
  basis: ClockBasisSchema,
  minutes: z.number().int().min(TARGET_MINUTES_MIN, `At least ${TARGET_MINUTES_MIN} minutes`).max(TARGET_MINUTES_MAX, 'At most 30 days'),
});

/** Replaces the whole configuration: pairs not listed go back to the defaults. */
export const ServiceLevelsInputSchema = z
  .strictObject({
    calendar: CalendarInputSchema,
    escalationPercent: z.number().int().min(ESCALATION_PERCENT_MIN).max(ESCALATION_PERCENT_MAX),
    targets: z.array(TargetInputSchema).max(CASE_ORIGINS.length * URGENCIES.length),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.targets.forEach((t, i) => {
      const key = `${t.origin}/${t.urgency}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['targets', i], message: 'This origin and urgency is listed twice' });
      seen.add(key);
    });
  });
export type ServiceLevelsInput = z.infer<typeof ServiceLevelsInputSchema>;

export const ServiceLevelTargetSchema = z.object({
  origin: CaseOriginSchema,
  urgency: UrgencySchema,
  basis: ClockBasisSchema,
  minutes: z.number().int(),
  /** Not set by the program: the default above applies. */
  isDefault: z.boolean(),
});
export type ServiceLevelTarget = z.infer<typeof ServiceLevelTargetSchema>;

export const ServiceLevelsSchema = z.object({
  calendar: z.object({
    /** The organisation's time zone (edited with the program settings), read-only here. */
    timeZone: z.string(),
    days: z.array(z.number().int()),
    opens: z.string(),
    closes: z.string(),
    holidays: z.array(z.string()),
  }),
  escalationPercent: z.number().int(),
  /** Every origin × urgency, in CASE_ORIGINS × URGENCIES order. */
  targets: z.array(ServiceLevelTargetSchema),
});
export type ServiceLevels = z.infer<typeof ServiceLevelsSchema>;
