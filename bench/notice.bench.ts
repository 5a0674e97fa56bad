/**
 * Event notice benchmark: a notice naming 50 involved staff, filed over real HTTP. Target:
 * every outreach case stored, matched and its notification queued within 2 s. Also printed: the
 * time from the notice to the supporters' e-mails arriving at a local SMTP server (`smtp-server`),
 * sent by the app's own job runner (startJobRunner + appJobs, as server/main.ts runs it).
 *
 * Baselines, measured in the same run on the same database:
 * - A: 50 bare case rows inserted in one transaction (the storage floor for "50 cases stored");
 * - B: one e-mail sent straight to the same SMTP server with the app's transport (the mail floor).
 *
 *   npm run bench:notice                                                       # SQLite only
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:notice  # SQLite, then PostgreSQL
 *   BENCH_ROUNDS=3 BENCH_INVOLVED=50 BENCH_SUPPORTERS=60 JOBS_POLL_MS=1000     # the defaults
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../server/app.ts';
import type { Clock } from '../server/config.ts';
import type { DatabaseHandle } from '../server/db/database.ts';
import { closeSmtpTransports, smtpTransport } from '../server/email/mailer.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { startJobRunner } from '../server/jobs/runner.ts';
import { buildCase, buildDepartment, buildOrganization, buildPerson, buildSupporterProfile } from '../server/demo/factories.ts';
import { createTestDatabase, testConfig } from '../test/harness.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const INVOLVED = Number(process.env.BENCH_INVOLVED ?? 50);
const SUPPORTERS = Number(process.env.BENCH_SUPPORTERS ?? 60);
/** The production default (config.jobsPollMs): the runner sleeps this long when nothing was due. */
const POLL_MS = Number(process.env.JOBS_POLL_MS ?? 1000);
const PASSWORD = 'bench-Passw0rd-horse-staple';
const TARGET_MS = 2_000;

/** Arrival time (performance.now()) of each message, by recipient. */
const arrivals: { to: string; at: number }[] = [];
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      const at = performance.now();
      for (const r of session.envelope.rcptTo) arrivals.push({ to: r.address.toLowerCase(), at });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface Round {
  filingMs: number;
  casesOffered: number;
  queuedForSupporters: number;
  firstSupporterMailMs: number;
  lastSupporterMailMs: number;
}
interface EngineFigures {
  engine: string;
  bareInsertsMs: number[];
  directMailMs: number[];
  rounds: Round[];
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error('timed out waiting for e-mail');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function benchEngine(database: DatabaseHandle): Promise<EngineFigures> {
  const clock: Clock = { now: () => new Date() };
  const db = database.db;

  // The organisation: one department, a reporter, ROUNDS × INVOLVED plain staff, SUPPORTERS supporters.
  const world = await db.transaction().execute(async (trx) => {
    const org = await buildOrganization(trx, clock);
    const department = await buildDepartment(trx, clock, org.id, { name: 'Emergency Medicine' });
    await buildPerson(trx, clock, org.id, { roles: ['staff_member', 'event_reporter'], password: PASSWORD, email: 'reporter@bench.test' });
    const staff: string[] = [];
    for (let i = 0; i < ROUNDS * INVOLVED; i++) {
      staff.push(
        (await buildPerson(trx, clock, org.id, { email: `staff${i}@bench.test`, firstName: `Staff${i}`, departmentId: department })).email,
      );
    }
    const supporters = new Set<string>();
    for (let i = 0; i < SUPPORTERS; i++) {
      const p = await buildPerson(trx, clock, org.id, {
        email: `peer${i}@bench.test`,
        firstName: `Peer${i}`,
        roles: ['staff_member', 'peer_supporter'],
      });
      await buildSupporterProfile(trx, clock, org.id, p.id, { capacity: 1000 });
      supporters.add(p.email);
    }
    return { org, department, staff, supporters };
  });

  const built = await buildApp(testConfig({ clock, sessionIdleMinutes: 60, smtpUrl }), { database, logger: false });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
  const runner = startJobRunner(built.ctx, appJobs, { pollMs: POLL_MS });

  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'reporter@bench.test', password: PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.split('=')[0]!.endsWith('peerline_session'));
  if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
  const headers = { 'content-type': 'application/json', cookie, origin: appUrl };
  const triggers = (await (await fetch(`${appUrl}/api/event-triggers`, { headers })).json()) as {
    triggers: { id: string; active: boolean }[];
  };
  const triggerId = triggers.triggers.find((t) => t.active)?.id;
  if (!triggerId) throw new Error('no trigger');

