import type { z } from 'zod';
import type { Resource, ResourceInputSchema, ResourcePatchSchema } from '../../../shared/schemas/resources.ts';
import { newId, nowIso } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import * as repo from './resources.repository.ts';

export async function listResources(ctx: AppContext, actor: Actor): Promise<Resource[]> {
  return repo.listResources(ctx.db, actor.organizationId);
}

export async function createResource(ctx: AppContext, actor: Actor, input: z.infer<typeof ResourceInputSchema>): Promise<Resource> {
  const at = nowIso(ctx.clock);
  const row = {
    id: newId(),
    organization_id: actor.organizationId,
    category: input.category,
    name: input.name,
    phone: input.phone ?? null,
    url: input.url ?? null,
    hours: input.hours || null,
    description: input.description ?? '',
    active: input.active ?? true,
    sort_order: input.sortOrder ?? 100,
    created_at: at,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertResource(trx, row);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'resource.created',
      subjectType: 'resource',
      subjectId: row.id,
      at,
    });
  });
  return repo.toResource(row);
}

export async function updateResource(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.infer<typeof ResourcePatchSchema>,
): Promise<Resource> {
  const at = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findResource(trx, actor.organizationId, id);
    if (!existing) throw notFound();
    const set = {
      ...(patch.category !== undefined ? { category: patch.category } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.hours !== undefined ? { hours: patch.hours || null } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      updated_at: at,
    };
    await repo.updateResource(trx, actor.organizationId, id, set);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'resource.updated',
      subjectType: 'resource',
      subjectId: id,
      at,
    });
    return repo.toResource({ ...existing, ...set });
  });
}
