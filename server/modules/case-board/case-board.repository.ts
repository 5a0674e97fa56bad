import type { CaseOrigin, CaseState, Urgency } from '../../../shared/schemas/case-vocabulary.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { toCase, type Case } from '../cases/index.ts';

/** Cases of the organisation in the given states, oldest first, with optional filters. */
export async function listBoardCases(
  db: DbOrTrx,
  organizationId: string,
  filter: { states: readonly CaseState[]; origin?: CaseOrigin | undefined; urgency?: Urgency | undefined },
): Promise<Case[]> {
  let query = db
    .selectFrom('cases')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('state', 'in', [...filter.states]);
  if (filter.origin) query = query.where('origin', '=', filter.origin);
  if (filter.urgency) query = query.where('urgency', '=', filter.urgency);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map(toCase);
}

/** How many offers each case has had so far. */
export async function countOffersByCase(db: DbOrTrx, organizationId: string, caseIds: string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_offers')
    .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', '=', organizationId)
    .where('case_id', 'in', caseIds)
    .groupBy('case_id')
    .execute();
  return new Map(rows.map((r) => [r.case_id, Number(r.n)]));
}

export interface PersonName {
  id: string;
  first_name: string;
  last_name: string;
}

/** First and last names of people of the organisation, by id (missing ids are simply absent). */
export async function namesOf(db: DbOrTrx, organizationId: string, ids: string[]): Promise<Map<string, PersonName>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Takes the case for this transaction only if nobody changed who holds it since it was read: a no-op
 * update, so on PostgreSQL a concurrent writer waits for the row lock and then finds it changed.
 */
export async function claimCaseIfUnchanged(trx: Trx, row: Case): Promise<boolean> {
  let query = trx.updateTable('cases').set({ state: row.state }).where('id', '=', row.id).where('state', '=', row.state);
  query =
    row.assigned_supporter_id === null
      ? query.where('assigned_supporter_id', 'is', null)
      : query.where('assigned_supporter_id', '=', row.assigned_supporter_id);
  query =
    row.offered_supporter_id === null
      ? query.where('offered_supporter_id', 'is', null)
      : query.where('offered_supporter_id', '=', row.offered_supporter_id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface AuditFilter {
  organizationId: string;
  caseId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Rows to fetch from each table, newest first (offset + limit of the merged page). */
  take: number;
}

export interface AuditRow {
  id: string;
  at: string;
  action: string;
  actor_person_id: string | null;
  case_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  detail: string | null;
}

export async function listCaseAudit(db: DbOrTrx, f: AuditFilter): Promise<AuditRow[]> {
  let query = db
    .selectFrom('case_audit')
    .select(['id', 'at', 'action', 'actor_person_id', 'case_id', 'ip'])
    .where('organization_id', '=', f.organizationId);
  if (f.caseId) query = query.where('case_id', '=', f.caseId);
  if (f.actorId) query = query.where('actor_person_id', '=', f.actorId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.from) query = query.where('at', '>=', f.from);
  if (f.to) query = query.where('at', '<=', f.to);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.take).execute();
  return rows.map((r) => ({ ...r, subject_type: 'case', subject_id: r.case_id, detail: null }));
}

/** Directory and account events; they never concern a case, so a case filter leaves none. */
export async function listAuditEvents(db: DbOrTrx, f: AuditFilter): Promise<AuditRow[]> {
  if (f.caseId) return [];
  let query = db
    .selectFrom('audit_events')
    .select(['id', 'at', 'action', 'actor_person_id', 'subject_type', 'subject_id', 'ip', 'detail'])
    .where('organization_id', '=', f.organizationId);
  if (f.actorId) query = query.where('actor_person_id', '=', f.actorId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.from) query = query.where('at', '>=', f.from);
  if (f.to) query = query.where('at', '<=', f.to);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.take).execute();
  return rows.map((r) => ({ ...r, case_id: null }));
}
