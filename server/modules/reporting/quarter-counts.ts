import { addDays } from '../../../shared/calendar-day.ts';
import type { ReportQuarter } from '../../../shared/report-periods.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { toBool } from '../../db/values.ts';
import * as repo from './reporting.repository.ts';

/**
 * A quarter's raw counts, before anything is hidden (docs/reporting.md, "Keeping a quarter's
 * figures"). Once a quarter has settled they are kept, and every later report is built from what
 * was kept: erasing old requests' departments cannot then move a published figure (the move would
 * describe the erased requests), the same counts are hidden in every answer, and a report over a
 * large system reads four rows instead of scanning a year of requests. Counts only: what they are
 * kept in never leaves the server unsuppressed. Until it settles, a quarter's counts are kept for an
 * hour at a time (PROVISIONAL_MINUTES).
 */
export interface QuarterCounts {
  requests: { month: string; origin: string; reason: string; profession: string | null; n: number }[];
  /** Minutes to first contact, as a frequency table, with how many were within their target. */
  firstContact: { minutes: number; n: number; onTime: number; withTarget: number }[];
  offers: { key: string; n: number }[];
  encounters: { logged: number; people: number; escalated: number };
  referrals: { key: string; n: number }[];
  reach: { departments: number; onRecord: number };
  feedback: { responses: number; helpfulness: number | null; recommend: number };
}

/**
 * Days after a quarter ends before its counts are kept: first contacts and conversations of its
 * last days are logged by then.
 */
export const SETTLE_DAYS = 30;

export async function countQuarter(db: DbOrTrx, organizationId: string, q: ReportQuarter): Promise<QuarterCounts> {
  const [requests, contact, offers, encounters, referrals, reach, feedback] = await Promise.all([
    repo.countRequests(db, organizationId, q),
    repo.firstContactMinutes(db, organizationId, q),
    repo.countOffersByStatus(db, organizationId, q),
    repo.countEncounters(db, organizationId, q),
    repo.countReferralsByCategory(db, organizationId, q),
    repo.countDepartmentsWithRequests(db, organizationId, q),
    repo.summarizeFeedback(db, organizationId, q),
  ]);
  return {
    requests: requests.map((r) => ({
      month: String(r.month),
      origin: r.origin,
      reason: r.reason,
      profession: r.profession ?? null,
      n: Number(r.n),
    })),
    firstContact: contact.map((c) => ({
      minutes: Number(c.minutes),
      n: Number(c.n),
      onTime: Number(c.on_time ?? 0),
      withTarget: Number(c.with_target),
    })),
    offers: offers.map((o) => ({ key: String(o.key), n: Number(o.n) })),
    encounters: { logged: Number(encounters.logged), people: Number(encounters.people), escalated: Number(encounters.escalated ?? 0) },
    referrals: referrals.map((r) => ({ key: String(r.key), n: Number(r.n) })),
    reach,
    feedback: {
      responses: Number(feedback.n),
      helpfulness: feedback.helpfulness === null ? null : Number(feedback.helpfulness),
      recommend: Number(feedback.recommend ?? 0),
    },
  };
}

/**
 * Counts of a quarter that has ended but not settled are kept this long: within it every report
 * shows the same figures, and a large system is not counted again on every read.
 */
export const PROVISIONAL_MINUTES = 60;

/**
 * The quarter's counts: the kept ones once it has settled (kept now if not yet); before that, the
 * provisional ones kept within the last hour, or counted afresh and kept provisionally.
 */
export async function quarterCounts(
  db: DbOrTrx,
  organizationId: string,
  q: ReportQuarter,
  now: { today: string; at: string },
): Promise<QuarterCounts> {
  const settled = addDays(q.untilDay, SETTLE_DAYS) <= now.today;
  const kept = await repo.findKeptCounts(db, organizationId, q.quarter);
  const fresh = kept && Date.parse(now.at) - Date.parse(kept.kept_at) < PROVISIONAL_MINUTES * 60_000;
  if (kept && (toBool(kept.settled) || (!settled && fresh))) return JSON.parse(kept.counts) as QuarterCounts;
  const counts = await countQuarter(db, organizationId, q);
  // Two readers at once both count; settled counts are written once, so both then use what was kept first.
  await repo.keepCounts(db, {
    organization_id: organizationId,
    quarter: q.quarter,
    counts: JSON.stringify(counts),
    kept_at: now.at,
    settled,
  });
  if (!settled) return counts;
  return JSON.parse((await repo.findKeptCounts(db, organizationId, q.quarter))?.counts ?? JSON.stringify(counts)) as QuarterCounts;
}
