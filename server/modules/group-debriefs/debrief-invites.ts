import { createHash, randomBytes } from 'node:crypto';
import type { Trx } from '../../db/database.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { EmailTemplate } from '../../email/templates.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { getConversationSettings } from '../conversations/index.ts';
import { buildInvite, inviteOrganizer, isNeutralInviteText } from '../scheduling/index.ts';
import * as repo from './group-debriefs.repository.ts';

/**
 * The e-mails and calendar files of group debriefs. Each e-mail is content-free ("something is
 * coming up" / "something has changed") and carries a link of its own; the link answers the person's
 * invite as it stands now: the debrief's one UID, its current SEQUENCE, and METHOD:CANCEL once the
 * debrief is cancelled or the person was taken off the list. Only the token's hash is stored, so each
 * new e-mail carries a new token and the person's earlier link stops working.
 */

export const hashDebriefToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface DebriefLink {
  token: string;
  hash: string;
}

export function newDebriefLink(): DebriefLink {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashDebriefToken(token) };
}

/** New invite: "something coming up"; an update or a cancellation: "something you follow has changed". */
export async function mailDebriefLink(
  trx: Trx,
  organizationId: string,
  to: string,
  token: string,
  template: Extract<EmailTemplate, 'reminder' | 'case_update'>,
  now: Date,
): Promise<void> {
  await queueEmail(trx, { organizationId, to, template, link: `/api/public/debrief-invites/${token}`, now });
}

/** For a video debrief: a link from the program's pattern (as conversations do), none without one. */
export async function videoLinkFor(trx: Trx, organizationId: string): Promise<string | null> {
  const { videoLinkPattern } = await getConversationSettings(trx, organizationId);
  return videoLinkPattern ? videoLinkPattern.replaceAll('{token}', randomBytes(12).toString('hex')) : null;
}

/** The calendar invite behind an e-mail's link: the program's neutral title, a time, a video link at most. */
export async function debriefInvite(ctx: AppContext, token: string): Promise<string> {
  const invite = await repo.findInviteByTokenHash(ctx.db, hashDebriefToken(token));
  if (!invite) throw notFound();
  const { conversationTitle } = await getConversationSettings(ctx.db, invite.organization_id);
  const start = new Date(invite.starts_at);
  return buildInvite({
    uid: invite.ics_uid,
    start,
    end: new Date(start.getTime() + Number(invite.minutes) * 60_000),
    title: conversationTitle,
    location: invite.modality === 'video' && invite.video_link ? invite.video_link : undefined,
    organizerEmail: inviteOrganizer(ctx.config.smtpFrom),
    attendeeEmail: isNeutralInviteText(invite.work_email) ? invite.work_email : undefined,
    sequence: Number(invite.sequence),
    cancelled: invite.status === 'cancelled' || invite.removed_at !== null,
    now: ctx.clock.now(),
  });
}
