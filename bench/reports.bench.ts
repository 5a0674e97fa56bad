/**
 * Reports benchmark: leadership's report (GET /api/reports, docs/reporting.md) over a million
 * requests. Targets: the page's API answers in < 300 ms on each engine, within 1.5× of one
 * hand-written aggregate SQL for the same figures measured in the same run, and memory stays flat
 * (every figure is aggregated by the database; no case is loaded).
 *
 * Each engine gets a fresh database (the test harness) with one organisation, 40 departments, 60
 * supporters, and BENCH_CASES finished requests over the last 15 months written through a bulk path
 * (multi-row INSERTs in transactions, not the API), with their offers, conversations, referrals and
 * feedback. The app's clock is 40 days into a quarter, so the four quarters shown have all settled.
 *
 * Measured, each against the baseline (one hand-written statement for the four quarters' figures):
 * - cold: the first GET after generation (nothing kept yet: four quarters counted, then kept);
 * - warm: later GETs (four kept rows read);
 * - counting: `countQuarter` for the four quarters, nothing kept — the like-for-like comparison;
 * - warm, newest quarter unsettled: GETs with the clock 20 days into the quarter, when the newest
 *   ended quarter has not settled and is counted afresh on every GET (its first 30 days).
 *
 *   npm run bench:reports                                                        # SQLite only
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:reports   # SQLite, then PostgreSQL
 *   BENCH_CASES=1000000 BENCH_RUNS=5 BENCH_WARM=30                                 # the defaults
 *   BENCH_PG_CASES=300000      # a different size for PostgreSQL only
 *   BENCH_ENGINES=postgres     # only PostgreSQL (with DATABASE_URL)
 *   BENCH_EXPLAIN=1            # also print the plan of each counting statement (newest quarter)
 */
