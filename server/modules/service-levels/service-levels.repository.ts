import { OPEN_STATES } from '../../../shared/case-workflow.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { ServiceLevelCalendarsTable, ServiceLevelTargetsTable } from '../../db/schema-service-levels.ts';

export type CalendarRow = ServiceLevelCalendarsTable;
export type TargetRow = ServiceLevelTargetsTable;

export async function findCalendar(db: DbOrTrx, organizationId: string): Promise<CalendarRow | undefined> {
  return db.selectFrom('service_level_calendars').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function listTargets(db: DbOrTrx, organizationId: string): Promise<TargetRow[]> {
  return db.selectFrom('service_level_targets').selectAll().where('organization_id', '=', organizationId).execute();
}

export async function findTimeZone(db: DbOrTrx, organizationId: string): Promise<string | undefined> {
  return (await db.selectFrom('organizations').select('time_zone').where('id', '=', organizationId).executeTakeFirst())?.time_zone;
}

/** Replaces the organisation's calendar and every target it set. */
export async function replaceServiceLevels(trx: Trx, calendar: CalendarRow, targets: TargetRow[]): Promise<void> {
  const organizationId = calendar.organization_id;
  await trx.deleteFrom('service_level_calendars').where('organization_id', '=', organizationId).execute();
  await trx.insertInto('service_level_calendars').values(calendar).execute();
  await trx.deleteFrom('service_level_targets').where('organization_id', '=', organizationId).execute();
  if (targets.length) await trx.insertInto('service_level_targets').values(targets).execute();
}

export async function setCaseClock(db: DbOrTrx, caseId: string, dueAt: string, escalationAt: string): Promise<void> {
  await db
    .updateTable('cases')
    .set({ first_contact_due_at: dueAt, first_contact_escalation_at: escalationAt })
    .where('id', '=', caseId)
    .execute();
}

/** Whether a supporter logged reaching the person of this case at or after `since` (a reopened round's first contact). */
export async function reachedSince(db: DbOrTrx, caseId: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('contact_attempts')
    .select('id')
    .where('case_id', '=', caseId)
    .where('result', '=', 'reached')
    .where('at', '>=', since)
    .executeTakeFirst();
  return Boolean(row);
}

/** For the reopened cases among `rows`: when someone first reached the person since the reopen (absent: not yet). */
export async function firstContactsSinceReopen(
  db: DbOrTrx,
  rows: { id: string; reopened_at?: string | null }[],
): Promise<Map<string, string>> {
  const reopened = new Map(rows.flatMap((r) => (r.reopened_at ? [[r.id, r.reopened_at] as const] : [])));
  const first = new Map<string, string>();
  if (reopened.size === 0) return first;
  const attempts = await db
    .selectFrom('contact_attempts')
    .select(['case_id', 'at'])
    .where('case_id', 'in', [...reopened.keys()])
    .where('result', '=', 'reached')
    .orderBy('at')
    .execute();
  for (const a of attempts) if (a.at >= reopened.get(a.case_id)! && !first.has(a.case_id)) first.set(a.case_id, a.at);
  return first;
}

/** Open cases that may lack a clock for their current round: never reached, or reopened (their round's contact is checked per case). */
export async function listOpenCasesAwaitingContact(db: DbOrTrx): Promise<{ id: string; organization_id: string }[]> {
  return db
    .selectFrom('cases')
    .select(['id', 'organization_id'])
    .where('state', 'in', OPEN_STATES)
    .where((eb) => eb.or([eb('first_contact_at', 'is', null), eb('reopened_at', 'is not', null)]))
    .orderBy('created_at')
    .execute();
}

export async function jobExists(db: DbOrTrx, dedupeKey: string): Promise<boolean> {
  return Boolean(await db.selectFrom('jobs').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst());
}
