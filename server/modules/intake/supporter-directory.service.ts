import type { Role } from '../../../shared/permissions.ts';
import type { SelfRequestInput } from '../../../shared/schemas/case.ts';
import type { DirectorySupporter, SupporterDirectoryQuery } from '../../../shared/schemas/supporter-directory.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { toBool } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { directoryEntry, hardRuleViolation, type SupporterCandidate } from '../matching/index.ts';
import { findOrganization } from '../organization/index.ts';
import { findRequesterFacts, firstNamesOf } from '../people/index.ts';
import { newCase, type Case } from '../cases/index.ts';
import { createSelfRequestWithFirstOffer } from './intake.service.ts';
import { buildMatchRequest, loadCandidates, offerToChosenSupporter } from '../cases/index.ts';

/**
 * Directory mode (docs/product.md, "Matching"): where the program allows it, a signed-in requester may
 * pick their supporter instead of letting the matcher choose. The directory lists exactly the
 * supporters the matcher's hard rules allow for this requester, and shows first name, profession,
 * languages and modalities only: never caseload, capacity, availability, department or lived experience.
 */

/**
 * Roles that must never see a person's name (docs/product.md, C1). Permissions are a union over roles, so a
 * leadership viewer who is also a staff member holds `support.choose_supporter`: these roles win.
 */
const IDENTITY_BLIND: readonly Role[] = ['leadership_viewer', 'event_reporter'];
const isIdentityBlind = (actor: Actor) => actor.roles.some((role) => IDENTITY_BLIND.includes(role));

async function directoryEnabled(db: DbOrTrx, organizationId: string): Promise<boolean> {
  const org = await findOrganization(db, organizationId);
  return Boolean(org && toBool(org.supporter_directory_enabled));
}

/** Supporters of the organisation who pass every hard rule for this request, as the matcher sees them. */
async function eligibleCandidates(db: DbOrTrx, row: Case, now: Date): Promise<SupporterCandidate[]> {
  const org = await findOrganization(db, row.organization_id);
  const [request, candidates] = await Promise.all([
    buildMatchRequest(db, row, now),
    loadCandidates(db, row.organization_id, org?.time_zone ?? 'UTC', now),
  ]);
  return candidates.filter((c) => hardRuleViolation(request, c) === null);
}

/**
 * The request the requester is filling in, as far as the hard rules depend on it: a new self case
 * with the fields buildMatchRequest reads filled in (never stored); the id is fresh, so nobody counts as
 * "previously offered".
 */
async function draftRequest(ctx: AppContext, actor: Actor, query: SupporterDirectoryQuery): Promise<Case> {
  const me = await findRequesterFacts(ctx.db, actor.organizationId, actor.personId);
  if (!me) throw notFound();
  return {
    ...newCase(actor.organizationId, 'self', ctx.clock.now()),
    id: `directory:${actor.personId}`,
    requester_person_id: me.id,
    requester_profession_category: me.category ?? null,
    requester_department_id: me.department_id,
    department_preference: query.departmentPreference ?? 'no_preference',
    language: query.language ?? null,
    language_required: Boolean(query.language && query.languageRequired === 'true'),
    // Neither is a hard rule; they only shape scores, which the directory does not use.
    modality: 'phone',
    reason: 'other',
    urgency: 'this_week',
  };
}

/** GET /api/support/supporter-directory: 404 when the program has not turned it on, or for identity-blind roles. */
export async function listSupporterDirectory(ctx: AppContext, actor: Actor, query: SupporterDirectoryQuery): Promise<DirectorySupporter[]> {
  if (isIdentityBlind(actor) || !(await directoryEnabled(ctx.db, actor.organizationId))) throw notFound();
  const eligible = await eligibleCandidates(ctx.db, await draftRequest(ctx, actor, query), ctx.clock.now());
  if (eligible.length === 0) return [];
  const names = await firstNamesOf(
    ctx.db,
    actor.organizationId,
    eligible.map((c) => c.personId),
  );
  // Alphabetical, never by load: the order must not hint at anyone's caseload.
  return eligible
    .map((c) => ({ id: c.personId, firstName: names.get(c.personId) ?? '', ...directoryEntry(c) }))
    .sort((a, b) => a.firstName.localeCompare(b.firstName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const NOT_CHOOSABLE = 'This supporter cannot take your request. Choose another, or let the program match you';

/**
 * POST /api/support/requests with `supporterId`: the case is written and offered to the chosen
 * supporter in one transaction, after the same hard rules as the matcher. A refusal is a 400 naming
 * the field that says nothing about why (capacity and pauses are nobody's business), and nothing is written.
 */
export async function createRequestForChosenSupporter(
  ctx: AppContext,
  actor: Actor,
  input: SelfRequestInput & { supporterId: string },
  origin: RequestOrigin,
): Promise<Case> {
  if (isIdentityBlind(actor) || !(await directoryEnabled(ctx.db, actor.organizationId))) {
    throw invalid('body.supporterId', 'This program does not offer choosing a supporter yourself');
  }
  return createSelfRequestWithFirstOffer(ctx, actor, input, origin, async (trx: Trx, row: Case) => {
    const eligible = await eligibleCandidates(trx, row, ctx.clock.now());
    if (!eligible.some((c) => c.personId === input.supporterId)) throw invalid('body.supporterId', NOT_CHOOSABLE);
    return offerToChosenSupporter(ctx, trx, row, input.supporterId);
  });
}
