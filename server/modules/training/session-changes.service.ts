import type { TrainingSessionChange, TrainingSessionPatch } from '../../../shared/schemas/training.ts';
import { parseJsonArray, toBool } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import * as repo from './training.repository.ts';
import { type Caller, MY_TEAM_PAGE } from './training-common.ts';
import { checkSessionFields, type SessionFields } from './session-fields.ts';
import { requireSession } from './sessions.service.ts';

/**
 * Changing a training session: a reschedule, another room or link, facilitator, number of places or
 * modules (docs/team.md). Like a conversation's reschedule, the invite keeps its UID and the change
 * raises its SEQUENCE, so an invitee's calendar file updates the entry they already have. Only a new
 * time or place is news to the invitees: then each of them whose account is active gets the neutral
 * "a session you were invited to has changed" e-mail; other places, facilitator or modules tell nobody.
 */

/** The details that are in an invitee's calendar file. */
const CALENDAR_FIELDS: readonly (keyof SessionFields)[] = ['starts_at', 'ends_at', 'modality', 'place', 'video_link'];

/** Column → the body's field, for the audit row's detail. */
const FIELD_NAMES: Record<keyof SessionFields, string> = {
  starts_at: 'startsAt',
  ends_at: 'endsAt',
  modality: 'modality',
  place: 'place',
  video_link: 'videoLink',
  facilitator_person_id: 'facilitatorId',
  capacity: 'capacity',
  module_keys: 'moduleKeys',
};

/**
 * Applies the fields given over what the session has, and checks the result as a whole by the rules
 * of scheduling one; the places may not drop below the people invited, nor the modules leave out one
 * that someone's attendance was recorded for (that record would lose its session).
 */
export async function changeSession(
  ctx: AppContext,
  actor: Caller,
  sessionId: string,
  patch: TrainingSessionPatch,
): Promise<TrainingSessionChange> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const org = actor.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockSession(trx, ctx.engine, org, sessionId);
    const session = await requireSession(trx, org, sessionId);
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled');
    const moduleKeys = parseJsonArray<string>(session.module_keys);
    const fields = await checkSessionFields(
      ctx,
      trx,
      org,
      {
        startsAt: patch.startsAt ?? session.starts_at,
        endsAt: patch.endsAt ?? session.ends_at,
        modality: patch.modality ?? session.modality,
        place: patch.place !== undefined ? patch.place : session.place,
        videoLink: patch.videoLink !== undefined ? patch.videoLink : session.video_link,
        facilitatorId: patch.facilitatorId ?? session.facilitator_person_id,
        capacity: patch.capacity ?? Number(session.capacity),
        moduleKeys: patch.moduleKeys ?? moduleKeys,
      },
      { moduleKeys, facilitatorId: session.facilitator_person_id },
    );
    const invitees = await repo.listInvitations(trx, org, [sessionId]);
    if (fields.capacity < invitees.length) {
      throw invalid(
        'body.capacity',
        `${invitees.length} ${invitees.length === 1 ? 'person is' : 'people are'} invited already: keep at least as many places`,
      );
    }
    const keys = new Set(parseJsonArray<string>(fields.module_keys));
    if ((await repo.attendedModulesOfSession(trx, org, sessionId)).some((k) => !keys.has(k))) {
      throw invalid('body.moduleKeys', 'Attendance was recorded for a module left out here: it stays');
    }

    const changed = (Object.keys(FIELD_NAMES) as (keyof SessionFields)[]).filter((k) => String(fields[k]) !== String(session[k]));
    const sequence = Number(session.sequence);
    if (changed.length === 0) return { id: sessionId, sequence, notified: 0 };
    if (!(await repo.updateSessionIfSequence(trx, org, sessionId, sequence, { ...fields, sequence: sequence + 1, updated_at: at }))) {
      throw new AppError('conflict', 'This session has changed in the meantime; reload to see where it stands');
    }

    let notified = 0;
    if (changed.some((k) => CALENDAR_FIELDS.includes(k))) {
      for (const invitee of invitees) {
        if (!toBool(invitee.active)) continue;
        await queueEmail(trx, { organizationId: org, to: invitee.work_email, template: 'session_changed', link: MY_TEAM_PAGE, now });
        notified += 1;
      }
    }
    await appendAuditEvent(trx, {
      organizationId: org,
      actorPersonId: actor.personId,
      action: 'training.session_updated',
      subjectType: 'training_session',
      subjectId: sessionId,
      at,
      detail: changed.map((k) => FIELD_NAMES[k]).join(','),
    });
    return { id: sessionId, sequence: sequence + 1, notified };
  });
}
