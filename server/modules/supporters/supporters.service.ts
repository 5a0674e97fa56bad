import type { z } from 'zod';
import type { Modality } from '../../../shared/schemas/case-vocabulary.ts';
import type {
  OwnSupporterProfileInputSchema,
  ProgramSupporterInputSchema,
  SupporterProfile,
  SupporterSummarySchema,
} from '../../../shared/schemas/supporter.ts';
import { nowIso, parseJsonArray, toBool } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findOrganization } from '../organization/index.ts';
import * as repo from './supporters.repository.ts';
import { DEFAULT_PROFILE, type ProfileRow } from './supporter-profile.ts';
import { localDay } from '../../../shared/calendar-day.ts';

function toProfile(personId: string, row: ProfileRow, today: string): SupporterProfile {
  const away = parseJsonArray<{ from: string; to: string }>(row.away_periods);
  const matchable =
    row.status === 'active' &&
    row.certified_until !== null &&
    row.certified_until >= today &&
    !(row.paused_until && row.paused_until >= today) &&
    !away.some((p) => p.from <= today && today <= p.to) &&
    row.capacity > 0;
  return {
    personId,
    status: row.status as SupporterProfile['status'],
    certifiedUntil: row.certified_until,
    capacity: row.capacity,
    modalities: parseJsonArray<Modality>(row.modalities),
    experienceTags: parseJsonArray(row.experience_tags),
    weeklyAvailability: parseJsonArray(row.weekly_availability),
    awayPeriods: away,
    pausedUntil: row.paused_until,
    matchable,
  };
}

async function today(ctx: AppContext, organizationId: string): Promise<string> {
  const org = await findOrganization(ctx.db, organizationId);
  return localDay(ctx.clock.now(), org?.time_zone ?? 'UTC');
}

type SupporterPersonRow = Awaited<ReturnType<typeof repo.listSupporterPeople>>[number];

function profileRowOf(person: SupporterPersonRow): ProfileRow {
  if (person.status === null) return DEFAULT_PROFILE;
  return {
    status: person.status,
    certified_until: person.certified_until,
    capacity: person.capacity ?? DEFAULT_PROFILE.capacity,
    modalities: person.modalities ?? DEFAULT_PROFILE.modalities,
    experience_tags: person.experience_tags ?? '[]',
    weekly_availability: person.weekly_availability ?? '[]',
    away_periods: person.away_periods ?? '[]',
    paused_until: person.paused_until,
  };
}

function toSummary(person: SupporterPersonRow, day: string): z.infer<typeof SupporterSummarySchema> {
  return {
    personId: person.person_id,
    firstName: person.first_name,
    lastName: person.last_name,
    professionCategory: person.profession_category ?? null,
    departmentId: person.department_id,
    languages: parseJsonArray<string>(person.languages),
    profile: toProfile(person.person_id, profileRowOf(person), day),
  };
}

async function requireSupporter(ctx: AppContext, organizationId: string, personId: string): Promise<SupporterPersonRow> {
  const [person] = await repo.listSupporterPeople(ctx.db, organizationId, personId);
  if (!person || !toBool(person.person_active)) throw notFound();
  return person;
}

async function save(ctx: AppContext, actor: Actor, personId: string, row: ProfileRow, action: string) {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertProfile(trx, { ...row, person_id: personId, organization_id: actor.organizationId, updated_at: at });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action,
      subjectType: 'supporter',
      subjectId: personId,
      at,
    });
  });
}

export async function getOwnProfile(ctx: AppContext, actor: Actor): Promise<SupporterProfile> {
  const person = await requireSupporter(ctx, actor.organizationId, actor.personId);
  return toProfile(actor.personId, profileRowOf(person), await today(ctx, actor.organizationId));
}

export async function updateOwnProfile(ctx: AppContext, actor: Actor, input: z.infer<typeof OwnSupporterProfileInputSchema>) {
  const current = profileRowOf(await requireSupporter(ctx, actor.organizationId, actor.personId));
  const next: ProfileRow = {
    ...current,
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...(input.modalities !== undefined ? { modalities: JSON.stringify([...new Set(input.modalities)]) } : {}),
    ...(input.experienceTags !== undefined ? { experience_tags: JSON.stringify([...new Set(input.experienceTags)]) } : {}),
    ...(input.weeklyAvailability !== undefined ? { weekly_availability: JSON.stringify(input.weeklyAvailability) } : {}),
    ...(input.awayPeriods !== undefined ? { away_periods: JSON.stringify(input.awayPeriods) } : {}),
    ...(input.pausedUntil !== undefined ? { paused_until: input.pausedUntil } : {}),
  };
  await save(ctx, actor, actor.personId, next, 'supporter.profile_updated');
  return getOwnProfile(ctx, actor);
}

export async function listSupporters(ctx: AppContext, actor: Actor) {
  const day = await today(ctx, actor.organizationId);
  const people = await repo.listSupporterPeople(ctx.db, actor.organizationId);
  return people.filter((p) => toBool(p.person_active)).map((p) => toSummary(p, day));
}

export async function updateSupporter(ctx: AppContext, actor: Actor, personId: string, input: z.infer<typeof ProgramSupporterInputSchema>) {
  const current = profileRowOf(await requireSupporter(ctx, actor.organizationId, personId));
  const next: ProfileRow = {
    ...current,
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
  };
  await save(ctx, actor, personId, next, 'supporter.program_updated');
  return toSummary(await requireSupporter(ctx, actor.organizationId, personId), await today(ctx, actor.organizationId));
}
