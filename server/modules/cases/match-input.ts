import type { DbOrTrx } from '../../db/database.ts';
import { parseJsonArray, toBool } from '../../db/values.ts';
import type { ProfessionCategory } from '../../../shared/schemas/organization.ts';
import type { Modality } from '../../../shared/schemas/case-vocabulary.ts';
import type { MatchRequest, SupporterCandidate } from '../matching/match.ts';
import { listSupporterPeople } from '../supporters/supporters.repository.ts';
import { localDay } from '../supporters/supporters.service.ts';
import type { CaseRow } from './cases.repository.ts';
import { countOpenCasesBySupporter, listOfferedSupporterIds } from './cases.repository.ts';

/** Managers up the chain and direct reports of a person: never their supporter. */
async function reportingLineOf(db: DbOrTrx, organizationId: string, personId: string): Promise<string[]> {
  const line: string[] = [];
  let current: string | null = personId;
  for (let depth = 0; current && depth < 20; depth++) {
    const row: { manager_id: string | null } | undefined = await db
      .selectFrom('people')
      .select('manager_id')
      .where('organization_id', '=', organizationId)
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.manager_id ?? null;
    if (current && !line.includes(current)) line.push(current);
  }
  const reports = await db.selectFrom('people').select('id').where('organization_id', '=', organizationId).where('manager_id', '=', personId).execute();
  return [...line, ...reports.map((r) => r.id)];
}

export async function buildMatchRequest(db: DbOrTrx, row: CaseRow, now: Date): Promise<MatchRequest> {
  const requesterId = row.requester_person_id;
  const specialty = requesterId
    ? ((await db.selectFrom('people').select('specialty').where('id', '=', requesterId).executeTakeFirst())?.specialty ?? null)
    : null;
  return {
    // Anonymous requesters have no person: an id no supporter can have.
    requesterPersonId: requesterId ?? `anonymous:${row.id}`,
    requesterProfessionCategory: (row.requester_profession_category as ProfessionCategory | null) ?? 'other',
    requesterDepartmentId: row.requester_department_id,
    requesterSpecialty: specialty,
    reportingLine: requesterId ? await reportingLineOf(db, row.organization_id, requesterId) : [],
    involvedPersonIds: [],
    departmentPreference: row.department_preference as MatchRequest['departmentPreference'],
    programRequiresOtherDepartment: false,
    language: row.language,
    languageRequired: toBool(row.language_required),
    modality: row.modality as Modality,
    reason: row.reason as MatchRequest['reason'],
    urgency: row.urgency as MatchRequest['urgency'],
    excludeSupporterIds: await listOfferedSupporterIds(db, row.id),
    now: now.toISOString(),
  };
}

/** Every active supporter of the organisation as the matcher sees them, with today's state. */
export async function loadCandidates(db: DbOrTrx, organizationId: string, timeZone: string, now: Date): Promise<SupporterCandidate[]> {
  const today = localDay(now, timeZone);
  const [people, load] = await Promise.all([listSupporterPeople(db, organizationId), countOpenCasesBySupporter(db, organizationId)]);
  return people
    .filter((p) => toBool(p.person_active) && p.status !== null)
    .map((p) => {
      const away = parseJsonArray<{ from: string; to: string }>(p.away_periods ?? '[]').some((a) => a.from <= today && today <= a.to);
      return {
        personId: p.person_id,
        certified: p.certified_until !== null && p.certified_until >= today,
        active: p.status === 'active',
        paused: away || Boolean(p.paused_until && p.paused_until >= today),
        professionCategory: (p.profession_category as ProfessionCategory | null) ?? 'other',
        departmentId: p.department_id,
        specialty: null,
        languages: parseJsonArray<string>(p.languages),
        modalities: parseJsonArray<Modality>(p.modalities ?? '[]'),
        capacity: p.capacity ?? 0,
        openCases: load.get(p.person_id) ?? 0,
        // The on-call rota arrives with event outreach (issue 4); until then nobody is "on call".
        onCallNow: false,
        nextAvailableAt: null,
        experienceTags: parseJsonArray<string>(p.experience_tags ?? '[]'),
      };
    });
}
