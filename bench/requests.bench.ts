/**
 * Issue 3, HTTP benchmarks: creating a support request and the reads a user makes all day, with 50
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
import Fastify from 'fastify';
import { MODALITIES, REASON_CATEGORIES } from '../shared/schemas/case-vocabulary.ts';
import { buildApp } from '../server/app.ts';
import type { Clock } from '../server/config.ts';
import type { DatabaseHandle } from '../server/db/database.ts';
import { newId } from '../server/db/values.ts';
import { queueEmail } from '../server/email/outbox.ts';
import * as repo from '../server/modules/cases/cases.repository.ts';
import { offerExpiryJob } from '../server/modules/cases/offer-expiry.job.ts';
import { buildCase, buildDepartment, buildOrganization, buildPerson, buildSupporterProfile, DEFAULT_PROFESSIONS } from '../server/demo/factories.ts';
import { createTestDatabase, testConfig } from '../test/harness.ts';

const STAFF = Number(process.env.BENCH_STAFF ?? 2_000);
const SUPPORTERS = Number(process.env.BENCH_SUPPORTERS ?? 100);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const PASSWORD = 'bench-Passw0rd-horse-staple';
/** Durable writes of one request creation, all in one transaction (see offers.service / intake.service). */
const WRITES_PER_CREATION = 8;

let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface Result {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

function summarise(samples: number[], errors: number): Result {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return { count: sorted.length, perSecond: sorted.length / SECONDS, p50: at(0.5), p99: at(0.99), errors };
}

/** `workers` async loops calling `once(worker)` for WARMUP + SECONDS; only the last SECONDS count. */
async function load(workers: number, once: (worker: number) => Promise<boolean>): Promise<Result> {
  const start = performance.now();
  const measureFrom = start + WARMUP * 1000;
  const end = measureFrom + SECONDS * 1000;
  const samples: number[] = [];
  let errors = 0;
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
        const t1 = performance.now();
        if (t0 >= measureFrom && t1 <= end) {
          if (ok) samples.push(t1 - t0);
          else errors += 1;
        }
      }
    }),
  );
  if (errors) console.log(`    ${errors} failed calls; first error: ${String(firstError ?? 'unexpected status')}`);
  return summarise(samples, errors);
}

