import { CASE_ORIGINS, URGENCIES } from '../../../shared/schemas/case-vocabulary.ts';
import type { ServiceLevels, ServiceLevelsInput } from '../../../shared/schemas/service-levels.ts';
import { appendAuditEvent } from '../audit/index.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { loadClocks, targetOf, type ProgramClocks } from './clocks.ts';
import * as repo from './service-levels.repository.ts';

function toServiceLevels(clocks: ProgramClocks): ServiceLevels {
  const { calendar } = clocks;
  return {
    calendar: {
      timeZone: calendar.timeZone,
      days: [...calendar.days],
      opens: calendar.opens,
      closes: calendar.closes,
      holidays: [...calendar.holidays],
    },
    escalationPercent: clocks.escalationPercent,
    targets: CASE_ORIGINS.flatMap((origin) =>
      URGENCIES.map((urgency) => {
        const target = targetOf(clocks, origin, urgency);
        return {
          origin,
          urgency,
          basis: target.basis,
          minutes: target.minutes,
          isDefault: clocks.targets.get(`${origin}/${urgency}`)?.isDefault ?? true,
        };
      }),
    ),
  };
}

export async function getServiceLevels(ctx: AppContext, actor: Actor): Promise<ServiceLevels> {
  return toServiceLevels(await loadClocks(ctx.db, actor.organizationId));
}

/**
 * Replaces the calendar and targets (validated by the request schema: nothing is written on a 400).
 * Only cases opened from now on use them: open cases keep the due times stored when they were opened.
 */
export async function updateServiceLevels(
  ctx: AppContext,
  actor: Actor,
  input: ServiceLevelsInput,
  origin: RequestOrigin,
): Promise<ServiceLevels> {
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceServiceLevels(
      trx,
      {
        organization_id: actor.organizationId,
        days: JSON.stringify([...input.calendar.days].sort((a, b) => a - b)),
        opens: input.calendar.opens,
        closes: input.calendar.closes,
        holidays: JSON.stringify([...new Set(input.calendar.holidays)].sort()),
        escalation_percent: input.escalationPercent,
        updated_at: now,
      },
      input.targets.map((t) => ({
        organization_id: actor.organizationId,
        origin: t.origin,
        urgency: t.urgency,
        basis: t.basis,
        minutes: t.minutes,
      })),
    );
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'settings.service_levels_updated',
      at: now,
      ip: origin.ip,
    });
  });
  return getServiceLevels(ctx, actor);
}
