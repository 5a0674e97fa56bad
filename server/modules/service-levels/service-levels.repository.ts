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
  await db.updateTable('cases').set({ first_contact_due_at: dueAt, first_contact_escalation_at: escalationAt }).where('id', '=', caseId).execute();
}