  // Baseline A: 50 bare case rows, one transaction (no matching, no offers, no audit, no outbox).
  const bareInsertsMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < INVOLVED; i++) await buildCase(trx, clock, world.org.id, { state: 'new' });
    });
    bareInsertsMs.push(performance.now() - start);
  }
  // Baseline B: one message straight to the SMTP server (connection pooled, like the app's).
  const directMailMs: number[] = [];
  const transport = smtpTransport(smtpUrl);
  for (let round = 0; round < ROUNDS; round++) {
    const to = `direct${round}@bench.test`;
    const mark = arrivals.length;
    const start = performance.now();
    await transport.sendMail({ from: 'bench@bench.test', to, subject: 'x', text: 'x' });
    await waitFor(() => arrivals.slice(mark).some((a) => a.to === to), 10_000);
    directMailMs.push(arrivals.slice(mark).find((a) => a.to === to)!.at - start);
  }

  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const involved = world.staff.slice(round * INVOLVED, (round + 1) * INVOLVED);
    const mark = arrivals.length;
    const filedAt = new Date().toISOString();
    const start = performance.now();
    const response = await fetch(`${appUrl}/api/event-notices`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        triggerId,
        departmentId: world.department,
        urgent: false,
        involved: involved.map((workEmail) => ({ workEmail })),
      }),
    });
    const receipt = (await response.json()) as { offeredCount: number };
    const filingMs = performance.now() - start;
    if (response.status !== 201 || receipt.offeredCount !== INVOLVED)
      throw new Error(`filing failed: ${response.status} ${JSON.stringify(receipt)}`);

    // Stored, matched and notification queued: all of it was committed before the receipt.
    const cases = await db
      .selectFrom('cases')
      .innerJoin('people', 'people.id', 'cases.requester_person_id')
      .select(['cases.state'])
      .where('people.work_email', 'in', involved)
      .where('cases.origin', '=', 'event_outreach')
      .execute();
    const casesOffered = cases.filter((c) => c.state === 'offered').length;
    const queued = await db
      .selectFrom('email_outbox')
      .select('to_address')
      .where('template', '=', 'new_offer')
      .where('created_at', '>=', filedAt)
      .execute();
    const queuedForSupporters = queued.filter((q) => world.supporters.has(q.to_address)).length;

    const supporterMails = () => arrivals.slice(mark).filter((a) => world.supporters.has(a.to));
    await waitFor(() => supporterMails().length >= queuedForSupporters, 60_000);
    const times = supporterMails().map((a) => a.at - start);
    rounds.push({
      filingMs,
      casesOffered,
      queuedForSupporters,
      firstSupporterMailMs: Math.min(...times),
      lastSupporterMailMs: Math.max(...times),
    });
  }

  await runner.stop();
  await built.app.close();
  return { engine: database.engine, bareInsertsMs, directMailMs, rounds };
}

const fmt = (v: number) => `${v.toLocaleString('en', { maximumFractionDigits: 0 })} ms`;
function report(f: EngineFigures): void {
  const bare = median(f.bareInsertsMs);
  const mail = median(f.directMailMs);
  const filing = median(f.rounds.map((r) => r.filingMs));
  const first = median(f.rounds.map((r) => r.firstSupporterMailMs));
  const last = median(f.rounds.map((r) => r.lastSupporterMailMs));
  const allOffered = f.rounds.every((r) => r.casesOffered === INVOLVED && r.queuedForSupporters === INVOLVED);
  console.log(
    `\n${f.engine}: a notice naming ${INVOLVED} staff, ${SUPPORTERS} supporters, median of ${ROUNDS} rounds, job runner polling every ${POLL_MS} ms`,
  );
  console.log(`  baseline A: ${INVOLVED} bare case inserts, one transaction  ${fmt(bare).padStart(9)}`);
  console.log(`  baseline B: one e-mail straight to the SMTP server       ${fmt(mail).padStart(9)}`);
  console.log(
    `  filing (POST → receipt; ${INVOLVED} cases stored, offered, e-mail queued) ${fmt(filing).padStart(9)}  ${(filing / bare).toFixed(1)}× A  ` +
      `target < ${TARGET_MS} ms: ${filing < TARGET_MS && allOffered ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  cases offered / supporter e-mails queued per round: ${f.rounds.map((r) => `${r.casesOffered}/${r.queuedForSupporters}`).join(', ')}`,
  );
  console.log(`  notice → first supporter e-mail at the SMTP server      ${fmt(first).padStart(9)}  ${(first / mail).toFixed(1)}× B`);
  console.log(`  notice → last supporter e-mail at the SMTP server       ${fmt(last).padStart(9)}  ${(last / mail).toFixed(1)}× B`);
  console.log(
    `  per round (filing / first / last): ${f.rounds.map((r) => `${fmt(r.filingMs)} / ${fmt(r.firstSupporterMailMs)} / ${fmt(r.lastSupporterMailMs)}`).join('; ')}`,
  );
}

const engines = process.env.DATABASE_URL ? [undefined, process.env.DATABASE_URL] : [undefined];
const figures: EngineFigures[] = [];
const savedUrl = process.env.DATABASE_URL;
try {
  for (const url of engines) {
    if (url) process.env.DATABASE_URL = url;
    else delete process.env.DATABASE_URL;
    const database = await createTestDatabase();
    console.log(`${database.engine}: setting up …`);
    try {
      figures.push(await benchEngine(database));
    } finally {
      await database.close();
    }
  }
} finally {
  if (savedUrl) process.env.DATABASE_URL = savedUrl;
  closeSmtpTransports();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
}
for (const f of figures) report(f);
