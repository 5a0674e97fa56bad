import type { CaseOrigin, ReasonCategory } from '../../shared/schemas/case-vocabulary.ts';
import type { ProfessionCategory } from '../../shared/schemas/organization.ts';
import { RESOURCE_CATEGORIES } from '../../shared/schemas/resources.ts';
import type { AppContext } from '../lib/context.ts';
import { newId } from '../db/values.ts';
import type { CaseOffersTable, CasesTable, EncountersTable, FeedbackTable, ReferralOffersTable } from '../db/schema-support.ts';

/**
 * A year of finished requests before the demo's live ones, so every chart of the Reports page has
 * data and some counts are hidden (docs/reporting.md). Volumes and mixes follow what programs
 * report: a few dozen requests a month, rising as the
 * program becomes known; mostly self-referrals, nurses the largest group, burnout the most common
 * reason. Generated with a fixed seed, written in bulk, closed long ago: cases past the program's
 * retention period are stored as already erased, as the retention sweep would have left them.
 */

const DAY = 86_400_000;

/** A small seeded generator (mulberry32): the same demo every time. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(next: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = next() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

export const ORIGINS: readonly (readonly [CaseOrigin, number])[] = [
  ['self', 55],
  ['event_outreach', 20],
  ['colleague_referral', 16],
  ['anonymous', 9],
];
export const REASONS: readonly (readonly [ReasonCategory, number])[] = [
  ['burnout_or_overload', 34],
  ['adverse_event', 18],
  ['patient_death', 16],
  ['personal', 12],
  ['litigation_or_complaint', 6],
  ['violence_or_threat', 6],
  ['other', 8],
];
export const PROFESSIONS: readonly (readonly [ProfessionCategory, number])[] = [
  ['nurse', 42],
  ['physician', 18],
  ['resident_fellow', 13],
  ['advanced_practice_provider', 8],
  ['allied_health', 10],
  ['pharmacist', 3],
  ['other', 6],
];

export async function seedDemoReportHistory(ctx: AppContext, organizationId: string): Promise<void> {
  const db = ctx.db;
  const next = random(20261207);
  const org = await db.selectFrom('organizations').select('retention_days').where('id', '=', organizationId).executeTakeFirstOrThrow();
  const supporters = (
    await db
      .selectFrom('supporter_profiles')
      .innerJoin('people', 'people.id', 'supporter_profiles.person_id')
      .select('people.id')
      .where('supporter_profiles.organization_id', '=', organizationId)
      .where('supporter_profiles.status', '=', 'active')
      .where('people.work_email', '!=', 'supporter@demo.peerline.test')
      .orderBy('people.id')
      .execute()
  ).map((r) => r.id);
  const departments = (
    await db.selectFrom('departments').select('id').where('organization_id', '=', organizationId).orderBy('id').execute()
  ).map((r) => r.id);
  if (supporters.length === 0 || departments.length === 0) return;

  const now = ctx.clock.now().getTime();
  const cases: CasesTable[] = [];
  const encounters: EncountersTable[] = [];
  const referrals: ReferralOffersTable[] = [];
  const feedback: FeedbackTable[] = [];
  const offers: CaseOffersTable[] = [];
  // Fifteen months back to two months ago: the live demo cases fill the last weeks, and the tests
  // of the live demo tell the two apart by that gap (test/demo-seed.test.ts).
  for (let monthsAgo = 15; monthsAgo >= 3; monthsAgo -= 1) {
    const volume = Math.round(18 + (15 - monthsAgo) * 2.2 + next() * 8);
    for (let i = 0; i < volume; i += 1) {
      const created = now - monthsAgo * 30 * DAY + Math.floor(next() * 30 * DAY);
      const origin = pick(next, ORIGINS);
      const reason = origin === 'event_outreach' ? pick(next, REASONS.slice(1, 3)) : pick(next, REASONS);
      const supporter = supporters[Math.floor(next() * supporters.length)]!;
      const minutes = Math.round(20 + next() * next() * 1800);
      const firstContact = created + minutes * 60_000;
      const declined = origin === 'event_outreach' && next() < 0.2;
      const closed = firstContact + Math.floor((2 + next() * 30) * DAY);
      const erased = closed + org.retention_days * DAY < now;
      const id = newId();
      cases.push({
        id,
        organization_id: organizationId,
        origin,
        state: declined ? 'declined' : 'closed',
        outcome: declined ? 'declined' : next() < 0.15 ? 'referred' : 'supported',
        reason,
        urgency: next() < 0.3 ? 'today' : 'this_week',
        modality: pick(next, [
          ['phone', 5],
          ['video', 3],
          ['in_person', 2],
        ] as const),
        language: null,
        language_required: false,
        department_preference: 'no_preference',
        requester_profession_category: origin === 'anonymous' ? null : pick(next, PROFESSIONS),
        requester_department_id: erased ? null : departments[Math.floor(next() * departments.length)]!,
        requester_person_id: null,
        requester_first_name: null,
        contact_method: null,
        contact_value: null,
        anonymous_code: null,
        anonymous_secret_hash: null,
        requester_informed: null,
        assigned_supporter_id: supporter,
        offered_supporter_id: null,
        contact_attempts: 1,
        relaxed_rules: '[]',
        created_at: new Date(created).toISOString(),
        updated_at: new Date(closed).toISOString(),
        assigned_at: new Date(created + 10 * 60_000).toISOString(),
        first_contact_at: new Date(firstContact).toISOString(),
        closed_at: new Date(closed).toISOString(),
        first_contact_due_at: new Date(created + (origin === 'event_outreach' ? 24 : 12) * 3_600_000).toISOString(),
        first_contact_minutes: minutes,
        erased_at: erased ? new Date(closed + org.retention_days * DAY).toISOString() : null,
      });
      // The offer that was taken, after one that was declined or ran out now and then.
      const offer = (status: CaseOffersTable['status'], at: number, supporterId: string) =>
        offers.push({
          id: newId(),
          organization_id: organizationId,
          case_id: id,
          supporter_id: supporterId,
          status,
          decline_reason: status === 'declined' ? 'no_capacity' : null,
          match_reasons: '[]',
          offered_at: new Date(at).toISOString(),
          expires_at: new Date(at + 4 * 3_600_000).toISOString(),
          responded_at: status === 'expired' ? null : new Date(at + 30 * 60_000).toISOString(),
        });
      const before = next();
      if (before < 0.12) offer('declined', created, supporters[(supporters.indexOf(supporter) + 1) % supporters.length]!);
      else if (before < 0.18) offer('expired', created, supporters[(supporters.indexOf(supporter) + 1) % supporters.length]!);
      offer('accepted', created + 5 * 60_000, supporter);
      if (declined) continue;
      const talks = 1 + Math.floor(next() * next() * 4);
      for (let t = 0; t < talks; t += 1) {
        const day = new Date(firstContact + t * 7 * DAY).toISOString().slice(0, 10);
        const encounterId = newId();
        encounters.push({
          id: encounterId,
          organization_id: organizationId,
          case_id: id,
          supporter_id: supporter,
          date: day,
          modality: 'phone',
          minutes: 20 + Math.floor(next() * 50),
          format: 'individual',
          head_count: null,
          topics: JSON.stringify([reason === 'burnout_or_overload' ? 'workload_burnout' : 'coping_and_sleep']),
          follow_up_on: null,
          escalation_tier: t === 0 && next() < 0.12 ? (next() < 0.1 ? 3 : 2) : 1,
          created_at: new Date(firstContact + t * 7 * DAY).toISOString(),
        });
        if (t === 0 && next() < 0.3) {
          referrals.push({
            id: newId(),
            organization_id: organizationId,
            case_id: id,
            encounter_id: encounterId,
            category: pick(next, [
              ['therapy_eap', 6],
              ['time_off', 2],
              ['legal_risk_management', 1],
              ['grief_counselling', 2],
              ['chaplaincy', 1],
            ] as const satisfies readonly (readonly [(typeof RESOURCE_CATEGORIES)[number], number])[]),
            offered_at: new Date(firstContact).toISOString(),
            taken_up_at: null,
          });
        }
      }
      if (next() < 0.35) {
        const month = new Date(closed).toISOString().slice(0, 7);
        feedback.push({
          id: newId(),
          organization_id: organizationId,
          month,
          helpfulness: pick(next, [
            [5, 6],
            [4, 3],
            [3, 1],
          ] as const),
          would_recommend: next() < 0.88,
        });
      }
    }
  }
  // In slices: a statement has a limit on how many values it may bind.
  const chunks = <T>(rows: T[], size = 200) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));
  for (const part of chunks(cases, 50)) await db.insertInto('cases').values(part).execute();
  for (const part of chunks(encounters, 100)) await db.insertInto('encounters').values(part).execute();
  for (const part of chunks(referrals)) await db.insertInto('referral_offers').values(part).execute();
  for (const part of chunks(feedback)) await db.insertInto('feedback').values(part).execute();
  for (const part of chunks(offers, 100)) await db.insertInto('case_offers').values(part).execute();
}
