/**
 * HTTP benchmarks: creating a support request and the reads a user makes all day, with 50
 * concurrent clients over real HTTP (keep-alive), each against a baseline measured in the same run:
 *
 * - baseline A, a bare Fastify route in the same process (the framework's limit), POST and GET;
 * - baseline B, the same durable writes request creation makes, one transaction per request, from 50
 *   concurrent workers on the same database (the storage limit), no HTTP.
 *
 * Targets: creation ≥ 0.5× baseline B with p99 < 50 ms; reads ≥ 0.5× baseline A (GET).
 *
 *   npm run bench:requests                                                       # SQLite only
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:requests  # SQLite, then PostgreSQL
 *   BENCH_SECONDS=8 BENCH_WARMUP=2 BENCH_CLIENTS=50                               # the defaults
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import Fastify from 'fastify';
import { MODALITIES, REASON_CATEGORIES } from '../shared/schemas/case-vocabulary.ts';
import { buildApp } from '../server/app.ts';
import type { Clock } from '../server/config.ts';
import type { DatabaseHandle } from '../server/db/database.ts';
import { newId } from '../server/db/values.ts';
import { queueEmail } from '../server/email/outbox.ts';
import { newCase, type Case } from '../server/modules/cases/case.ts';
import * as repo from '../server/modules/cases/cases.repository.ts';
import { offerExpiryJob } from '../server/modules/cases/offer-expiry.job.ts';
import { breachDedupeKey, firstContactBreachJob } from '../server/modules/service-levels/first-contact-clock.job.ts';
import { setCaseClock } from '../server/modules/service-levels/service-levels.repository.ts';
import {
  buildCase,
  buildDepartment,
  buildOrganization,
  buildPerson,
  buildSupporterProfile,
  DEFAULT_PROFESSIONS,
} from '../server/demo/factories.ts';
import { createTestDatabase, testConfig } from '../test/harness.ts';

const STAFF = Number(process.env.BENCH_STAFF ?? 2_000);
const SUPPORTERS = Number(process.env.BENCH_SUPPORTERS ?? 100);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const PASSWORD = 'bench-Passw0rd-horse-staple';
/** For profiling one scenario: e.g. BENCH_ONLY=creation (bare, commits, floor, creation, me, cases); skipped ones print as 0. */
const ONLY = process.env.BENCH_ONLY?.split(',');
const EMPTY: Result = { count: 0, perSecond: NaN, p50: NaN, p99: NaN, errors: 0, busy: NaN, costMs: NaN };
const wanted = (name: string) => !ONLY || ONLY.includes(name);
/** Durable writes of one request creation, all in one transaction (see offers.service / intake.service). */
const WRITES_PER_CREATION = 10;

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface Result {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Share of the run the main thread (server, or baseline B's loop) was busy: 100 % means CPU-bound. */
  busy: number;
  /** Main-thread busy time per completed call (warm-up included), ms: the server's own cost, whoever is the bottleneck. */
  costMs: number;
}

function summarise(samples: number[], errors: number, busy = NaN, completed = NaN): Result {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return {
    count: sorted.length,
    perSecond: sorted.length / SECONDS,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    busy,
    costMs: (busy * (WARMUP + SECONDS) * 1000) / completed,
  };
}

/** What bench/load-worker.mjs takes (workerData) and answers. */
interface LoadSpec {
  clients: number;
  warmupSeconds: number;
  seconds: number;
  method: 'GET' | 'POST';
  url: string;
  /** Per client (index modulo length): e.g. each client's session cookie. */
  headers: Record<string, string>[];
  /** Request bodies, taken in turn. */
  bodies?: string[];
  expectedStatus: number;
  /** Count answers by this JSON field (e.g. the created case's `state`). */
  tallyField?: string;
}
interface LoadOutcome {
  samples: number[];
  errors: number;
  completed: number;
  firstError: string | null;
  tally: Record<string, number>;
  /** Share of the run the client's own thread was busy (near 100 % = the client is the limit). */
  clientBusy: number;
}

/**
 * An HTTP scenario: the client runs in a worker thread (load-worker.ts), so the server's event
 * loop does only server work, as it would with real clients and as baseline B's loop does.
 */
async function loadHttp(
  spec: Omit<LoadSpec, 'clients' | 'warmupSeconds' | 'seconds'>,
): Promise<Result & { tally: Record<string, number> }> {
  // BENCH_PROFILE=dir: a CPU profile of the server thread during this scenario only (not the setup).
  const profiler = process.env.BENCH_PROFILE ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const elu = performance.eventLoopUtilization();
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { ...spec, clients: CLIENTS, warmupSeconds: WARMUP, seconds: SECONDS } satisfies LoadSpec,
  });
  const outcome = await new Promise<LoadOutcome>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const busy = performance.eventLoopUtilization(elu).utilization;
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(
      `${process.env.BENCH_PROFILE}/${spec.method}-${new URL(spec.url).pathname.replaceAll('/', '_')}-${Date.now()}.cpuprofile`,
      JSON.stringify(profile),
    );
    profiler.disconnect();
  }
  if (outcome.errors) console.log(`    ${outcome.errors} failed calls; first: ${outcome.firstError}`);
  console.log(`    server thread busy ${(busy * 100).toFixed(0)} %, client thread busy ${(outcome.clientBusy * 100).toFixed(0)} %`);
  return { ...summarise(outcome.samples, outcome.errors, busy, outcome.completed), tally: outcome.tally };
}