import { performance } from 'node:perf_hooks';
import {
  CompiledQuery,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { addDays } from '../shared/calendar-day.ts';
import { endedQuarters, type ReportQuarter } from '../shared/report-periods.ts';
import type { CaseOutcome, CaseState } from '../shared/schemas/case-vocabulary.ts';
import type { ProgramReport } from '../shared/schemas/reports.ts';
import { buildApp } from '../server/app.ts';
import type { DatabaseHandle, Db, DbOrTrx, Engine } from '../server/db/database.ts';
import type { CaseOffersTable, CasesTable, EncountersTable, FeedbackTable, ReferralOffersTable } from '../server/db/schema-support.ts';
import { newId } from '../server/db/values.ts';
import { buildDepartment, buildOrganization, buildPerson, buildSupporterProfile } from '../server/demo/factories.ts';
import { countQuarter, SETTLE_DAYS, type QuarterCounts } from '../server/modules/reporting/quarter-counts.ts';
import * as reporting from '../server/modules/reporting/reporting.repository.ts';
import { createTestDatabase, openSecondHandle, signIn, TestClock, testConfig } from '../test/harness.ts';
import { ORIGINS, PROFESSIONS, REASONS, pick, random } from '../server/demo/demo-report-history.ts';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const PG_CASES = Number(process.env.BENCH_PG_CASES ?? CASES);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARM_CALLS = Number(process.env.BENCH_WARM ?? 30);
const UNSETTLED_CALLS = 10;
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const DEPARTMENTS = 40;
const SUPPORTERS = 60;
const PASSWORD = 'bench-Passw0rd-horse-staple';
const TIME_ZONE = 'America/New_York';
const TARGET_MS = 300;
const TARGET_RATIO = 1.5;
/** 40 days into 2026-Q4 in New York: the four quarters shown (2025-Q4 … 2026-Q3) have all settled. */
const NOW = new Date('2026-11-10T15:00:00.000Z');
/** 20 days into the same quarter: 2026-Q3 has ended but not settled (30 days), so every GET counts it. */
const UNSETTLED_NOW = new Date('2026-10-21T15:00:00.000Z');
/** Requests from 15 months before NOW until an hour before it, rising by half over the span. */
const FROM = Date.parse('2025-08-10T15:00:00.000Z');
const SPAN = NOW.getTime() - 3_600_000 - FROM;
const GROWTH = 0.5;
/** The organisation keeps identifying data this long after closing (departments of older requests are erased). */
const RETENTION_DAYS = 180;
/** Requests per transaction (with their offers, conversations, referrals and feedback). */
const BATCH = 20_000;
/** Most values one statement may bind. */
const BIND_LIMIT: Record<Engine, number> = { sqlite: 32_766, postgres: 65_535 };
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Bulk generation

const REFERRAL_CATEGORIES = [
  ['therapy_eap', 6],
  ['time_off', 2],
  ['legal_risk_management', 1],
  ['grief_counselling', 2],
  ['chaplaincy', 1],
] as const;

// Columns written; the others (contact details, anonymous code, …) stay null as erasure leaves them.
const CASE_COLUMNS = [
  'id',
  'organization_id',
  'origin',
  'state',
  'outcome',
  'reason',
  'urgency',
  'modality',
  'language_required',
  'department_preference',
  'requester_profession_category',
  'requester_department_id',
  'assigned_supporter_id',
  'contact_attempts',
  'relaxed_rules',
  'created_at',
  'updated_at',
  'assigned_at',
  'first_contact_at',
  'closed_at',
  'first_contact_due_at',
  'first_contact_minutes',
  'erased_at',
] as const satisfies readonly (keyof CasesTable)[];
const OFFER_COLUMNS = [
  'id',
  'organization_id',
  'case_id',
  'supporter_id',
  'status',
  'decline_reason',
  'match_reasons',
  'offered_at',
  'expires_at',
  'responded_at',
] as const satisfies readonly (keyof CaseOffersTable)[];
const ENCOUNTER_COLUMNS = [
  'id',
  'organization_id',
  'case_id',
  'supporter_id',
  'date',
  'modality',
  'minutes',
  'format',
  'topics',
  'escalation_tier',
  'created_at',
] as const satisfies readonly (keyof EncountersTable)[];
const REFERRAL_COLUMNS = [
  'id',
  'organization_id',
  'case_id',
  'encounter_id',
  'category',
  'offered_at',
] as const satisfies readonly (keyof ReferralOffersTable)[];
const FEEDBACK_COLUMNS = [
  'id',
  'organization_id',
  'month',
  'helpfulness',
  'would_recommend',
] as const satisfies readonly (keyof FeedbackTable)[];

/** One row's values, in the order of its table's columns above. */
type Values = unknown[];
interface Batch {
  cases: Values[];
  offers: Values[];
  encounters: Values[];
  referrals: Values[];
  feedback: Values[];
}
interface World {
  organizationId: string;
  departments: string[];
  supporters: string[];
}
type Tally = Record<keyof Batch, number>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Requests `first` … `first + count − 1` of `total`, in the order they were opened, with what followed them. */
function generateBatch(world: World, next: () => number, first: number, count: number, total: number): Batch {
  const batch: Batch = { cases: [], offers: [], encounters: [], referrals: [], feedback: [] };
  const org = world.organizationId;
  const supporterCount = world.supporters.length;
  for (let i = first; i < first + count; i += 1) {
    // Opening times rise through the span (density 1 + GROWTH·x), in order, as a live system writes them.
    const u = (i + next()) / total;
    const x = (-1 + Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2))) / GROWTH;
    const created = FROM + Math.floor(x * SPAN);
    const origin = pick(next, ORIGINS);
    const reason = origin === 'event_outreach' ? pick(next, REASONS.slice(1, 3)) : pick(next, REASONS);
    const r = next();
    let state: CaseState = 'closed';
    let outcome: CaseOutcome;
    if (origin === 'event_outreach' && r < 0.2) {
      state = 'declined';
      outcome = 'declined';
    } else if (r > 0.97) {
      state = 'withdrawn';
      outcome = 'withdrawn';
    } else if (r > 0.94) outcome = 'unreachable';
    else outcome = next() < 0.15 ? 'referred' : 'supported';
    const reached = outcome !== 'withdrawn' && outcome !== 'unreachable';
    const minutes = Math.round(20 + next() * next() * 1800);
    const firstContact = created + minutes * MINUTE;
    const closed = Math.min((reached ? firstContact : created + 2 * DAY) + Math.floor((2 + next() * 30) * DAY), NOW.getTime() - MINUTE);
    const erased = closed + RETENTION_DAYS * DAY < NOW.getTime();
    const supporterIndex = Math.floor(next() * supporterCount);
    const supporter = world.supporters[supporterIndex]!;
    const id = newId();
    batch.cases.push([
      id,
      org,
      origin,
      state,
      outcome,
      reason,
      next() < 0.3 ? 'today' : 'this_week',
      pick(next, [
        ['phone', 5],
        ['video', 3],
        ['in_person', 2],
      ] as const),
      false,
      'no_preference',
      origin === 'anonymous' ? null : pick(next, PROFESSIONS),
      erased || next() < 0.1 ? null : world.departments[Math.floor(next() * world.departments.length)]!,
      supporter,
      reached ? 1 : 3,
      '[]',
      iso(created),
      iso(closed),
      iso(created + 10 * MINUTE),
      reached ? iso(firstContact) : null,
      iso(closed),
      next() < 0.92 ? iso(created + (origin === 'event_outreach' ? 24 : 12) * HOUR) : null,
      reached ? minutes : null,
      erased ? iso(closed + RETENTION_DAYS * DAY) : null,
    ]);
    // About 1.1 offers per request: the one taken (or withdrawn with the request), after one that
    // was declined, ran out or was withdrawn now and then.
    const offer = (status: CaseOffersTable['status'], at: number, supporterId: string) =>
      batch.offers.push([
        newId(),
        org,
        id,
        supporterId,
        status,
        status === 'declined' ? 'no_capacity' : null,
        '[]',
        iso(at),
        iso(at + 4 * HOUR),
        status === 'expired' ? null : iso(at + 30 * MINUTE),
      ]);
    const other = world.supporters[(supporterIndex + 1) % supporterCount]!;
    const before = next();
    if (before < 0.06) offer('declined', created, other);
    else if (before < 0.09) offer('expired', created, other);
    else if (before < 0.1) offer('withdrawn', created, other);
    offer(state === 'withdrawn' ? 'withdrawn' : 'accepted', created + 5 * MINUTE, supporter);
    // Conversations for about 30 % of requests (1–2 each), a referral for a third of those.
    if (reached && state !== 'declined' && next() < 0.333) {
      const talks = next() < 0.6 ? 1 : 2;
      for (let t = 0; t < talks; t += 1) {
        const at = firstContact + t * 7 * DAY;
        const e = next();
        const encounterId = newId();
        batch.encounters.push([
          encounterId,
          org,
          id,
          supporter,
          iso(at).slice(0, 10),
          'phone',
          20 + Math.floor(next() * 50),
          'individual',
          reason === 'burnout_or_overload' ? '["workload_burnout"]' : '["coping_and_sleep"]',
          e < 0.02 ? 3 : e < 0.1 ? 2 : 1,
          iso(at),
        ]);
        if (t === 0 && next() < 0.333) {
          batch.referrals.push([newId(), org, id, encounterId, pick(next, REFERRAL_CATEGORIES), iso(firstContact)]);
        }
      }
    }
    if (next() < 0.05) {
      batch.feedback.push([
        newId(),
        org,
        iso(closed).slice(0, 7),
        pick(next, [
          [5, 6],
          [4, 3],
          [3, 1],
          [2, 1],
        ] as const),
        next() < 0.88,
      ]);
    }
  }
  return batch;
}

