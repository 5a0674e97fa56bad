import { localDay } from '../../../shared/calendar-day.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import { findOrganization } from '../organization/index.ts';

/** Shared by the training files: the caller, the certification period's default, the invitee's page, the calendar title, the organisation's zone and day arithmetic in it. */

export type Caller = Pick<Actor, 'organizationId' | 'personId'>;

/** Two years, as most programs certify for, unless the director chose another period. */
export const DEFAULT_CERTIFICATION_MONTHS = 24;
/** The invitee's own page: the e-mail link carries no record id (server/email/templates.ts). */
export const MY_TEAM_PAGE = '/app/team/me';
/** Calendar text says what kind of meeting it is and nothing about the program (docs/product.md, C3). */
export const INVITE_TITLE = 'Training session';

/** The organisation's time zone: session times are entered and shown in it, whatever the browser's. */
export async function timeZoneOf(db: DbOrTrx, organizationId: string): Promise<string> {
  return (await findOrganization(db, organizationId))?.time_zone ?? 'UTC';
}

export async function todayIn(db: DbOrTrx, organizationId: string, now: Date): Promise<string> {
  return localDay(now, await timeZoneOf(db, organizationId));
}

export { addMonths } from '../../../shared/calendar-day.ts';