/** `workers` async loops calling `once(worker)` for WARMUP + SECONDS; only the last SECONDS count. */
async function load(workers: number, once: (worker: number) => Promise<boolean>): Promise<Result> {
  const elu = performance.eventLoopUtilization();
  const start = performance.now();
  const measureFrom = start + WARMUP * 1000;
  const end = measureFrom + SECONDS * 1000;
  const samples: number[] = [];
  let errors = 0;
  let completed = 0;
  let firstError: unknown;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await once(worker);
        } catch (error) {
          firstError ??= error;
        }
        completed += 1;
        const t1 = performance.now();
        if (t0 >= measureFrom && t1 <= end) {
          if (ok) samples.push(t1 - t0);
          else errors += 1;
        }
      }
    }),
  );
  if (errors) console.log(`    ${errors} failed calls; first error: ${String(firstError ?? 'unexpected status')}`);
  return summarise(samples, errors, performance.eventLoopUtilization(elu).utilization, completed);
}

async function startBareFastify() {
  const bare = Fastify({ logger: false });
  bare.post('/x', async () => ({ ok: true }));
  bare.get('/x', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  return { bare, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.split('=')[0]!.endsWith('peerline_session'));
  if (response.status !== 200 || !cookie) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return cookie;
}

function requestBody(): string {
  return JSON.stringify({
    reason: pick(REASON_CATEGORIES),
    urgency: random() < 0.3 ? 'today' : 'this_week',
    modality: pick(MODALITIES),
    departmentPreference: pick(['same_department', 'other_department', 'no_preference'] as const),
    contactMethod: random() < 0.5 ? 'work_email' : 'personal_phone',
    contactValue: '+1 555 0100',
  });
}

interface EngineFigures {
  engine: string;
  bareGet: Result;
  barePost: Result;
  bareCommits: Result;
  floorC: Result;
  floorD: Result;
  creation: Result;
  me: Result;
  supporterCases: Result;
  creationStates: Record<string, number>;
}

async function benchEngine(database: DatabaseHandle, bareUrl: string): Promise<EngineFigures> {
  const clock: Clock = { now: () => new Date() };
  const db = database.db;
  const setupStart = performance.now();

  // The organisation: 12 departments, 2,000 staff with accounts (one cached hash), 100 supporters.
  const world = await db.transaction().execute(async (trx) => {
    const org = await buildOrganization(trx, clock);
    const departments: string[] = [];
    for (let i = 0; i < 12; i++) departments.push(await buildDepartment(trx, clock, org.id, { name: `Department ${i + 1}` }));
    const professionIds = DEFAULT_PROFESSIONS.map((p) => org.professions[p.category]);
    await buildPerson(trx, clock, org.id, {
      roles: ['staff_member', 'program_director'],
      password: PASSWORD,
      email: 'director@bench.test',
    });
    const staff: string[] = [];
    for (let i = 0; i < STAFF; i++) {
      const p = await buildPerson(trx, clock, org.id, {
        email: `staff${i}@bench.test`,
        firstName: `Staff${i}`,
        lastName: `Member${i}`,
        password: PASSWORD,
        professionId: pick(professionIds),
        departmentId: pick(departments),
        languages: random() < 0.15 ? ['en', 'es'] : ['en'],
      });
      staff.push(p.email);
    }
    const supporters: { id: string; email: string }[] = [];
    for (let i = 0; i < SUPPORTERS; i++) {
      const p = await buildPerson(trx, clock, org.id, {
        email: `supporter${i}@bench.test`,
        firstName: `Supporter${i}`,
        password: PASSWORD,
        roles: ['staff_member', 'peer_supporter'],
        professionId: pick(professionIds),
        departmentId: pick(departments),
      });
      // Capacity far above what a run can use, so matching never runs out of supporters.
      await buildSupporterProfile(trx, clock, org.id, p.id, { capacity: 1000 });
      // A realistic case list: three open cases each (their contact is audited on every read).
      for (let c = 0; c < 3; c++)
        await buildCase(trx, clock, org.id, { state: 'assigned', assignedSupporterId: p.id, requesterFirstName: `Robin${c}` });
      supporters.push({ id: p.id, email: p.email });
    }
    return { org, staff, supporters };
  });

  const built = await buildApp(testConfig({ clock, sessionIdleMinutes: 60 }), { database, logger: false });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  const appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // One sign-in per client: 50 different requesters (spread over the roster) and 50 supporters.
  const step = Math.floor(STAFF / CLIENTS);
  const staffCookies: string[] = [];
  const supporterCookies: string[] = [];
  for (let i = 0; i < CLIENTS; i += 10) {
    const batch = Array.from({ length: Math.min(10, CLIENTS - i) }, (_, k) => i + k);
    staffCookies.push(...(await Promise.all(batch.map((k) => signIn(appUrl, world.staff[k * step]!)))));
    supporterCookies.push(...(await Promise.all(batch.map((k) => signIn(appUrl, world.supporters[k % SUPPORTERS]!.email)))));
  }
  console.log(
    `  setup: ${STAFF} staff, ${SUPPORTERS} supporters, ${CLIENTS * 2} sign-ins in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`,
  );

  const json = { 'content-type': 'application/json' };
  const bodies = Array.from({ length: 512 }, requestBody);

  console.log('  baseline A (bare Fastify) POST …');
  const barePost = !wanted('bare')
    ? EMPTY
    : await loadHttp({ method: 'POST', url: `${bareUrl}/x`, headers: [json], bodies, expectedStatus: 200 });
  console.log('  baseline A (bare Fastify) GET …');
  const bareGet = !wanted('bare') ? EMPTY : await loadHttp({ method: 'GET', url: `${bareUrl}/x`, headers: [{}], expectedStatus: 200 });

  // Baseline B: the same 10 writes as one request creation (case insert, first-contact clock on the
  // case + its breach job, audit, offer insert, case state update, offer-expiry job, outbox row + its
  // send job, audit), one transaction each, 50 workers, no HTTP, no reads.
  console.log('  baseline B (bare durable commits) …');
  const bareCommits = !wanted('commits')
    ? EMPTY
    : await load(CLIENTS, async (worker) => {
        const now = new Date();
        const at = now.toISOString();
        const supporter = world.supporters[worker % SUPPORTERS]!;
        await db.transaction().execute(async (trx) => {
          const row: Case = {
            ...newCase(world.org.id, 'self', now),
            requester_profession_category: 'physician',
            requester_first_name: 'Bench',
            contact_method: 'personal_phone',
            contact_value: '+1 555 0100',
          };
          const caseId = row.id;
          await repo.insertCase(trx, row);
          // The first-contact clock (service levels): due times on the case and the breach check job.
          const due = new Date(now.getTime() + 24 * 3_600_000);
          await setCaseClock(trx, caseId, due.toISOString(), new Date(due.getTime() + 3_600_000).toISOString());
          await firstContactBreachJob.enqueue(
            trx,
            { organizationId: world.org.id, caseId },
            { runAt: due, dedupeKey: breachDedupeKey(caseId), now },
          );
          await repo.appendCaseAudit(trx, { organizationId: world.org.id, caseId, actorPersonId: null, action: 'case.created.self', at });
          const offerId = newId();
          const expires = new Date(now.getTime() + 4 * 3_600_000);
          await repo.insertOffer(trx, {
            id: offerId,
            organization_id: world.org.id,
            case_id: caseId,
            supporter_id: supporter.id,
            status: 'pending',
            decline_reason: null,
            match_reasons: '[]',
            offered_at: at,
            expires_at: expires.toISOString(),
            responded_at: null,
          });
          await repo.updateCaseIfState(trx, caseId, 'new', { state: 'offered', offered_supporter_id: supporter.id, updated_at: at });
          await offerExpiryJob.enqueue(trx, { offerId }, { runAt: expires, dedupeKey: `offer-expiry:${offerId}`, now });
          await repo.appendCaseAudit(trx, { organizationId: world.org.id, caseId, actorPersonId: null, action: 'case.offered', at });
          await queueEmail(trx, { organizationId: world.org.id, to: supporter.email, template: 'new_offer', link: '/app/offers', now });
        });
        return true;
      });

  console.log('  request creation (POST /api/support/requests) …');
  const creationRun = !wanted('creation')
    ? { ...EMPTY, tally: {} }
    : await loadHttp({
        method: 'POST',
        url: `${appUrl}/api/support/requests`,
        headers: staffCookies.map((cookie) => ({ ...json, cookie })),
        bodies,
        expectedStatus: 201,
        tallyField: 'state',
      });
  const { tally: creationStates, ...creation } = creationRun;

  // Floor C: a bare Fastify GET that makes the one read every signed-in request must make (the
  // session row by its token hash: sessions live in the database, docs/decisions/002), on this
  // database. It shows what a single round trip costs here against baseline A.
  // Floor D: the same, then one indexed read of that supporter's open cases — the two reads the
  // supporter's case list cannot do without (who is asking, then their cases).
  const floorReads = async (second: boolean) => {
    const sessions = await db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select(['sessions.token_hash', 'accounts.person_id'])
      .where(
        'accounts.person_id',
        'in',
        world.supporters.slice(0, CLIENTS).map((s) => s.id),
      )
      .execute();
    const floor = Fastify({ logger: false });
    let next = 0;
    floor.get('/x', async () => {
      const { token_hash } = sessions[next++ % sessions.length]!;
      const session = await db
        .selectFrom('sessions')
        .select(['id', 'account_id', 'expires_at'])
        .where('token_hash', '=', token_hash)
        .executeTakeFirst();
      if (!second || !session) return { ok: Boolean(session) };
      const cases = await db
        .selectFrom('cases')
        .innerJoin('accounts', 'accounts.person_id', 'cases.assigned_supporter_id')
        .select(['cases.id', 'cases.state'])
        .where('accounts.id', '=', session.account_id)
        .execute();
      return { ok: true, cases };
    });
    await floor.listen({ port: 0, host: '127.0.0.1' });
    const floorAddress = floor.server.address();
    try {
      return await loadHttp({
        method: 'GET',
        url: `http://127.0.0.1:${typeof floorAddress === 'object' && floorAddress ? floorAddress.port : 0}/x`,
        headers: [{}],
        expectedStatus: 200,
      });
    } finally {
      await floor.close();
    }
  };
  console.log('  floor C (bare Fastify + one session read) GET …');
  const floorC = !wanted('floor') ? EMPTY : await floorReads(false);
  console.log('  floor D (bare Fastify + session read + one indexed read) GET …');
  const floorD = !wanted('floor') ? EMPTY : await floorReads(true);

  console.log('  GET /api/me …');
  const me = !wanted('me')
    ? EMPTY
    : await loadHttp({ method: 'GET', url: `${appUrl}/api/me`, headers: staffCookies.map((cookie) => ({ cookie })), expectedStatus: 200 });
  console.log('  GET /api/supporter/cases …');
  const supporterCases = !wanted('cases')
    ? EMPTY
    : await loadHttp({
        method: 'GET',
        url: `${appUrl}/api/supporter/cases`,
        headers: supporterCookies.map((cookie) => ({ cookie })),
        expectedStatus: 200,
      });

  await built.app.close();
  return { engine: database.engine, bareGet, barePost, bareCommits, floorC, floorD, creation, me, supporterCases, creationStates };
}

const fmt = (v: number, digits = 0) => v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
function row(label: string, r: Result, base?: Result, verdict = '') {
  const ratio = base ? `${(r.perSecond / base.perSecond).toFixed(2)}×` : '';
  console.log(
    `  ${label.padEnd(38)} ${fmt(r.perSecond).padStart(7)}/s  p50 ${fmt(r.p50, 1).padStart(6)} ms  p99 ${fmt(r.p99, 1).padStart(6)} ms  busy ${fmt(r.busy * 100).padStart(3)} % ${fmt(r.costMs, 2).padStart(5)} ms/call  ${ratio.padStart(6)}  ${verdict}`,
  );
}

function report(f: EngineFigures) {
  console.log(`\n${f.engine}: ${CLIENTS} clients, ${SECONDS} s measured after ${WARMUP} s warm-up; ratio = throughput ÷ baseline`);
  row('baseline A: bare Fastify POST /x', f.barePost);
  row('baseline A: bare Fastify GET /x', f.bareGet);
  row(`baseline B: ${WRITES_PER_CREATION} writes / transaction`, f.bareCommits);
  row('floor C: bare GET + 1 session read  vs A', f.floorC, f.bareGet);
  row('floor D: bare GET + 2 reads         vs A', f.floorD, f.bareGet);
  const creationRatio = f.creation.perSecond / f.bareCommits.perSecond;
  const creationOk = creationRatio >= 0.5 && f.creation.p99 < 50 && f.creation.errors === 0;
  row('POST /api/support/requests  vs B', f.creation, f.bareCommits, `target ≥ 0.5× B and p99 < 50 ms: ${creationOk ? 'met' : 'NOT met'}`);
  row('POST /api/support/requests  vs A (POST)', f.creation, f.barePost);
  const meOk = f.me.perSecond / f.bareGet.perSecond >= 0.5 && f.me.errors === 0;
  row('GET /api/me                 vs A (GET)', f.me, f.bareGet, `target ≥ 0.5× A: ${meOk ? 'met' : 'NOT met'}`);
  const casesOk = f.supporterCases.perSecond / f.bareGet.perSecond >= 0.5 && f.supporterCases.errors === 0;
  row('GET /api/supporter/cases    vs A (GET)', f.supporterCases, f.bareGet, `target ≥ 0.5× A: ${casesOk ? 'met' : 'NOT met'}`);
  row('GET /api/me                 vs C', f.me, f.floorC);
  row('GET /api/supporter/cases    vs D', f.supporterCases, f.floorD);
  console.log(`  created cases by state: ${JSON.stringify(f.creationStates)}`);
}

const { bare, url: bareUrl } = await startBareFastify();
const engines = process.env.DATABASE_URL ? [undefined, process.env.DATABASE_URL] : [undefined];
const figures: EngineFigures[] = [];
const savedUrl = process.env.DATABASE_URL;
for (const url of engines) {
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  const database = await createTestDatabase();
  console.log(`${database.engine}:`);
  try {
    figures.push(await benchEngine(database, bareUrl));
  } finally {
    await database.close();
  }
}
if (savedUrl) process.env.DATABASE_URL = savedUrl;
await bare.close();
for (const f of figures) report(f);
