import type { Trx } from '../db/database.ts';
import { replaceServiceLevels } from '../modules/service-levels/service-levels.repository.ts';

/**
 * The demo program's service levels: the default targets (shared/schemas/service-levels.ts) on a
 * Monday–Friday 08:00–17:00 calendar with the year-end holidays, so "3 business days" on the
 * settings page visibly skips them. Call from the demo seed inside its transaction.
 */
export async function seedDemoServiceLevels(trx: Trx, organizationId: string, now: Date): Promise<void> {
  const year = now.getUTCFullYear();
  await replaceServiceLevels(
    trx,
    {
      organization_id: organizationId,
      days: JSON.stringify([1, 2, 3, 4, 5]),
      opens: '08:00',
      closes: '17:00',
      holidays: JSON.stringify([`${year}-12-24`, `${year}-12-25`, `${year + 1}-01-01`]),
      escalation_percent: 50,
      updated_at: now.toISOString(),
    },
    [],
  );
}
