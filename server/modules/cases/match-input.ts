import { HELD_STATES } from '../../../shared/case-workflow.ts';
import { sql } from 'kysely';
import { localDay } from '../../../shared/calendar-day.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { parseJsonArray, toBool } from '../../db/values.ts';
import type { ProfessionCategory } from '../../../shared/schemas/organization.ts';
import type { Modality } from '../../../shared/schemas/case-vocabulary.ts';
import type { MatchRequest, SupporterCandidate } from '../matching/index.ts';
import type { CaseRow } from './cases.repository.ts';
import { listOfferedSupporterIds } from './cases.repository.ts';
import { excludedFromMatching } from './case-events.ts';

/** How far up the reporting line matching looks (the same bound the line walk always had). */
const MAX_MANAGER_DEPTH = 20;

/**
 * The requester's specialty, their managers up the chain (nearest first) and their direct reports,
 * in one statement: a recursive walk up `manager_id` (bounded, so a cycle in the directory ends)
 * plus the reports. Managers and reports are never the requester's supporter.
 */
async function requesterContext(db: DbOrTrx, organizationId: string, personId: string) {
  const { rows } = await sql<{ id: string; depth: number; specialty: string | null }>`
    with recursive chain (id, manager_id, depth, specialty) as (
      select id, manager_id, 0, specialty from people where organization_id = ${organizationId} and id = ${personId}
      union all
      select p.id, p.manager_id, chain.depth + 1, cast(null as text)
        from people p join chain on p.id = chain.manager_id
       where p.organization_id = ${organizationId} and chain.depth < ${MAX_MANAGER_DEPTH}
    )
    select id, depth, specialty from chain
    union all
    select id, -1 as depth, null as specialty from people where organization_id = ${organizationId} and manager_id = ${personId}
  `.execute(db);
  const ordered = [...rows].sort((a, b) => Number(a.depth) - Number(b.depth));
  const managers: string[] = [];
  for (const r of ordered) if (Number(r.depth) > 0 && !managers.includes(r.id)) managers.push(r.id);
  return {
    specialty: ordered.find((r) => Number(r.depth) === 0)?.specialty ?? null,
    reportingLine: [...managers, ...ordered.filter((r) => Number(r.depth) === -1).map((r) => r.id)],
  };
}

export interface MatchRequestOptions {
  /** The case is not stored yet (intake reads before its transaction): nobody can have been offered it. */
  unsavedCase?: boolean;
}

export async function buildMatchRequest(db: DbOrTrx, row: CaseRow, now: Date, options: MatchRequestOptions = {}): Promise<MatchRequest> {
  const requesterId = row.requester_person_id;
  const requester = requesterId ? await requesterContext(db, row.organization_id, requesterId) : { specialty: null, reportingLine: [] };
  return {
    // Anonymous requesters have no person: an id no supporter can have.
    requesterPersonId: requesterId ?? `anonymous:${row.id}`,
    requesterProfessionCategory: (row.requester_profession_category as ProfessionCategory | null) ?? 'other',
    requesterDepartmentId: row.requester_department_id,
    requesterSpecialty: requester.specialty,
    reportingLine: requester.reportingLine,
    // Everyone named in the event notices attached to the case, and their reporters. A
    // brand-new outreach case has none stored yet: its caller adds them (event-notices/outreach.service.ts).
    involvedPersonIds: options.unsavedCase ? [] : await excludedFromMatching(db, row.id),
    departmentPreference: row.department_preference as MatchRequest['departmentPreference'],
    programRequiresOtherDepartment: false,
    language: row.language,
    languageRequired: toBool(row.language_required),
    modality: row.modality as Modality,
    reason: row.reason as MatchRequest['reason'],
    urgency: row.urgency as MatchRequest['urgency'],
    excludeSupporterIds: options.unsavedCase ? [] : await listOfferedSupporterIds(db, row.id, row.reopened_at ?? null),
    now: now.toISOString(),
  };
}

export interface LoadedCandidates {
  candidates: SupporterCandidate[];
  /** Work e-mail of each candidate, so the offer e-mail needs no second read. */
  emails: Map<string, string>;
}

/**
 * Every active supporter of the organisation as the matcher sees them, with today's state and their
 * open-case load, in one statement. It starts from the `peer_supporter` grants (index on
 * organisation + role) rather than from all people of the organisation, and needs no order: the
 * matcher's ranking is a total order whatever the order of its input.
 */
export async function loadCandidatesWithEmails(
  db: DbOrTrx,
  organizationId: string,
  timeZone: string,
  now: Date,
): Promise<LoadedCandidates> {
  const today = localDay(now, timeZone);
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .innerJoin('supporter_profiles', 'supporter_profiles.person_id', 'people.id')
    .leftJoin('professions', 'professions.id', 'people.profession_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('cases')
          .select(['assigned_supporter_id', (e) => e.fn.countAll<number>().as('n')])
          .where('organization_id', '=', organizationId)
          .where('state', 'in', HELD_STATES)
          .where('assigned_supporter_id', 'is not', null)
          .groupBy('assigned_supporter_id')
          .as('load'),
      (join) => join.onRef('load.assigned_supporter_id', '=', 'people.id'),
    )
    .select([
      'people.id as person_id',
      'people.work_email',
      'people.department_id',
      'people.languages',
      'professions.category as profession_category',
      'supporter_profiles.status',
      'supporter_profiles.certified_until',
      'supporter_profiles.capacity',
      'supporter_profiles.modalities',
      'supporter_profiles.experience_tags',
      'supporter_profiles.away_periods',
      'supporter_profiles.paused_until',
      'load.n as open_cases',
    ])
    .where('role_grants.organization_id', '=', organizationId)
    .where('role_grants.role', '=', 'peer_supporter')
    .where('people.organization_id', '=', organizationId)
    .where('people.active', '=', true)
    .execute();
  const emails = new Map<string, string>();
  const candidates = rows.map((p): SupporterCandidate => {
    emails.set(p.person_id, p.work_email);
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
