import type { DbOrTrx, Trx } from '../../db/database.ts';
import { retirePendingJobs } from '../../jobs/jobs.repository.ts';
import type { AppContext } from '../../lib/context.ts';
import { findCase, type Case } from '../cases/index.ts';
import { awaitsFirstContact, clockTimes, loadClocks, roundStartOf, timeToFirstContact, type ProgramClocks } from './clocks.ts';
import { breachDedupeKey, escalationDedupeKey, firstContactBreachJob, legacyClockKeys } from './first-contact-clock.job.ts';
import * as repo from './service-levels.repository.ts';

/**
 * Stores the case's clock counted from `start` and schedules its breach check for the due time. The
 * jobs of the clock it replaces (if any) are retired; they would also find the due time changed and
 * do nothing, but a job from before due times were carried could not tell.
 */
async function startClock(ctx: AppContext, trx: Trx, clocks: ProgramClocks, row: Case, start: Date): Promise<Case> {
  const now = ctx.clock.now();
  const { dueAt, escalationAt } = clockTimes(clocks, row, start);
  const due = dueAt.toISOString();
  const escalation = escalationAt.toISOString();
  const previous = row.first_contact_due_at;
  await repo.setCaseClock(trx, row.id, due, escalation);
  if (previous !== undefined && previous !== due) {
    const replaced = [
      ...legacyClockKeys(row.id),
      ...(previous ? [breachDedupeKey(row.id, previous), escalationDedupeKey(row.id, previous)] : []),
    ];
    await retirePendingJobs(trx, replaced, now);
  }
  await scheduleBreachCheck(ctx, trx, row, due);
  return { ...row, first_contact_due_at: due, first_contact_escalation_at: escalation };
}

/** The breach check of the clock due at `due`: one per case and due time, however often it is asked for. */
async function scheduleBreachCheck(ctx: AppContext, trx: Trx, row: Pick<Case, 'id' | 'organization_id'>, due: string): Promise<void> {
  await firstContactBreachJob.enqueue(
    trx,
    { organizationId: row.organization_id, caseId: row.id, dueAt: due },
    { runAt: new Date(due), dedupeKey: breachDedupeKey(row.id, due), now: ctx.clock.now() },
  );
}

/**
 * Intake's way to the same clock with fewer statements: the targets are read before the case's
 * transaction (like matching's reads, `loadClocks`), the due times go into the case's own INSERT
 * (`withFirstContactClock`, pure), and `scheduleNewCaseBreachCheck` queues the check in the
 * transaction.
 */
export function withFirstContactClock(clocks: ProgramClocks, row: Case): Case {
  const { dueAt, escalationAt } = clockTimes(clocks, row);
  return { ...row, first_contact_due_at: dueAt.toISOString(), first_contact_escalation_at: escalationAt.toISOString() };
}

export async function scheduleNewCaseBreachCheck(ctx: AppContext, trx: Trx, row: Case): Promise<void> {
  if (!row.first_contact_due_at) throw new Error('the case has no first-contact clock (withFirstContactClock)');
  await scheduleBreachCheck(ctx, trx, row, row.first_contact_due_at);
}

/**
 * Starts a new case's first-contact clock, in the transaction that opens the case: the due and
 * escalation times come from the targets in force now and are stored on the case (a later change
 * of targets does not rewrite them), and the breach check is scheduled for the due time.
 */
export async function scheduleFirstContactClock(ctx: AppContext, trx: Trx, row: Case): Promise<Case> {
  const [clocked] = await scheduleFirstContactClocks(ctx, trx, [row]);
  return clocked ?? row;
}

/** The same for a batch of new cases of one organisation (an event notice naming many people): settings read once. */
export async function scheduleFirstContactClocks(ctx: AppContext, trx: Trx, rows: Case[]): Promise<Case[]> {
  if (rows.length === 0) return [];
  const clocks = await loadClocks(trx, rows[0]!.organization_id);
  const result: Case[] = [];
  for (const row of rows) result.push(await startClock(ctx, trx, clocks, row, new Date(row.created_at)));
  return result;
}

/**
 * A reopened case starts a new round with a new clock, counted from the reopen (`reopened_at`, which
 * the caller has just stored) on today's targets. The breach check judges the round by contact made
 * since the reopen (clocks.ts, awaitsFirstContact); the first round's time to first contact stays.
 */
export async function restartFirstContactClock(ctx: AppContext, trx: Trx, row: Case, start: Date): Promise<Case> {
  return startClock(ctx, trx, await loadClocks(trx, row.organization_id), row, start);
}

/**
 * The case has just become more urgent (an urgent notice about its person): the clock of its new
 * urgency, counted from now, replaces the stored one when it runs out sooner. Returns the case with
 * its clock, changed or not. The caller checks that first contact is still awaited.
 */
export async function hastenFirstContactClock(ctx: AppContext, trx: Trx, row: Case): Promise<Case> {
  const clocks = await loadClocks(trx, row.organization_id);
  const now = ctx.clock.now();
  const { dueAt } = clockTimes(clocks, row, now);
  if (row.first_contact_due_at && Date.parse(row.first_contact_due_at) <= dueAt.getTime()) return row;
  return startClock(ctx, trx, clocks, row, now);
}

/**
 * Startup step: every open case still waiting for first contact gets a clock for its current round
 * and a breach check, if it lacks either. That is a case opened before clocks were stored (migration
 * 0013 gave it a due time but scheduled nothing), or one reopened before each round had its own
 * clock. The due time counts from the round's start on today's targets, so a long-overdue case is
 * checked at once. Idempotent and safe with several instances starting together: the same case and
 * due time is one dedupe key, and a job that finds the due time changed does nothing. Returns how
 * many breach checks it scheduled.
 */
export async function startMissingFirstContactClocks(ctx: AppContext): Promise<number> {
  let scheduled = 0;
  for (const { id, organization_id: organizationId } of await repo.listOpenCasesAwaitingContact(ctx.db)) {
    scheduled += await ctx.db.transaction().execute(async (trx) => {
      const row = await findCase(trx, organizationId, id);
      if (!row || !(await awaitsFirstContact(trx, row))) return 0;
      const due = row.first_contact_due_at;
      // A due time after the round began is the round's own clock: only its check may be missing.
      if (!due || due <= roundStartOf(row)) {
        await startClock(ctx, trx, await loadClocks(trx, organizationId), row, new Date(roundStartOf(row)));
        return 1;
      }
      // Scheduled before jobs carried their due time: that job is the check.
      if (await repo.jobExists(trx, breachDedupeKey(id))) return 0;
      const job = await firstContactBreachJob.enqueue(
        trx,
        { organizationId, caseId: id, dueAt: due },
        { runAt: new Date(due), dedupeKey: breachDedupeKey(id, due), now: ctx.clock.now() },
      );
      return job.created ? 1 : 0;
    });
  }
  return scheduled;
}

/**
 * The columns to set with the first contact, for reporting: minutes from opening, plain and while the
 * program was open. Empty once first contact is on record (it is set once).
 */
export async function firstContactTimes(
  db: DbOrTrx,
  row: Pick<Case, 'organization_id' | 'created_at' | 'first_contact_at'>,
  at: Date,
): Promise<Partial<Case>> {
  if (row.first_contact_at) return {};
  return timeToFirstContact(await loadClocks(db, row.organization_id), row.created_at, at);
}
