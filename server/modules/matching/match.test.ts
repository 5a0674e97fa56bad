import { describe, expect, it } from 'vitest';
import { HARD_RULES, directoryEntry, matchSupporters, type HardRule, type SupporterCandidate } from './match.ts';
import { request, supporter } from './match.fixtures.ts';

const ids = (r: ReturnType<typeof matchSupporters>) => [r.best, ...r.alternates].map((c) => c?.personId);

describe('hard rules: never relaxed, counted under the first rule broken', () => {
  const cases: [HardRule, Parameters<typeof request>[0], SupporterCandidate][] = [
    ['not_certified', {}, supporter('x', { certified: false })],
    ['not_active', {}, supporter('x', { active: false })],
    ['paused', {}, supporter('x', { paused: true })],
    ['is_requester', {}, supporter('requester')],
    ['involved_in_event', { involvedPersonIds: ['x'] }, supporter('x')],
    ['reporting_line', { reportingLine: ['x'] }, supporter('x')],
    ['requester_department', { departmentPreference: 'other_department' }, supporter('x', { departmentId: 'dept-er' })],
    ['requester_department', { programRequiresOtherDepartment: true }, supporter('x', { departmentId: 'dept-er' })],
    ['requester_department', { departmentPreference: 'other_department' }, supporter('x', { departmentId: null })],
    ['previously_offered', { excludeSupporterIds: ['x'] }, supporter('x')],
    ['no_capacity', {}, supporter('x', { capacity: 3, openCases: 3 })],
    ['no_capacity', {}, supporter('x', { capacity: 0, openCases: 0 })],
    ['language_required', { language: 'es', languageRequired: true }, supporter('x', { languages: ['en'] })],
  ];
  it.each(cases)('%s excludes the supporter even when nobody else is left', (rule, overrides, candidate) => {
    const result = matchSupporters(request(overrides), [candidate]);
    expect(result.best).toBeNull();
    expect(result.alternates).toEqual([]);
    expect(result.relaxed).toEqual([]);
    expect(result.considered).toBe(1);
    expect(result.excludedByRule[rule]).toBe(1);
    expect(Object.values(result.excludedByRule).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('reports every hard rule, zero when nobody broke it', () => {
    const result = matchSupporters(request(), [supporter('a')]);
    expect(Object.keys(result.excludedByRule).sort()).toEqual([...HARD_RULES].sort());
    expect(Object.values(result.excludedByRule).every((n) => n === 0)).toBe(true);
  });

  it('counts a supporter once, under the first rule in HARD_RULES order', () => {
    const result = matchSupporters(request({ reportingLine: ['x'] }), [supporter('x', { paused: true })]);
    expect(result.excludedByRule.paused).toBe(1);
    expect(result.excludedByRule.reporting_line).toBe(0);
  });

  it('allows the same department when nobody asked otherwise, and any department when the requester has none', () => {
    expect(matchSupporters(request(), [supporter('x', { departmentId: 'dept-er' })]).best?.personId).toBe('x');
    const noDept = request({ requesterDepartmentId: null, departmentPreference: 'other_department' });
    expect(matchSupporters(noDept, [supporter('x', { departmentId: 'dept-er' })]).best?.personId).toBe('x');
  });

  it('matches a required language case-insensitively', () => {
    const r = request({ language: 'ES ', languageRequired: true });
    expect(matchSupporters(r, [supporter('x', { languages: ['es'] })]).best?.personId).toBe('x');
  });

  it('leaves one case of room: a supporter one below capacity can still be matched', () => {
    expect(matchSupporters(request(), [supporter('x', { capacity: 3, openCases: 2 })]).best?.personId).toBe('x');
  });
});

describe('relaxation: one soft rule at a time, in order, only when nobody fits', () => {
  const sameDept = { departmentPreference: 'same_department' as const, language: 'fr', modality: 'video' as const };
  const fits = supporter('fits', { departmentId: 'dept-er', languages: ['fr'], modalities: ['video'] });

  it('relaxes nothing when someone meets every soft rule', () => {
    const result = matchSupporters(request(sameDept), [fits, supporter('other')]);
    expect(result.relaxed).toEqual([]);
    expect(result.best?.personId).toBe('fits');
  });

  it('relaxes the modality first', () => {
    const c = supporter('x', { departmentId: 'dept-er', languages: ['fr'], modalities: ['phone'] });
    expect(matchSupporters(request(sameDept), [c]).relaxed).toEqual(['modality']);
  });

  it('relaxes the language second, keeping modality relaxed', () => {
    const c = supporter('x', { departmentId: 'dept-er', languages: ['en'], modalities: ['video'] });
    expect(matchSupporters(request(sameDept), [c]).relaxed).toEqual(['modality', 'language']);
  });

  it('relaxes the same-department preference last', () => {
    const c = supporter('x', { departmentId: 'dept-icu', languages: ['fr'], modalities: ['video'] });
    expect(matchSupporters(request(sameDept), [c]).relaxed).toEqual(['modality', 'language', 'same_department']);
  });

  it('never relaxes a required language: it goes from modality straight to department', () => {
    const r = request({ ...sameDept, languageRequired: true });
    const c = supporter('x', { departmentId: 'dept-icu', languages: ['fr'], modalities: ['phone'] });
    expect(matchSupporters(r, [c]).relaxed).toEqual(['modality', 'same_department']);
    expect(matchSupporters(r, [supporter('y', { languages: ['en'] })]).best).toBeNull();
  });

  it('relaxes nothing when nobody passes the hard rules (relaxing could not help)', () => {
    const result = matchSupporters(request(sameDept), [supporter('x', { paused: true })]);
    expect(result).toMatchObject({ best: null, relaxed: [] });
  });

  it('does not apply "same department" when the program requires another department', () => {
    const r = request({ ...sameDept, programRequiresOtherDepartment: true });
    const c = supporter('x', { languages: ['fr'], modalities: ['video'] });
    expect(matchSupporters(r, [c])).toMatchObject({ best: { personId: 'x' }, relaxed: [] });
  });

  it('after relaxing, ranks supporters who still meet the relaxed rule first', () => {
    const r = request({ departmentPreference: 'same_department', language: 'fr', modality: 'video' });
    const speaksOnly = supporter('a', { languages: ['fr'], modalities: ['phone'] });
    const videoOnly = supporter('b', { languages: ['en'], modalities: ['video'] });
    const neither = supporter('c', { languages: ['en'], modalities: ['phone'] });
    const result = matchSupporters(r, [neither, videoOnly, speaksOnly]);
    expect(result.relaxed).toEqual(['modality', 'language', 'same_department']);
    expect(result.alternates.at(-1)?.personId).toBe('c');
  });
});

describe('ranking and output shape', () => {
  const pool = ['e', 'a', 'd', 'b', 'c'].map((id) => supporter(id));

  it('returns a best and two distinct alternates, best first', () => {
    const result = matchSupporters(request(), pool);
    expect(new Set(ids(result)).size).toBe(3);
    expect(result.alternates).toHaveLength(2);
    expect(result.considered).toBe(5);
  });

  it('is deterministic and ignores input order; ties go to lower load, then person id', () => {
    const loaded = [
      supporter('a', { openCases: 1, capacity: 10 }),
      supporter('b', { openCases: 0, capacity: 10 }),
      supporter('c', { openCases: 0, capacity: 10 }),
    ];
    const forward = matchSupporters(request(), loaded);
    expect(matchSupporters(request(), [...loaded].reverse())).toEqual(forward);
    expect(matchSupporters(request(), loaded)).toEqual(forward);
    // a: 9 load points vs 10 — score decides first; b and c tie on score and load, so id decides.
    expect(ids(forward)).toEqual(['b', 'c', 'a']);
    const sameScore = [supporter('z', { openCases: 1, capacity: 40 }), supporter('y', { openCases: 2, capacity: 40 })];
    expect(matchSupporters(request(), sameScore).best?.personId).toBe('z');
  });

  it('returns fewer alternates when fewer supporters fit, and collapses duplicate person ids', () => {
    expect(matchSupporters(request(), [supporter('a')]).alternates).toEqual([]);
    const twice = [supporter('a'), supporter('a', { onCallNow: true }), supporter('b')];
    for (const order of [twice, [...twice].reverse()]) {
      const dup = matchSupporters(request(), order);
      expect(ids(dup)).toEqual(['a', 'b']);
      // The better-ranked of the two entries is the one kept, whichever came first.
      expect(dup.best?.reasons.map((r) => r.code)).toContain('on_call_now');
    }
  });

  it('returns nothing for an empty organisation', () => {
    expect(matchSupporters(request(), [])).toMatchObject({ best: null, alternates: [], relaxed: [], considered: 0 });
  });
});

describe('directoryEntry', () => {
  it('shows profession, languages and modalities only: never caseload, load or availability', () => {
    const entry = directoryEntry(
      supporter('x', { languages: ['en', ' en', 'es'], openCases: 3, capacity: 5, onCallNow: true, experienceTags: ['litigation'] }),
    );
    expect(entry).toEqual({ professionCategory: 'allied_health', languages: ['en', 'es'], modalities: ['phone', 'video', 'in_person'] });
    expect(Object.keys(entry).sort()).toEqual(['languages', 'modalities', 'professionCategory']);
    expect(JSON.stringify(entry)).not.toMatch(/x|capacity|openCases|litigation/);
  });
});
