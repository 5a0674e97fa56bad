import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEPARTMENT_PREFERENCES, MODALITIES, REASON_CATEGORIES, URGENCIES } from '../../../shared/schemas/case-vocabulary.ts';
import { PROFESSION_CATEGORIES } from '../../../shared/schemas/organization.ts';
import {
  RELAXATION_ORDER,
  applicableSoftRules,
  hardRuleViolation,
  matchSupporters,
  type MatchRequest,
  type MatchResult,
  type RelaxedRule,
  type SupporterCandidate,
} from './match.ts';

/*
 * Generated organisations. Ids, departments and languages come from small pools on purpose, so
 * that the requester, their reporting line, the people involved in the event and the supporters
 * collide often: that is where a broken hard rule would hide.
 */
const PEOPLE = Array.from({ length: 45 }, (_, i) => `p${String(i).padStart(2, '0')}`);
const DEPARTMENTS = ['d0', 'd1', 'd2'];
const LANGUAGES = ['en', 'es', 'fr', 'EN', ' es'];
const TAGS = ['adverse_event', 'patient_death', 'litigation', 'burnout', 'violence', 'parenting'];
const NOW_MS = Date.parse('2025-03-10T09:00:00.000Z');

/** Seven times in eight `usual`: most supporters are certified, active and not paused. */
const mostly = (usual: boolean) => fc.integer({ min: 0, max: 7 }).map((n) => (n === 0 ? !usual : usual));
const department = fc.option(fc.constantFrom(...DEPARTMENTS), { freq: 5 });
const iso = fc.integer({ min: -48, max: 240 }).map((h) => new Date(NOW_MS + h * 3_600_000).toISOString());

const candidateArb: fc.Arbitrary<SupporterCandidate> = fc.record({
  personId: fc.constantFrom(...PEOPLE),
  certified: mostly(true),
  active: mostly(true),
  paused: mostly(false),
  professionCategory: fc.constantFrom(...PROFESSION_CATEGORIES),
  departmentId: department,
  specialty: fc.option(fc.constantFrom('EM', 'em', 'surgery', 'icu'), { freq: 3 }),
  languages: fc.subarray(LANGUAGES),
  modalities: fc.subarray([...MODALITIES]),
  // Zero capacity and full caseloads both occur, but most supporters have room.
  capacity: fc.integer({ min: 0, max: 6 }),
  openCases: fc.integer({ min: 0, max: 4 }),
  onCallNow: fc.boolean(),
  nextAvailableAt: fc.option(iso),
  experienceTags: fc.subarray(TAGS),
});

const organisationArb = fc.uniqueArray(candidateArb, { minLength: 0, maxLength: 40, size: 'medium', selector: (c) => c.personId });

const requestArb: fc.Arbitrary<MatchRequest> = fc.record(
  {
    requesterPersonId: fc.constantFrom(...PEOPLE),
    requesterProfessionCategory: fc.constantFrom(...PROFESSION_CATEGORIES),
    requesterDepartmentId: department,
    requesterSpecialty: fc.option(fc.constantFrom('EM', 'surgery', 'icu')),
    reportingLine: fc.subarray(PEOPLE, { maxLength: 8 }),
    involvedPersonIds: fc.subarray(PEOPLE, { maxLength: 6 }),
    departmentPreference: fc.constantFrom(...DEPARTMENT_PREFERENCES),
    programRequiresOtherDepartment: fc.boolean(),
    language: fc.option(fc.constantFrom(...LANGUAGES, 'de'), { freq: 3 }),
    languageRequired: fc.boolean(),
    modality: fc.constantFrom(...MODALITIES),
    reason: fc.constantFrom(...REASON_CATEGORIES),
    urgency: fc.constantFrom(...URGENCIES),
    lifeExperienceTags: fc.option(fc.subarray(TAGS), { nil: undefined }),
    excludeSupporterIds: fc.subarray(PEOPLE, { maxLength: 6 }),
    now: fc.constant(new Date(NOW_MS).toISOString()),
  },
  {
    requiredKeys: [
      'requesterPersonId',
      'requesterProfessionCategory',
      'requesterDepartmentId',
      'requesterSpecialty',
      'reportingLine',
      'involvedPersonIds',
      'departmentPreference',
      'programRequiresOtherDepartment',
      'language',
      'languageRequired',
      'modality',
      'reason',
      'urgency',
      'excludeSupporterIds',
      'now',
    ],
  },
);

const norm = (s: string) => s.trim().toLowerCase();

/** The hard rules restated independently of the module, straight from the brief. */
function breaksHardRule(r: MatchRequest, c: SupporterCandidate): boolean {
  const otherDept = r.departmentPreference === 'other_department' || r.programRequiresOtherDepartment;
  const language = r.language === null ? '' : norm(r.language);
  return (
    !c.certified ||
    !c.active ||
    c.paused ||
    c.personId === r.requesterPersonId ||
    r.involvedPersonIds.includes(c.personId) ||
    r.reportingLine.includes(c.personId) ||
    (otherDept && r.requesterDepartmentId !== null && c.departmentId === r.requesterDepartmentId) ||
    r.excludeSupporterIds.includes(c.personId) ||
    c.openCases + 1 > c.capacity ||
    (r.languageRequired && language !== '' && !c.languages.map(norm).includes(language))
  );
}

