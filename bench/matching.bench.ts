/**
 * Matching one request against the supporter pool of a large health system:
 * 200,000 staff, 10,000 supporters. Target: median under 5 ms.
 *
 * Baseline, measured in the same run: one pass over the same candidates that only reads the fields
 * the hard rules read (the floor for any matcher that looks at every supporter). The ratio says how
 * much the rules, scoring and reasons cost on top of touching the data at all.
 *
 *   node --import tsx bench/matching.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { MODALITIES, REASON_CATEGORIES } from '../shared/schemas/case-vocabulary.ts';
import { PROFESSION_CATEGORIES } from '../shared/schemas/organization.ts';
import { matchSupporters, type MatchRequest, type SupporterCandidate } from '../server/modules/matching/match.ts';

const STAFF = 200_000;
const SUPPORTERS = 10_000;
const DEPARTMENTS = 400;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const now = new Date('2026-11-25T09:00:00.000Z');

const candidates: SupporterCandidate[] = Array.from({ length: SUPPORTERS }, (_, i) => ({
  personId: `staff-${Math.floor(random() * STAFF)}-${i}`,
  certified: random() > 0.05,
  active: random() > 0.03,
  paused: random() < 0.05,
  professionCategory: pick(PROFESSION_CATEGORIES),
  departmentId: `dept-${Math.floor(random() * DEPARTMENTS)}`,
  specialty: random() < 0.3 ? pick(['Emergency medicine', 'General surgery', 'Obstetrics', 'Oncology']) : null,
  languages: random() < 0.2 ? ['en', pick(['es', 'fr', 'zh', 'ar'])] : ['en'],
  modalities: random() < 0.2 ? ['phone', 'video'] : [...MODALITIES],
  capacity: 1 + Math.floor(random() * 5),
  openCases: Math.floor(random() * 4),
  onCallNow: random() < 0.01,
  nextAvailableAt: random() < 0.5 ? new Date(now.getTime() + random() * 7 * 86_400_000).toISOString() : null,
  experienceTags: random() < 0.4 ? [pick(REASON_CATEGORIES)] : [],
}));

function requestFor(i: number): MatchRequest {
  return {
    requesterPersonId: `staff-${i}`,
    requesterProfessionCategory: pick(PROFESSION_CATEGORIES),
    requesterDepartmentId: `dept-${i % DEPARTMENTS}`,
    requesterSpecialty: null,
    reportingLine: [`staff-${i + 1}`, `staff-${i + 2}`],
    involvedPersonIds: [],
    departmentPreference: pick(['same_department', 'other_department', 'no_preference'] as const),
    programRequiresOtherDepartment: false,
    language: random() < 0.2 ? 'es' : null,
    languageRequired: false,
    modality: pick(MODALITIES),
    reason: pick(REASON_CATEGORIES),
    urgency: random() < 0.3 ? 'today' : 'this_week',
    excludeSupporterIds: [],
    now: now.toISOString(),
  };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: (i: number) => unknown): number[] {
  for (let i = 0; i < 30; i++) run(i); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

let sink = 0;
const requests = Array.from({ length: RUNS + 30 }, (_, i) => requestFor(i * 7));
const baseline = time((i) => {
  const r = requests[i]!;
  for (const c of candidates) {
    if (
      c.certified &&
      c.active &&
      !c.paused &&
      c.personId !== r.requesterPersonId &&
      c.openCases < c.capacity &&
      c.departmentId !== r.requesterDepartmentId
    )
      sink += 1;
  }
});
const matching = time((i) => {
  const result = matchSupporters(requests[i]!, candidates);
  sink += result.best ? 1 : 0;
});

const base = median(baseline);
const med = median(matching);
console.log(`matching: ${SUPPORTERS.toLocaleString('en')} supporters (${STAFF.toLocaleString('en')} staff), ${RUNS} requests`);
console.log(`  baseline (one pass over the hard-rule fields): median ${base.toFixed(3)} ms`);
console.log(`  matchSupporters:                              median ${med.toFixed(3)} ms  (${(med / base).toFixed(1)}× baseline)`);
console.log(
  `  p95 ${[...matching].sort((a, b) => a - b)[Math.floor(RUNS * 0.95)]!.toFixed(3)} ms; target median < 5 ms: ${med < 5 ? 'met' : 'NOT met'}`,
);
if (sink < 0) console.log(sink);
