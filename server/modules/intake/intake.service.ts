import { randomBytes, randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { AnonymousRequestInput, ColleagueReferralInputSchema, SelfRequestInput } from '../../../shared/schemas/case.ts';
import type { Trx } from '../../db/database.ts';
import { transactionWithDeferredInserts } from '../../db/deferred-inserts.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { getPublicProgram } from '../organization/index.ts';
import { findPersonIdByEmail, findRequesterFacts } from '../people/index.ts';
import { findOrganization, findOrganizationBySlug } from '../organization/index.ts';
import * as repo from '../cases/index.ts';
import { hashSecret } from '../cases/index.ts';
import { offerToNextSupporter, prepareMatch } from '../cases/index.ts';
import { scheduleNewCaseBreachCheck, withFirstContactClock } from '../service-levels/index.ts';
import { loadClocks } from '../service-levels/index.ts';
import { startUrgentPaging } from '../paging/index.ts';

/**
 * What a new case needs read before its transaction: the matcher's input (see prepareMatch) and the
 * program's first-contact targets, whose due times go into the case's INSERT. The transaction then
 * holds only writes.
 */
async function readsForNewCase(ctx: AppContext, row: repo.Case) {
  const timeZone = (await findOrganization(ctx.db, row.organization_id))?.time_zone ?? 'UTC';
  const clocks = await loadClocks(ctx.db, row.organization_id, timeZone);
  return { prepared: await prepareMatch(ctx, ctx.db, row, { unsavedCase: true, timeZone }), clocked: withFirstContactClock(clocks, row) };
}

/** Stores the new case, records who created it, and starts the offer cascade, all in one transaction. */
async function openCase(ctx: AppContext, unclocked: repo.Case, actorPersonId: string | null, origin: RequestOrigin | null) {
  const { prepared, clocked: row } = await readsForNewCase(ctx, unclocked);
  // The jobs, e-mails and audit entries of the new case and its first offer go in one INSERT each.
  return transactionWithDeferredInserts(ctx.db, async (trx) => {
    await repo.insertCase(trx, row);
    await scheduleNewCaseBreachCheck(ctx, trx, row);
    await repo.appendCaseAudit(trx, {
      organizationId: row.organization_id,
      caseId: row.id,
      actorPersonId,
      action: `case.created.${row.origin}`,
      at: row.created_at,
      ip: origin?.ip,
    });
    // Urgent self and anonymous requests page the on-call supporter at once (docs/product.md, "Offer cascade and the urgent path").
    if (row.origin === 'self' || row.origin === 'anonymous') await startUrgentPaging(ctx, trx, row);
    return offerToNextSupporter(ctx, trx, row, prepared);
  });
}

/** The case a signed-in requester opens for themselves: their profession and department from the directory. */
async function selfCase(ctx: AppContext, actor: Actor, input: SelfRequestInput): Promise<repo.Case> {
  const me = await findRequesterFacts(ctx.db, actor.organizationId, actor.personId);
  if (!me) throw notFound();
  const row: repo.Case = {
    ...repo.newCase(actor.organizationId, 'self', ctx.clock.now()),
    reason: input.reason,
    urgency: input.urgency,
    modality: input.modality,
    language: input.language ?? null,
    language_required: Boolean(input.language && input.languageRequired),
    department_preference: input.departmentPreference,
    requester_profession_category: me.category ?? null,
    requester_department_id: me.department_id,
    requester_person_id: me.id,
    requester_first_name: me.first_name,
    contact_method: input.contactMethod,
    contact_value: input.contactMethod === 'work_email' ? me.work_email : (input.contactValue ?? null),
  };
  return row;
}

export async function createSelfRequest(ctx: AppContext, actor: Actor, input: SelfRequestInput, origin: RequestOrigin): Promise<repo.Case> {
  const row = await selfCase(ctx, actor, input);
  return openCase(ctx, row, actor.personId, origin);
}

/**
 * A self request whose first offer is made by `firstOffer` instead of the matcher (directory mode:
 * the requester chose their supporter). `firstOffer` runs in the same transaction, after the case
 * row is written, so a refusal there (a 400) leaves nothing behind.
 */
export async function createSelfRequestWithFirstOffer(
  ctx: AppContext,
  actor: Actor,
  input: SelfRequestInput,
  origin: RequestOrigin,
  firstOffer: (trx: Trx, row: repo.Case) => Promise<repo.Case>,
): Promise<repo.Case> {
  const timeZone = (await findOrganization(ctx.db, actor.organizationId))?.time_zone ?? 'UTC';
  const row = withFirstContactClock(await loadClocks(ctx.db, actor.organizationId, timeZone), await selfCase(ctx, actor, input));
  return transactionWithDeferredInserts(ctx.db, async (trx) => {
    await repo.insertCase(trx, row);
    await scheduleNewCaseBreachCheck(ctx, trx, row);
    await repo.appendCaseAudit(trx, {
      organizationId: row.organization_id,
      caseId: row.id,
      actorPersonId: actor.personId,
      action: 'case.created.self',
      at: row.created_at,
      ip: origin.ip,
    });
    await startUrgentPaging(ctx, trx, row);
    return firstOffer(trx, row);
  });
}

/** Codes avoid look-alike characters (0/O, 1/I) so they can be read out over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function caseCode(): string {
  const pick = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

export async function createAnonymousRequest(ctx: AppContext, input: AnonymousRequestInput, origin: RequestOrigin) {
  const program = await getPublicProgram(ctx, input.org);
  const org = await findOrganizationBySlug(ctx.db, program.organization.slug);
  if (!org) throw notFound('No such organisation');
  const secret = randomBytes(18).toString('base64url');
  const code = caseCode();
  const row: repo.Case = {
    ...repo.newCase(org.id, 'anonymous', ctx.clock.now()),
    reason: input.reason,
    urgency: input.urgency,
    modality: input.modality,
    language: input.language ?? null,
    language_required: Boolean(input.language && input.languageRequired),
    // An anonymous requester has no department on record, so a department preference cannot apply.
    department_preference: 'no_preference',
    requester_profession_category: input.professionCategory ?? null,
    requester_first_name: input.preferredName,
    contact_method: input.contactMethod,
    contact_value: input.contactValue,
    anonymous_code: code,
    anonymous_secret_hash: hashSecret(secret),
  };
  await openCase(ctx, row, null, origin);
  return { caseCode: code, secret };
}

/** A referral creates an outreach case for the colleague; the referrer learns nothing after this. */
export async function createColleagueReferral(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof ColleagueReferralInputSchema>,
  origin: RequestOrigin,
): Promise<void> {
  // The e-mail is resolved within the caller's organisation only. An unknown one is a 400 naming the
  // field: it says no more than whether a work e-mail is in the staff directory (work e-mails are not
  // secret), never a name nor anything about the colleague's cases.
  const foundId = await findPersonIdByEmail(ctx.db, actor.organizationId, input.colleagueEmail.toLowerCase());
  if (foundId === actor.personId)
    throw invalid('body.colleagueEmail', 'That is your own e-mail: to ask for yourself, use the request form');
  const colleague = foundId ? await findRequesterFacts(ctx.db, actor.organizationId, foundId) : undefined;
  if (!colleague || !colleague.active) throw invalid('body.colleagueEmail', 'No colleague in the staff directory has this work e-mail');
  // Someone is already looking after this colleague: the answer is the same, nothing is added.
  if (await repo.openCaseIdOfRequester(ctx.db, actor.organizationId, colleague.id)) return;
  const row: repo.Case = {
    ...repo.newCase(actor.organizationId, 'colleague_referral', ctx.clock.now()),
    reason: input.reason,
    urgency: input.urgency,
    requester_informed: input.toldColleague,
    requester_profession_category: colleague.category ?? null,
    requester_department_id: colleague.department_id,
    requester_person_id: colleague.id,
    requester_first_name: colleague.first_name,
    contact_method: 'work_email',
    contact_value: colleague.work_email,
  };
  await openCase(ctx, row, actor.personId, origin);
}