/** Soft rules restated independently: does `c` meet `rule` for `r`? */
function meetsSoft(r: MatchRequest, c: SupporterCandidate, rule: RelaxedRule): boolean {
  if (rule === 'modality') return c.modalities.includes(r.modality);
  if (rule === 'language') return r.language === null || norm(r.language) === '' || c.languages.map(norm).includes(norm(r.language));
  return c.departmentId === r.requesterDepartmentId;
}

const eligible = (r: MatchRequest, cs: SupporterCandidate[]) => cs.filter((c) => hardRuleViolation(r, c) === null);
const fitting = (r: MatchRequest, cs: SupporterCandidate[], rules: RelaxedRule[]) =>
  eligible(r, cs).filter((c) => rules.every((rule) => meetsSoft(r, c, rule)));
const returned = (res: MatchResult) => (res.best ? [res.best, ...res.alternates] : res.alternates);
const byId = (cs: SupporterCandidate[]) => new Map(cs.map((c) => [c.personId, c]));

const RUNS = { numRuns: 400 };

describe('matchSupporters over generated organisations', () => {
  it('never returns a supporter who breaks a hard rule, and never one at capacity', () => {
    fc.assert(
      fc.property(requestArb, organisationArb, (r, cs) => {
        const people = byId(cs);
        for (const picked of returned(matchSupporters(r, cs))) {
          const c = people.get(picked.personId);
          expect(c).toBeDefined();
          if (!c) return;
          expect(breaksHardRule(r, c)).toBe(false);
          expect(c.openCases).toBeLessThan(c.capacity);
        }
      }),
      RUNS,
    );
  });

  it('finds someone exactly when someone passes the hard rules; counts add up', () => {
    fc.assert(
      fc.property(requestArb, organisationArb, (r, cs) => {
        const res = matchSupporters(r, cs);
        const passing = eligible(r, cs);
        expect(res.best === null).toBe(passing.length === 0);
        expect(res.considered).toBe(cs.length);
        expect(Object.values(res.excludedByRule).reduce((a, b) => a + b, 0)).toBe(cs.length - passing.length);
        expect(cs.filter((c) => breaksHardRule(r, c)).every((c) => !passing.includes(c))).toBe(true);
      }),
      RUNS,
    );
  });

  it('returns a best and up to two alternates: distinct, best first, scores not increasing', () => {
    fc.assert(
      fc.property(requestArb, organisationArb, (r, cs) => {
        const res = matchSupporters(r, cs);
        const all = returned(res);
        expect(res.alternates.length).toBeLessThanOrEqual(2);
        if (res.best === null) expect(res.alternates).toEqual([]);
        expect(new Set(all.map((c) => c.personId)).size).toBe(all.length);
        for (let i = 1; i < all.length; i++) expect(all[i - 1]?.score).toBeGreaterThanOrEqual(all[i]?.score ?? 0);
        expect(all.length).toBe(
          Math.min(
            3,
            fitting(
              r,
              cs,
              applicableSoftRules(r).filter((x) => !res.relaxed.includes(x)),
            ).length,
          ),
        );
      }),
      RUNS,
    );
  });

  it('relaxes nothing when someone fits unrelaxed; otherwise a minimal prefix of the relaxation order', () => {
    fc.assert(
      fc.property(requestArb, organisationArb, (r, cs) => {
        const res = matchSupporters(r, cs);
        const soft = applicableSoftRules(r);
        expect(soft).toEqual(RELAXATION_ORDER.filter((x) => soft.includes(x)));
        expect(res.relaxed).toEqual(soft.slice(0, res.relaxed.length));
        if (fitting(r, cs, soft).length > 0) expect(res.relaxed).toEqual([]);
        if (res.relaxed.length > 0) {
          // One step fewer would have left nobody: each relaxation was needed.
          const kept = soft.filter((x) => !res.relaxed.slice(0, -1).includes(x));
          expect(fitting(r, cs, kept)).toEqual([]);
        }
        const people = byId(cs);
        for (const picked of returned(res)) {
          const c = people.get(picked.personId);
          for (const rule of soft.filter((x) => !res.relaxed.includes(x))) expect(c && meetsSoft(r, c, rule)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never relaxes a required language', () => {
    fc.assert(
      fc.property(requestArb, organisationArb, (r, cs) => {
        if (r.languageRequired) expect(matchSupporters(r, cs).relaxed).not.toContain('language');
      }),
      RUNS,
    );
  });

  it('is deterministic and independent of the order of the candidates', () => {
    const withShuffle = organisationArb.chain((cs) =>
      fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length })),
    );
    fc.assert(
      fc.property(requestArb, withShuffle, (r, [cs, shuffled]) => {
        const res = matchSupporters(r, cs);
        expect(matchSupporters(r, shuffled)).toEqual(res);
        expect(matchSupporters(r, cs)).toEqual(res);
      }),
      RUNS,
    );
  });
});
