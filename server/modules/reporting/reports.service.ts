import { endedQuarters, type ReportQuarter } from '../../../shared/report-periods.ts';
import { CASE_ORIGINS, REASON_CATEGORIES } from '../../../shared/schemas/case-vocabulary.ts';
import { PROFESSION_CATEGORIES } from '../../../shared/schemas/organization.ts';
import { DEFAULT_MIN_COUNT, type ProgramReport, type QuarterReport } from '../../../shared/schemas/reports.ts';
import { TEAM_STATES } from '../../../shared/supporter-lifecycle.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { findOrganization } from '../organization/index.ts';
import * as repo from './reporting.repository.ts';
import { hideBreakdown, published } from './breakdowns.ts';
import { suppressCount } from './suppression.ts';

/**
 * The program's report (docs/reporting.md): the last four ended quarters, each suppressed on its
 * own, and the team today. Every figure is an aggregate; a count from 1 to k−1, and any count that
 * would let one be worked out, is null.
 */

const QUARTERS_SHOWN = 4;
const PROFESSION_KEYS = [...PROFESSION_CATEGORIES, 'not_given'] as const;
const OFFER_KEYS = ['accepted', 'declined', 'expired', 'withdrawn', 'pending'] as const;

/** A breakdown whose total no other breakdown shares. */
const publishedAlone = (keys: readonly string[], counts: number[], k: number) => published(hideBreakdown(keys, counts, k));

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

function tally<K extends string>(keys: readonly K[], entries: Iterable<[string, number]>): number[] {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const [key, n] of entries) counts.set(key, (counts.get(key) ?? 0) + n);
  return keys.map((k) => counts.get(k) ?? 0);
}

/** The value at quantile `p` of a frequency table (sorted by value), by the nearest-rank method. */
function quantile(table: { value: number; n: number }[], total: number, p: number): number {
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const row of table) {
    seen += row.n;
    if (seen >= rank) return row.value;
  }
  return table[table.length - 1]?.value ?? 0;
}

