import type { CaseActorKind, CaseEvent } from '../../shared/case-workflow.ts';
import type { EncounterTopic } from '../../shared/schemas/casework.ts';
import type { ResourceCategory } from '../../shared/schemas/resources.ts';
import type { Clock } from '../config.ts';
import type { Trx } from '../db/database.ts';
import { newId } from '../db/values.ts';
import type { AppContext } from '../lib/context.ts';
import { applyCaseEvent } from '../modules/cases/case-transition.ts';
import type { Case } from '../modules/cases/case.ts';
import { appendCaseAudit, findCase, insertOffer } from '../modules/cases/cases.repository.ts';
import { fireCaseEvent } from '../modules/cases/index.ts';
import { insertContactAttempt, insertEncounter, insertFeedback, insertReferralOffers } from '../modules/casework/casework.repository.ts';
import { insertConversation } from '../modules/conversations/conversations.repository.ts';
import { notifyBoth } from '../modules/conversations/conversation-notifications.ts';
import { conversationReminderJob, REMINDER_OFFSETS } from '../modules/conversations/conversation-reminder.job.ts';
import { newInviteUid } from '../modules/scheduling/ics.ts';
import { buildCase, type CaseOverrides } from './factories.ts';

/**
 * Past casework for the demo: cases walked through the real lifecycle table (fireCaseEvent, the
 * same audit actions, effects and jobs as the services) at moments spread over the last
 * weeks, so SLA clocks, lists and reports look like a program that has been running for a while.
 * Everything runs in the seed's one transaction with a clock set to the moment of each step.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const clockAt = (at: Date): Clock => ({ now: () => at });

/** One case and the steps that happened to it, each at its own moment. */
class DemoCase {
  private constructor(
    private readonly ctx: AppContext,
    private readonly trx: Trx,
    public row: Case,
  ) {}

  static async open(ctx: AppContext, trx: Trx, organizationId: string, at: Date, overrides: CaseOverrides): Promise<DemoCase> {
    const id = await buildCase(trx, clockAt(at), organizationId, { ...overrides, state: 'new' });
    return new DemoCase(ctx, trx, (await findCase(trx, organizationId, id))!);
  }

  private get org() {
    return this.row.organization_id;
  }

  private audit(action: string, actorPersonId: string | null, at: Date) {
    return appendCaseAudit(this.trx, { organizationId: this.org, caseId: this.row.id, actorPersonId, action, at: at.toISOString() });
  }

  /** A lifecycle event with its audit row and its effects (e-mails, jobs) as of `at`. */
  async event(event: CaseEvent, actor: CaseActorKind, actorPersonId: string | null, action: string, at: Date, extra: Partial<Case> = {}) {
    this.row = await fireCaseEvent(
      { ...this.ctx, clock: clockAt(at) },
      this.trx,
      this.row,
      event,
      { kind: actor, personId: actorPersonId, audit: action },
      extra,
    );
    return this;
  }

  /** Matching offered it to `supporterId`, who accepted after `answeredAfterMs`. */
  async offeredAndAccepted(supporterId: string, at: Date, answeredAfterMs: number) {
    const accepted = new Date(at.getTime() + answeredAfterMs);
    await insertOffer(this.trx, {
      id: newId(),
      organization_id: this.org,
      case_id: this.row.id,
      supporter_id: supporterId,
      status: 'accepted',
      decline_reason: null,
      match_reasons: '[]',
      offered_at: at.toISOString(),
      expires_at: new Date(at.getTime() + 4 * HOUR).toISOString(),
      responded_at: accepted.toISOString(),
    });
    // Like offerToNextSupporter: the offer row, the event and the audit; its expiry job is moot once answered.
    const { row } = await applyCaseEvent(this.trx, this.row, { type: 'offer_made', supporterId }, 'system', at);
    this.row = row;
    await this.audit('case.offered', null, at);
    return this.event({ type: 'offer_accepted' }, 'offered_supporter', supporterId, 'case.offer_accepted', accepted, {
      assigned_at: accepted.toISOString(),
    });
  }

  /** A logged outreach attempt, as recordContactAttempt stores it. */
  async attempt(channel: 'phone' | 'email' | 'text', result: 'reached' | 'no_answer' | 'left_message', at: Date) {
    const supporter = this.row.assigned_supporter_id!;
    await insertContactAttempt(this.trx, {
      id: newId(),
      organization_id: this.org,
      case_id: this.row.id,
      supporter_id: supporter,
      at: at.toISOString(),
      channel,
      result,
    });
    if (result !== 'reached')
      return this.event({ type: 'contact_attempted' }, 'assigned_supporter', supporter, 'case.contact_attempted', at);
    if (this.row.state !== 'assigned') {
      await this.audit('case.contact_made', supporter, at);
      return this;
    }
    return this.event({ type: 'contact_made' }, 'assigned_supporter', supporter, 'case.contact_made', at, {
      first_contact_at: this.row.first_contact_at ?? at.toISOString(),
    });
  }

