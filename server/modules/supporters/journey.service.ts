import { localDay } from '../../../shared/calendar-day.ts';
import {
  allowedSupporterEvents,
  journeyStart,
  supporterTransition,
  type SupporterActorKind,
  type SupporterEffect,
  type SupporterEvent,
  type SupporterSnapshot,
  type SupporterState,
} from '../../../shared/supporter-lifecycle.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { newId } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findOrganization } from '../organization/index.ts';
import { activeEmailsWithRoles, findPerson, findPersonIdByEmail, replaceRoles } from '../people/index.ts';
import * as repo from './journey.repository.ts';
import { DEFAULT_PROFILE } from './supporter-profile.ts';
import { fireSupporterLeftDuty } from './supporter-events.ts';

/**
 * A person's way through the program (docs/team.md): nominations, their own answers, the
 * director's decisions. Every change goes through `moveJourney`, which applies the pure table in
 * shared/supporter-lifecycle.ts with a compare-and-set, audits it and carries out its effects in
 * the same transaction.
 */

/** Who acts: all these steps need of the signed-in actor (the demo seed acts as its people too). */
type Caller = Pick<Actor, 'organizationId' | 'personId'>;

/** A colleague may put forward this many names a day: enough for any real team, too few to flood inboxes. */
export const NOMINATIONS_PER_DAY = 20;
const TEAM_PAGE = '/app/team';
const MY_JOURNEY_PAGE = '/app/team/me';

async function todayIn(trx: DbOrTrx, organizationId: string, now: Date): Promise<string> {
  const org = await findOrganization(trx, organizationId);
  return localDay(now, org?.time_zone ?? 'UTC');
}

const snapshotOf = (row: { status: SupporterState; certified_until: string | null }): SupporterSnapshot => ({
  state: row.status,
  certifiedUntil: row.certified_until,
});

/**
 * Puts a name forward. The answer is the same whether or not the address belongs to anyone, and
 * whether or not they were nominated before, so this cannot be used to learn who works here or
 * who is on their way to the team. One's own address volunteers.
 */
export async function nominate(ctx: AppContext, actor: Caller, email: string): Promise<{ received: true; self: boolean }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    if (
      (await repo.countNominationsBySince(trx, actor.organizationId, actor.personId, new Date(now.getTime() - 86_400_000).toISOString())) >=
      NOMINATIONS_PER_DAY
    ) {
      throw new AppError('too_many_requests', 'You have put forward many names today; please try again tomorrow');
    }
    const nomineeId = await findPersonIdByEmail(trx, actor.organizationId, email);
    const self = nomineeId === actor.personId;
    const nominee = nomineeId ? await findPerson(trx, actor.organizationId, nomineeId) : undefined;
    if (!nominee?.active) return { received: true, self };
    const journey = await repo.findJourney(trx, actor.organizationId, nominee.id);
    if (self && journey?.status === 'nominated') {
      // Nominated by someone and now volunteering: that is the answer to the nomination.
      await moveJourney(ctx, trx, {
        organizationId: actor.organizationId,
        personId: actor.personId,
        event: { type: 'interest_confirmed' },
        actorKind: 'self',
        actorPersonId: actor.personId,
      });
      return { received: true, self };
    }
    // Already on the way, on the team, or decided against: a new name changes nothing but the count.
    const restartable = !journey || journey.status === 'declined';
    if (!self) {
      if (await repo.hasNominated(trx, actor.organizationId, nominee.id, actor.personId)) return { received: true, self };
      if (!restartable && journey.status !== 'nominated' && journey.status !== 'under_review') return { received: true, self };
      const id = newId();
      await repo.insertNomination(trx, {
        id,
        organization_id: actor.organizationId,
        nominee_person_id: nominee.id,
        nominated_by_person_id: actor.personId,
        created_at: now.toISOString(),
      });
      // The subject is the nomination, not the nominee: should they decline, the log names nobody.
      await appendAuditEvent(trx, {
        organizationId: actor.organizationId,
        actorPersonId: actor.personId,
        action: 'supporter.nominated',
        subjectType: 'nomination',
        subjectId: id,
        at: now.toISOString(),
      });
    }
    if (!restartable) return { received: true, self };
    const start = journeyStart(self ? 'self' : 'colleague');
    const at = now.toISOString();
    if (journey) await repo.restartJourney(trx, actor.organizationId, nominee.id, start.state, at);
    else {
      await repo.insertProfile(trx, {
        ...DEFAULT_PROFILE,
        status: start.state,
        person_id: nominee.id,
        organization_id: actor.organizationId,
        state_since: at,
        updated_at: at,
      });
    }
    // A volunteer's step is theirs and names them; a colleague's nomination stays unnamed until its answer.
    if (self) await audit(trx, actor.organizationId, actor.personId, 'supporter.volunteered', nominee.id, start.state, at);
    await carryOut(ctx, trx, actor.organizationId, nominee.id, start.effects, actor.personId);
    return { received: true, self };
  });
}

