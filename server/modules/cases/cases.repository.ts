import { HELD_STATES, OPEN_STATES } from '../../../shared/case-workflow.ts';
import type { CaseState } from '../../../shared/schemas/case-vocabulary.ts';
import type { Db, DbOrTrx, Engine, Trx } from '../../db/database.ts';
import type { Insertable } from 'kysely';
import type { CaseAuditTable, CaseOffersTable } from '../../db/schema-support.ts';
import { newId } from '../../db/values.ts';
import { deferInsert } from '../../db/deferred-inserts.ts';
import { precompiled } from '../../db/precompiled.ts';
import { toCase, toCaseChanges, toCaseRow, type Case } from './case.ts';

export type OfferRow = CaseOffersTable;

export async function insertCase(db: DbOrTrx, c: Case): Promise<void> {
  await db.insertInto('cases').values(toCaseRow(c)).execute();
}

export async function findCase(db: DbOrTrx, organizationId: string, id: string): Promise<Case | undefined> {
  const row = await db
    .selectFrom('cases')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toCase(row);
}

export async function findCaseByAnonymousCode(db: DbOrTrx, code: string): Promise<Case | undefined> {
  const row = await db.selectFrom('cases').selectAll().where('anonymous_code', '=', code).executeTakeFirst();
  return row && toCase(row);
}

/**
 * Writes a state change only if the case is still in the state the caller read: of two concurrent
 * writers exactly one matches (row locks on PostgreSQL, one writer at a time on SQLite).
 * Returns whether this caller won. Needs a transaction: the caller's other writes must go with it.
 */
