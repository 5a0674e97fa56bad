import { snapshotOf } from '../cases/index.ts';
import { allowedCloseOutcomes, allowedEvents } from '../../../shared/case-workflow.ts';
import type { SupporterCaseSchema } from '../../../shared/schemas/case.ts';
import type { CaseOutcome } from '../../../shared/schemas/case-vocabulary.ts';
import type {
  ContactAttemptInput,
  CrisisProtocolSchema,
  EncounterInput,
  EncounterTopic,
  SupporterCaseDetail,
} from '../../../shared/schemas/casework.ts';
import type { ResourceCategory } from '../../../shared/schemas/resources.ts';
import type { z } from 'zod';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { newId, parseJsonArray } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import * as cases from '../cases/index.ts';
import { fireCaseEvent } from '../cases/index.ts';
import { findOrganization, listSupportLines } from '../organization/index.ts';
import { toResource } from '../resources/index.ts';
import * as repo from './casework.repository.ts';
import { localDay } from '../../../shared/calendar-day.ts';
import { firstContactTimes } from '../service-levels/index.ts';
import { startCooldown } from '../supporters/index.ts';

type Case = cases.Case;

/** The case, only for its assigned supporter: anyone else gets the same 404 as for a missing case (docs/product.md, C2). */
async function requireAssignedCase(db: DbOrTrx, actor: Actor, id: string): Promise<Case> {
  const row = await cases.findCase(db, actor.organizationId, id);
  // An erased case has nothing left for its supporter to see or do (docs/product.md, C4).
  if (!row || row.assigned_supporter_id !== actor.personId || row.erased_at) throw notFound();
  return row;
}

function audit(trx: Trx, row: Case, actor: Actor | null, action: string, at: Date, origin?: RequestOrigin) {
  return cases.appendCaseAudit(trx, {
    organizationId: row.organization_id,
    caseId: row.id,
    actorPersonId: actor?.personId ?? null,
    action,
    at: at.toISOString(),
    ip: origin?.ip ?? null,
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the case

type SupporterCase = z.infer<typeof SupporterCaseSchema>;

/** The case with its attempts, encounters and referrals; the read of identifying data is audited. */
export async function getCaseDetail(ctx: AppContext, actor: Actor, id: string, origin: RequestOrigin): Promise<SupporterCaseDetail> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, id);
    await audit(trx, row, actor, 'case.contact_viewed', now, origin);
    const [attempts, encounters, referrals] = await Promise.all([
      repo.listContactAttempts(trx, row.organization_id, row.id),
      repo.listEncounters(trx, row.organization_id, row.id),
      repo.listReferralOffers(trx, row.organization_id, row.id),
    ]);
    const snapshot = snapshotOf(row);
    const byCategory = new Map<string, { category: ResourceCategory; offeredAt: string; takenUpAt: string | null }>();
    for (const r of referrals) {
      const seen = byCategory.get(r.category);
      if (!seen)
        byCategory.set(r.category, { category: r.category as ResourceCategory, offeredAt: r.offered_at, takenUpAt: r.taken_up_at });
      else if (!seen.takenUpAt && r.taken_up_at) seen.takenUpAt = r.taken_up_at;
    }
    return {
      id: row.id,
      origin: row.origin,
      state: row.state,
      outcome: row.outcome,
      reason: row.reason,
      urgency: row.urgency,
      modality: row.modality,
      language: row.language,
      requesterFirstName: row.requester_first_name ?? '',
      contactMethod: row.contact_method ?? 'work_email',
      contactValue: row.contact_value ?? '',
      assignedAt: row.assigned_at,
      firstContactAt: row.first_contact_at,
      allowedEvents: allowedEvents(snapshot, 'assigned_supporter', now),
      allowedCloseOutcomes: allowedCloseOutcomes(snapshot, 'assigned_supporter'),
      attempts: attempts.map((a) => ({
        id: a.id,
        at: a.at,
        channel: a.channel as ContactAttemptInput['channel'],
        result: a.result as ContactAttemptInput['result'],
      })),
      encounters: encounters.map((e) => ({
        id: e.id,
        date: e.date,
        modality: e.modality as SupporterCase['modality'],
        minutes: e.minutes,
        format: e.format as EncounterInput['format'],
        headCount: e.head_count,
        topics: parseJsonArray<EncounterTopic>(e.topics),
        referralsOffered: referrals.filter((r) => r.encounter_id === e.id).map((r) => r.category as ResourceCategory),
        followUpOn: e.follow_up_on,
        escalationTier: e.escalation_tier,
      })),
      referrals: [...byCategory.values()],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Outreach

/**
 * A failed attempt counts towards "unreachable"; reaching the requester moves an assigned case to
 * `contacted` and sets the first-contact time once. Reaching them again later changes no state.
 */
export async function recordContactAttempt(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ContactAttemptInput,
  origin: RequestOrigin,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, id);
    const reached = input.result === 'reached';
    if (reached && row.state !== 'assigned' && row.state !== 'contacted' && row.state !== 'active') {
      throw new AppError('conflict', 'This request has changed in the meantime; reload to see where it stands');
    }
    await repo.insertContactAttempt(trx, {
      id: newId(),
      organization_id: row.organization_id,
      case_id: row.id,
      supporter_id: actor.personId,
      at: now.toISOString(),
      channel: input.channel,
      result: input.result,
    });
    const cause = {
      kind: 'assigned_supporter',
      personId: actor.personId,
      audit: reached ? 'case.contact_made' : 'case.contact_attempted',
      ip: origin.ip,
    } as const;
    if (!reached) {
      await fireCaseEvent(ctx, trx, row, { type: 'contact_attempted' }, cause);
    } else if (row.state === 'assigned') {
      await fireCaseEvent(ctx, trx, row, { type: 'contact_made' }, cause, {
        first_contact_at: row.first_contact_at ?? now.toISOString(),
        ...(await firstContactTimes(trx, row, now)),
      });
    } else {
      // Reached again later: recorded, no change of state.
      await audit(trx, row, actor, cause.audit, now, origin);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Encounter log and referrals

/** Logs a conversation (and schedules its follow-up): codes, numbers and dates only. */
export async function logEncounter(ctx: AppContext, actor: Actor, id: string, input: EncounterInput, origin: RequestOrigin): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, id);
    const org = await findOrganization(trx, row.organization_id);
    const today = localDay(now, org?.time_zone ?? 'UTC');
    if (input.date > today) throw invalid('body.date', 'Cannot be in the future');
    if (input.followUpOn !== null && input.followUpOn <= today) throw invalid('body.followUpOn', 'Must be after today');

    const encounterId = newId();
    await repo.insertEncounter(trx, {
      id: encounterId,
      organization_id: row.organization_id,
      case_id: row.id,
      supporter_id: actor.personId,
      date: input.date,
      modality: input.modality,
      minutes: input.minutes,
      format: input.format,
      head_count: input.format === 'group' ? (input.headCount ?? null) : null,
      topics: JSON.stringify(input.topics),
      follow_up_on: input.followUpOn,
      escalation_tier: input.escalationTier,
      created_at: now.toISOString(),
    });
    await repo.insertReferralOffers(
      trx,
      input.referralsOffered.map((category) => ({
        id: newId(),
        organization_id: row.organization_id,
        case_id: row.id,
        encounter_id: encounterId,
        category,
        offered_at: now.toISOString(),
        taken_up_at: null,
      })),
    );
    const by = (audit: string) => ({ kind: 'assigned_supporter', personId: actor.personId, audit, ip: origin.ip }) as const;
    const logged = await fireCaseEvent(ctx, trx, row, { type: 'encounter_logged' }, by('case.encounter_logged'));
    // The supporter's own cool-down; the encounter keeps no trace of it.
    if (input.coolDown) await startCooldown(ctx, trx, row.organization_id, actor.personId);
    if (input.followUpOn !== null) {
      // The reminder goes out on the morning of the follow-up day (08:00 UTC).
      const dueAt = `${input.followUpOn}T08:00:00.000Z`;
      await fireCaseEvent(ctx, trx, logged, { type: 'follow_up_scheduled', dueAt }, by('case.follow_up_scheduled'));
    }
  });
}

