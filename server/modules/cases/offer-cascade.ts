import type { DbOrTrx, Trx } from '../../db/database.ts';
import { newId } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import { retirePendingJobs } from '../../jobs/jobs.repository.ts';
import type { EmailTemplate } from '../../email/templates.ts';
import type { AppContext } from '../../lib/context.ts';
import { hardRuleViolation, matchSupporters } from '../matching/index.ts';
import { findOrganization } from '../organization/index.ts';
import { activeEmailsWithRoles } from '../people/index.ts';
import type { CaseSubscriber } from './case-events.ts';
import { applyCaseEvent } from './case-transition.ts';
import type { Case } from './case.ts';
import * as repo from './cases.repository.ts';
import { offerExpiryDedupeKey, offerExpiryJob } from './offer-expiry.job.ts';
import { buildMatchRequest, loadCandidatesWithEmails, type LoadedCandidates } from './match-input.ts';
import type { MatchRequest } from '../matching/index.ts';

const HOUR = 3_600_000;
/** How long a supporter has to answer an offer: 4 h, or 30 min when the requester needs someone today. */
export function offerWindowMs(urgency: string): number {
  return urgency === 'today' ? HOUR / 2 : 4 * HOUR;
}

/** A content-free message to a person about a case (the case id goes on the outbox row, for erasure). */
export async function emailPerson(
  ctx: AppContext,
  trx: Trx,
  row: Case,
  personId: string,
  template: EmailTemplate,
  link: string,
  knownEmail?: string,
) {
  const to = knownEmail ?? (await repo.workEmailOfPerson(trx, row.organization_id, personId));
  if (to) await queueEmail(trx, { organizationId: row.organization_id, to, template, link, now: ctx.clock.now(), caseId: row.id });
}

/** The program administrators (and director) hear when a request has nobody to go to. */
export async function alertAdministrators(ctx: AppContext, trx: Trx, organizationId: string, caseId: string | null = null) {
  for (const to of await activeEmailsWithRoles(trx, organizationId, ['program_admin', 'program_director'])) {
    await queueEmail(trx, { organizationId, to, template: 'attention_needed', link: '/app', now: ctx.clock.now(), caseId });
  }
}

/**
 * Offers the case to the best supporter the matcher finds among those not yet asked, with a window
 * to answer (a job expires it), and tells them by a content-free e-mail. With nobody left, the case
 * stays `new` and the administrators are alerted.
 */
export async function offerToNextSupporter(ctx: AppContext, trx: Trx, row: Case, prepared?: PreparedMatch): Promise<Case> {
  const now = ctx.clock.now();
  const { request, loaded } = prepared ?? (await prepareMatch(ctx, trx, row));
  const result = matchSupporters(request, loaded.candidates);
  if (!result.best) {
    await repo.appendCaseAudit(trx, {
      organizationId: row.organization_id,
      caseId: row.id,
      actorPersonId: null,
      action: 'case.no_supporter_available',
      at: now.toISOString(),
    });
    await alertAdministrators(ctx, trx, row.organization_id, row.id);
    return row;
  }
  const supporterId = result.best.personId;
  return makeOffer(ctx, trx, row, supporterId, result.best.reasons, { relaxed_rules: result.relaxed }, loaded.emails.get(supporterId));
}

/**
 * Writes one offer: the offer row, the case's `offer_made` transition (compare-and-set), the job that
 * expires it when the window ends (4 h, or 30 min when urgent), the audit entry and the supporter's
 * content-free e-mail — all in the caller's transaction.
 */
async function makeOffer(
  ctx: AppContext,
  trx: Trx,
  row: Case,
  supporterId: string,
  reasons: readonly { code: string; text: string }[],
  extra: Partial<Case> = {},
  supporterEmail?: string,
): Promise<Case> {
  const now = ctx.clock.now();
  const offer: repo.OfferRow = {
    id: newId(),
    organization_id: row.organization_id,
    case_id: row.id,
    supporter_id: supporterId,
    status: 'pending',
    decline_reason: null,
    match_reasons: JSON.stringify(reasons),
    offered_at: now.toISOString(),
    expires_at: new Date(now.getTime() + offerWindowMs(row.urgency)).toISOString(),
    responded_at: null,
  };
  await repo.insertOffer(trx, offer);
  const { row: offered } = await applyCaseEvent(trx, row, { type: 'offer_made', supporterId }, 'system', now, extra);
  await offerExpiryJob.enqueue(
    trx,
    { offerId: offer.id },
    { runAt: new Date(offer.expires_at), dedupeKey: offerExpiryDedupeKey(offer.id), now },
  );
  await repo.appendCaseAudit(trx, {
    organizationId: row.organization_id,
    caseId: row.id,
    actorPersonId: null,
    action: 'case.offered',
    at: now.toISOString(),
  });
  await emailPerson(ctx, trx, row, supporterId, 'new_offer', '/app/offers', supporterEmail);
  return offered;
}