  /** A conversation in the encounter log: codes, numbers and dates only. */
  async encounter(
    at: Date,
    input: { minutes: number; topics: EncounterTopic[]; referrals?: ResourceCategory[]; takenUp?: ResourceCategory[]; followUpOn?: string },
  ) {
    const supporter = this.row.assigned_supporter_id!;
    const encounterId = newId();
    await insertEncounter(this.trx, {
      id: encounterId,
      organization_id: this.org,
      case_id: this.row.id,
      supporter_id: supporter,
      date: at.toISOString().slice(0, 10),
      modality: this.row.modality,
      minutes: input.minutes,
      format: 'individual',
      head_count: null,
      topics: JSON.stringify(input.topics),
      // Tier 1: listening and support; tier 2 when a professional resource was offered.
      follow_up_on: input.followUpOn ?? null,
      escalation_tier: input.referrals?.length ? 2 : 1,
      created_at: at.toISOString(),
    });
    const takenUpAt = new Date(at.getTime() + 2 * DAY).toISOString();
    await insertReferralOffers(
      this.trx,
      (input.referrals ?? []).map((category) => ({
        id: newId(),
        organization_id: this.org,
        case_id: this.row.id,
        encounter_id: encounterId,
        category,
        offered_at: at.toISOString(),
        taken_up_at: input.takenUp?.includes(category) ? takenUpAt : null,
      })),
    );
    await this.event({ type: 'encounter_logged' }, 'assigned_supporter', supporter, 'case.encounter_logged', at);
    if (input.followUpOn) {
      await this.event(
        { type: 'follow_up_scheduled', dueAt: `${input.followUpOn}T08:00:00.000Z` },
        'assigned_supporter',
        supporter,
        'case.follow_up_scheduled',
        at,
      );
    }
    return this;
  }

  /** A planned conversation, as scheduleConversation stores it: the conversation, the audit row, the e-mails and the reminders. */
  async conversation(scheduledAt: Date, startsAt: Date, minutes: number) {
    const supporter = this.row.assigned_supporter_id!;
    const conversation = {
      id: newId(),
      organization_id: this.org,
      case_id: this.row.id,
      supporter_id: supporter,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
      modality: this.row.modality,
      status: 'scheduled',
      video_link: null,
      ics_uid: newInviteUid(),
      sequence: 0,
      created_at: scheduledAt.toISOString(),
      updated_at: scheduledAt.toISOString(),
    };
    await insertConversation(this.trx, conversation);
    await this.audit('case.conversation_scheduled', supporter, scheduledAt);
    const ctx = { ...this.ctx, clock: clockAt(scheduledAt) };
    await notifyBoth(ctx, this.trx, this.row, supporter, 'case_update');
    for (const [label, ms] of REMINDER_OFFSETS) {
      const runAt = new Date(startsAt.getTime() - ms);
      if (runAt <= this.ctx.clock.now()) continue;
      await conversationReminderJob.enqueue(
        this.trx,
        { organizationId: this.org, conversationId: conversation.id, sequence: 0 },
        { runAt, dedupeKey: `conversation-reminder:${conversation.id}:0:${label}`, now: scheduledAt },
      );
    }
    return this;
  }

  async close(outcome: 'supported' | 'referred' | 'unreachable', at: Date) {
    return this.event({ type: 'closed', outcome }, 'assigned_supporter', this.row.assigned_supporter_id, 'case.closed', at);
  }
}

export interface HistoryPeople {
  organizationId: string;
  /** The demo supporter (Priya), who has a sign-in. */
  demoSupporter: string;
  otherSupporters: string[];
  /** Staff without a demo sign-in, as requesters: id, first name and work e-mail. */
  staff: { id: string; firstName: string; email: string }[];
}

/**
 * contacted (a missed call, then reached), active (two conversations, a follow-up date and a
 * planned conversation), closed supported (referrals offered, one taken up), closed unreachable
 * (three attempts), declined (said no thanks on the first call), and anonymous feedback.
 */