const insertTexts = new Map<string, string>();
/** `insert into t (…) values (…), (…)` for `rows` rows, with the engine's bind markers ($1… or ?). */
function insertText(engine: Engine, table: string, columns: readonly string[], rows: number): string {
  const key = `${engine} ${table} ${rows}`;
  let text = insertTexts.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (engine === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}`;
    insertTexts.set(key, text);
  }
  return text;
}

/** Multi-row INSERTs, each binding as many rows as the engine's limit on bound values allows. */
async function insertRows(db: DbOrTrx, engine: Engine, table: string, columns: readonly string[], rows: Values[]): Promise<void> {
  const perStatement = Math.floor(BIND_LIMIT[engine] / columns.length);
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    await db.executeQuery(CompiledQuery.raw(insertText(engine, table, columns, part.length), part.flat()));
  }
}

async function generate(database: DatabaseHandle, world: World, total: number): Promise<{ ms: number; rows: Tally }> {
  const next = random(20261110);
  const rows: Tally = { cases: 0, offers: 0, encounters: 0, referrals: 0, feedback: 0 };
  const start = performance.now();
  let reported = 0;
  for (let first = 0; first < total; first += BATCH) {
    const batch = generateBatch(world, next, first, Math.min(BATCH, total - first), total);
    await database.db.transaction().execute(async (trx) => {
      // Parents before children: foreign keys are checked as rows go in.
      await insertRows(trx, database.engine, 'cases', CASE_COLUMNS, batch.cases);
      await insertRows(trx, database.engine, 'case_offers', OFFER_COLUMNS, batch.offers);
      await insertRows(trx, database.engine, 'encounters', ENCOUNTER_COLUMNS, batch.encounters);
      await insertRows(trx, database.engine, 'referral_offers', REFERRAL_COLUMNS, batch.referrals);
      await insertRows(trx, database.engine, 'feedback', FEEDBACK_COLUMNS, batch.feedback);
    });
    for (const key of Object.keys(rows) as (keyof Batch)[]) rows[key] += batch[key].length;
    const done = first + batch.cases.length;
    if (done - reported >= total / 5 || done === total) {
      reported = done;
      console.log(`    ${done.toLocaleString('en')} requests written, ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  }
  return { ms: performance.now() - start, rows };
}

