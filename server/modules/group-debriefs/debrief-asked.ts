import type { GroupDebriefInput } from '../../../shared/schemas/group-debriefs.ts';
import { toBool } from '../../db/values.ts';
import type { AppContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import * as repo from './group-debriefs.repository.ts';

export interface Asked {
  role: 'facilitator' | 'invitee';
  email: string;
}

/** A little slack for a clock that runs behind; a debrief is (re)scheduled for now or later. */
const PAST_SKEW_MS = 5 * 60_000;

export function checkStart(now: Date, startsAt: string): Date {
  const start = new Date(startsAt);
  if (start.getTime() < now.getTime() - PAST_SKEW_MS) throw invalid('body.startsAt', 'A debrief is scheduled for now or later');
  return start;
}

/**
 * Who a schedule or change asks, by person id: facilitators are active supporters not involved in
 * the event; invitees are the notice's staff (by id, or all of them) or anyone active in the
 * directory by work e-mail. Refuses by field, before anything is written.
 */
export async function resolveAsked(
  ctx: AppContext,
  organizationId: string,
  noticeId: string,
  input: GroupDebriefInput,
): Promise<Map<string, Asked>> {
  const inviteeIds = input.invitees.flatMap((e) => ('personId' in e ? [e.personId] : []));
  const inviteeEmails = input.invitees.flatMap((e) => ('workEmail' in e ? [e.workEmail] : []));
  const people = await repo.findPeople(ctx.db, organizationId, [...input.facilitators, ...inviteeIds], inviteeEmails);
  const byId = new Map(people.map((p) => [p.id, p]));
  const byEmail = new Map(people.map((p) => [p.work_email, p]));
  const involved = await repo.involvedPersonIds(ctx.db, organizationId, noticeId);

  const asked = new Map<string, Asked>();
  input.facilitators.forEach((id, i) => {
    const p = byId.get(id);
    if (!p || !toBool(p.active) || !toBool(p.is_supporter)) throw invalid(`body.facilitators.${i}`, 'Choose an active supporter');
    // A supporter involved in the event is there to be supported, not to facilitate.
    if (involved.has(id)) throw invalid(`body.facilitators.${i}`, 'This supporter was involved in the event');
    if (asked.has(id)) throw invalid(`body.facilitators.${i}`, 'Already chosen');
    asked.set(id, { role: 'facilitator', email: p.work_email });
  });
  input.invitees.forEach((entry, i) => {
    const field = 'personId' in entry ? 'personId' : 'workEmail';
    const path = `body.invitees.${i}.${field}`;
    const p = 'personId' in entry ? byId.get(entry.personId) : byEmail.get(entry.workEmail);
    if (!p || !toBool(p.active))
      throw invalid(
        path,
        field === 'workEmail' ? 'No one in the staff directory has this work e-mail' : 'No one in the staff directory has this id',
      );
    // By id only the notice's own involved staff; anyone else is invited by work e-mail.
    if ('personId' in entry && !involved.has(p.id)) throw invalid(path, 'Not one of the staff named in this notice');
    if (asked.has(p.id)) throw invalid(path, 'Already invited');
    asked.set(p.id, { role: 'invitee', email: p.work_email });
  });
  if (input.inviteNamedStaff) {
    const named = await repo.findPeople(ctx.db, organizationId, [...involved], []);
    for (const p of named) if (toBool(p.active) && !asked.has(p.id)) asked.set(p.id, { role: 'invitee', email: p.work_email });
  }
  if (![...asked.values()].some((who) => who.role === 'invitee')) throw invalid('body.invitees', 'Invite at least one person');
  return asked;
}
