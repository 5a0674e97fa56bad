import { describe, expect, it } from 'vitest';
import {
  REASON_CODES,
  WEIGHTS,
  matchSupporters,
  type Candidate,
  type MatchRequest,
  type ReasonCode,
  type SupporterCandidate,
} from './match.ts';
import { request, supporter } from './match.fixtures.ts';

/** Match one supporter alone and return what the matcher says about them. */
function only(req: MatchRequest, c: SupporterCandidate): Candidate {
  const best = matchSupporters(req, [c]).best;
  if (!best) throw new Error('expected a match');
  return best;
}
const reason = (c: Candidate, code: ReasonCode) => c.reasons.find((r) => r.code === code);
/** Score difference made by one change to the supporter, everything else equal. */
const delta = (req: MatchRequest, base: SupporterCandidate, changed: SupporterCandidate) =>
  only(req, changed).score - only(req, base).score;

const base = supporter('s1', { modalities: ['video'], languages: ['de'], departmentId: 'dept-icu' });

describe('each reason code, with its weight and text', () => {
  it('same_profession: physician↔physician and nurse↔nurse', () => {
    const c = only(request(), { ...base, professionCategory: 'physician' });
    expect(reason(c, 'same_profession')).toEqual({ code: 'same_profession', text: 'Same profession (physician)' });
    const nurse = only(request({ requesterProfessionCategory: 'nurse' }), { ...base, professionCategory: 'nurse' });
    expect(reason(nurse, 'same_profession')?.text).toBe('Same profession (nurse)');
    expect(delta(request(), base, { ...base, professionCategory: 'physician' })).toBe(WEIGHTS.sameProfession);
    expect(reason(only(request(), { ...base, professionCategory: 'nurse' }), 'same_profession')).toBeUndefined();
  });

  it('close_profession: residents/fellows and physicians, both ways, weaker than the same profession', () => {
    const resident = only(request(), { ...base, professionCategory: 'resident_fellow' });
    expect(reason(resident, 'close_profession')?.text).toBe('Close profession (resident_fellow)');
    const forResident = only(request({ requesterProfessionCategory: 'resident_fellow' }), { ...base, professionCategory: 'physician' });
    expect(reason(forResident, 'close_profession')).toBeDefined();
    expect(delta(request(), base, { ...base, professionCategory: 'resident_fellow' })).toBe(WEIGHTS.closeProfession);
    expect(WEIGHTS.closeProfession).toBeLessThan(WEIGHTS.sameProfession);
    expect(
      reason(
        only(request({ requesterProfessionCategory: 'nurse' }), { ...base, professionCategory: 'resident_fellow' }),
        'close_profession',
      ),
    ).toBeUndefined();
  });

  it('similar_specialty: same specialty, ignoring case and spaces', () => {
    const req = request({ requesterSpecialty: 'Emergency Medicine' });
    const c = only(req, { ...base, specialty: ' emergency medicine' });
    expect(reason(c, 'similar_specialty')?.text).toBe('Same specialty (emergency medicine)');
    expect(delta(req, base, { ...base, specialty: 'emergency medicine' })).toBe(WEIGHTS.similarSpecialty);
    expect(reason(only(req, { ...base, specialty: 'Surgery' }), 'similar_specialty')).toBeUndefined();
  });

  it('lived_experience: a tag that speaks to the reason, or to an extra hint', () => {
    const req = request({ reason: 'litigation_or_complaint' });
    const c = only(req, { ...base, experienceTags: ['litigation', 'patient_death'] });
    expect(reason(c, 'lived_experience')?.text).toBe('Lived experience: litigation');
    expect(delta(req, base, { ...base, experienceTags: ['litigation'] })).toBe(WEIGHTS.livedExperience);
    expect(
      reason(only(request({ reason: 'adverse_event' }), { ...base, experienceTags: ['patient_death'] }), 'lived_experience'),
    ).toBeUndefined();
    const schemaTag = only(request({ reason: 'violence_or_threat' }), { ...base, experienceTags: ['violence_or_threat'] });
    expect(reason(schemaTag, 'lived_experience')?.text).toBe('Lived experience: violence or threat');
    const hinted = request({ reason: 'personal', lifeExperienceTags: ['patient_death'] });
    expect(reason(only(hinted, { ...base, experienceTags: ['patient_death'] }), 'lived_experience')?.text).toBe(
      'Lived experience: patient death',
    );
  });

  it('on_call_now: strong when the requester asked for today', () => {
    const today = request({ urgency: 'today' });
    expect(reason(only(today, { ...base, onCallNow: true }), 'on_call_now')).toEqual({ code: 'on_call_now', text: 'On call now' });
    expect(delta(today, base, { ...base, onCallNow: true })).toBe(WEIGHTS.onCallNowToday);
    expect(delta(request(), base, { ...base, onCallNow: true })).toBe(WEIGHTS.onCallNowThisWeek);
    expect(WEIGHTS.onCallNowToday).toBeGreaterThan(WEIGHTS.onCallNowThisWeek);
  });

  it('available_soon: sooner scores more; past the horizon or unparseable scores nothing', () => {
    const today = request({ urgency: 'today' });
    const inHours = (h: number) => ({ ...base, nextAvailableAt: new Date(Date.parse(today.now) + h * 3_600_000).toISOString() });
    expect(reason(only(today, inHours(0)), 'available_soon')?.text).toBe('Available now');
    expect(reason(only(today, inHours(-5)), 'available_soon')?.text).toBe('Available now');
    expect(reason(only(today, inHours(3)), 'available_soon')?.text).toBe('Available in about 3 h');
    expect(delta(today, base, inHours(0))).toBe(WEIGHTS.availableSoonToday);
    expect(delta(today, base, inHours(3))).toBeGreaterThan(delta(today, base, inHours(12)));
    expect(reason(only(today, inHours(30)), 'available_soon')).toBeUndefined();
    expect(reason(only(request(), inHours(30)), 'available_soon')).toBeDefined();
    expect(reason(only(today, { ...base, nextAvailableAt: 'soon' }), 'available_soon')).toBeUndefined();
    // On call now outranks "available now": being reachable this minute is the point of the rota.
    expect(only(today, { ...base, onCallNow: true }).score).toBeGreaterThan(only(today, inHours(0)).score);
  });

  it('lower_load: says how many cases of how many, and fewer open cases score more', () => {
    const c = only(request(), { ...base, openCases: 2, capacity: 5 });
    expect(reason(c, 'lower_load')).toEqual({ code: 'lower_load', text: '2 of 5 cases' });
    expect(delta(request(), { ...base, openCases: 2, capacity: 5 }, { ...base, openCases: 0, capacity: 5 })).toBe(4);
    expect(reason(only(request(), { ...base, openCases: 39, capacity: 40 }), 'lower_load')).toBeUndefined();
  });

  it('offers_modality, shares_language and same_department: the soft rules a supporter meets', () => {
    const req = request({ modality: 'video', language: 'DE', departmentPreference: 'same_department' });
    const c = only(req, { ...base, departmentId: 'dept-er' });
    expect(reason(c, 'offers_modality')?.text).toBe('Offers video');
    expect(reason(c, 'shares_language')?.text).toBe('Speaks de');
    expect(reason(c, 'same_department')?.text).toBe('Same department, as asked');
    expect(reason(only(request(), { ...base, departmentId: 'dept-er' }), 'same_department')).toBeUndefined();
  });

  it('every reason code is exercised above and the score is the sum of its reasons', () => {
    const c = only(
      request({
        requesterSpecialty: 'em',
        reason: 'patient_death',
        language: 'de',
        modality: 'video',
        departmentPreference: 'same_department',
        urgency: 'today',
      }),
      {
        ...base,
        professionCategory: 'physician',
        specialty: 'EM',
        experienceTags: ['patient_death'],
        onCallNow: true,
        departmentId: 'dept-er',
        openCases: 0,
      },
    );
    const expected =
      WEIGHTS.sameProfession +
      WEIGHTS.similarSpecialty +
      WEIGHTS.livedExperience +
      WEIGHTS.onCallNowToday +
      WEIGHTS.lowerLoad +
      WEIGHTS.offersModality +
      WEIGHTS.sharesLanguage +
      WEIGHTS.sameDepartment;
    expect(c.score).toBe(expected);
    expect(REASON_CODES.filter((code) => !['close_profession', 'available_soon'].includes(code))).toEqual(c.reasons.map((r) => r.code));
  });

  it('never puts a person id in a reason', () => {
    const c = only(request({ reason: 'adverse_event' }), {
      ...base,
      personId: 'person-7f3a',
      experienceTags: ['adverse_event'],
      onCallNow: true,
    });
    expect(JSON.stringify(c.reasons)).not.toContain('person-7f3a');
  });
});