// ---------------------------------------------------------------------------------------------
// The baseline: one hand-written statement for the four quarters

/** `case when col < b1 then l1 when col < b2 then l2 … else ln end`: the bucket a value falls in. */
function bucket(column: string, buckets: { from: string; label: string }[]) {
  if (buckets.length === 1) return sql.lit(buckets[0]!.label);
  const whens = buckets.slice(1).map((b, i) => sql`when ${sql.ref(column)} < ${b.from} then ${sql.lit(buckets[i]!.label)}`);
  return sql`case ${sql.join(whens, sql` `)} else ${sql.lit(buckets[buckets.length - 1]!.label)} end`;
}

interface BaselineRow {
  kind: string;
  bucket: string;
  k1: string | null;
  k2: string | null;
  k3: string | null;
  v: number | string | null;
  n: number | string;
  a: number | string | null;
  b: number | string | null;
}

/**
 * The seven figures of the consecutive quarters `qs` (oldest first), each grouped over all of them
 * at once: requests per month × origin × reason × profession, the first-contact histogram,
 * departments reached, offers by status, conversations, referrals by category, feedback.
 */
function figureBranches(organizationId: string, qs: ReportQuarter[]) {
  const from = qs[0]!.from;
  const until = qs[qs.length - 1]!.until;
  const fromDay = qs[0]!.fromDay;
  const untilDay = qs[qs.length - 1]!.untilDay;
  const months = qs.flatMap((q) => q.months);
  const monthOf = (column: string) =>
    bucket(
      column,
      months.map((m) => ({ from: m.from, label: m.month })),
    );
  const quarterOf = (column: string, start: (q: ReportQuarter) => string) =>
    bucket(
      column,
      qs.map((q) => ({ from: start(q), label: q.quarter })),
    );
  const at = (q: ReportQuarter) => q.from;
  // Over one quarter the quarter is a constant: grouping by it would cost SQLite a sort for nothing.
  const byQuarter = (...keys: string[]) => {
    const all = qs.length > 1 ? ['bucket', ...keys] : keys;
    return all.length > 0 ? sql`group by ${sql.join(all.map((k) => sql.ref(k)))}` : sql``;
  };
  const inCases = sql`organization_id = ${organizationId} and created_at >= ${from} and created_at < ${until}`;
  return [
    sql`select 'requests' as kind, ${monthOf('created_at')} as bucket, origin as k1, reason as k2,
      requester_profession_category as k3, null as v, count(*) as n, 0 as a, 0 as b
    from cases where ${inCases}
    group by bucket, origin, reason, requester_profession_category`,
    sql`select 'contact' as kind, ${quarterOf('created_at', at)} as bucket, null as k1, null as k2, null as k3,
      first_contact_minutes as v, count(*) as n,
      sum(case when first_contact_at <= first_contact_due_at then 1 else 0 end) as a, count(first_contact_due_at) as b
    from cases where ${inCases} and first_contact_minutes is not null
    ${byQuarter('first_contact_minutes')}`,
    sql`select 'reach' as kind, ${quarterOf('created_at', at)} as bucket, null as k1, null as k2, null as k3, null as v,
      count(distinct requester_department_id) as n, count(requester_department_id) as a, 0 as b
    from cases where ${inCases}
    ${byQuarter()}`,
    sql`select 'offers' as kind, ${quarterOf('offered_at', at)} as bucket, status as k1, null as k2, null as k3, null as v,
      count(*) as n, 0 as a, 0 as b
    from case_offers where organization_id = ${organizationId} and offered_at >= ${from} and offered_at < ${until}
    ${byQuarter('status')}`,
    sql`select 'encounters' as kind, ${quarterOf('date', (q) => q.fromDay)} as bucket, null as k1, null as k2, null as k3, null as v,
      count(*) as n, count(distinct case_id) as a, sum(case when escalation_tier >= 2 then 1 else 0 end) as b
    from encounters where organization_id = ${organizationId} and date >= ${fromDay} and date < ${untilDay}
    ${byQuarter()}`,
    sql`select 'referrals' as kind, ${quarterOf('offered_at', at)} as bucket, category as k1, null as k2, null as k3, null as v,
      count(*) as n, 0 as a, 0 as b
    from referral_offers where organization_id = ${organizationId} and offered_at >= ${from} and offered_at < ${until}
    ${byQuarter('category')}`,
    sql`select 'feedback' as kind, ${quarterOf('month', (q) => q.months[0].month)} as bucket, null as k1, null as k2, null as k3, null as v,
      count(*) as n, sum(helpfulness) as a, sum(case when would_recommend = true then 1 else 0 end) as b
    from feedback where organization_id = ${organizationId} and month in (${sql.join(months.map((m) => m.month))})
    ${byQuarter()}`,
  ];
}

