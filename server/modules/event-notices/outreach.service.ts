import { createHash, randomBytes } from 'node:crypto';
import type { ReasonCategory } from '../../../shared/schemas/case-vocabulary.ts';
import type { ProfessionCategory } from '../../../shared/schemas/organization.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import * as cases from '../cases/index.ts';
import { buildMatchRequest, loadCandidatesWithEmails } from '../cases/index.ts';
import { fireCaseEvent } from '../cases/index.ts';
import { offerToNextSupporter, type PreparedMatch } from '../cases/index.ts';
import { findOrganization } from '../organization/index.ts';
import { scheduleFirstContactClocks } from '../service-levels/index.ts';
import * as repo from './event-notices.repository.ts';

/** The one-click "no thanks" link stays usable for a month; after that the page says so kindly. */
const INVITE_DAYS = 30;
/** States a "no thanks" can still end: before any conversation has happened. */
const DECLINABLE = ['new', 'offered', 'assigned', 'contacted'];

export const hashInviteToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** What matching needs of one involved person, read from the directory. */
export interface InvolvedPerson {
  id: string;
  first_name: string;
  work_email: string;
  department_id: string | null;
  category: ProfessionCategory | null;
}

export function outreachCase(
  organizationId: string,
  person: InvolvedPerson,
  reason: ReasonCategory,
  urgent: boolean,
  now: Date,
): cases.Case {
  return {
    ...cases.newCase(organizationId, 'event_outreach', now),
    reason,
    urgency: urgent ? 'today' : 'this_week',
    requester_profession_category: person.category,
    requester_department_id: person.department_id,
    requester_person_id: person.id,
    requester_first_name: person.first_name,
    contact_method: 'work_email',
    contact_value: person.work_email,
  };
}

/**
 * The matcher's reads for a batch of new outreach cases, done before the write transaction. The
 * candidates are read once for the batch; each case excludes everyone named in the event and the
 * reporter (a reporter offered the case would learn what the firewall hides).
 */
export async function prepareOutreachMatches(
  ctx: AppContext,
  db: DbOrTrx,
  organizationId: string,
  rows: cases.Case[],
  excluded: string[],
): Promise<PreparedMatch[]> {
  const now = ctx.clock.now();
  const org = await findOrganization(db, organizationId);
  const loaded = await loadCandidatesWithEmails(db, organizationId, org?.time_zone ?? 'UTC', now);
  const prepared: PreparedMatch[] = [];
  for (const row of rows) {
    const request = await buildMatchRequest(db, row, now, { unsavedCase: true });
    prepared.push({ request: { ...request, involvedPersonIds: [...new Set([...request.involvedPersonIds, ...excluded])] }, loaded });
  }
  return prepared;
}

/**
 * Inside the notice's transaction: stores each outreach case, sends its person the content-free
 * invite with a single-use "no thanks" link, and offers it to a supporter. Offers made in this batch
 * count as load for the next case, so fifty people are not all offered to the same supporter.
 * Returns the stored cases with their clocks; the caller pages for the urgent ones.
 */
export async function openOutreachCases(
  ctx: AppContext,
  trx: Trx,
  newRows: cases.Case[],
  prepared: PreparedMatch[],
  actorPersonId: string | null,
): Promise<cases.Case[]> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const expires = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  for (const row of newRows) await cases.insertCase(trx, row);
  // Each case's first-contact clock starts now, from the program's targets for event outreach.
  const rows = await scheduleFirstContactClocks(ctx, trx, newRows);
  await cases.appendCaseAuditMany(
    trx,
    rows.map((row) => ({ organizationId: row.organization_id, caseId: row.id, actorPersonId, action: 'case.created.event_outreach', at })),
  );
  // Supporters' offers first: their e-mails are queued before the invitations, so they go out first.
  for (const [i, row] of rows.entries()) {
    const match = prepared[i]!;
    const offered = await offerToNextSupporter(ctx, trx, row, match);
    const candidate = offered.offered_supporter_id
      ? match.loaded.candidates.find((c) => c.personId === offered.offered_supporter_id)
      : undefined;
    if (candidate) candidate.openCases += 1;
  }
  const invites: repo.OutreachInviteRow[] = [];
  for (const row of rows) {
    const token = randomBytes(24).toString('base64url');
    invites.push({
      token_hash: hashInviteToken(token),
      organization_id: row.organization_id,
      case_id: row.id,
      created_at: at,
      expires_at: expires,
      used_at: null,
    });
    await queueEmail(trx, {
      organizationId: row.organization_id,
      to: row.contact_value!,
      template: 'outreach_invite',
      link: `/o/${token}`,
      now,
      caseId: row.id,
    });
  }
  await repo.insertOutreachInvites(trx, invites);
  return rows;
}

// The one-click "no thanks" ---------------------------------------------------------------------

async function usableInvite(db: DbOrTrx, token: string, now: Date) {
  const invite = await repo.findOutreachInvite(db, hashInviteToken(token));
  if (!invite || invite.used_at || invite.expires_at <= now.toISOString()) return undefined;
  const row = await cases.findCase(db, invite.organization_id, invite.case_id);
  return row && DECLINABLE.includes(row.state) ? { invite, row } : undefined;
}

export async function outreachInviteIsValid(ctx: AppContext, token: string): Promise<boolean> {
  return Boolean(await usableInvite(ctx.db, token, ctx.clock.now()));
}

/**
 * "No thanks" without signing in: the link is consumed, pending offers withdrawn, and the case
 * declined through the lifecycle, whose effects send the resource sheet and tell an assigned
 * supporter. Nobody contacts the person again about it.
 */
export async function declineByInvite(ctx: AppContext, token: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const found = await usableInvite(trx, token, now);
    if (!found || !(await repo.useOutreachInvite(trx, found.invite.token_hash, now.toISOString()))) {
      throw notFound('This link is no longer valid');
    }
    await cases.withdrawPendingOffers(trx, found.row.id, now.toISOString());
    await fireCaseEvent(
      ctx,
      trx,
      found.row,
      { type: 'declined_by_requester' },
      { kind: 'requester', personId: null, audit: 'case.declined_by_link' },
    );
  });
}
