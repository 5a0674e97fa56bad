import type { DbOrTrx } from '../../db/database.ts';
import type { ReportQuarter } from '../../../shared/report-periods.ts';

/**
 * Every figure of the reports is an aggregate computed by the database over one quarter: no case
 * row, name or id is ever read here, and memory does not grow with the number of cases.
 */

/** Requests opened in the quarter per month × origin × reason × profession category. */
export async function countRequests(db: DbOrTrx, organizationId: string, q: ReportQuarter) {
  const [m1, m2, m3] = q.months;
  return db
    .selectFrom('cases')
    .select((eb) => [
      eb
        .case()
        .when('created_at', '<', m2.from)
        .then(m1.month)
        .when('created_at', '<', m3.from)
        .then(m2.month)
        .else(m3.month)
        .end()
        .as('month'),
      'origin',
      'reason',
      'requester_profession_category as profession',
      eb.fn.countAll<number | string>().as('n'),
    ])
    .where('organization_id', '=', organizationId)
    .where('created_at', '>=', q.from)
    .where('created_at', '<', q.until)
    .groupBy(['month', 'origin', 'reason', 'requester_profession_category'])
    .execute();
}

/**
 * Minutes from opening to first contact for the quarter's requests, as a frequency table (one row
 * per distinct number of minutes), with how many of each were within their target.
 */
export async function firstContactMinutes(db: DbOrTrx, organizationId: string, q: ReportQuarter) {
  return db
    .selectFrom('cases')
    .select((eb) => [
      'first_contact_minutes as minutes',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn
        .sum<number | string>(eb.case().when('first_contact_at', '<=', eb.ref('first_contact_due_at')).then(1).else(0).end())
        .as('on_time'),
      eb.fn.count<number | string>('first_contact_due_at').as('with_target'),
    ])
    .where('organization_id', '=', organizationId)
    .where('created_at', '>=', q.from)
    .where('created_at', '<', q.until)
    .where('first_contact_minutes', 'is not', null)
    .groupBy('first_contact_minutes')
    .execute();
}

export async function countOffersByStatus(db: DbOrTrx, organizationId: string, q: ReportQuarter) {
  return db
    .selectFrom('case_offers')
    .select((eb) => ['status as key', eb.fn.countAll<number | string>().as('n')])
    .where('organization_id', '=', organizationId)
    .where('offered_at', '>=', q.from)
    .where('offered_at', '<', q.until)
    .groupBy('status')
    .execute();
}

/**
 * Conversations logged in the quarter (by their local date), the requests they belong to, and how
 * many went beyond peer support (tier 2, a referral to a professional; tier 3, urgent escalation).
 */
export async function countEncounters(db: DbOrTrx, organizationId: string, q: ReportQuarter) {
  return db
    .selectFrom('encounters')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('logged'),
      eb.fn.count<number | string>('case_id').distinct().as('people'),
      eb.fn.sum<number | string | null>(eb.case().when('escalation_tier', '>=', 2).then(1).else(0).end()).as('escalated'),
    ])
    .where('organization_id', '=', organizationId)
    .where('date', '>=', q.fromDay)
    .where('date', '<', q.untilDay)
    .executeTakeFirstOrThrow();
}

export async function countReferralsByCategory(db: DbOrTrx, organizationId: string, q: ReportQuarter) {
  return db
    .selectFrom('referral_offers')
    .select((eb) => ['category as key', eb.fn.countAll<number | string>().as('n')])
    .where('organization_id', '=', organizationId)
    .where('offered_at', '>=', q.from)
    .where('offered_at', '<', q.until)
    .groupBy('category')
    .execute();
}

/** How many departments the quarter's requests came from (requests erased after retention no longer say). */
export async function countDepartmentsWithRequests(db: DbOrTrx, organizationId: string, q: ReportQuarter) {
  const row = await db
    .selectFrom('cases')
    .select((eb) => [
      eb.fn.count<number | string>('requester_department_id').distinct().as('n'),
      eb.fn.count<number | string>('requester_department_id').as('on_record'),
    ])
    .where('organization_id', '=', organizationId)
    .where('created_at', '>=', q.from)
    .where('created_at', '<', q.until)
    .executeTakeFirstOrThrow();
  return { departments: Number(row.n), onRecord: Number(row.on_record) };
}

export async function countDepartments(db: DbOrTrx, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('departments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Anonymous feedback of the quarter's months: how many, the mean helpfulness (1–5), how many would recommend. */
export async function summarizeFeedback(db: DbOrTrx, organizationId: string, q: ReportQuarter) {
  return db
    .selectFrom('feedback')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.avg<number | string | null>('helpfulness').as('helpfulness'),
      eb.fn.sum<number | string | null>(eb.case().when('would_recommend', '=', true).then(1).else(0).end()).as('recommend'),
    ])
    .where('organization_id', '=', organizationId)
    .where(
      'month',
      'in',
      q.months.map((m) => m.month),
    )
    .executeTakeFirstOrThrow();
}

/** Supporter journeys per state, and how many people the directory holds. */
export async function countTeam(db: DbOrTrx, organizationId: string) {
  const states = await db
    .selectFrom('supporter_profiles')
    .innerJoin('people', 'people.id', 'supporter_profiles.person_id')
    .select((eb) => ['supporter_profiles.status as state', eb.fn.countAll<number | string>().as('n')])
    .where('supporter_profiles.organization_id', '=', organizationId)
    .where('people.active', '=', true)
    .groupBy('supporter_profiles.status')
    .execute();
  const staff = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return { states, staff: Number(staff.n) };
}

/** A quarter's kept counts (JSON), if any were kept, with when and whether the quarter had settled. */
export async function findKeptCounts(db: DbOrTrx, organizationId: string, quarter: string) {
  return db
    .selectFrom('report_quarter_counts')
    .select(['counts', 'kept_at', 'settled'])
    .where('organization_id', '=', organizationId)
    .where('quarter', '=', quarter)
    .executeTakeFirst();
}

/**
 * Keeps a quarter's counts. Settled counts are written once and never replaced; provisional ones
 * replace earlier provisional ones, never settled ones.
 */
export async function keepCounts(
  db: DbOrTrx,
  row: { organization_id: string; quarter: string; counts: string; kept_at: string; settled: boolean },
): Promise<void> {
  await db
    .insertInto('report_quarter_counts')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'quarter'])
        .doUpdateSet({ counts: row.counts, kept_at: row.kept_at, settled: row.settled })
        .where('report_quarter_counts.settled', '=', false),
    )
    .execute();
}
