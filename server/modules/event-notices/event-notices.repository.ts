import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { EventNoticesTable, EventTriggersTable, IntegrationTokensTable, OutreachInvitesTable } from '../../db/schema-events.ts';

export type IntegrationTokenRow = IntegrationTokensTable;
export type EventTriggerRow = EventTriggersTable;
export type EventNoticeRow = EventNoticesTable;
export type OutreachInviteRow = OutreachInvitesTable;

// Integration tokens ------------------------------------------------------------------------------

export async function insertIntegrationToken(db: DbOrTrx, row: IntegrationTokenRow): Promise<void> {
  await db.insertInto('integration_tokens').values(row).execute();
}

export function findLiveTokenByHash(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom('integration_tokens')
    .select(['id', 'organization_id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function findIntegrationToken(db: DbOrTrx, organizationId: string, id: string) {
  return db
    .selectFrom('integration_tokens')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listIntegrationTokens(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('integration_tokens')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function revokeIntegrationToken(db: DbOrTrx, organizationId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('integration_tokens')
    .set({ revoked_at: at })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function touchIntegrationToken(db: DbOrTrx, id: string, at: string): Promise<void> {
  await db.updateTable('integration_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

// Trigger catalogue -------------------------------------------------------------------------------

export function listTriggers(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('event_triggers')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Idempotent: the (organisation, code) index makes concurrent first reads insert each default once. */
export async function insertTriggersIfAbsent(db: DbOrTrx, rows: EventTriggerRow[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('event_triggers')
      .values(rows)
      .onConflict((oc) => oc.columns(['organization_id', 'code']).doNothing())
      .execute();
}

export async function insertTrigger(db: DbOrTrx, row: EventTriggerRow): Promise<void> {
  await db.insertInto('event_triggers').values(row).execute();
}

export function findTrigger(db: DbOrTrx, organizationId: string, id: string) {
  return db.selectFrom('event_triggers').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function updateTrigger(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  set: Partial<Pick<EventTriggerRow, 'label' | 'active'>>,
): Promise<void> {
  await db.updateTable('event_triggers').set(set).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

// Notices -----------------------------------------------------------------------------------------

export async function insertNotice(trx: Trx, row: EventNoticeRow, involvedPersonIds: string[]): Promise<void> {
  await trx.insertInto('event_notices').values(row).execute();
  await trx
    .insertInto('event_notice_people')
    .values(involvedPersonIds.map((person_id) => ({ notice_id: row.id, person_id, organization_id: row.organization_id })))
    .execute();
}

export async function attachNoticeToCases(
  trx: Trx,
  organizationId: string,
  noticeId: string,
  caseIds: string[],
  at: string,
): Promise<void> {
  if (!caseIds.length) return;
  await trx
    .insertInto('case_event_notices')
    .values(caseIds.map((case_id) => ({ case_id, notice_id: noticeId, organization_id: organizationId, attached_at: at })))
    .onConflict((oc) => oc.columns(['case_id', 'notice_id']).doNothing())
    .execute();
}

/** The notice list rows with their trigger label, department name and the head count named at filing. */
function noticeListQuery(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('event_notices')
    .innerJoin('event_triggers', 'event_triggers.id', 'event_notices.trigger_id')
    .innerJoin('departments', 'departments.id', 'event_notices.department_id')
    .select([
      'event_notices.id',
      'event_notices.occurred_at',
      'event_notices.filed_at',
      'event_notices.urgent',
      'event_notices.filed_by_person_id',
      'event_triggers.label as trigger',
      'departments.name as department',
      'event_notices.involved_count',
    ])
    .where('event_notices.organization_id', '=', organizationId)
    .orderBy('event_notices.filed_at', 'desc')
    .orderBy('event_notices.id', 'desc');
}

export function listNoticesFiledBy(db: DbOrTrx, organizationId: string, personId: string, limit: number) {
  return noticeListQuery(db, organizationId).where('event_notices.filed_by_person_id', '=', personId).limit(limit).execute();
}

export function listNotices(db: DbOrTrx, organizationId: string, limit: number) {
  return noticeListQuery(db, organizationId).limit(limit).execute();
}

/** Per notice, how many of its attached cases are in each state. */
export function countCasesByNoticeAndState(db: DbOrTrx, organizationId: string, noticeIds: string[]) {
  if (!noticeIds.length) return Promise.resolve([]);
  return db
    .selectFrom('case_event_notices')
    .innerJoin('cases', 'cases.id', 'case_event_notices.case_id')
    .select(['case_event_notices.notice_id', 'cases.state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_event_notices.organization_id', '=', organizationId)
    .where('case_event_notices.notice_id', 'in', noticeIds)
    .groupBy(['case_event_notices.notice_id', 'cases.state'])
    .execute();
}

/**
 * Everyone who must not support this case because of the events attached to it: the people involved
 * in any of them and whoever filed them (a reporter who got the offer would learn the outcome).
 */
export async function listEventExclusions(db: DbOrTrx, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_event_notices')
    .innerJoin('event_notices', 'event_notices.id', 'case_event_notices.notice_id')
    .leftJoin('event_notice_people', 'event_notice_people.notice_id', 'case_event_notices.notice_id')
    .select(['event_notice_people.person_id', 'event_notices.filed_by_person_id'])
    .where('case_event_notices.case_id', '=', caseId)
    .execute();
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.person_id) ids.add(r.person_id);
    if (r.filed_by_person_id) ids.add(r.filed_by_person_id);
  }
  return [...ids];
}

// Outreach invites --------------------------------------------------------------------------------

export async function insertOutreachInvites(trx: Trx, rows: OutreachInviteRow[]): Promise<void> {
  if (rows.length) await trx.insertInto('outreach_invites').values(rows).execute();
}

export function findOutreachInvite(db: DbOrTrx, tokenHash: string) {
  return db.selectFrom('outreach_invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Compare-and-set: of two simultaneous clicks exactly one consumes the link. */
export async function useOutreachInvite(trx: Trx, tokenHash: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('outreach_invites')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Open cases a notice is attached to ---------------------------------------------------------------

/** An urgent notice makes a `this_week` case `today`; compare-and-set, so it happens once. */
export async function raiseCaseUrgency(trx: Trx, caseId: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set({ urgency: 'today', updated_at: at })
    .where('id', '=', caseId)
    .where('urgency', '=', 'this_week')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Compare-and-set: withdraws the case's offer to this supporter if it is still pending (an accept racing it wins or loses whole). */
export async function withdrawPendingOfferOf(trx: Trx, caseId: string, supporterId: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('case_offers')
    .set({ status: 'withdrawn', responded_at: at })
    .where('case_id', '=', caseId)
    .where('supporter_id', '=', supporterId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
