import { z } from 'zod';
import { daysBetween, localDay } from '../../../shared/calendar-day.ts';
import { TEAM_STATES, type SupporterState } from '../../../shared/supporter-lifecycle.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { toBool } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import { defineJob } from '../../jobs/define.ts';
import { deleteFinishedJobsOfKind } from '../../jobs/jobs.repository.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { findPerson } from '../people/index.ts';
import { findJourney, listCertificationsEndingBy } from './journey.repository.ts';
import { moveJourney } from './journey.service.ts';

/**
 * Certifications run out (docs/team.md, "Who is on duty"). Every hour one sweep — one job per hour
 * across all instances, by its dedupe key — reminds supporters 60, 30 and 7 days before the last
 * day of their certification, once per threshold, and lapses those whose last day has passed, each in
 * a transaction of its own: the lifecycle's compare-and-set makes a lapse happen once even if two
 * sweeps met, and leaving duty takes them off the rota in the same transaction.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SWEEP_KIND = 'certification-sweep';
/** Days before the last day of a certification when the supporter is reminded, largest first. */
export const REMINDER_DAYS = [60, 30, 7] as const;

const hourSlot = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
const sweepKey = (slot: Date) => `${SWEEP_KIND}:${slot.toISOString().slice(0, 13)}`;

/** Queues this hour's sweep; every instance calls it at start-up and it is one job whatever their number. */
export async function scheduleCertificationSweep(db: DbOrTrx, at: Date): Promise<void> {
  await certificationSweepJob.enqueue(db, {}, { runAt: at, dedupeKey: sweepKey(hourSlot(at)), now: at, maxAttempts: 5 });
}

export const certificationReminderJob = defineJob({
  kind: 'certification-reminder',
  payload: z.object({ organizationId: z.uuid(), personId: z.uuid(), until: z.iso.date(), days: z.number().int() }),
  async handle(ctx: AppContext, { organizationId, personId, until }, trx) {
    const db = trx ?? ctx.db;
    // Recertified or gone since the sweep queued this: nothing to remind about.
    const journey = await findJourney(db, organizationId, personId);
    if (!journey || journey.certified_until !== until || !(TEAM_STATES as readonly SupporterState[]).includes(journey.status)) return;
    const person = await findPerson(db, organizationId, personId);
    if (!person?.active) return;
    await queueEmail(db, { organizationId, to: person.workEmail, template: 'reminder', link: '/app/team/me', now: ctx.clock.now() });
  },
});

export const certificationSweepJob = defineJob({
  kind: SWEEP_KIND,
  payload: z.object({}),
  transactional: false,
  async handle(ctx: AppContext) {
    const now = ctx.clock.now();
    const next = new Date(hourSlot(now).getTime() + HOUR_MS);
    await certificationSweepJob.enqueue(ctx.db, {}, { runAt: next, dedupeKey: sweepKey(next), now, maxAttempts: 5 });
    // A day of margin covers every time zone's "today".
    const horizon = new Date(now.getTime() + (REMINDER_DAYS[0] + 1) * DAY_MS).toISOString().slice(0, 10);
    for (const row of await listCertificationsEndingBy(ctx.db, horizon)) {
      if (!toBool(row.person_active) || !row.certified_until) continue;
      const today = localDay(now, row.time_zone);
      const left = daysBetween(today, row.certified_until);
      if (left < 0) {
        await lapse(ctx, row.organization_id, row.person_id);
        continue;
      }
      const threshold = [...REMINDER_DAYS].reverse().find((days) => left <= days);
      if (threshold === undefined) continue;
      await certificationReminderJob.enqueue(
        ctx.db,
        { organizationId: row.organization_id, personId: row.person_id, until: row.certified_until, days: threshold },
        { runAt: now, dedupeKey: `certification-reminder:${row.person_id}:${row.certified_until}:${threshold}`, now },
      );
    }
    await deleteFinishedJobsOfKind(ctx.db, SWEEP_KIND, new Date(now.getTime() - 7 * DAY_MS).toISOString());
  },
});

async function lapse(ctx: AppContext, organizationId: string, personId: string): Promise<void> {
  try {
    await ctx.db.transaction().execute((trx) =>
      moveJourney(ctx, trx, {
        organizationId,
        personId,
        event: { type: 'certification_expired' },
        actorKind: 'system',
        actorPersonId: null,
      }),
    );
  } catch (error) {
    // Someone recertified or retired them meanwhile, or another sweep lapsed them first: nothing left to do.
    if (error instanceof AppError && error.code === 'conflict') return;
    throw error;
  }
}