/**
 * The baseline: every figure of the four quarters in one hand-written statement, in two shapes —
 * `one-pass`, each figure grouped over the four quarters at once (one scan per figure, the rows
 * bucketed by month or quarter); `per-quarter`, each figure grouped per quarter, 28 branches of one
 * UNION ALL. The faster of the two is the floor the app is compared with: SQLite groups by sorting,
 * and one sort of a year of requests costs more than four sorts of a quarter each.
 */
type BaselineShape = 'one-pass' | 'per-quarter';
function baselineQuery(organizationId: string, quarters: ReportQuarter[], shape: BaselineShape) {
  const oldestFirst = [...quarters].reverse();
  const branches =
    shape === 'one-pass' ? figureBranches(organizationId, oldestFirst) : oldestFirst.flatMap((q) => figureBranches(organizationId, [q]));
  return sql<BaselineRow>`${sql.join(branches, sql` union all `)}`;
}

/** The baseline's rows as each quarter's counts, to check they are the same figures the app counts. */
function baselineCounts(rows: BaselineRow[], quarters: ReportQuarter[]): Map<string, QuarterCounts> {
  const quarterOfMonth = new Map(quarters.flatMap((q) => q.months.map((m) => [m.month, q.quarter] as const)));
  const byQuarter = new Map<string, QuarterCounts>(
    quarters.map((q) => [
      q.quarter,
      {
        requests: [],
        firstContact: [],
        offers: [],
        encounters: { logged: 0, people: 0, escalated: 0 },
        referrals: [],
        reach: { departments: 0, onRecord: 0 },
        feedback: { responses: 0, helpfulness: null, recommend: 0 },
      },
    ]),
  );
  for (const row of rows) {
    const n = Number(row.n);
    const a = Number(row.a ?? 0);
    const b = Number(row.b ?? 0);
    const c = byQuarter.get(row.kind === 'requests' ? (quarterOfMonth.get(row.bucket) ?? '') : row.bucket);
    if (!c) throw new Error(`baseline row outside the quarters: ${JSON.stringify(row)}`);
    if (row.kind === 'requests') c.requests.push({ month: row.bucket, origin: row.k1!, reason: row.k2!, profession: row.k3, n });
    else if (row.kind === 'contact') c.firstContact.push({ minutes: Number(row.v), n, onTime: a, withTarget: b });
    else if (row.kind === 'reach') c.reach = { departments: n, onRecord: a };
    else if (row.kind === 'offers') c.offers.push({ key: row.k1!, n });
    else if (row.kind === 'encounters') c.encounters = { logged: n, people: a, escalated: b };
    else if (row.kind === 'referrals') c.referrals.push({ key: row.k1!, n });
    else if (row.kind === 'feedback') c.feedback = { responses: n, helpfulness: n > 0 ? a / n : null, recommend: b };
  }
  return byQuarter;
}

/** Counts in a canonical order (and the mean rounded), so two ways of counting compare equal. */
function canonical(c: QuarterCounts): string {
  const by = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((x, y) => key(x).localeCompare(key(y)));
  return JSON.stringify({
    ...c,
    requests: by(c.requests, (r) => `${r.month}|${r.origin}|${r.reason}|${r.profession ?? ''}`),
    firstContact: [...c.firstContact].sort((x, y) => x.minutes - y.minutes),
    offers: by(c.offers, (o) => o.key),
    referrals: by(c.referrals, (r) => r.key),
    feedback: { ...c.feedback, helpfulness: c.feedback.helpfulness === null ? null : Math.round(c.feedback.helpfulness * 1e9) / 1e9 },
  });
}

