import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { clockTimes, loadClocks, timeToFirstContact } from './clocks.ts';
import { breachDedupeKey, firstContactBreachJob } from './first-contact-clock.job.ts';
import * as repo from './service-levels.repository.ts';

/**
 * Starts a new case's first-contact clock, in the transaction that opens the case: the due and
 * escalation times come from the targets in force now and are stored on the case (a later change
 * of targets does not rewrite them), and the breach check is scheduled for the due time.
 */
export async function scheduleFirstContactClock(ctx: AppContext, trx: Trx, row: CaseRow): Promise<CaseRow> {
  const [clocked] = await scheduleFirstContactClocks(ctx, trx, [row]);
  return clocked ?? row;
}

/** The same for a batch of new cases of one organisation (an event notice naming many people): settings read once. */
export async function scheduleFirstContactClocks(ctx: AppContext, trx: Trx, rows: CaseRow[]): Promise<CaseRow[]> {
  if (rows.length === 0) return [];
  const clocks = await loadClocks(trx, rows[0]!.organization_id);
  const result: CaseRow[] = [];
  for (const row of rows) {
    const { dueAt, escalationAt } = clockTimes(clocks, row);
    const due = dueAt.toISOString();
    const escalation = escalationAt.toISOString();
    await repo.setCaseClock(trx, row.id, due, escalation);
    await firstContactBreachJob.enqueue(trx, { organizationId: row.organization_id, caseId: row.id }, { runAt: dueAt, dedupeKey: breachDedupeKey(row.id), now: ctx.clock.now() });
    result.push({ ...row, first_contact_due_at: due, first_contact_escalation_at: escalation });
  }
  return result;
}

/**
 * The columns to set with the first contact, for reporting: minutes from opening, plain and while the
 * program was open. Empty once first contact is on record (it is set once).
 */
export async function firstContactTimes(db: DbOrTrx, row: Pick<CaseRow, 'organization_id' | 'created_at' | 'first_contact_at'>, at: Date): Promise<Partial<CaseRow>> {
  if (row.first_contact_at) return {};
  return timeToFirstContact(await loadClocks(db, row.organization_id), row.created_at, at);
}