export interface JourneyMove {
  organizationId: string;
  personId: string;
  event: SupporterEvent;
  actorKind: SupporterActorKind;
  /** Null for background work (the certification expiry job). */
  actorPersonId: string | null;
}

/** Applies one lifecycle event in the caller's transaction: the table, a compare-and-set, the audit row, the effects. */
export async function moveJourney(ctx: AppContext, trx: Trx, move: JourneyMove): Promise<SupporterState> {
  const journey = await findOrStartJourney(trx, move.organizationId, move.personId, ctx.clock.now());
  if (!journey) throw notFound();
  const now = ctx.clock.now();
  const today = await todayIn(trx, move.organizationId, now);
  const result = supporterTransition(snapshotOf(journey), move.event, move.actorKind, today);
  if (!result.ok) {
    switch (result.reason) {
      case 'not_allowed_for_actor':
        throw new AppError('not_allowed', 'This step is not yours to take');
      case 'invalid_event':
        throw invalid('body.until', 'Choose a last day of certification after today');
      case 'not_certified':
        throw new AppError('conflict', 'Their certification has run out: record a recertification first');
      default:
        throw new AppError('conflict', `This step is not possible while they are ${journey.status.replace('_', ' ')}`);
    }
  }
  const at = now.toISOString();
  const won = await repo.updateJourneyIfState(trx, move.organizationId, move.personId, journey.status, {
    status: result.state,
    certified_until: result.certifiedUntil,
    state_since: result.state === journey.status ? (journey.state_since ?? at) : at,
    updated_at: at,
  });
  if (!won) throw new AppError('conflict', 'Someone else changed this at the same time; please look again');
  if (result.effects.some((e) => e.kind === 'forget_nomination')) {
    // Nothing about the declined nomination may remain that names the nominee or the nominators.
    await appendAuditEvent(trx, {
      organizationId: move.organizationId,
      actorPersonId: null,
      action: 'supporter.nomination_closed',
      subjectType: 'nomination',
      at,
    });
  } else {
    await audit(trx, move.organizationId, move.actorPersonId, `supporter.${move.event.type}`, move.personId, result.state, at);
  }
  await carryOut(ctx, trx, move.organizationId, move.personId, result.effects, move.actorPersonId);
  return result.state;
}

/**
 * Someone given the supporter role by hand, before the lifecycle existed or without it, has no
 * journey row yet: they count as active and uncertified, and their first step stores that.
 */
async function findOrStartJourney(trx: Trx, organizationId: string, personId: string, now: Date) {
  const journey = await repo.findJourney(trx, organizationId, personId);
  if (journey) return journey;
  const person = await findPerson(trx, organizationId, personId);
  if (!person?.active || !person.roles.includes('peer_supporter')) return undefined;
  const at = now.toISOString();
  await repo.insertProfile(trx, {
    ...DEFAULT_PROFILE,
    person_id: personId,
    organization_id: organizationId,
    state_since: at,
    updated_at: at,
  });
  return repo.findJourney(trx, organizationId, personId);
}

