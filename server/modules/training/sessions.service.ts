import type { TrainingSessionInput } from '../../../shared/schemas/training.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { newId, parseJsonArray, toBool } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { newInviteUid } from '../scheduling/index.ts';
import * as repo from './training.repository.ts';
import { type Caller, MY_TEAM_PAGE } from './training-common.ts';
import { checkSessionFields, requirePersonOf } from './session-fields.ts';
import { applyCertificationRule } from './certification-rule.ts';

/**
 * Training sessions: creating one, inviting people (a neutral e-mail and calendar file), cancelling,
 * and recording attendance per module, which may complete a trainee's certification (docs/team.md).
 * Changing a session is in session-changes.service.ts.
 */

// ---------------------------------------------------------------------------------------------
// Sessions, invitations, attendance

export async function createSession(ctx: AppContext, actor: Caller, input: TrainingSessionInput): Promise<{ id: string }> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const fields = await checkSessionFields(ctx, trx, actor.organizationId, input);
    const id = newId();
    await repo.insertSession(trx, {
      id,
      organization_id: actor.organizationId,
      ...fields,
      status: 'scheduled',
      ics_uid: newInviteUid(),
      sequence: 0,
      created_by: actor.personId,
      created_at: at,
      updated_at: at,
    });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.session_created',
      subjectType: 'training_session',
      subjectId: id,
      at,
    });
    return { id };
  });
}

export async function requireSession(db: DbOrTrx, organizationId: string, id: string) {
  const session = await repo.findSession(db, organizationId, id);
  if (!session) throw notFound();
  return session;
}

/** Invites people (trainees, or anyone for a refresher); each new invitee gets a neutral e-mail. Returns how many were new. */
export async function invite(ctx: AppContext, actor: Caller, sessionId: string, personIds: string[]): Promise<{ invited: number }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockSession(trx, ctx.engine, actor.organizationId, sessionId);
    const session = await requireSession(trx, actor.organizationId, sessionId);
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled');
    const ids = [...new Set(personIds)];
    const people = [];
    for (const id of ids) people.push(await requirePersonOf(trx, actor.organizationId, id, 'body.personIds'));
    const already = await repo.listInvitations(trx, actor.organizationId, [sessionId]);
    const newcomers = people.filter((p) => !already.some((a) => a.person_id === p.id));
    if (already.length + newcomers.length > Number(session.capacity)) {
      throw invalid('body.personIds', `The session has room for ${session.capacity}`);
    }
    let invited = 0;
    for (const person of newcomers) {
      if (
        !(await repo.insertInvitationIfNew(trx, {
          session_id: sessionId,
          person_id: person.id,
          organization_id: actor.organizationId,
          invited_at: at,
        }))
      )
        continue;
      invited += 1;
      await queueEmail(trx, {
        organizationId: actor.organizationId,
        to: person.workEmail,
        template: 'session_invitation',
        link: MY_TEAM_PAGE,
        now,
      });
      await appendAuditEvent(trx, {
        organizationId: actor.organizationId,
        actorPersonId: actor.personId,
        action: 'training.invited',
        subjectType: 'training_session',
        subjectId: sessionId,
        at,
        detail: person.id,
      });
    }
    return { invited };
  });
}

/** Cancels a session; every invitee is told (a neutral e-mail) and their calendar file turns into a cancellation. */
export async function cancelSession(ctx: AppContext, actor: Caller, sessionId: string): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await requireSession(trx, actor.organizationId, sessionId);
    if (!(await repo.cancelSession(trx, actor.organizationId, sessionId, at)))
      throw new AppError('conflict', 'This session was cancelled already');
    for (const invitee of await repo.listInvitations(trx, actor.organizationId, [sessionId])) {
      if (!toBool(invitee.active)) continue;
      await queueEmail(trx, {
        organizationId: actor.organizationId,
        to: invitee.work_email,
        template: 'session_cancelled',
        link: MY_TEAM_PAGE,
        now,
      });
    }
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.session_cancelled',
      subjectType: 'training_session',
      subjectId: sessionId,
      at,
    });
  });
}

/** Records which of the session's modules an invitee attended, then applies the certification rule. */
export async function recordAttendance(
  ctx: AppContext,
  actor: Caller,
  sessionId: string,
  input: { personId: string; moduleKeys: string[] },
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockSession(trx, ctx.engine, actor.organizationId, sessionId);
    const session = await requireSession(trx, actor.organizationId, sessionId);
    if (!(await repo.findInvitation(trx, actor.organizationId, sessionId, input.personId))) {
      throw invalid('body.personId', 'Not invited to this session');
    }
    const covered = new Set(parseJsonArray<string>(session.module_keys));
    const keys = [...new Set(input.moduleKeys)];
    if (keys.some((k) => !covered.has(k))) throw invalid('body.moduleKeys', 'Not a module of this session');
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled');
    await repo.replaceAttendance(trx, actor.organizationId, sessionId, input.personId, keys, actor.personId, at);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.attendance_recorded',
      subjectType: 'supporter',
      subjectId: input.personId,
      at,
      detail: keys.join(','),
    });
    await applyCertificationRule(ctx, trx, actor.organizationId, input.personId);
  });
}
