import type { DbOrTrx, Trx } from '../../db/database.ts';

/** The queries that erase a group debrief's invite list (docs/decisions/007). */

const INVITE_LINK_PREFIX = '/api/public/debrief-invites/';

/**
 * Debriefs of an organisation whose invite list is not erased yet and that began at or before
 * `startedBy`, oldest first (the caller checks the end: start + length, or the cancellation).
 */
export function listDebriefsStartedBy(db: DbOrTrx, organizationId: string, startedBy: string, limit: number) {
  return db
    .selectFrom('group_debriefs')
    .select(['id', 'starts_at', 'minutes', 'status', 'cancelled_at'])
    .where('organization_id', '=', organizationId)
    .where('invite_list_erased_at', 'is', null)
    .where((eb) => eb.or([eb('starts_at', '<=', startedBy), eb('cancelled_at', '<=', startedBy)]))
    .orderBy('starts_at')
    .limit(limit)
    .execute();
}

export function findDebriefForErasure(trx: Trx, debriefId: string) {
  return trx
    .selectFrom('group_debriefs')
    .select(['id', 'organization_id', 'notice_id', 'starts_at', 'minutes', 'status', 'cancelled_at', 'invite_list_erased_at'])
    .where('id', '=', debriefId)
    .executeTakeFirst();
}

/** Everyone ever asked as an invitee (taken off the list or not), with whether the notice named them. */
export function listInvitees(trx: Trx, organizationId: string, debriefId: string, noticeId: string) {
  return trx
    .selectFrom('group_debrief_people')
    .innerJoin('people', 'people.id', 'group_debrief_people.person_id')
    .select((eb) => [
      'people.work_email',
      'group_debrief_people.removed_at',
      eb
        .exists(
          eb
            .selectFrom('event_notice_people')
            .select('event_notice_people.person_id')
            .whereRef('event_notice_people.person_id', '=', 'group_debrief_people.person_id')
            .where('event_notice_people.notice_id', '=', noticeId),
        )
        .as('named'),
    ])
    .where('group_debrief_people.organization_id', '=', organizationId)
    .where('group_debrief_people.debrief_id', '=', debriefId)
    .where('group_debrief_people.role', '=', 'invitee')
    .execute();
}

/**
 * Marks the list erased with the counts it had, once: a second eraser (another instance) or a
 * change that landed in between makes this a no-op (false).
 */
export async function markInviteListErased(trx: Trx, debriefId: string, invitees: number, named: number, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('group_debriefs')
    .set({ invite_list_erased_at: at, erased_invitee_count: invitees, erased_named_invitee_count: named, updated_at: at })
    .where('id', '=', debriefId)
    .where('invite_list_erased_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteInvitees(trx: Trx, debriefId: string): Promise<void> {
  await trx.deleteFrom('group_debrief_people').where('debrief_id', '=', debriefId).where('role', '=', 'invitee').execute();
}

/**
 * The debrief-link e-mails (invite, update, cancellation) sent to these addresses. A link holds the
 * recipient's token; a change or a cancellation issues a new one, so older e-mails carry tokens no
 * invite row holds any more.
 */
export function listDebriefLinkMailTo(trx: Trx, organizationId: string, addresses: string[]) {
  return trx
    .selectFrom('email_outbox')
    .select(['id', 'link', 'status'])
    .where('organization_id', '=', organizationId)
    .where('to_address', 'in', addresses.length ? addresses : [''])
    .where('link', 'like', `${INVITE_LINK_PREFIX}%`)
    .execute();
}

export function tokenOfInviteLink(link: string): string {
  return link.slice(INVITE_LINK_PREFIX.length);
}

/** Of these token hashes, the ones that open another debrief's invite now (those e-mails stay). */
export async function liveHashesOfOtherDebriefs(trx: Trx, debriefId: string, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await trx
    .selectFrom('group_debrief_people')
    .select('invite_token_hash')
    .where('invite_token_hash', 'in', hashes)
    .where('debrief_id', '!=', debriefId)
    .execute();
  return new Set(rows.map((r) => r.invite_token_hash));
}

export async function deleteMail(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length) await trx.deleteFrom('email_outbox').where('id', 'in', ids).execute();
}