function checkSame(label: string, expected: Map<string, QuarterCounts>, actual: Map<string, QuarterCounts>): void {
  for (const [quarter, counts] of expected) {
    const other = actual.get(quarter);
    if (!other || canonical(counts) !== canonical(other)) {
      throw new Error(`${label}: the figures of ${quarter} differ\n  ${canonical(counts)}\n  ${other ? canonical(other) : 'missing'}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

const time = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
};
/** Nearest-rank quantile. */
const quantile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
};
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

/** Records each query a Kysely instance runs (for the plans): the operation tree and its id. */
class QueryRecorder implements KyselyPlugin {
  readonly queries: { node: RootOperationNode; queryId: QueryId }[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries.push({ node: args.node, queryId: args.queryId });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The statements of `countQuarter`, one by one (it runs them together). */
const STATEMENTS = [
  ['requests by month × origin × reason × profession', reporting.countRequests],
  ['first-contact histogram', reporting.firstContactMinutes],
  ['departments reached', reporting.countDepartmentsWithRequests],
  ['offers by status', reporting.countOffersByStatus],
  ['conversations', reporting.countEncounters],
  ['referrals by category', reporting.countReferralsByCategory],
  ['feedback', reporting.summarizeFeedback],
] as const;

async function explain(db: Db, engine: Engine, organizationId: string, q: ReportQuarter): Promise<void> {
  for (const [label, statement] of STATEMENTS) {
    const recorder = new QueryRecorder();
    await statement(db.withPlugin(recorder), organizationId, q);
    const recorded = recorder.queries[0]!;
    const compiled = db.getExecutor().compileQuery(recorded.node, recorded.queryId);
    const prefix = engine === 'postgres' ? 'explain (analyze, buffers) ' : 'explain query plan ';
    const { rows } = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
    console.log(`    ${label}:`);
    for (const row of rows) console.log(`      ${String(engine === 'postgres' ? row['QUERY PLAN'] : row.detail)}`);
  }
}

interface Figures {
  engine: Engine;
  cases: number;
  generationMs: number;
  rows: Tally;
  settled: string[];
  coldMs: number;
  warmP50: number;
  warmP95: number;
  countingMs: number;
  /** The faster baseline shape's p50: the floor. */
  baselineMs: number;
  baselineShape: BaselineShape;
  onePassMs: number;
  perQuarterMs: number;
  countingRuns: number[];
  onePassRuns: number[];
  perQuarterRuns: number[];
  unsettledP50: number;
  unsettledP95: number;
  statements: { label: string; ms: number }[];
  rssBeforeCounting: number;
  rssAfterCounting: number;
  rssAfterRuns: number;
  maxRssAfterGeneration: number;
  maxRssAfterCounting: number;
}

async function benchEngine(database: DatabaseHandle, total: number): Promise<Figures> {
  const clock = new TestClock(NOW.getTime());
  const db = database.db;
  const world = await db.transaction().execute(async (trx) => {
    const org = await buildOrganization(trx, clock, { timeZone: TIME_ZONE });
    await trx.updateTable('organizations').set({ retention_days: RETENTION_DAYS }).where('id', '=', org.id).execute();
    const departments: string[] = [];
    for (let i = 0; i < DEPARTMENTS; i++) departments.push(await buildDepartment(trx, clock, org.id, { name: `Department ${i + 1}` }));
    const supporters: string[] = [];
    for (let i = 0; i < SUPPORTERS; i++) {
      const p = await buildPerson(trx, clock, org.id, {
        roles: ['staff_member', 'peer_supporter'],
        departmentId: departments[i % DEPARTMENTS]!,
      });
      await buildSupporterProfile(trx, clock, org.id, p.id);
      supporters.push(p.id);
    }
    const viewer = await buildPerson(trx, clock, org.id, {
      roles: ['staff_member', 'leadership_viewer'],
      password: PASSWORD,
      email: 'leadership@bench.test',
    });
    return { organizationId: org.id, departments, supporters, viewerEmail: viewer.email };
  });

  console.log(`  generating ${total.toLocaleString('en')} requests …`);
  // On a handle of its own, closed afterwards: the app's statement cache would otherwise keep the
  // large INSERTs prepared, and the memory figures below are about the report, not the load.
  const bulk = await openSecondHandle(database);
  const generated = await generate(bulk, world, total).finally(() => bulk.close());
  console.log(
    `  generated in ${(generated.ms / 1000).toFixed(1)} s: ${Object.entries(generated.rows)
      .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
      .join(', ')}`,
  );
  if (database.engine === 'postgres') {
    // What autovacuum does after a bulk load (statistics, visibility map), done now so that it does
    // not run in the middle of the measurements on the same two cores.
    const [ms] = await time(() => sql`vacuum analyze cases, case_offers, encounters, referral_offers, feedback`.execute(db));
    console.log(`  vacuum analyze: ${(ms / 1000).toFixed(1)} s`);
  }
  const maxRssAfterGeneration = process.resourceUsage().maxRSS * 1024;

  const quarters = endedQuarters(NOW, TIME_ZONE, 4);
  const today = NOW.toISOString().slice(0, 10);
  const settled = quarters.filter((q) => addDays(q.untilDay, SETTLE_DAYS) <= today).map((q) => q.quarter);
  console.log(
    `  clock ${NOW.toISOString()} (${TIME_ZONE}); quarters shown ${quarters.map((q) => q.quarter).join(', ')}; settled: ${settled.join(', ') || 'none'}`,
  );

  const built = await buildApp(testConfig({ clock }), { database, logger: false });
  const cookie = await signIn(built.app, world.viewerEmail, PASSWORD);
  const getReport = async () => {
    const response = await built.app.inject({ method: 'GET', url: '/api/reports', headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`GET /api/reports answered ${response.statusCode}: ${response.body}`);
    return response.json() as ProgramReport;
  };

  // Cold: the first report after generation counts the four quarters and keeps them.
  const [coldMs, coldReport] = await time(getReport);
  if (coldReport.quarters.map((q) => q.quarter).join() !== quarters.map((q) => q.quarter).join()) {
    throw new Error(`unexpected quarters: ${coldReport.quarters.map((q) => q.quarter).join()}`);
  }
  const kept = await db
    .selectFrom('report_quarter_counts')
    .select(['quarter', 'counts'])
    .where('organization_id', '=', world.organizationId)
    .execute();
  console.log(`  cold GET: ${coldMs.toFixed(0)} ms; kept quarters: ${kept.map((k) => k.quarter).join(', ')}`);

  const warm: number[] = [];
  for (let i = 0; i < WARM_CALLS; i++) warm.push((await time(getReport))[0]);

  // Counting (nothing kept) and the baseline, alternated so both see the same host.
  const counting = async () => {
    const counts = new Map<string, QuarterCounts>();
    for (const q of quarters) counts.set(q.quarter, await countQuarter(db, world.organizationId, q));
    return counts;
  };
  // On PostgreSQL the baseline runs with JIT off: with the server's default (jit = on) compiling the
  // large statement took 3–15 s on this host (EXPLAIN ANALYZE), which says nothing about the figures.
  // The app's own statements run with the server's defaults.
  const baseline = async (shape: BaselineShape) => {
    const run = (on: DbOrTrx) => baselineQuery(world.organizationId, quarters, shape).execute(on);
    const { rows } =
      database.engine === 'postgres'
        ? await db.transaction().execute(async (trx) => {
            await sql`set local jit = off`.execute(trx);
            return run(trx);
          })
        : await run(db);
    return baselineCounts(rows, quarters);
  };
  // Memory: around the first counting of the four quarters alone, then after all the runs below.
  const rssBeforeCounting = process.memoryUsage().rss;
  const counted = await counting();
  const rssAfterCounting = process.memoryUsage().rss;
  checkSame('counting vs kept', new Map(kept.map((k) => [k.quarter, JSON.parse(k.counts) as QuarterCounts])), counted);
  checkSame('one-pass baseline vs counting', counted, await baseline('one-pass'));
  checkSame('per-quarter baseline vs counting', counted, await baseline('per-quarter'));
  const countingRuns: number[] = [];
  const onePassRuns: number[] = [];
  const perQuarterRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    countingRuns.push((await time(counting))[0]);
    onePassRuns.push((await time(() => baseline('one-pass')))[0]);
    perQuarterRuns.push((await time(() => baseline('per-quarter')))[0]);
  }
  const rssAfterRuns = process.memoryUsage().rss;
  const maxRssAfterCounting = process.resourceUsage().maxRSS * 1024;

  // Which statement the counting spends its time in: each alone, for the four quarters (median of 3).
  const statements: { label: string; ms: number }[] = [];
  for (const [label, statement] of STATEMENTS) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      runs.push(
        (
          await time(async () => {
            for (const q of quarters) await statement(db, world.organizationId, q);
          })
        )[0],
      );
    }
    statements.push({ label, ms: quantile(runs, 0.5) });
  }
  if (EXPLAIN) {
    console.log(`  plans (${quarters[0]!.quarter}):`);
    await explain(db, database.engine, world.organizationId, quarters[0]!);
  }
  await built.app.close();

  // The newest quarter's first 30 days after it ends: it is counted afresh on every GET (its kept
  // row is not read before it settles). The first call, on a freshly built app, is not timed.
  const early = await buildApp(testConfig({ clock: new TestClock(UNSETTLED_NOW.getTime()) }), { database, logger: false });
  const earlyCookie = await signIn(early.app, world.viewerEmail, PASSWORD);
  const unsettled: number[] = [];
  for (let i = 0; i < UNSETTLED_CALLS + 1; i++) {
    const [ms, response] = await time(() => early.app.inject({ method: 'GET', url: '/api/reports', headers: { cookie: earlyCookie } }));
    if (response.statusCode !== 200) throw new Error(`GET /api/reports answered ${response.statusCode}`);
    if (i > 0) unsettled.push(ms);
  }
  await early.app.close();

  const onePassMs = quantile(onePassRuns, 0.5);
  const perQuarterMs = quantile(perQuarterRuns, 0.5);
  return {
    engine: database.engine,
    cases: total,
    generationMs: generated.ms,
    rows: generated.rows,
    settled,
    coldMs,
    warmP50: quantile(warm, 0.5),
    warmP95: quantile(warm, 0.95),
    countingMs: quantile(countingRuns, 0.5),
    baselineMs: Math.min(onePassMs, perQuarterMs),
    baselineShape: onePassMs <= perQuarterMs ? 'one-pass' : 'per-quarter',
    onePassMs,
    perQuarterMs,
    countingRuns,
    onePassRuns,
    perQuarterRuns,
    unsettledP50: quantile(unsettled, 0.5),
    unsettledP95: quantile(unsettled, 0.95),
    statements,
    rssBeforeCounting,
    rssAfterCounting,
    rssAfterRuns,
    maxRssAfterGeneration,
    maxRssAfterCounting,
  };
}

function report(f: Figures): void {
  const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
  const ratio = (v: number) => `${(v / f.baselineMs).toFixed(2)}×`;
  const meets = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const runs = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
  const row = (label: string, value: string, vsBaseline = '', verdict = '', detail = '') =>
    console.log(`  ${label.padEnd(56)} ${value.padStart(17)} ${vsBaseline.padStart(7)}  ${verdict.padEnd(20)} ${detail}`);
  console.log(
    `\n${f.engine}: ${f.cases.toLocaleString('en')} requests, generated in ${(f.generationMs / 1000).toFixed(1)} s ` +
      `(${Object.entries(f.rows)
        .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
        .join(', ')}); settled quarters: ${f.settled.join(', ')}`,
  );
  row('', 'time', '× base', 'target', 'runs');
  row('baseline one-pass: 1 statement, 7 groupings (p50)', ms(f.onePassMs), '', '', runs(f.onePassRuns));
  row('baseline per-quarter: 1 statement, 28 groupings (p50)', ms(f.perQuarterMs), '', '', runs(f.perQuarterRuns));
  row(`baseline = the faster (${f.baselineShape})`, ms(f.baselineMs));
  row(
    `counting: countQuarter × 4, nothing kept (p50 of ${RUNS})`,
    ms(f.countingMs),
    ratio(f.countingMs),
    `≤ ${TARGET_RATIO}×: ${meets(f.countingMs <= TARGET_RATIO * f.baselineMs)}`,
    runs(f.countingRuns),
  );
  row(
    'cold GET /api/reports (counts and keeps 4 quarters)',
    ms(f.coldMs),
    ratio(f.coldMs),
    `< ${TARGET_MS} ms: ${meets(f.coldMs < TARGET_MS)}`,
  );
  row(
    `warm GET /api/reports, 4 kept rows (p50 / p95 of ${WARM_CALLS})`,
    `${ms(f.warmP50)} / ${ms(f.warmP95)}`,
    ratio(f.warmP50),
    `< ${TARGET_MS} ms: ${meets(f.warmP95 < TARGET_MS)}`,
  );
  row(
    `GET, newest quarter unsettled (p50 / p95 of ${UNSETTLED_CALLS})`,
    `${ms(f.unsettledP50)} / ${ms(f.unsettledP95)}`,
    ratio(f.unsettledP50),
    `< ${TARGET_MS} ms: ${meets(f.unsettledP95 < TARGET_MS)}`,
  );
  console.log(
    `  RSS before / after counting the four quarters: ${mb(f.rssBeforeCounting)} / ${mb(f.rssAfterCounting)}; ` +
      `after all the runs ${mb(f.rssAfterRuns)}; peak RSS after generation ${mb(f.maxRssAfterGeneration)}, after the runs ${mb(f.maxRssAfterCounting)}`,
  );
  console.log('  each counting statement alone, four quarters one after another (median of 3):');
  for (const s of [...f.statements].sort((a, b) => b.ms - a.ms)) console.log(`    ${s.label.padEnd(52)} ${ms(s.ms).padStart(9)}`);
}

const engines = (process.env.DATABASE_URL ? [undefined, process.env.DATABASE_URL] : [undefined]).filter(
  (url) => !process.env.BENCH_ENGINES || process.env.BENCH_ENGINES.split(',').includes(url ? 'postgres' : 'sqlite'),
);
const savedUrl = process.env.DATABASE_URL;
const figures: Figures[] = [];
for (const url of engines) {
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  const database = await createTestDatabase();
  console.log(`${database.engine}:`);
  try {
    figures.push(await benchEngine(database, database.engine === 'postgres' ? PG_CASES : CASES));
  } finally {
    await database.close();
  }
}
if (savedUrl) process.env.DATABASE_URL = savedUrl;
for (const f of figures) report(f);
