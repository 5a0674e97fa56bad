import type { ReportQuarter } from '../../../shared/report-periods.ts';
import { CASE_ORIGINS, REASON_CATEGORIES } from '../../../shared/schemas/case-vocabulary.ts';
import { PROFESSION_CATEGORIES } from '../../../shared/schemas/organization.ts';
import type { QuarterReport } from '../../../shared/schemas/reports.ts';
import { hideBreakdown, published } from './breakdowns.ts';
import type { QuarterCounts } from './quarter-counts.ts';
import { suppressCount } from './suppression.ts';

/**
 * A quarter's counts as published (docs/reporting.md): pure, so the same counts and k give the
 * same answer every time. Every count from 1 to k − 1, and any count that would let one be worked
 * out, is null; statistics and shares only over at least k.
 */

const PROFESSION_KEYS = [...PROFESSION_CATEGORIES, 'not_given'] as const;
const OFFER_KEYS = ['accepted', 'declined', 'expired', 'withdrawn', 'pending'] as const;

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

function tally(keys: readonly string[], entries: Iterable<[string, number]>): number[] {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const [key, n] of entries) counts.set(key, (counts.get(key) ?? 0) + n);
  return keys.map((k) => counts.get(k) ?? 0);
}

/** A breakdown whose total no other breakdown shares. */
const alone = (keys: readonly string[], entries: { key: string; n: number }[], k: number) =>
  published(
    hideBreakdown(
      keys,
      tally(
        keys,
        entries.map((e) => [e.key, e.n]),
      ),
      k,
    ),
  );

/** The value at quantile `p` of a frequency table sorted by value, by the nearest-rank method. */
function quantile(table: { value: number; n: number }[], total: number, p: number): number {
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const row of table) {
    seen += row.n;
    if (seen >= rank) return row.value;
  }
  return table[table.length - 1]?.value ?? 0;
}

export function publishQuarter(q: ReportQuarter, counts: QuarterCounts, k: number, departments: number): QuarterReport {
  const rows = counts.requests;
  const monthKeys = q.months.map((m) => m.month);
  // The requests per month are the master: the quarter's total shown there is the total every
  // breakdown of the requests shares. When a breakdown cannot keep its hidden counts covered with
  // the total shown, the total is hidden everywhere.
  let months = hideBreakdown(
    monthKeys,
    tally(
      monthKeys,
      rows.map((r) => [r.month, r.n]),
    ),
    k,
  );
  const split = (keys: readonly string[], keyOf: (r: QuarterCounts['requests'][number]) => string, master: number | null) =>
    hideBreakdown(
      keys,
      tally(
        keys,
        rows.map((r) => [keyOf(r), r.n]),
      ),
      k,
      master,
    );
  const breakdowns = (master: number | null) => ({
    byOrigin: split(CASE_ORIGINS, (r) => r.origin, master),
    byReason: split(REASON_CATEGORIES, (r) => r.reason, master),
    byProfession: split(PROFESSION_KEYS, (r) => r.profession ?? 'not_given', master),
  });
  let shared = breakdowns(months.total);
  if (months.total !== null && Object.values(shared).some((b) => b.needsHiddenTotal)) {
    months = { ...months, total: null };
    shared = breakdowns(null);
  }

  const minutes = counts.firstContact.map((c) => ({ value: c.minutes, n: c.n })).sort((a, b) => a.value - b.value);
  const reached = minutes.reduce((sum, c) => sum + c.n, 0);
  const withTarget = counts.firstContact.reduce((sum, c) => sum + c.withTarget, 0);
  const onTime = counts.firstContact.reduce((sum, c) => sum + c.onTime, 0);
  const showContact = reached >= k;
  const { logged, people, escalated } = counts.encounters;
  const shownLogged = suppressCount(logged, k);
  const shownPeople = suppressCount(people, k);
  const { responses, helpfulness, recommend } = counts.feedback;
  const showFeedback = responses >= k;
  const { reach } = counts;

  return {
    quarter: q.quarter,
    months: months.rows.map((m) => ({ month: m.key, requests: m.count })),
    byOrigin: published(shared.byOrigin),
    byReason: published(shared.byReason),
    byProfession: published(shared.byProfession),
    offers: alone(OFFER_KEYS, counts.offers, k),
    firstContact: {
      reached: suppressCount(reached, k),
      medianHours: showContact ? round1(quantile(minutes, reached, 0.5) / 60) : null,
      p90Hours: showContact ? round1(quantile(minutes, reached, 0.9) / 60) : null,
      withinTarget: withTarget >= k ? round3(onTime / withTarget) : null,
    },
    escalations: suppressCount(escalated, k),
    referrals: alone(counts.referrals.map((r) => r.key).sort(), counts.referrals, k),
    conversations: {
      logged: shownLogged,
      peopleSupported: shownPeople,
      perPerson: shownLogged !== null && shownPeople !== null && people > 0 ? round1(logged / people) : null,
    },
    // Which departments asked is not a count of people, but it follows the requests: shown only with
    // their total, and over at least k requests whose department is still on record.
    reach:
      months.total !== null && months.total > 0 && reach.onRecord >= k
        ? {
            departments,
            withRequests: reach.departments,
            share: departments > 0 ? round3(reach.departments / departments) : null,
            onRecord: reach.onRecord,
          }
        : { departments, withRequests: null, share: null, onRecord: suppressCount(reach.onRecord, k) },
    feedback: {
      responses: suppressCount(responses, k),
      helpfulness: showFeedback && helpfulness !== null ? round1(helpfulness) : null,
      wouldRecommend: showFeedback ? round3(recommend / responses) : null,
    },
  };
}