/**
 * The case has just become urgent (an urgent event notice about its person): its pending offer ends
 * no later than an urgent offer's window from now, never later than it already did. The expiry job
 * moves with it: a new one keyed by the new end is queued (a fresh key, so it exists whatever state
 * the old job is in), and the old one is retired. Should the old one run anyway (a runner held it
 * already), expireOffer finds the window not over, or the offer answered, and does nothing.
 */
export async function shortenPendingOfferWindow(ctx: AppContext, trx: Trx, row: Case): Promise<void> {
  if (row.state !== 'offered' || !row.offered_supporter_id) return;
  const now = ctx.clock.now();
  const offer = await repo.findPendingOfferOfCase(trx, row.id, row.offered_supporter_id);
  const end = new Date(now.getTime() + offerWindowMs(row.urgency)).toISOString();
  if (!offer || offer.expires_at <= end || !(await repo.moveOfferExpiry(trx, offer.id, offer.expires_at, end))) return;
  await retirePendingJobs(trx, [offerExpiryDedupeKey(offer.id), offerExpiryDedupeKey(offer.id, offer.expires_at)], now);
  await offerExpiryJob.enqueue(trx, { offerId: offer.id }, { runAt: new Date(end), dedupeKey: offerExpiryDedupeKey(offer.id, end), now });
}

/** Everything matching reads for one case: the request (requester facts, reporting line) and the candidates. */
export interface PreparedMatch {
  request: MatchRequest;
  loaded: LoadedCandidates;
}

/**
 * The matcher's reads. Intake does them before its write transaction (`unsavedCase`), so on SQLite
 * the single writer is not held through them and on PostgreSQL they are not round trips inside
 * the transaction. That is safe: a brand-new case has no offers yet, and the case's state is
 * protected by applyCaseEvent's compare-and-set; a supporter changed in the few milliseconds
 * between the read and the commit is the same window PostgreSQL's read-committed reads always had.
 */
export async function prepareMatch(
  ctx: AppContext,
  db: DbOrTrx,
  row: Case,
  options: { unsavedCase?: boolean; timeZone?: string } = {},
): Promise<PreparedMatch> {
  const now = ctx.clock.now();
  const timeZone = options.timeZone ?? (await findOrganization(db, row.organization_id))?.time_zone ?? 'UTC';
  const request = await buildMatchRequest(db, row, now, options);
  const loaded = await loadCandidatesWithEmails(db, row.organization_id, timeZone, now);
  return { request, loaded };
}

/**
 * Someone coming back usually wants the same peer (the table's `preferSupporterId`): they get the
 * offer first when the matcher's hard rules still allow them (active, certified, capacity left, not
 * paused…). Returns null when they do not, and the caller falls back to the matcher.
 */
export async function offerToPreviousSupporter(ctx: AppContext, trx: Trx, row: Case, supporterId: string): Promise<Case | null> {
  const { request, loaded } = await prepareMatch(ctx, trx, row);
  const candidate = loaded.candidates.find((c) => c.personId === supporterId);
  if (!candidate || hardRuleViolation(request, candidate) !== null) return null;
  return offerToChosenSupporter(ctx, trx, row, supporterId, [
    { code: 'previous_supporter', text: 'You supported this person before, and they asked to talk again' },
  ]);
}

/**
 * Directory mode: the first offer goes to the supporter the requester chose (the caller has checked
 * the matcher's hard rules), with the same window and expiry job as any offer. A decline or silence
 * then hands the case to the matcher, which skips everyone already offered it.
 */
export async function offerToChosenSupporter(
  ctx: AppContext,
  trx: Trx,
  row: Case,
  supporterId: string,
  reasons: readonly { code: string; text: string }[] = [
    { code: 'chosen_by_requester', text: 'The requester chose you from the supporter directory' },
  ],
): Promise<Case> {
  return makeOffer(ctx, trx, row, supporterId, reasons);
}

/**
 * The cases module's own part in what follows a case event (server/modules/cases/case-events.ts):
 * the offer cascade and the content-free "something changed" e-mails.
 */
export const offerCascadeSubscriber: CaseSubscriber = {
  effects: {
    start_offer_cascade: async (ctx, trx, row, effect) =>
      (effect.preferSupporterId && (await offerToPreviousSupporter(ctx, trx, row, effect.preferSupporterId))) ||
      (await offerToNextSupporter(ctx, trx, row)),
    notify: async (ctx, trx, row, effect) => {
      if (effect.who === 'administrator') await alertAdministrators(ctx, trx, row.organization_id, row.id);
      else if (effect.who === 'supporter') await emailPerson(ctx, trx, row, effect.supporterId, 'case_update', '/app/cases');
      else if (row.requester_person_id) await emailPerson(ctx, trx, row, row.requester_person_id, 'case_update', '/app/requests');
    },
  },
};
