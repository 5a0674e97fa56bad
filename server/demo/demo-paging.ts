import { DEFAULT_ACK_MINUTES, DEFAULT_PAGING_STEPS } from '../../shared/schemas/paging.ts';
import type { DbOrTrx } from '../db/database.ts';
import { replaceSettings } from '../modules/paging/paging.repository.ts';

/**
 * Demo data for the urgent path: the program's escalation chain saved explicitly (15 minutes; on
 * call → backup → administrators → directors, no webhook), so the settings page shows a stored chain.
 * Pages themselves come from urgent requests made in the demo, not from the seed.
 */
export async function seedDemoPaging(db: DbOrTrx, organizationId: string, now: Date): Promise<void> {
  await replaceSettings(db, {
    organization_id: organizationId,
    ack_minutes: DEFAULT_ACK_MINUTES,
    steps: JSON.stringify(DEFAULT_PAGING_STEPS),
    webhook_url: null,
    updated_at: now.toISOString(),
  });
}