async function call(url: string, init: RequestInit, expected: number): Promise<boolean> {
  const response = await fetch(url, init);
  await response.arrayBuffer(); // read the body: the client must receive the whole answer
  return response.status === expected;
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
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.split('=')[0]!.endsWith('peerline_session'));
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
    await buildPerson(trx, clock, org.id, { roles: ['staff_member', 'program_director'], password: PASSWORD, email: 'director@bench.test' });
    const staff: string[] = [];
    for (let i = 0; i < STAFF; i++) {
      const p = await buildPerson(trx, clock, org.id, {
        email: `staff${i}@bench.test`, firstName: `Staff${i}`, lastName: `Member${i}`, password: PASSWORD,
        professionId: pick(professionIds), departmentId: pick(departments), languages: random() < 0.15 ? ['en', 'es'] : ['en'],
      });
      staff.push(p.email);
    }
    const supporters: { id: string; email: string }[] = [];
    for (let i = 0; i < SUPPORTERS; i++) {
      const p = await buildPerson(trx, clock, org.id, {
        email: `supporter${i}@bench.test`, firstName: `Supporter${i}`, password: PASSWORD, roles: ['staff_member', 'peer_supporter'],
        professionId: pick(professionIds), departmentId: pick(departments),
      });
      // Capacity far above what a run can use, so matching never runs out of supporters.
      await buildSupporterProfile(trx, clock, org.id, p.id, { capacity: 1000 });
      // A realistic case list: three open cases each (their contact is audited on every read).
      for (let c = 0; c < 3; c++) await buildCase(trx, clock, org.id, { state: 'assigned', assignedSupporterId: p.id, requesterFirstName: `Robin${c}` });
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
  console.log(`  setup: ${STAFF} staff, ${SUPPORTERS} supporters, ${CLIENTS * 2} sign-ins in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

  const json = { 'content-type': 'application/json' };
  const bodies = Array.from({ length: 512 }, requestBody);
  let n = 0;

  console.log('  baseline A (bare Fastify) POST …');
  const barePost = await load(CLIENTS, () => call(`${bareUrl}/x`, { method: 'POST', headers: json, body: bodies[n++ % bodies.length]! }, 200));
  console.log('  baseline A (bare Fastify) GET …');
  const bareGet = await load(CLIENTS, () => call(`${bareUrl}/x`, {}, 200));

  // Baseline B: the same 8 writes as one request creation (case insert, audit, offer insert, case
  // update, expiry job, outbox row + send job, audit), one transaction each, 50 workers, no HTTP.
  console.log('  baseline B (bare durable commits) …');
  const bareCommits = await load(CLIENTS, async (worker) => {
    const now = new Date();
    const at = now.toISOString();
    const supporter = world.supporters[worker % SUPPORTERS]!;
    await db.transaction().execute(async (trx) => {
      const caseId = newId();
      await repo.insertCase(trx, {
        id: caseId, organization_id: world.org.id, origin: 'self', state: 'new', outcome: null, reason: 'other', urgency: 'this_week',
        modality: 'phone', language: null, language_required: false, department_preference: 'no_preference',
        requester_profession_category: 'physician', requester_department_id: null, requester_person_id: null, requester_first_name: 'Bench',
        contact_method: 'personal_phone', contact_value: '+1 555 0100', anonymous_code: null, anonymous_secret_hash: null,
        requester_informed: null, assigned_supporter_id: null, offered_supporter_id: null, contact_attempts: 0, relaxed_rules: '[]',
        created_at: at, updated_at: at, assigned_at: null, first_contact_at: null, closed_at: null,
      });
      await repo.appendCaseAudit(trx, { organizationId: world.org.id, caseId, actorPersonId: null, action: 'case.created.self', at });
      const offerId = newId();
      const expires = new Date(now.getTime() + 4 * 3_600_000);
      await repo.insertOffer(trx, {
        id: offerId, organization_id: world.org.id, case_id: caseId, supporter_id: supporter.id, status: 'pending', decline_reason: null,
        match_reasons: '[]', offered_at: at, expires_at: expires.toISOString(), responded_at: null,
      });
      await repo.updateCaseIfState(trx, caseId, 'new', { state: 'offered', offered_supporter_id: supporter.id, updated_at: at });
      await offerExpiryJob.enqueue(trx, { offerId }, { runAt: expires, dedupeKey: `offer-expiry:${offerId}`, now });
      await repo.appendCaseAudit(trx, { organizationId: world.org.id, caseId, actorPersonId: null, action: 'case.offered', at });
      await queueEmail(trx, { organizationId: world.org.id, to: supporter.email, template: 'new_offer', link: '/app/offers', now });
    });
    return true;
  });

  console.log('  request creation (POST /api/support/requests) …');
  const creationStates: Record<string, number> = {};
  const creation = await load(CLIENTS, async (worker) => {
    const response = await fetch(`${appUrl}/api/support/requests`, {
      method: 'POST',
      headers: { ...json, cookie: staffCookies[worker]! },
      body: bodies[n++ % bodies.length]!,
    });
    const body = (await response.json()) as { state?: string };
    creationStates[body.state ?? `http ${response.status}`] = (creationStates[body.state ?? `http ${response.status}`] ?? 0) + 1;
    return response.status === 201;
  });

  console.log('  GET /api/me …');
  const me = await load(CLIENTS, (worker) => call(`${appUrl}/api/me`, { headers: { cookie: staffCookies[worker]! } }, 200));
  console.log('  GET /api/supporter/cases …');
  const supporterCases = await load(CLIENTS, (worker) => call(`${appUrl}/api/supporter/cases`, { headers: { cookie: supporterCookies[worker]! } }, 200));

  await built.app.close();
  return { engine: database.engine, bareGet, barePost, bareCommits, creation, me, supporterCases, creationStates };
}

const fmt = (v: number, digits = 0) => v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
function row(label: string, r: Result, base?: Result, verdict = '') {
  const ratio = base ? `${(r.perSecond / base.perSecond).toFixed(2)}×` : '';
  console.log(
    `  ${label.padEnd(38)} ${fmt(r.perSecond).padStart(7)}/s  p50 ${fmt(r.p50, 1).padStart(6)} ms  p99 ${fmt(r.p99, 1).padStart(6)} ms  ${ratio.padStart(6)}  ${verdict}`,
  );
}

function report(f: EngineFigures) {
  console.log(`\n${f.engine}: ${CLIENTS} clients, ${SECONDS} s measured after ${WARMUP} s warm-up; ratio = throughput ÷ baseline`);
  row('baseline A: bare Fastify POST /x', f.barePost);
  row('baseline A: bare Fastify GET /x', f.bareGet);
  row(`baseline B: ${WRITES_PER_CREATION} writes / transaction`, f.bareCommits);
  const creationRatio = f.creation.perSecond / f.bareCommits.perSecond;
  const creationOk = creationRatio >= 0.5 && f.creation.p99 < 50 && f.creation.errors === 0;
  row('POST /api/support/requests  vs B', f.creation, f.bareCommits, `target ≥ 0.5× B and p99 < 50 ms: ${creationOk ? 'met' : 'NOT met'}`);
  row('POST /api/support/requests  vs A (POST)', f.creation, f.barePost);
  const meOk = f.me.perSecond / f.bareGet.perSecond >= 0.5 && f.me.errors === 0;
  row('GET /api/me                 vs A (GET)', f.me, f.bareGet, `target ≥ 0.5× A: ${meOk ? 'met' : 'NOT met'}`);
  const casesOk = f.supporterCases.perSecond / f.bareGet.perSecond >= 0.5 && f.supporterCases.errors === 0;
  row('GET /api/supporter/cases    vs A (GET)', f.supporterCases, f.bareGet, `target ≥ 0.5× A: ${casesOk ? 'met' : 'NOT met'}`);
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
