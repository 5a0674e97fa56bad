import type { z } from 'zod';
import {
  DEFAULT_EVENT_TRIGGERS,
  type EventTriggerCreateSchema,
  type EventTriggerSchema,
  type EventTriggerUpdateSchema,
} from '../../../shared/schemas/event-notices.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { newId, toBool } from '../../db/values.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import * as repo from './event-notices.repository.ts';

type EventTrigger = z.infer<typeof EventTriggerSchema>;

function toTrigger(row: repo.EventTriggerRow): EventTrigger {
  return { id: row.id, label: row.label, reason: row.reason, active: toBool(row.active) };
}

/**
 * The organisation's trigger catalogue, seeded with the defaults the first time anyone reads it
 * (organisations created before this feature, and new ones, get them the same way).
 */
export async function ensureTriggers(db: DbOrTrx, organizationId: string, now: Date): Promise<repo.EventTriggerRow[]> {
  const rows = await repo.listTriggers(db, organizationId);
  if (rows.length) return rows;
  const at = now.toISOString();
  await repo.insertTriggersIfAbsent(
    db,
    DEFAULT_EVENT_TRIGGERS.map((t, i) => ({
      id: newId(),
      organization_id: organizationId,
      code: t.code,
      label: t.label,
      reason: t.reason,
      active: true,
      position: i + 1,
      created_at: at,
    })),
  );
  return repo.listTriggers(db, organizationId);
}

export async function listTriggers(ctx: AppContext, organizationId: string): Promise<{ triggers: EventTrigger[] }> {
  return { triggers: (await ensureTriggers(ctx.db, organizationId, ctx.clock.now())).map(toTrigger) };
}

export async function createTrigger(
  ctx: AppContext,
  organizationId: string,
  input: z.infer<typeof EventTriggerCreateSchema>,
): Promise<EventTrigger> {
  const existing = await ensureTriggers(ctx.db, organizationId, ctx.clock.now());
  const row: repo.EventTriggerRow = {
    id: newId(),
    organization_id: organizationId,
    code: null,
    label: input.label,
    reason: input.reason,
    active: true,
    position: Math.max(0, ...existing.map((r) => r.position)) + 1,
    created_at: ctx.clock.now().toISOString(),
  };
  await repo.insertTrigger(ctx.db, row);
  return toTrigger(row);
}

/** Rename or retire a trigger; retired ones stay on past notices but cannot be chosen again. */
export async function updateTrigger(
  ctx: AppContext,
  organizationId: string,
  id: string,
  input: z.infer<typeof EventTriggerUpdateSchema>,
): Promise<EventTrigger> {
  const row = await repo.findTrigger(ctx.db, organizationId, id);
  if (!row) throw notFound();
  const set = { ...(input.label !== undefined && { label: input.label }), ...(input.active !== undefined && { active: input.active }) };
  if (Object.keys(set).length) await repo.updateTrigger(ctx.db, organizationId, id, set);
  return toTrigger({ ...row, ...set });
}
