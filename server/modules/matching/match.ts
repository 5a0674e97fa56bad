import { loadRatio, prepareScoring, requestLanguage, scoreCandidate, speaksLanguage } from './score.ts';
import {
  HARD_RULES,
  RELAXATION_ORDER,
  type Candidate,
  type DirectoryEntry,
  type HardRule,
  type MatchRequest,
  type MatchResult,
  type RelaxedRule,
  type SupporterCandidate,
} from './match.types.ts';

/**
 * Matching a support request to a peer supporter (docs/product.md, "Matching" and "Matching
 * rules"). Pure: no I/O, no clock (the request carries `now`), same input → same output whatever
 * the order of the candidates. The caller loads candidates, the caller alerts the administrator on
 * `best: null`.
 */

export * from './match.types.ts';
export { REASON_EXPERIENCE_TAGS, WEIGHTS } from './score.ts';

/** What the hard rules need from the request, worked out once: the lists become sets. */
interface RuleContext {
  req: MatchRequest;
  language: string | null;
  otherDepartment: boolean;
  involved: ReadonlySet<string>;
  reportingLine: ReadonlySet<string>;
  excluded: ReadonlySet<string>;
}

function prepareRules(req: MatchRequest): RuleContext {
  return {
    req,
    language: requestLanguage(req),
    otherDepartment: req.departmentPreference === 'other_department' || req.programRequiresOtherDepartment,
    involved: new Set(req.involvedPersonIds),
    reportingLine: new Set(req.reportingLine),
    excluded: new Set(req.excludeSupporterIds),
  };
}

function violation(ctx: RuleContext, c: SupporterCandidate): HardRule | null {
  const { req } = ctx;
  if (!c.certified) return 'not_certified';
  if (!c.active) return 'not_active';
  if (c.paused) return 'paused';
  if (c.personId === req.requesterPersonId) return 'is_requester';
  if (ctx.involved.has(c.personId)) return 'involved_in_event';
  if (ctx.reportingLine.has(c.personId)) return 'reporting_line';
  // A supporter whose department is unknown cannot be shown to be outside the requester's: exclude.
  if (
    ctx.otherDepartment &&
    req.requesterDepartmentId !== null &&
    (c.departmentId === null || c.departmentId === req.requesterDepartmentId)
  )
    return 'requester_department';
  if (ctx.excluded.has(c.personId)) return 'previously_offered';
  // Written as "not below" so NaN or a zero capacity also count as full.
  if (!(c.openCases < c.capacity)) return 'no_capacity';
  if (req.languageRequired && ctx.language !== null && !speaksLanguage(c.languages, ctx.language)) return 'language_required';
  return null;
}

/**
 * The first hard rule (in HARD_RULES order) this supporter breaks for this request, or null.
 * Exported so the directory mode applies exactly the same rules before listing anyone.
 */
export function hardRuleViolation(req: MatchRequest, c: SupporterCandidate): HardRule | null {
  return violation(prepareRules(req), c);
}

/** Soft rules this request actually constrains, in relaxation order. */
export function applicableSoftRules(req: MatchRequest): RelaxedRule[] {
  const otherDepartment = req.departmentPreference === 'other_department' || req.programRequiresOtherDepartment;
  return RELAXATION_ORDER.filter((rule) => {
    if (rule === 'modality') return true;
    // A required language is a hard rule; with no language asked there is nothing to relax.
    if (rule === 'language') return requestLanguage(req) !== null && !req.languageRequired;
    // When the other-department rule is in force it wins: "same department" would only ever be
    // relaxed, after needlessly giving up modality and language first.
    return req.departmentPreference === 'same_department' && req.requesterDepartmentId !== null && !otherDepartment;
  });
}

/** Bit i set = the supporter meets soft rule RELAXATION_ORDER[i]; filtering a pool is then cheap. */
function softMask(ctx: RuleContext, c: SupporterCandidate): number {
  const { req } = ctx;
  let mask = 0;
  if (c.modalities.includes(req.modality)) mask |= 1;
  if (ctx.language === null || speaksLanguage(c.languages, ctx.language)) mask |= 2;
  if (c.departmentId === req.requesterDepartmentId) mask |= 4;
  return mask;
}

function maskOf(rules: readonly RelaxedRule[]): number {
  return rules.reduce((m, r) => m | (1 << RELAXATION_ORDER.indexOf(r)), 0);
}

interface Ranked {
  c: SupporterCandidate;
  score: number;
  load: number;
}

/** Higher score first, then lower load, then person id: a total order, so input order never matters. */
function compareRanked(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.load !== b.load) return a.load - b.load;
  return a.c.personId < b.c.personId ? -1 : a.c.personId > b.c.personId ? 1 : 0;
}

/**
 * Keep the three best as we go instead of sorting the whole pool: ten thousand supporters are
 * ranked in one pass. Person ids should be unique; if one appears twice only its better-ranked
 * entry is kept, so best and alternates are always three different people.
 */
function offerTop(top: Ranked[], r: Ranked): void {
  const same = top.findIndex((t) => t.c.personId === r.c.personId);
  if (same >= 0) {
    const existing = top[same];
    if (existing && compareRanked(r, existing) >= 0) return;
    top.splice(same, 1);
  }
  let i = top.length;
  while (i > 0 && compareRanked(r, top[i - 1] as Ranked) < 0) i -= 1;
  if (i >= 3) return;
  top.splice(i, 0, r);
  if (top.length > 3) top.pop();
}

export function matchSupporters(request: MatchRequest, candidates: readonly SupporterCandidate[]): MatchResult {
  const rules = prepareRules(request);
  const excludedByRule = Object.fromEntries(HARD_RULES.map((r) => [r, 0])) as Record<HardRule, number>;
  const eligible: SupporterCandidate[] = [];
  const masks: number[] = [];
  for (const c of candidates) {
    const broken = violation(rules, c);
    if (broken !== null) {
      excludedByRule[broken] += 1;
      continue;
    }
    eligible.push(c);
    masks.push(softMask(rules, c));
  }

  // Relax only while nobody fits, and only if relaxing can help: with no one past the hard rules,
  // giving up the requester's preferences would change nothing, so nothing is recorded.
  const soft = applicableSoftRules(request);
  const relaxed: RelaxedRule[] = [];
  const fits = (required: number) => masks.some((m) => (m & required) === required);
  while (eligible.length > 0 && relaxed.length < soft.length && !fits(maskOf(soft.filter((r) => !relaxed.includes(r))))) {
    relaxed.push(soft[relaxed.length] as RelaxedRule);
  }
  const required = maskOf(soft.filter((r) => !relaxed.includes(r)));

  const scoring = prepareScoring(request);
  const top: Ranked[] = [];
  eligible.forEach((c, i) => {
    if (((masks[i] ?? 0) & required) !== required) return;
    offerTop(top, { c, score: scoreCandidate(scoring, c, false).score, load: loadRatio(c) });
  });
  const explained: Candidate[] = top.map(({ c }) => ({ personId: c.personId, ...scoreCandidate(scoring, c, true) }));
  return { best: explained[0] ?? null, alternates: explained.slice(1), relaxed, considered: candidates.length, excludedByRule };
}

/** Directory mode: profession, languages and modalities only; the caller adds the first name. */
export function directoryEntry(candidate: SupporterCandidate): DirectoryEntry {
  return {
    professionCategory: candidate.professionCategory,
    languages: [...new Set(candidate.languages.map((l) => l.trim()).filter((l) => l !== ''))],
    modalities: [...new Set(candidate.modalities)],
  };
}
