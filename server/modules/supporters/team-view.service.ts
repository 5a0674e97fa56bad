import { addDays, localDay } from '../../../shared/calendar-day.ts';
import type { TeamView } from '../../../shared/schemas/team.ts';
import {
  allowedSupporterEvents,
  isOnDuty,
  SUPPORTER_STATES,
  TEAM_STATES,
  type SupporterState,
} from '../../../shared/supporter-lifecycle.ts';
import { toBool } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { findOrganization } from '../organization/index.ts';
import { listJourneys } from './journey.repository.ts';

/** Certifications ending within this many days are shown as lapsing soon (the first refresher reminder). */
export const LAPSING_SOON_DAYS = 60;

/**
 * The director's view of the team: how many people are at each stage, everyone past their own
 * "yes", and who lapses soon. Someone merely nominated is a number, never a name: they have not said
 * whether they are interested, and a "no" must leave nothing behind (docs/team.md).
 */
export async function getTeam(ctx: AppContext, actor: Actor): Promise<TeamView> {
  const org = await findOrganization(ctx.db, actor.organizationId);
  const today = localDay(ctx.clock.now(), org?.time_zone ?? 'UTC');
  const rows = (await listJourneys(ctx.db, actor.organizationId))
    .filter((r) => toBool(r.person_active))
    .map((r) => ({ ...r, status: r.status ?? ('active' as const) }));
  const counts = Object.fromEntries(SUPPORTER_STATES.map((s) => [s, 0])) as Record<SupporterState, number>;
  for (const row of rows) counts[row.status] += 1;
  const named = rows.filter((r) => r.status !== 'nominated');
  const soon = addDays(today, LAPSING_SOON_DAYS);
  return {
    today,
    counts,
    members: named.map((r) => {
      const snapshot = { state: r.status, certifiedUntil: r.certified_until };
      return {
        personId: r.person_id,
        firstName: r.first_name,
        lastName: r.last_name,
        profession: r.profession_name ?? null,
        department: r.department_name ?? null,
        state: r.status,
        stateSince: r.state_since ?? null,
        certifiedUntil: r.certified_until,
        nominations: Number(r.nominations ?? 0),
        onDuty: isOnDuty(snapshot, today),
        allowedEvents: allowedSupporterEvents(snapshot, 'director', today),
      };
    }),
    lapsingSoon: named
      .filter(
        (r) => (TEAM_STATES as readonly SupporterState[]).includes(r.status) && r.certified_until !== null && r.certified_until <= soon,
      )
      .sort((a, b) => a.certified_until!.localeCompare(b.certified_until!))
      .map((r) => ({ personId: r.person_id, firstName: r.first_name, lastName: r.last_name, certifiedUntil: r.certified_until! })),
  };
}