async function quarterReport(
  db: DbOrTrx,
  organizationId: string,
  q: ReportQuarter,
  k: number,
  departments: number,
): Promise<QuarterReport> {
  const [requests, contact, offers, encounters, referrals, withRequests, feedback] = await Promise.all([
    repo.countRequests(db, organizationId, q),
    repo.firstContactMinutes(db, organizationId, q),
    repo.countOffersByStatus(db, organizationId, q),
    repo.countEncounters(db, organizationId, q),
    repo.countReferralsByCategory(db, organizationId, q),
    repo.countDepartmentsWithRequests(db, organizationId, q),
    repo.summarizeFeedback(db, organizationId, q),
  ]);
  const rows = requests.map((r) => ({ ...r, n: Number(r.n) }));
  const monthKeys = q.months.map((m) => m.month);
  // The requests per month are the master: the quarter's total shown there is the total every
  // breakdown of the requests shares. When a breakdown cannot keep its hidden counts covered with
  // the total shown, the total is hidden everywhere.
  let months = hideBreakdown(
    monthKeys,
    tally(
      monthKeys,
      rows.map((r) => [String(r.month), r.n]),
    ),
    k,
  );
  const breakdowns = (master: number | null) => ({
    byOrigin: hideBreakdown(
      CASE_ORIGINS,
      tally(
        CASE_ORIGINS,
        rows.map((r) => [r.origin, r.n]),
      ),
      k,
      master,
    ),
    byReason: hideBreakdown(
      REASON_CATEGORIES,
      tally(
        REASON_CATEGORIES,
        rows.map((r) => [r.reason, r.n]),
      ),
      k,
      master,
    ),
    byProfession: hideBreakdown(
      PROFESSION_KEYS,
      tally(
        PROFESSION_KEYS,
        rows.map((r) => [r.profession ?? 'not_given', r.n]),
      ),
      k,
      master,
    ),
  });
  let shared = breakdowns(months.total);
  if (months.total !== null && Object.values(shared).some((b) => b.needsHiddenTotal)) {
    months = { ...months, total: null };
    shared = breakdowns(null);
  }

  const minutes = contact.map((c) => ({ value: Number(c.minutes), n: Number(c.n) })).sort((a, b) => a.value - b.value);
  const reached = minutes.reduce((sum, c) => sum + c.n, 0);
  const withTarget = contact.reduce((sum, c) => sum + Number(c.with_target), 0);
  const onTime = contact.reduce((sum, c) => sum + Number(c.on_time ?? 0), 0);
  const showContact = suppressCount(reached, k) !== null && reached > 0;

  const logged = Number(encounters.logged);
  const people = Number(encounters.people);
  const shownLogged = suppressCount(logged, k);
  const shownPeople = suppressCount(people, k);
  const responses = Number(feedback.n);
  const showFeedback = suppressCount(responses, k) !== null && responses > 0;
  const referralKeys = referrals.map((r) => String(r.key)).sort();

  return {
    quarter: q.quarter,
    months: months.rows.map((m) => ({ month: m.key, requests: m.count })),
    byOrigin: published(shared.byOrigin),
    byReason: published(shared.byReason),
    byProfession: published(shared.byProfession),
    offers: publishedAlone(
      OFFER_KEYS,
      tally(
        OFFER_KEYS,
        offers.map((o) => [String(o.key), Number(o.n)]),
      ),
      k,
    ),
    firstContact: {
      reached: suppressCount(reached, k),
      medianHours: showContact ? round1(quantile(minutes, reached, 0.5) / 60) : null,
      p90Hours: showContact ? round1(quantile(minutes, reached, 0.9) / 60) : null,
      withinTarget: suppressCount(withTarget, k) !== null && withTarget > 0 ? round3(onTime / withTarget) : null,
    },
    escalations: suppressCount(Number(encounters.escalated ?? 0), k),
    referrals: publishedAlone(
      referralKeys,
      tally(
        referralKeys,
        referrals.map((r) => [String(r.key), Number(r.n)]),
      ),
      k,
    ),
    conversations: {
      logged: shownLogged,
      peopleSupported: shownPeople,
      perPerson: shownLogged !== null && shownPeople !== null && people > 0 ? round1(logged / people) : null,
    },
    // Which departments asked is not a count of people, but it follows the requests: shown only with their total.
    reach:
      months.total !== null && months.total > 0 && withRequests.onRecord >= k
        ? {
            departments,
            withRequests: withRequests.departments,
            share: departments > 0 ? round3(withRequests.departments / departments) : null,
            onRecord: withRequests.onRecord,
          }
        : { departments, withRequests: null, share: null, onRecord: suppressCount(withRequests.onRecord, k) },
    feedback: {
      responses: suppressCount(responses, k),
      helpfulness: showFeedback && feedback.helpfulness !== null ? round1(Number(feedback.helpfulness)) : null,
      wouldRecommend: showFeedback ? round3(Number(feedback.recommend ?? 0) / responses) : null,
    },
  };
}

export async function getProgramReport(ctx: AppContext, actor: Pick<Actor, 'organizationId'>): Promise<ProgramReport> {
  const org = await findOrganization(ctx.db, actor.organizationId);
  const k = org?.report_min_count ?? DEFAULT_MIN_COUNT;
  const timeZone = org?.time_zone ?? 'UTC';
  const quarters = endedQuarters(ctx.clock.now(), timeZone, QUARTERS_SHOWN);
  const departments = await repo.countDepartments(ctx.db, actor.organizationId);
  const reports: QuarterReport[] = [];
  // One quarter at a time: each is a handful of aggregate queries, and a pool need not serve them all at once.
  for (const q of quarters) reports.push(await quarterReport(ctx.db, actor.organizationId, q, k, departments));
  const team = await repo.countTeam(ctx.db, actor.organizationId);
  const inState = (states: readonly string[]) =>
    team.states.filter((s) => states.includes(s.state)).reduce((sum, s) => sum + Number(s.n), 0);
  const onTeam = inState(TEAM_STATES);
  return {
    minCount: k,
    timeZone,
    quarters: reports,
    team: {
      staff: team.staff,
      onTeam,
      active: inState(['active']),
      inTraining: inState(['in_training']),
      staffPerSupporter: onTeam > 0 ? Math.round(team.staff / onTeam) : null,
    },
  };
}
