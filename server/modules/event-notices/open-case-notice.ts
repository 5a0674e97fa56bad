import { HELD_STATES, isOpen } from '../../../shared/case-workflow.ts';
import type { CaseState } from '../../../shared/schemas/case-vocabulary.ts';
import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';
import * as cases from '../cases/index.ts';
import { fireCaseEvent } from '../cases/index.ts';
import { alertAdministrators, shortenPendingOfferWindow } from '../cases/index.ts';
import { awaitsFirstContact } from '../service-levels/index.ts';
import { hastenFirstContactClock } from '../service-levels/index.ts';
import * as repo from './event-notices.repository.ts';

/** A new notice as it bears on a case its person already had open. */
export interface NoticeOnOpenCase {
  urgent: boolean;
  /** Everyone named in the notice and whoever filed it: none of them may support this person now. */
  conflicted: ReadonlySet<string>;
  actorPersonId: string | null;
}

/**
 * What a new notice changes for a case its person already had open, in the notice's transaction and
 * after the notice is attached to the case (so matching's exclusions include it):
 *
 * - An urgent notice makes a `this_week` case `today`. A pending offer that stays ends within an
 *   urgent offer's window from now. If nobody has reached the person in this round, the first-contact
 *   clock of the new urgency, counted from now, replaces the stored one when it runs out sooner, and
 *   a case nobody holds yet needs the urgent path (the caller pages).
 * - A pending offer held by someone named in the notice, or by its reporter, is withdrawn and the
 *   case offered again without everyone in any of its events. A supporter who already holds the case
 *   is not moved silently: the administrators are alerted and reassign from the case board.
 *
 * Returns the case as it now stands, and whether it needs paging (null: the case has closed meanwhile).
 */
export async function applyNoticeToOpenCase(
  ctx: AppContext,
  trx: Trx,
  caseId: string,
  organizationId: string,
  notice: NoticeOnOpenCase,
): Promise<{ row: cases.Case; page: boolean } | null> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  // Offer rows before the case row, the order an accept takes them in (else the two deadlock on
  // PostgreSQL); an accept already under way commits first, and the case is read after it.
  await cases.lockPendingOffersOfCase(trx, ctx.engine, caseId);
  // Read again inside the transaction: the case may have moved since the notice's reads.
  let row = await cases.findCase(trx, organizationId, caseId);
  if (!row || !isOpen(row.state)) return null;
  const audit = (action: string) => cases.appendCaseAudit(trx, { organizationId, caseId, actorPersonId: notice.actorPersonId, action, at });
  let page = false;

  if (notice.urgent && row.urgency === 'this_week' && (await repo.raiseCaseUrgency(trx, caseId, at))) {
    row = { ...row, urgency: 'today', updated_at: at };
    await audit('case.urgency_raised');
    // An offer that stays (its holder is not in the event) gets an urgent offer's answer window.
    if (row.offered_supporter_id && !notice.conflicted.has(row.offered_supporter_id)) await shortenPendingOfferWindow(ctx, trx, row);
    if (await awaitsFirstContact(trx, row)) {
      row = await hastenFirstContactClock(ctx, trx, row);
      page = row.assigned_supporter_id === null;
    }
  }

  const offeredTo = row.state === 'offered' ? row.offered_supporter_id : null;
  if (offeredTo && notice.conflicted.has(offeredTo)) {
    if (await repo.withdrawPendingOfferOf(trx, caseId, offeredTo, at)) {
      // The workflow's "offer ended unanswered" transition (offered → new, matching continues); the
      // offer row and the audit say it was withdrawn. The cascade skips everyone offered this round.
      const back = await fireCaseEvent(
        ctx,
        trx,
        row,
        { type: 'offer_expired', supporterId: offeredTo },
        { kind: 'system', personId: notice.actorPersonId, audit: 'case.offer_withdrawn' },
      );
      return { row: back, page };
    }
    // Accepted (or otherwise answered) at this very moment: the case is theirs now, see below.
    row = (await cases.findCase(trx, organizationId, caseId)) ?? row;
    page = page && row.assigned_supporter_id === null;
  }
  if (
    row.assigned_supporter_id &&
    (HELD_STATES as readonly CaseState[]).includes(row.state) &&
    notice.conflicted.has(row.assigned_supporter_id)
  ) {
    await audit('case.supporter_involved_in_event');
    await alertAdministrators(ctx, trx, organizationId);
  }
  return { row, page };
}
