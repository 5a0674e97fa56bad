import type { ReasonCategory } from '../../../shared/schemas/case-vocabulary.ts';
import type { MatchReason, MatchRequest, SupporterCandidate } from './match.types.ts';

/**
 * Score weights. Every component is a whole number so that ties are common and exact, and are then
 * broken by load and person id (never by floating-point noise or input order).
 *
 * Same profession is the heaviest single factor because clinicians overwhelmingly want to talk to
 * someone who does their job (Stanford, MGH and UCSF match on position and background:
 * docs/product.md, "Matching rules"). Being reachable matters next, most of all when the requester
 * asked for today. Specialty and lived experience make the conversation easier; lower load spreads
 * the work. The soft-rule bonuses are the same for everyone until a soft rule has been relaxed;
 * after that they rank the supporters who still meet it above those who do not.
 */
export const WEIGHTS = {
  sameProfession: 40,
  /** Residents and fellows are physicians in training: close to physicians, not the same. */
  closeProfession: 25,
  similarSpecialty: 15,
  livedExperience: 15,
  onCallNowToday: 20,
  onCallNowThisWeek: 8,
  /** Linear from this many points when available now down to 0 at the horizon. */
  availableSoonToday: 10,
  availableSoonThisWeek: 6,
  availabilityHorizonHoursToday: 24,
  availabilityHorizonHoursThisWeek: 168,
  /** Linear from this many points with no open case down to 0 at full capacity. */
  lowerLoad: 10,
  offersModality: 5,
  sharesLanguage: 5,
  sameDepartment: 5,
} as const;

/**
 * Lived-experience tags that speak to each reason category. The supporter profile vocabulary
 * (shared/schemas/supporter.ts EXPERIENCE_TAGS) reuses the reason names; the shorter synonyms keep
 * older or imported tags working. "personal" and "other" say too little to match on.
 */
export const REASON_EXPERIENCE_TAGS: Readonly<Record<ReasonCategory, readonly string[]>> = {
  adverse_event: ['adverse_event', 'medical_error'],
  patient_death: ['patient_death'],
  litigation_or_complaint: ['litigation_or_complaint', 'litigation', 'complaint'],
  burnout_or_overload: ['burnout_or_overload', 'burnout'],
  violence_or_threat: ['violence_or_threat', 'violence'],
  personal: [],
  other: [],
};

const HOUR_MS = 3_600_000;

/** Case-insensitive, trimmed: languages and specialties come from rosters typed by people. */
export function norm(value: string): string {
  return value.trim().toLowerCase();
}

/** The requested language, normalised; null when none was asked. */
export function requestLanguage(req: MatchRequest): string | null {
  return req.language === null || norm(req.language) === '' ? null : norm(req.language);
}

export function loadRatio(c: SupporterCandidate): number {
  return c.capacity > 0 ? c.openCases / c.capacity : 1;
}

/** Everything the score needs from the request, worked out once rather than per supporter. */
export interface ScoringContext {
  req: MatchRequest;
  today: boolean;
  nowMs: number;
  specialty: string | null;
  language: string | null;
  wantedTags: ReadonlySet<string>;
}

export function prepareScoring(req: MatchRequest): ScoringContext {
  const specialty = req.requesterSpecialty === null || norm(req.requesterSpecialty) === '' ? null : norm(req.requesterSpecialty);
  return {
    req,
    today: req.urgency === 'today',
    nowMs: Date.parse(req.now),
    specialty,
    language: requestLanguage(req),
    wantedTags: new Set([...REASON_EXPERIENCE_TAGS[req.reason], ...(req.lifeExperienceTags ?? [])].map(norm)),
  };
}

function isCloseProfession(a: string, b: string): boolean {
  return (a === 'physician' && b === 'resident_fellow') || (a === 'resident_fellow' && b === 'physician');
}

