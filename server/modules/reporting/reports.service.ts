import { localDay } from '../../../shared/calendar-day.ts';
import { endedQuarters } from '../../../shared/report-periods.ts';
import { DEFAULT_MIN_COUNT, type ProgramReport, type QuarterReport } from '../../../shared/schemas/reports.ts';
import { TEAM_STATES } from '../../../shared/supporter-lifecycle.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { findOrganization } from '../organization/index.ts';
import { publishQuarter } from './publish-quarter.ts';
import { quarterCounts } from './quarter-counts.ts';
import * as repo from './reporting.repository.ts';

/**
 * The program's report (docs/reporting.md): the last four ended quarters, each suppressed on its
 * own from its counts (kept once settled), and the team today.
 */

const QUARTERS_SHOWN = 4;

export async function getProgramReport(ctx: AppContext, actor: Pick<Actor, 'organizationId'>): Promise<ProgramReport> {
  const org = await findOrganization(ctx.db, actor.organizationId);
  const k = org?.report_min_count ?? DEFAULT_MIN_COUNT;
  const timeZone = org?.time_zone ?? 'UTC';
  const now = ctx.clock.now();
  const quarters = endedQuarters(now, timeZone, QUARTERS_SHOWN);
  const departments = await repo.countDepartments(ctx.db, actor.organizationId);
  const clock = { today: localDay(now, timeZone), at: now.toISOString() };
  const reports: QuarterReport[] = [];
  // One quarter at a time: a quarter not yet kept is a handful of aggregate queries, and a pool need not serve them all at once.
  for (const q of quarters) {
    reports.push(publishQuarter(q, await quarterCounts(ctx.db, actor.organizationId, q, clock), k, departments));
  }
  const team = await repo.countTeam(ctx.db, actor.organizationId);
  const inState = (states: readonly string[]) =>
    team.states.filter((s) => states.includes(s.state)).reduce((sum, s) => sum + Number(s.n), 0);
  const onTeam = inState(TEAM_STATES);
  return {
    minCount: k,
    timeZone,
    quarters: reports,
    team: {
      staff: team.staff,
      onTeam,
      active: inState(['active']),
      inTraining: inState(['in_training']),
      staffPerSupporter: onTeam > 0 ? Math.round(team.staff / onTeam) : null,
    },
  };
}