export async function updateCaseIfState(trx: Trx, id: string, expected: CaseState, set: Partial<Case>): Promise<boolean> {
  // An erased case keeps its final state, but nothing may change it again (a reopen racing erasure loses).
  const result = await trx
    .updateTable('cases')
    .set(toCaseChanges(set))
    .where('id', '=', id)
    .where('state', '=', expected)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listCasesOfRequester(db: DbOrTrx, organizationId: string, personId: string): Promise<Case[]> {
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('requester_person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toCase);
}

/** The open cases of these requesters, newest first. */
export async function listOpenCasesOfRequesters(db: DbOrTrx, organizationId: string, personIds: string[]) {
  return db
    .selectFrom('cases')
    .select(['id', 'requester_person_id'])
    .where('organization_id', '=', organizationId)
    .where('requester_person_id', 'in', personIds)
    .where('state', 'in', OPEN_STATES)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The requester's newest open case, if they have one. */
export async function openCaseIdOfRequester(db: DbOrTrx, organizationId: string, personId: string): Promise<string | undefined> {
  return (await listOpenCasesOfRequesters(db, organizationId, [personId]))[0]?.id;
}

/** A supporter's open cases: only the columns their case list shows (read all day, so built once). */
export const listOpenCasesAssignedTo = precompiled(
  (db, organizationId: string, supporterId: string) =>
    db
      .selectFrom('cases')
      .select([
        'id',
        'organization_id',
        'origin',
        'state',
        'reason',
        'urgency',
        'modality',
        'language',
        'requester_first_name',
        'contact_method',
        'contact_value',
        'assigned_at',
      ])
      .where('organization_id', '=', organizationId)
      .where('assigned_supporter_id', '=', supporterId)
      .where('state', 'in', HELD_STATES)
      .orderBy('assigned_at'),
  2,
);

/** Held cases per assigned supporter (`n`), for matching's capacity rule. */
function heldCasesBySupporter(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('cases')
    .select(['assigned_supporter_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', '=', organizationId)
    .where('state', 'in', HELD_STATES)
    .where('assigned_supporter_id', 'is not', null)
    .groupBy('assigned_supporter_id');
}

/** Open cases per supporter, for matching's capacity rule. */
export async function countOpenCasesBySupporter(db: DbOrTrx, organizationId: string): Promise<Map<string, number>> {
  const rows = await heldCasesBySupporter(db, organizationId).execute();
  return new Map(rows.map((r) => [r.assigned_supporter_id as string, Number(r.n)]));
}

/**
 * The active supporters of the organisation with their profile, profession category and open-case
 * load (`open_cases`), in one statement. It starts from the `peer_supporter` grants (index on
 * organisation + role) rather than from all people of the organisation, and needs no order: the
 * matcher's ranking is a total order whatever the order of its input.
 */
export async function listSupporterCandidateRows(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .innerJoin('supporter_profiles', 'supporter_profiles.person_id', 'people.id')
    .leftJoin('professions', 'professions.id', 'people.profession_id')
    .leftJoin(heldCasesBySupporter(db, organizationId).as('load'), (join) => join.onRef('load.assigned_supporter_id', '=', 'people.id'))
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
}

export async function insertOffer(db: DbOrTrx, row: OfferRow): Promise<void> {
  await db.insertInto('case_offers').values(row).execute();
}

export async function findOfferOfSupporter(db: DbOrTrx, organizationId: string, supporterId: string, offerId: string) {
  return db
    .selectFrom('case_offers')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('supporter_id', '=', supporterId)
    .where('id', '=', offerId)
    .executeTakeFirst();
}

export async function findOffer(db: DbOrTrx, offerId: string) {
  return db.selectFrom('case_offers').selectAll().where('id', '=', offerId).executeTakeFirst();
}

/** Same compare-and-set as cases: a pending offer is answered once. */
export async function answerOfferIfPending(trx: Trx, offerId: string, set: Partial<OfferRow>): Promise<boolean> {
  const result = await trx.updateTable('case_offers').set(set).where('id', '=', offerId).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The case's pending offer to this supporter, if there is one. */
export async function findPendingOfferOfCase(db: DbOrTrx, caseId: string, supporterId: string) {
  return db
    .selectFrom('case_offers')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('supporter_id', '=', supporterId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/**
 * Locks the case's pending offers (PostgreSQL; SQLite has one writer), waiting for a transaction that
 * is answering one of them right now. Accepting, declining and expiring an offer lock the offer row,
 * then the case row: a transaction that changes a case and then maybe its offer (an event notice)
 * calls this first, so both take the locks in that order instead of deadlocking.
 */
export async function lockPendingOffersOfCase(trx: Trx, engine: Engine, caseId: string): Promise<void> {
  if (engine !== 'postgres') return;
  await trx.selectFrom('case_offers').select('id').where('case_id', '=', caseId).where('status', '=', 'pending').forUpdate().execute();
}

/** Compare-and-set: moves a still-pending offer's window end from `from` to `to` (false if it was answered or moved meanwhile). */
export async function moveOfferExpiry(trx: Trx, offerId: string, from: string, to: string): Promise<boolean> {
  const result = await trx
    .updateTable('case_offers')
    .set({ expires_at: to })
    .where('id', '=', offerId)
    .where('status', '=', 'pending')
    .where('expires_at', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function withdrawPendingOffers(trx: Trx, caseId: string, at: string): Promise<void> {
  await trx
    .updateTable('case_offers')
    .set({ status: 'withdrawn', responded_at: at })
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .execute();
}

export async function listPendingOffersOf(db: DbOrTrx, organizationId: string, supporterId: string, now: string) {
  return db
    .selectFrom('case_offers')
    .innerJoin('cases', 'cases.id', 'case_offers.case_id')
    .select([
      'case_offers.id',
      'case_offers.offered_at',
      'case_offers.expires_at',
      'case_offers.match_reasons',
      'cases.reason',
      'cases.urgency',
      'cases.modality',
      'cases.language',
      'cases.requester_profession_category',
    ])
    .where('case_offers.organization_id', '=', organizationId)
    .where('case_offers.supporter_id', '=', supporterId)
    .where('case_offers.status', '=', 'pending')
    .where('case_offers.expires_at', '>', now)
    .orderBy('case_offers.expires_at')
    .execute();
}

/** Supporters offered the case in its current round: since `since` (the last reopen), or ever. */
export async function listOfferedSupporterIds(db: DbOrTrx, caseId: string, since: string | null = null): Promise<string[]> {
  let query = db.selectFrom('case_offers').select('supporter_id').where('case_id', '=', caseId);
  if (since) query = query.where('offered_at', '>=', since);
  const rows = await query.execute();
  return [...new Set(rows.map((r) => r.supporter_id))];
}

export interface CaseAuditEntry {
  organizationId: string;
  caseId: string;
  actorPersonId: string | null;
  action: string;
  at: string;
  ip?: string | null;
}

/** Who did what to which case, when and from where: never what was said (docs/product.md, C5). */
export async function appendCaseAudit(db: DbOrTrx, entry: CaseAuditEntry): Promise<void> {
  await appendCaseAuditMany(db, [entry]);
}

/** Several entries in one statement (one commit), e.g. a list view that shows several contacts. */
export async function appendCaseAuditMany(db: DbOrTrx, entries: CaseAuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({
    id: newId(),
    organization_id: entry.organizationId,
    case_id: entry.caseId,
    actor_person_id: entry.actorPersonId,
    action: entry.action,
    at: entry.at,
    ip: entry.ip ?? null,
  }));
  await deferInsert(db, 'case_audit', rows, insertAuditRows);
}

async function insertAuditRows(db: DbOrTrx, rows: Insertable<CaseAuditTable>[]): Promise<void> {
  await db.insertInto('case_audit').values(rows).execute();
}

/** Rows per grouped INSERT: 7 values a row stays far below either engine's bound-parameter limit. */
const GROUP_MAX_ROWS = 500;
interface PendingAudit {
  entries: CaseAuditEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}
const auditQueues = new WeakMap<Db, { pending: PendingAudit[]; flushing: boolean }>();

/**
 * Group commit for audit rows written outside any transaction (a read that must be audited, e.g.
 * a supporter's case list): entries from requests that arrive together go in one INSERT, one
 * commit, and each caller's promise settles only once its rows are committed, so nobody is answered
 * before their audit row is durable. Under load this turns N fsyncs into one; alone, it costs one
 * event-loop turn. If a grouped insert fails, each caller's rows are retried on their own so one
 * bad entry fails only its own request.
 */
export function appendCaseAuditGrouped(db: Db, entries: CaseAuditEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  let queue = auditQueues.get(db);
  if (!queue) auditQueues.set(db, (queue = { pending: [], flushing: false }));
  const q = queue;
  return new Promise<void>((resolve, reject) => {
    q.pending.push({ entries, resolve, reject });
    if (!q.flushing) {
      q.flushing = true;
      setImmediate(() => void flushAudit(db, q));
    }
  });
}

async function flushAudit(db: Db, queue: { pending: PendingAudit[]; flushing: boolean }): Promise<void> {
  while (queue.pending.length > 0) {
    let rows = 0;
    let take = 0;
    while (take < queue.pending.length && (take === 0 || rows + queue.pending[take]!.entries.length <= GROUP_MAX_ROWS)) {
      rows += queue.pending[take]!.entries.length;
      take += 1;
    }
    const batch = queue.pending.splice(0, take);
    try {
      await appendCaseAuditMany(
        db,
        batch.flatMap((b) => b.entries),
      );
      for (const b of batch) b.resolve();
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else {
        for (const b of batch) {
          await appendCaseAuditMany(db, b.entries).then(b.resolve, b.reject);
        }
      }
    }
  }
  queue.flushing = false;
}

/** A person's directory e-mail (a requester's or a supporter's), within the organisation. */
export async function workEmailOfPerson(db: DbOrTrx, organizationId: string, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('people')
    .select('work_email')
    .where('organization_id', '=', organizationId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.work_email;
}