async function carryOut(
  ctx: AppContext,
  trx: Trx,
  organizationId: string,
  personId: string,
  effects: SupporterEffect[],
  actorPersonId: string | null,
): Promise<void> {
  const now = ctx.clock.now();
  for (const effect of effects) {
    switch (effect.kind) {
      case 'forget_nomination':
        await repo.deleteJourney(trx, organizationId, personId);
        break;
      case 'ask_nominee':
      case 'notify': {
        if (effect.kind === 'notify' && effect.who === 'director') {
          for (const to of await activeEmailsWithRoles(trx, organizationId, ['program_director'])) {
            await queueEmail(trx, { organizationId, to, template: 'attention_needed', link: TEAM_PAGE, now });
          }
          break;
        }
        const person = await findPerson(trx, organizationId, personId);
        if (!person?.active) break;
        const template = effect.kind === 'ask_nominee' ? 'team_invitation' : 'team_update';
        await queueEmail(trx, { organizationId, to: person.workEmail, template, link: MY_JOURNEY_PAGE, now });
        break;
      }
      case 'join_team':
        await joinTeam(trx, organizationId, personId, actorPersonId, now);
        break;
      case 'leave_rota':
        await fireSupporterLeftDuty(ctx, trx, { kind: 'left_duty', organizationId, personId, actorPersonId });
        break;
    }
  }
}

/**
 * Activation gives the supporter role to whoever lacks it, as if the director had granted it by
 * hand: audited, and every director told (docs/decisions/009-separation-of-duties.md).
 */
async function joinTeam(trx: Trx, organizationId: string, personId: string, actorPersonId: string | null, now: Date): Promise<void> {
  const person = await findPerson(trx, organizationId, personId);
  if (!person || person.roles.includes('peer_supporter')) return;
  const at = now.toISOString();
  await replaceRoles(trx, organizationId, personId, { add: ['peer_supporter'], remove: [] }, actorPersonId, at);
  await appendAuditEvent(trx, {
    organizationId,
    actorPersonId,
    action: 'person.role_granted',
    subjectType: 'person',
    subjectId: personId,
    at,
    detail: 'peer_supporter',
  });
  for (const to of await activeEmailsWithRoles(trx, organizationId, ['program_director'])) {
    await queueEmail(trx, { organizationId, to, template: 'access_changed', link: '/app/audit', now });
  }
}

async function audit(
  trx: Trx,
  organizationId: string,
  actorPersonId: string | null,
  action: string,
  personId: string,
  state: SupporterState,
  at: string,
) {
  await appendAuditEvent(trx, { organizationId, actorPersonId, action, subjectType: 'supporter', subjectId: personId, at, detail: state });
}

/** What the signed-in person sees of their own journey, with the steps open to them. */
export async function getMyJourney(ctx: AppContext, actor: Caller) {
  const journey = await repo.findJourney(ctx.db, actor.organizationId, actor.personId);
  if (!journey) return { state: null, stateSince: null, certifiedUntil: null, allowedEvents: [] };
  const today = await todayIn(ctx.db, actor.organizationId, ctx.clock.now());
  return {
    state: journey.status,
    stateSince: journey.state_since ?? null,
    certifiedUntil: journey.certified_until,
    allowedEvents: allowedSupporterEvents(snapshotOf(journey), 'self', today),
  };
}

export async function moveOwnJourney(ctx: AppContext, actor: Caller, event: SupporterEvent) {
  await ctx.db.transaction().execute((trx) =>
    moveJourney(ctx, trx, {
      organizationId: actor.organizationId,
      personId: actor.personId,
      event,
      actorKind: 'self',
      actorPersonId: actor.personId,
    }),
  );
  return getMyJourney(ctx, actor);
}

/** The director's decision about someone's journey. A pending nomination is not theirs to see, let alone decide. */
export async function decide(ctx: AppContext, actor: Caller, personId: string, event: SupporterEvent) {
  await ctx.db.transaction().execute(async (trx) => {
    const journey = await findOrStartJourney(trx, actor.organizationId, personId, ctx.clock.now());
    if (!journey || journey.status === 'nominated') throw notFound();
    await moveJourney(ctx, trx, {
      organizationId: actor.organizationId,
      personId,
      event,
      actorKind: 'director',
      actorPersonId: actor.personId,
    });
  });
}
