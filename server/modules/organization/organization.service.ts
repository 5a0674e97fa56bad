import type { z } from 'zod';
import type {
  Department,
  DepartmentInputSchema,
  DepartmentPatchSchema,
  OrganizationStructure,
  Profession,
  ProfessionInputSchema,
  ProfessionPatchSchema,
  Site,
  SiteInputSchema,
  SitePatchSchema,
} from '../../../shared/schemas/organization.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import * as repo from './organization.repository.ts';

export async function getStructure(ctx: AppContext, actor: Actor): Promise<OrganizationStructure> {
  const [sites, departments, professions] = await Promise.all([
    repo.listSites(ctx.db, actor.organizationId),
    repo.listDepartments(ctx.db, actor.organizationId),
    repo.listProfessions(ctx.db, actor.organizationId),
  ]);
  return { sites, departments, professions };
}

async function belongs(db: DbOrTrx, table: repo.StructureTable, organizationId: string, id: string): Promise<boolean> {
  return Boolean(await repo.findStructureEntry(db, table, organizationId, id));
}

async function audit(ctx: AppContext, db: DbOrTrx, actor: Actor, action: string, type: string, id: string) {
  await appendAuditEvent(db, {
    organizationId: actor.organizationId,
    actorPersonId: actor.personId,
    action,
    subjectType: type,
    subjectId: id,
    at: nowIso(ctx.clock),
  });
}

export async function createSite(ctx: AppContext, actor: Actor, input: z.infer<typeof SiteInputSchema>): Promise<Site> {
  if (await repo.isStructureNameTaken(ctx.db, 'sites', actor.organizationId, input.name))
    throw invalid('body.name', 'A site with this name exists');
  const site = { id: newId(), name: input.name, active: input.active ?? true };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSite(trx, { ...site, organization_id: actor.organizationId, created_at: nowIso(ctx.clock) });
    await audit(ctx, trx, actor, 'site.created', 'site', site.id);
  });
  return site;
}

export async function updateSite(ctx: AppContext, actor: Actor, id: string, patch: z.infer<typeof SitePatchSchema>): Promise<Site> {
  if (!(await belongs(ctx.db, 'sites', actor.organizationId, id))) throw notFound();
  if (patch.name && (await repo.isStructureNameTaken(ctx.db, 'sites', actor.organizationId, patch.name, id)))
    throw invalid('body.name', 'A site with this name exists');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSite(trx, actor.organizationId, id, patch);
    await audit(ctx, trx, actor, 'site.updated', 'site', id);
  });
  const site = (await repo.listSites(ctx.db, actor.organizationId)).find((s) => s.id === id);
  if (!site) throw notFound();
  return site;
}

/** Checks a department's site and parent belong to the organisation and that the tree has no loop. */
async function checkDepartmentLinks(ctx: AppContext, actor: Actor, id: string | null, siteId?: string | null, parentId?: string | null) {
  if (siteId && !(await belongs(ctx.db, 'sites', actor.organizationId, siteId))) throw invalid('body.siteId', 'Unknown site');
  if (!parentId) return;
  const all = await repo.listDepartments(ctx.db, actor.organizationId);
  const byId = new Map(all.map((d) => [d.id, d]));
  if (!byId.has(parentId)) throw invalid('body.parentId', 'Unknown department');
  for (let cursor: string | null = parentId, depth = 0; cursor && depth <= all.length; depth++) {
    if (cursor === id) throw invalid('body.parentId', 'A department cannot sit under itself');
    cursor = byId.get(cursor)?.parentId ?? null;
  }
}

export async function createDepartment(ctx: AppContext, actor: Actor, input: z.infer<typeof DepartmentInputSchema>): Promise<Department> {
  await checkDepartmentLinks(ctx, actor, null, input.siteId, input.parentId);
  const department: Department = {
    id: newId(),
    name: input.name,
    siteId: input.siteId ?? null,
    parentId: input.parentId ?? null,
    active: input.active ?? true,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertDepartment(trx, {
      id: department.id,
      organization_id: actor.organizationId,
      name: department.name,
      site_id: department.siteId,
      parent_id: department.parentId,
      active: department.active,
      created_at: nowIso(ctx.clock),
    });
    await audit(ctx, trx, actor, 'department.created', 'department', department.id);
  });
  return department;
}

export async function updateDepartment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.infer<typeof DepartmentPatchSchema>,
): Promise<Department> {
  if (!(await belongs(ctx.db, 'departments', actor.organizationId, id))) throw notFound();
  await checkDepartmentLinks(ctx, actor, id, patch.siteId, patch.parentId);
  await ctx.db.transaction().execute(async (trx) => {
    const set = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.siteId !== undefined ? { site_id: patch.siteId } : {}),
      ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    };
    await repo.updateDepartment(trx, actor.organizationId, id, set);
    await audit(ctx, trx, actor, 'department.updated', 'department', id);
  });
  const department = (await repo.listDepartments(ctx.db, actor.organizationId)).find((d) => d.id === id);
  if (!department) throw notFound();
  return department;
}

export async function createProfession(ctx: AppContext, actor: Actor, input: z.infer<typeof ProfessionInputSchema>): Promise<Profession> {
  if (await repo.isStructureNameTaken(ctx.db, 'professions', actor.organizationId, input.name))
    throw invalid('body.name', 'A profession with this name exists');
  const profession: Profession = { id: newId(), name: input.name, category: input.category, active: input.active ?? true };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertProfession(trx, { ...profession, organization_id: actor.organizationId, created_at: nowIso(ctx.clock) });
    await audit(ctx, trx, actor, 'profession.created', 'profession', profession.id);
  });
  return profession;
}

export async function updateProfession(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.infer<typeof ProfessionPatchSchema>,
): Promise<Profession> {
  if (!(await belongs(ctx.db, 'professions', actor.organizationId, id))) throw notFound();
  if (patch.name && (await repo.isStructureNameTaken(ctx.db, 'professions', actor.organizationId, patch.name, id))) {
    throw invalid('body.name', 'A profession with this name exists');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateProfession(trx, actor.organizationId, id, patch);
    await audit(ctx, trx, actor, 'profession.updated', 'profession', id);
  });
  const profession = (await repo.listProfessions(ctx.db, actor.organizationId)).find((p) => p.id === id);
  if (!profession) throw new AppError('not_found', 'Not found');
  return profession;
}