/** Points for being reachable, and the hours until then (0 when on call or already free). */
function availabilityPoints(ctx: ScoringContext, c: SupporterCandidate): [points: number, hours: number] {
  if (c.onCallNow) return [ctx.today ? WEIGHTS.onCallNowToday : WEIGHTS.onCallNowThisWeek, 0];
  if (c.nextAvailableAt === null) return [0, 0];
  const next = Date.parse(c.nextAvailableAt);
  // Unparseable times earn nothing rather than guessing: the caller's data is wrong, not the supporter.
  if (Number.isNaN(next) || Number.isNaN(ctx.nowMs)) return [0, 0];
  const hours = Math.max(0, (next - ctx.nowMs) / HOUR_MS);
  const horizon = ctx.today ? WEIGHTS.availabilityHorizonHoursToday : WEIGHTS.availabilityHorizonHoursThisWeek;
  const max = ctx.today ? WEIGHTS.availableSoonToday : WEIGHTS.availableSoonThisWeek;
  return [Math.round(max * Math.max(0, 1 - hours / horizon)), hours];
}

function sharesTag(ctx: ScoringContext, tags: readonly string[]): boolean {
  for (const t of tags) if (ctx.wantedTags.has(norm(t))) return true;
  return false;
}

export function speaksLanguage(languages: readonly string[], language: string): boolean {
  for (const l of languages) if (norm(l) === language) return true;
  return false;
}

/**
 * Score one supporter who already passed every hard rule. Reasons are built only when `explain`
 * is set (for the three returned): `reasons?.push(...)` skips building the reason entirely
 * otherwise, and no closure is created per supporter, so ranking ten thousand stays cheap.
 * Reasons never carry a person's name.
 */
export function scoreCandidate(ctx: ScoringContext, c: SupporterCandidate, explain: boolean): { score: number; reasons: MatchReason[] } {
  const { req } = ctx;
  const reasons: MatchReason[] | null = explain ? [] : null;
  let score = 0;
  if (c.professionCategory === req.requesterProfessionCategory) {
    score += WEIGHTS.sameProfession;
    reasons?.push({ code: 'same_profession', text: `Same profession (${c.professionCategory})` });
  } else if (isCloseProfession(c.professionCategory, req.requesterProfessionCategory)) {
    score += WEIGHTS.closeProfession;
    reasons?.push({ code: 'close_profession', text: `Close profession (${c.professionCategory})` });
  }
  if (ctx.specialty !== null && c.specialty !== null && norm(c.specialty) === ctx.specialty) {
    score += WEIGHTS.similarSpecialty;
    reasons?.push({ code: 'similar_specialty', text: `Same specialty (${ctx.specialty})` });
  }
  if (ctx.wantedTags.size > 0 && sharesTag(ctx, c.experienceTags)) {
    score += WEIGHTS.livedExperience;
    reasons?.push({ code: 'lived_experience', text: `Lived experience: ${livedExperienceText(ctx, c)}` });
  }
  const [availability, hours] = availabilityPoints(ctx, c);
  if (availability > 0) {
    score += availability;
    if (c.onCallNow) reasons?.push({ code: 'on_call_now', text: 'On call now' });
    else
      reasons?.push({
        code: 'available_soon',
        text: hours === 0 ? 'Available now' : `Available in about ${Math.max(1, Math.round(hours))} h`,
      });
  }
  const loadPoints = Math.round(WEIGHTS.lowerLoad * (1 - loadRatio(c)));
  if (loadPoints > 0) {
    score += loadPoints;
    reasons?.push({ code: 'lower_load', text: `${c.openCases} of ${c.capacity} cases` });
  }
  if (c.modalities.includes(req.modality)) {
    score += WEIGHTS.offersModality;
    reasons?.push({ code: 'offers_modality', text: `Offers ${req.modality.replace('_', ' ')}` });
  }
  if (ctx.language !== null && speaksLanguage(c.languages, ctx.language)) {
    score += WEIGHTS.sharesLanguage;
    reasons?.push({ code: 'shares_language', text: `Speaks ${ctx.language}` });
  }
  if (
    req.departmentPreference === 'same_department' &&
    req.requesterDepartmentId !== null &&
    c.departmentId === req.requesterDepartmentId
  ) {
    score += WEIGHTS.sameDepartment;
    reasons?.push({ code: 'same_department', text: 'Same department, as asked' });
  }
  return { score, reasons: reasons ?? [] };
}

function livedExperienceText(ctx: ScoringContext, c: SupporterCandidate): string {
  const shared = [...new Set(c.experienceTags.map(norm))].filter((t) => ctx.wantedTags.has(t)).sort();
  return shared.join(', ').replaceAll('_', ' ');
}
