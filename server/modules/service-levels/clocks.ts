import {
  businessMinutesBetween,
  DEFAULT_BUSINESS_CALENDAR,
  dueAt,
  type BusinessCalendar,
  type ClockTarget,
} from '../../../shared/business-hours.ts';
import { isOpen } from '../../../shared/case-workflow.ts';
import { CASE_ORIGINS, URGENCIES, type CaseOrigin, type Urgency } from '../../../shared/schemas/case-vocabulary.ts';
import { DEFAULT_ESCALATION_PERCENT, defaultTarget } from '../../../shared/schemas/service-levels.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { parseJsonArray } from '../../db/values.ts';
import type { Case } from '../cases/index.ts';
import * as repo from './service-levels.repository.ts';

/** A program's clock settings as in force now: its calendar, escalation share and every target. */
export interface ProgramClocks {
  calendar: BusinessCalendar;
  escalationPercent: number;
  targets: Map<string, ClockTarget & { isDefault: boolean }>;
}

const key = (origin: string, urgency: string) => `${origin}/${urgency}`;

/** `knownTimeZone`: the organisation's, when the caller has read it already (saves a read). */
export async function loadClocks(db: DbOrTrx, organizationId: string, knownTimeZone?: string): Promise<ProgramClocks> {
  const [timeZone, row, set] = await Promise.all([
    knownTimeZone ?? repo.findTimeZone(db, organizationId),
    repo.findCalendar(db, organizationId),
    repo.listTargets(db, organizationId),
  ]);
  const calendar: BusinessCalendar = row
    ? {
        timeZone: timeZone ?? 'UTC',
        days: parseJsonArray<number>(row.days),
        opens: row.opens,
        closes: row.closes,
        holidays: parseJsonArray<string>(row.holidays),
      }
    : { ...DEFAULT_BUSINESS_CALENDAR, timeZone: timeZone ?? 'UTC' };
  const targets = new Map<string, ClockTarget & { isDefault: boolean }>();
  for (const origin of CASE_ORIGINS) {
    for (const urgency of URGENCIES) targets.set(key(origin, urgency), { ...defaultTarget(origin, urgency, calendar), isDefault: true });
  }
  for (const t of set) targets.set(key(t.origin, t.urgency), { basis: t.basis, minutes: t.minutes, isDefault: false });
  return { calendar, escalationPercent: row?.escalation_percent ?? DEFAULT_ESCALATION_PERCENT, targets };
}

export function targetOf(clocks: ProgramClocks, origin: CaseOrigin, urgency: Urgency): ClockTarget {
  // loadClocks fills in every origin × urgency; the fallback only keeps the map's types honest.
  return clocks.targets.get(key(origin, urgency)) ?? defaultTarget(origin, urgency, clocks.calendar);
}

/**
 * When first contact is due and when an open breach reaches the director: the escalation comes a
 * further `escalationPercent` of the target later, on the target's own basis (business time stays
 * business time: a 3-business-day promise does not escalate on a Sunday). The clock counts from the
 * case's opening unless told otherwise (a reopen, a notice that makes the case urgent).
 */
export function clockTimes(
  clocks: ProgramClocks,
  row: Pick<Case, 'origin' | 'urgency' | 'created_at'>,
  start = new Date(row.created_at),
): { dueAt: Date; escalationAt: Date } {
  const target = targetOf(clocks, row.origin, row.urgency);
  const due = dueAt(start, target, clocks.calendar);
  const extra = Math.max(1, Math.round((target.minutes * clocks.escalationPercent) / 100));
  return { dueAt: due, escalationAt: dueAt(due, { basis: target.basis, minutes: extra }, clocks.calendar) };
}

/** The stored due time, or (for a case opened before clocks were stored) the one today's settings give. */
export function dueTimeOf(clocks: ProgramClocks, row: Pick<Case, 'origin' | 'urgency' | 'created_at' | 'first_contact_due_at'>): string {
  return row.first_contact_due_at ?? clockTimes(clocks, row).dueAt.toISOString();
}

/** Time from opening to first contact, for reporting: plain minutes and minutes while the program was open. */
export function timeToFirstContact(
  clocks: ProgramClocks,
  createdAt: string,
  contactAt: Date,
): { first_contact_minutes: number; first_contact_business_minutes: number } {
  const start = new Date(createdAt);
  return {
    first_contact_minutes: Math.max(0, Math.round((contactAt.getTime() - start.getTime()) / 60_000)),
    first_contact_business_minutes: Math.round(businessMinutesBetween(start, contactAt, clocks.calendar)),
  };
}

/**
 * Where the current round of the case began: its opening, or the requester's last reopen. Each round
 * has its own first-contact clock; `first_contact_at` and the minutes to it stay the first round's,
 * for reporting.
 */
export function roundStartOf(row: Pick<Case, 'created_at' | 'reopened_at'>): string {
  return row.reopened_at ?? row.created_at;
}

/**
 * Whether the case still waits for first contact in its current round: open, and nobody has reached
 * the person since the round began. A first round reads `first_contact_at`; a reopened one reads the
 * contact attempts logged since the reopen (`first_contact_at` is the first round's, and stays).
 */
export async function awaitsFirstContact(
  db: DbOrTrx,
  row: Pick<Case, 'id' | 'state' | 'first_contact_at' | 'reopened_at'>,
): Promise<boolean> {
  if (!isOpen(row.state)) return false;
  if (!row.reopened_at) return row.first_contact_at === null;
  return !(await repo.reachedSince(db, row.id, row.reopened_at));
}
