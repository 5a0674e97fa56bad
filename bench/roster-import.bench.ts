/**
 * Roster import benchmark: `npm run bench:import` (SQLite), and PostgreSQL too when DATABASE_URL is
 * set. Everything goes through the real HTTP routes (app.inject), so parsing, validation, the
 * directory read and the writes are all in the figures. BENCH_ROWS changes the file size.
 *
 * Two baselines are measured in the same run, on the same machine and database:
 * - "parse+validate": the pure CSV reading and row checks alone, the floor no import can beat;
 * - "naive insert": the same people written one at a time through people.repository (a SELECT by
 *   e-mail, an INSERT and a role INSERT per row, in one transaction), i.e. what reusing the
 *   one-person path in a loop would cost. It does less than the import (no report, no managers).
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_PROFESSIONS, buildDepartment, buildOrganization, buildPerson } from '../server/demo/factories.ts';
import { listDepartments, listProfessions } from '../server/modules/organization/organization.repository.ts';
import * as people from '../server/modules/people/people.repository.ts';
import { nameIndex, readRosterCsv, validateRoster } from '../server/modules/people/roster.parse.ts';
import { newId } from '../server/db/values.ts';
import type { RosterReport } from '../shared/schemas/roster.ts';
import { createTestApp, signIn, type TestApp } from '../test/harness.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_MS = 10_000;
const PASSWORD = 'correct horse battery staple';

/** Deterministic pseudo-random numbers (mulberry32): every run imports the same file. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ana',
  'José',
  'Zoë',
  'Mohammed',
  'Priya',
  'Wei',
  'Olusegun',
  'Siobhan',
  'Mateo',
  'Hannah',
  'Kwame',
  'Yuki',
  'Lars',
  'Fatima',
  'Chloé',
  'Dmitri',
  'Amara',
  'Noah',
  'Ines',
  'Rahul',
];
const LAST = [
  "O'Brien",
  'García',
  'Nguyễn',
  'Smith',
  'Okafor',
  'Müller',
  'Kowalski',
  'Haddad',
  'Tanaka',
  'Johansson',
  'Da Silva',
  'Patel',
  'Cohen',
  'Ivanova',
  'Mensah',
  'Rossi',
  'Kim',
  'Dubois',
  'Hernández',
  'Walsh',
];
const DEPARTMENTS = [
  'Emergency Medicine',
  'Cardiology',
  'Oncology',
  'Pediatrics',
  'Surgery',
  'Intensive Care',
  'Radiology',
  'Pharmacy',
  'Neurology',
  'Obstetrics, Gynecology',
  'Psychiatry',
  'Anesthesiology',
];
const SPECIALTIES = ['Critical care', 'Trauma', 'Palliative care', 'Neonatal', 'Interventional', 'Oncology pharmacy', '=Night shift lead'];
const LANGUAGES = ['en', 'en', 'en', 'en;es', 'en,fr', 'es', 'en;pt-br'];

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Chiefs (no manager) ← managers ← everyone else, at random places in the file (so often below their reports). */
function rosterCsv(rows: number, seed = 42): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const email = (i: number, first: string, last: string) =>
    `${first}.${last}.${i}@hospital.example`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9.@]/g, '');
  const names = Array.from({ length: rows }, () => [pick(FIRST), pick(LAST)] as const);
  const emails = names.map(([f, l], i) => email(i, f, l));
  const order = [...emails.keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const chiefs = order.slice(0, 10);
  const managers = order.slice(10, Math.max(11, Math.floor(rows / 30)));
  const rank = new Map<number, number>([...chiefs.map((i) => [i, 0] as const), ...managers.map((i) => [i, 1] as const)]);
  const lines = ['first_name,last_name,work_email,profession,department,specialty,languages,manager_email,active'];
  for (let i = 0; i < rows; i++) {
    const [first, last] = names[i]!;
    const level = rank.get(i) ?? 2;
    const manager = level === 0 ? '' : emails[pick(level === 1 ? chiefs : managers)]!;
    const profession = pick(DEFAULT_PROFESSIONS).name;
    const fields = [
      first,
      last,
      emails[i]!.toUpperCase().slice(0, 3) + emails[i]!.slice(3),
      rnd() < 0.2 ? profession.toLowerCase() : profession,
      pick(DEPARTMENTS),
      rnd() < 0.5 ? '' : pick(SPECIALTIES),
      pick(LANGUAGES),
      manager,
      rnd() < 0.02 ? 'no' : 'yes',
    ];
    lines.push(fields.map(cell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Renames every tenth person, so a re-import has real updates to make. */
function withChanges(csv: string): string {
  return csv
    .split('\r\n')
    .map((line, i) => (i > 0 && i % 10 === 0 && line ? line.replace(/^[^,]*/, (first) => `${first}-x`) : line))
    .join('\r\n');
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const STEPS = ['preview', 'import (new)', 're-import (unchanged)', 're-import (10% changed)'] as const;
type Timings = { parse: number; naive: number } & Record<(typeof STEPS)[number], number>;

/** One round in an organisation of its own: the baselines, then the four timed requests. */
async function round(t: TestApp, engine: string, csv: string, rows: number): Promise<Timings> {
  const db = t.ctx.db;
  const org = await buildOrganization(db, t.clock);
  for (const name of DEPARTMENTS) await buildDepartment(db, t.clock, org.id, { name });
  const admin = await buildPerson(db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
  const cookie = await signIn(t.app, admin.email, PASSWORD);
  const post = async (url: string, body: string) => {
    const response = await t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'text/csv' }, payload: body });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 500)}`);
    return response.json() as RosterReport;
  };
  const check = (what: string, ok: boolean) => {
    if (!ok) throw new Error(`${engine}: unexpected report for ${what}`);
  };

  const [professions, departments] = await Promise.all([listProfessions(db, org.id), listDepartments(db, org.id)]);
  const lookups = { professions: nameIndex(professions), departments: nameIndex(departments) };
  const [parse, parsed] = await time(() => validateRoster(readRosterCsv(csv), lookups));
  const [preview, previewed] = await time(() => post('/api/people/import/preview', csv));
  check('preview', previewed.created === rows && previewed.invalid === 0);
  const [first, imported] = await time(() => post('/api/people/import', csv));
  check('import', imported.created === rows);
  const [again, reimported] = await time(() => post('/api/people/import', csv));
  check('re-import', reimported.unchanged === rows);
  const [changed, updated] = await time(() => post('/api/people/import', withChanges(csv)));
  check('changed', updated.updated === Math.floor(rows / 10) && updated.created === 0);

  // Naive baseline: the same rows, one at a time through people.repository, in an organisation of their own.
  const naiveOrg = await buildOrganization(db, t.clock);
  const at = t.clock.now().toISOString();
  const [naive] = await time(() =>
    db.transaction().execute(async (trx) => {
      for (const r of parsed.rows) {
        if (await people.findPersonIdByEmail(trx, naiveOrg.id, r.workEmail)) continue;
        const id = newId();
        await people.insertPerson(trx, {
          id,
          organization_id: naiveOrg.id,
          first_name: r.firstName,
          last_name: r.lastName,
          work_email: r.workEmail,
          profession_id: null,
          department_id: null,
          specialty: r.specialty ?? null,
          languages: r.languages ?? [],
          manager_id: null,
          active: r.active ?? true,
          created_at: at,
        });
        await people.replaceRoles(trx, naiveOrg.id, id, { add: ['staff_member'], remove: [] }, admin.id, at);
      }
    }),
  );
  return { parse, naive, preview, 'import (new)': first, 're-import (unchanged)': again, 're-import (10% changed)': changed };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function runEngine(engine: string, csv: string): Promise<Timings> {
  const t = await createTestApp();
  try {
    // Warm-up round on a small file, untimed: JIT and first-query costs would otherwise land on round one.
    await round(t, engine, rosterCsv(500, 7), 500);
    const rounds: Timings[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(t, engine, csv, ROWS));
    return Object.fromEntries(Object.keys(rounds[0]!).map((k) => [k, median(rounds.map((r) => r[k as keyof Timings]))])) as Timings;
  } finally {
    await t.close();
  }
}

function report(engine: string, r: Timings): boolean {
  const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
  console.log(`\n${engine}: ${ROWS.toLocaleString('en-US')} rows, median of ${ROUNDS} rounds`);
  console.log(`  baseline parse+validate    ${ms(r.parse)}`);
  console.log(`  baseline naive insert      ${ms(r.naive)}`);
  for (const step of STEPS) {
    const verdict = r[step] < TARGET_MS ? 'meets' : 'MISSES';
    console.log(
      `  ${step.padEnd(25)}  ${ms(r[step])}  ${(r[step] / r.parse).toFixed(1).padStart(5)}× parse+validate  ${(r[step] / r.naive).toFixed(2).padStart(5)}× naive insert  ${verdict} the ${TARGET_MS / 1000} s target`,
    );
  }
  return STEPS.every((step) => r[step] < TARGET_MS);
}

const csv = rosterCsv(ROWS);
console.log(`roster file: ${ROWS.toLocaleString('en-US')} rows, ${(Buffer.byteLength(csv) / 1024).toFixed(0)} KB; Node ${process.version}`);
const postgresUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL; // the test harness picks the engine from this variable
let ok = report('SQLite', await runEngine('SQLite', csv));
if (postgresUrl) {
  process.env.DATABASE_URL = postgresUrl;
  ok = report('PostgreSQL', await runEngine('PostgreSQL', csv)) && ok;
} else {
  console.log('\nPostgreSQL: skipped (set DATABASE_URL to include it)');
}
process.exitCode = ok ? 0 : 1;