export async function seedCaseHistory(ctx: AppContext, trx: Trx, people: HistoryPeople): Promise<void> {
  const now = ctx.clock.now().getTime();
  const ago = (days: number, hours = 0) => new Date(now - days * DAY - hours * HOUR);
  const dayFromNow = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  const { organizationId: org, demoSupporter: priya, otherSupporters: others, staff } = people;
  const requester = (i: number, overrides: CaseOverrides = {}): CaseOverrides => ({
    origin: 'self',
    requesterPersonId: staff[i]!.id,
    requesterFirstName: staff[i]!.firstName,
    contactMethod: 'work_email',
    contactValue: staff[i]!.email,
    ...overrides,
  });

  // contacted: Priya missed them once, reached them the next morning; the conversation is still to come.
  const contacted = await DemoCase.open(ctx, trx, org, ago(3, 5), requester(0, { reason: 'violence_or_threat' }));
  await contacted.offeredAndAccepted(priya, ago(3, 5), 40 * 60_000);
  await contacted.attempt('phone', 'no_answer', ago(3, 2));
  await contacted.attempt('phone', 'reached', ago(2, 20));

  // active: two conversations, a referral, a follow-up date and the next conversation planned.
  const active = await DemoCase.open(ctx, trx, org, ago(12, 3), {
    origin: 'anonymous',
    reason: 'patient_death',
    requesterFirstName: 'Morgan',
    contactMethod: 'personal_phone',
    contactValue: '+1 555 0148',
  });
  await active.offeredAndAccepted(priya, ago(12, 3), 90 * 60_000);
  await active.attempt('phone', 'reached', ago(11, 22));
  await active.encounter(ago(10, 20), { minutes: 50, topics: ['patient_death', 'coping_and_sleep'], referrals: ['grief_counselling'] });
  await active.encounter(ago(4, 21), { minutes: 35, topics: ['coping_and_sleep', 'relationships_at_work'], followUpOn: dayFromNow(5) });
  const nextTalk = new Date(now + 2 * DAY);
  nextTalk.setUTCHours(15, 0, 0, 0);
  await active.conversation(ago(1, 4), nextTalk, 45);

  // closed, supported: one conversation, two referrals offered, EAP taken up.
  const supported = await DemoCase.open(ctx, trx, org, ago(26, 6), requester(1, { reason: 'litigation_or_complaint' }));
  await supported.offeredAndAccepted(others[2]!, ago(26, 6), 2 * HOUR);
  await supported.attempt('email', 'left_message', ago(25, 22));
  await supported.attempt('phone', 'reached', ago(25, 4));
  await supported.encounter(ago(23, 20), {
    minutes: 60,
    topics: ['litigation_or_complaint', 'moral_distress'],
    referrals: ['therapy_eap', 'legal_risk_management'],
    takenUp: ['therapy_eap'],
  });
  await supported.close('supported', ago(16, 2));

  // closed, unreachable: three attempts over a week, nobody answered.
  const unreachable = await DemoCase.open(
    ctx,
    trx,
    org,
    ago(19, 8),
    requester(2, { reason: 'burnout_or_overload', contactMethod: 'work_phone', contactValue: '555-0172' }),
  );
  await unreachable.offeredAndAccepted(others[4]!, ago(19, 8), 3 * HOUR);
  await unreachable.attempt('phone', 'no_answer', ago(19, 2));
  await unreachable.attempt('text', 'no_answer', ago(17, 3));
  await unreachable.attempt('phone', 'left_message', ago(14, 4));
  await unreachable.close('unreachable', ago(12, 1));

  // declined: reached on the first call and said no thanks; they get the resource sheet.
  const declined = await DemoCase.open(ctx, trx, org, ago(8, 7), requester(3, { reason: 'adverse_event' }));
  await declined.offeredAndAccepted(others[5]!, ago(8, 7), 25 * 60_000);
  await declined.attempt('phone', 'reached', ago(8, 4));
  await declined.event(
    { type: 'declined_by_requester' },
    'assigned_supporter',
    declined.row.assigned_supporter_id,
    'case.declined',
    ago(8, 4),
  );

  // Anonymous feedback: stored with the month only, never with a case or a person.
  const month = (days: number) => ago(days).toISOString().slice(0, 7);
  for (const [days, helpfulness, wouldRecommend] of [
    [40, 5, true],
    [33, 4, true],
    [24, 5, true],
    [15, 3, false],
    [9, 4, true],
    [2, 5, true],
  ] as const) {
    await insertFeedback(trx, { organization_id: org, month: month(days), helpfulness, would_recommend: wouldRecommend });
  }
}