/** Records that an offered referral was taken up (once known); 404 when that category was never offered. */
export async function markReferralTakenUp(
  ctx: AppContext,
  actor: Actor,
  id: string,
  category: ResourceCategory,
  origin: RequestOrigin,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, id);
    const offered = await repo.markReferralTakenUp(trx, row.organization_id, row.id, category, now.toISOString());
    if (!offered) throw notFound();
    await audit(trx, row, actor, 'case.referral_taken_up', now, origin);
  });
}

// ---------------------------------------------------------------------------------------------
// Close, decline, escalate

export async function closeCase(ctx: AppContext, actor: Actor, id: string, outcome: CaseOutcome, origin: RequestOrigin): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, id);
    if (!allowedCloseOutcomes(snapshotOf(row), 'assigned_supporter').includes(outcome)) {
      throw new AppError('conflict', 'This request cannot be closed with that outcome now');
    }
    await fireCaseEvent(
      ctx,
      trx,
      row,
      { type: 'closed', outcome },
      { kind: 'assigned_supporter', personId: actor.personId, audit: 'case.closed', ip: origin.ip },
    );
  });
}

/**
 * Imminent risk: recorded as an escalation (who, when), the directors alerted by a content-free
 * e-mail, and the program's crisis protocol returned for the supporter to act on at once.
 */
export async function escalateRisk(
  ctx: AppContext,
  actor: Actor,
  id: string,
  origin: RequestOrigin,
): Promise<z.infer<typeof CrisisProtocolSchema>> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireAssignedCase(trx, actor, id);
    await fireCaseEvent(
      ctx,
      trx,
      row,
      { type: 'risk_escalated' },
      { kind: 'assigned_supporter', personId: actor.personId, audit: 'case.risk_escalated', ip: origin.ip },
    );
    return {
      supportLines: await listSupportLines(trx, row.organization_id),
      resources: (await repo.listCrisisResources(trx, row.organization_id)).map(toResource),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Anonymous feedback

export async function feedbackTokenIsValid(ctx: AppContext, token: string): Promise<boolean> {
  return Boolean(await repo.findFeedbackToken(ctx.db, token));
}

/** Stores the answers with the organisation and month only, consuming the token in the same transaction. */
export async function submitFeedback(
  ctx: AppContext,
  token: string,
  input: { helpfulness: number; wouldRecommend: boolean },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findFeedbackToken(trx, token);
    if (!found || !(await repo.consumeFeedbackToken(trx, found.token_hash)))
      throw notFound('This feedback link is not valid (it may have been used already)');
    await repo.insertFeedback(trx, {
      organization_id: found.organization_id,
      month: found.month,
      helpfulness: input.helpfulness,
      would_recommend: input.wouldRecommend,
    });
  });
}
