import { localDay } from '../../../shared/calendar-day.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import { findOrganization } from '../organization/index.ts';

/** Shared by the training files: the caller, the certification period's default, the invitee's page, the calendar title, and day arithmetic in the organisation's zone. */

export type Caller = Pick<Actor, 'organizationId' | 'personId'>;

/** Two years, as most programs certify for, unless the director chose another period. */
export const DEFAULT_CERTIFICATION_MONTHS = 24;
/** The invitee's own page: the e-mail link carries no record id (server/email/templates.ts). */
export const MY_TEAM_PAGE = '/app/team/me';
/** Calendar text says what kind of meeting it is and nothing about the program (docs/product.md, C3). */
export const INVITE_TITLE = 'Training session';

export async function todayIn(db: DbOrTrx, organizationId: string, now: Date): Promise<string> {
  const org = await findOrganization(db, organizationId);
  return localDay(now, org?.time_zone ?? 'UTC');
}

/** `day` plus whole months; a day the target month lacks becomes its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
