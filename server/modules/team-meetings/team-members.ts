import { TEAM_STATES, type SupporterState } from '../../../shared/supporter-lifecycle.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { toBool } from '../../db/values.ts';
import { listTeamAndProgramPeople } from './team-meetings.repository.ts';

/** The page a meeting e-mail links to: the person's own team page (the link carries no record id). */
export const MY_TEAM_PAGE = '/app/team/me';

type PersonRow = Awaited<ReturnType<typeof listTeamAndProgramPeople>>[number];

/** On the team: certified, active or on a break; or holding the supporter role with no journey yet (shown as active). */
export function teamStateOf(row: Pick<PersonRow, 'status' | 'holds_supporter_role'>): SupporterState | null {
  if (row.status === null) return toBool(row.holds_supporter_role) ? 'active' : null;
  return (TEAM_STATES as readonly SupporterState[]).includes(row.status) ? row.status : null;
}

/** Everyone on the team now: the people every meeting is for. */
export async function teamMembers(db: DbOrTrx, organizationId: string) {
  return (await listTeamAndProgramPeople(db, organizationId)).flatMap((row) => {
    const state = teamStateOf(row);
    return state ? [{ ...row, state }] : [];
  });
}
