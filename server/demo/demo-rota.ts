import { localDay } from '../../shared/calendar-day.ts';
import type { DbOrTrx } from '../db/database.ts';
import { newId } from '../db/values.ts';
import { findOrganization } from '../modules/organization/index.ts';
import * as repo from '../modules/on-call/on-call.repository.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * A populated rota for the demo organisation: a weekly rotation of the given supporters (hand-off on
 * Mondays at 08:00 local, started two weeks ago so the calendar has a past), one single weekend
 * shift and one evening override. Pass certified, active supporters (the seed does not check).
 */
export async function seedDemoRota(db: DbOrTrx, organizationId: string, supporterPersonIds: readonly string[], now: Date): Promise<void> {
  if (supporterPersonIds.length === 0) return;
  const timeZone = (await findOrganization(db, organizationId))?.time_zone ?? 'UTC';
  // The Monday on or before two weeks ago, as a local calendar day.
  const twoWeeksAgo = new Date(now.getTime() - 14 * DAY_MS);
  const local = new Date(`${localDay(twoWeeksAgo, timeZone)}T00:00:00Z`);
  const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
  const at = now.toISOString();
  await repo.upsertRotation(db, {
    organization_id: organizationId,
    members: JSON.stringify(supporterPersonIds),
    starts_on: monday,
    handoff_at: '08:00',
    period_days: 7,
    updated_by: null,
    updated_at: at,
  });
  const n = supporterPersonIds.length;
  const second = supporterPersonIds[1 % n]!;
  const third = supporterPersonIds[2 % n]!;
  const saturday = new Date(now.getTime() + ((6 - now.getUTCDay() + 7) % 7 || 7) * DAY_MS);
  saturday.setUTCHours(14, 0, 0, 0);
  const tomorrowEvening = new Date(now.getTime() + DAY_MS);
  tomorrowEvening.setUTCHours(22, 0, 0, 0);
  const rows = [
    { person: second, kind: 'shift' as const, start: saturday, hours: 24 },
    { person: third, kind: 'override' as const, start: tomorrowEvening, hours: 6 },
  ];
  for (const row of rows) {
    await repo.insertShift(db, {
      id: newId(),
      organization_id: organizationId,
      person_id: row.person,
      kind: row.kind,
      starts_at: row.start.toISOString(),
      ends_at: new Date(row.start.getTime() + row.hours * HOUR_MS).toISOString(),
      created_by: null,
      created_at: at,
    });
  }
}
