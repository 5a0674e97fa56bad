import { addDays, localDay } from '../../../shared/calendar-day.ts';
import type { Trx } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findOrganization } from '../organization/index.ts';
import { DEFAULT_PROFILE } from './supporter-profile.ts';
import { extendPause } from './supporters.repository.ts';

/**
 * After a heavy conversation the supporter takes a cool-down: no new offers for the rest of today
 * and the program's cool-down days (docs/team.md, "Looking after supporters"). It is their own
 * pause, lengthened if needed, so matching already honours it; nobody is told why. Returns the last
 * day, or null when the program has cool-downs off (0 days).
 */
export async function startCooldown(ctx: AppContext, trx: Trx, organizationId: string, personId: string): Promise<string | null> {
  const org = await findOrganization(trx, organizationId);
  const days = org?.cooldown_days ?? 3;
  if (days <= 0) return null;
  const now = ctx.clock.now();
  const until = addDays(localDay(now, org?.time_zone ?? 'UTC'), days);
  await extendPause(trx, organizationId, personId, until, now.toISOString(), DEFAULT_PROFILE);
  await appendAuditEvent(trx, {
    organizationId,
    actorPersonId: personId,
    action: 'supporter.cooldown_started',
    subjectType: 'supporter',
    subjectId: personId,
    at: now.toISOString(),
  });
  return until;
}

/** The supporter's own "I need a cool-down" from their profile. */
export async function startOwnCooldown(ctx: AppContext, actor: Actor): Promise<void> {
  const until = await ctx.db.transaction().execute((trx) => startCooldown(ctx, trx, actor.organizationId, actor.personId));
  if (until === null) throw new AppError('conflict', 'The program has no cool-down days set; pause your offers on your profile instead');
}
