import type { z } from 'zod';
import type {
  ProgramSettingsPatchSchema,
  PublicProgram,
  SupportLine,
  SupportLinePatchSchema,
} from '../../../shared/schemas/organization.ts';
import { nowIso, toBool } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { assertRecentlyVerified } from '../../lib/step-up.ts';
import {
  findOrganization,
  findOrganizationBySlug,
  findSupportLine,
  firstOrganization,
  listSupportLines,
  toSupportLine,
  updateOrganization,
  updateSupportLine as updateSupportLineRow,
} from './organization.repository.ts';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** What anyone may read without signing in: the program's name and where to get help now. */
export async function getPublicProgram(ctx: AppContext, slug: string | undefined): Promise<PublicProgram> {
  const wanted = slug ?? ctx.config.defaultOrganizationSlug;
  const org = wanted ? await findOrganizationBySlug(ctx.db, wanted) : await firstOrganization(ctx.db);
  if (!org) throw notFound('No such organisation');
  return {
    organization: { slug: org.slug, name: org.name, timeZone: org.time_zone },
    programName: org.program_name,
    supportLines: await listSupportLines(ctx.db, org.id),
    supporterDirectoryEnabled: toBool(org.supporter_directory_enabled),
  };
}

export async function getProgramSettings(ctx: AppContext, actor: Actor) {
  const org = await findOrganization(ctx.db, actor.organizationId);
  if (!org) throw notFound();
  return {
    programName: org.program_name,
    timeZone: org.time_zone,
    supportLines: await listSupportLines(ctx.db, org.id),
    supporterDirectoryEnabled: toBool(org.supporter_directory_enabled),
    retentionDays: org.retention_days,
    supportersNeedSecondFactor: toBool(org.supporters_need_second_factor),
    cooldownDays: org.cooldown_days,
  };
}

export async function updateProgramSettings(ctx: AppContext, actor: Actor, patch: z.infer<typeof ProgramSettingsPatchSchema>) {
  if (patch.timeZone && !isTimeZone(patch.timeZone)) throw invalid('body.timeZone', 'Unknown time zone');
  // How long identifying data is kept, and who needs an authenticator, are step-up changes.
  const current = await findOrganization(ctx.db, actor.organizationId);
  if (!current) throw notFound();
  const retentionChanges = patch.retentionDays !== undefined && patch.retentionDays !== current.retention_days;
  const secondFactorChanges =
    patch.supportersNeedSecondFactor !== undefined && patch.supportersNeedSecondFactor !== toBool(current.supporters_need_second_factor);
  if (retentionChanges || secondFactorChanges) assertRecentlyVerified(ctx, actor);
  await ctx.db.transaction().execute(async (trx) => {
    await updateOrganization(trx, actor.organizationId, {
      ...(patch.programName ? { program_name: patch.programName } : {}),
      ...(patch.timeZone ? { time_zone: patch.timeZone } : {}),
      ...(patch.supporterDirectoryEnabled !== undefined ? { supporter_directory_enabled: patch.supporterDirectoryEnabled } : {}),
      ...(patch.retentionDays !== undefined ? { retention_days: patch.retentionDays } : {}),
      ...(patch.supportersNeedSecondFactor !== undefined ? { supporters_need_second_factor: patch.supportersNeedSecondFactor } : {}),
      ...(patch.cooldownDays !== undefined ? { cooldown_days: patch.cooldownDays } : {}),
    });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'settings.program_updated',
      at: nowIso(ctx.clock),
    });
  });
  return getProgramSettings(ctx, actor);
}

export async function updateSupportLine(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.infer<typeof SupportLinePatchSchema>,
): Promise<SupportLine> {
  if (patch.timeZone && !isTimeZone(patch.timeZone)) throw invalid('body.timeZone', 'Unknown time zone');
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findSupportLine(trx, actor.organizationId, id);
    if (!existing) throw notFound();
    const set = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.hours !== undefined ? { hours: JSON.stringify(patch.hours) } : {}),
      ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
    };
    await updateSupportLineRow(trx, actor.organizationId, id, set);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'settings.support_line_updated',
      subjectType: 'support_line',
      subjectId: id,
      at: nowIso(ctx.clock),
    });
    return toSupportLine({ ...existing, ...set });
  });
}
