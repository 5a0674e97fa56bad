import { localDay } from '../../../shared/calendar-day.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { parseJsonArray } from '../../db/values.ts';
import type { Modality } from '../../../shared/schemas/case-vocabulary.ts';
import type { MatchRequest, SupporterCandidate } from '../matching/index.ts';
import { findSpecialtyAndReportingLine } from '../people/index.ts';
import type { Case } from './case.ts';
import { listOfferedSupporterIds, listSupporterCandidateRows } from './cases.repository.ts';
import { excludedFromMatching } from './case-events.ts';

export interface MatchRequestOptions {
  /** The case is not stored yet (intake reads before its transaction): nobody can have been offered it. */
  unsavedCase?: boolean;
}

export async function buildMatchRequest(db: DbOrTrx, row: Case, now: Date, options: MatchRequestOptions = {}): Promise<MatchRequest> {
  const requesterId = row.requester_person_id;
  const requester = requesterId
    ? await findSpecialtyAndReportingLine(db, row.organization_id, requesterId)
    : { specialty: null, reportingLine: [] };
  return {
    // Anonymous requesters have no person: an id no supporter can have.
    requesterPersonId: requesterId ?? `anonymous:${row.id}`,
    requesterProfessionCategory: row.requester_profession_category ?? 'other',
    requesterDepartmentId: row.requester_department_id,
    requesterSpecialty: requester.specialty,
    reportingLine: requester.reportingLine,
    // Everyone named in the event notices attached to the case, and their reporters. A
    // brand-new outreach case has none stored yet: its caller adds them (event-notices/outreach.service.ts).
    involvedPersonIds: options.unsavedCase ? [] : await excludedFromMatching(db, row.id),
    departmentPreference: row.department_preference,
    programRequiresOtherDepartment: false,
    language: row.language,
    languageRequired: row.language_required,
    modality: row.modality,
    reason: row.reason,
    urgency: row.urgency,
    excludeSupporterIds: options.unsavedCase ? [] : await listOfferedSupporterIds(db, row.id, row.reopened_at ?? null),
    now: now.toISOString(),
  };
}

export interface LoadedCandidates {
  candidates: SupporterCandidate[];
  /** Work e-mail of each candidate, so the offer e-mail needs no second read. */
  emails: Map<string, string>;
}

/** Every active supporter of the organisation as the matcher sees them, with today's state and their open-case load. */
export async function loadCandidatesWithEmails(
  db: DbOrTrx,
  organizationId: string,
  timeZone: string,
  now: Date,
): Promise<LoadedCandidates> {
  const today = localDay(now, timeZone);
  const rows = await listSupporterCandidateRows(db, organizationId);
  const emails = new Map<string, string>();
  const candidates = rows.map((p): SupporterCandidate => {
    emails.set(p.person_id, p.work_email);
    const away = parseJsonArray<{ from: string; to: string }>(p.away_periods ?? '[]').some((a) => a.from <= today && today <= a.to);
    return {
      personId: p.person_id,
      certified: p.certified_until !== null && p.certified_until >= today,
      active: p.status === 'active',
      paused: away || Boolean(p.paused_until && p.paused_until >= today),
      professionCategory: p.profession_category ?? 'other',
      departmentId: p.department_id,
      specialty: null,
      languages: parseJsonArray<string>(p.languages),
      modalities: parseJsonArray<Modality>(p.modalities ?? '[]'),
      capacity: p.capacity ?? 0,
      openCases: Number(p.open_cases ?? 0),
      // The matcher does not read the on-call rota yet, so nobody counts as on call here (docs/product.md, "Matching").
      onCallNow: false,
      nextAvailableAt: null,
      experienceTags: parseJsonArray<string>(p.experience_tags ?? '[]'),
    };
  });
  return { candidates, emails };
}

/** Every active supporter of the organisation as the matcher sees them, with today's state. */
export async function loadCandidates(db: DbOrTrx, organizationId: string, timeZone: string, now: Date): Promise<SupporterCandidate[]> {
  return (await loadCandidatesWithEmails(db, organizationId, timeZone, now)).candidates;
}
