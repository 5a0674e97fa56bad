import type { Curriculum, CurriculumInput, CurriculumModule, Scenario } from '../../../shared/schemas/training.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { newId, parseJsonArray } from '../../db/values.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { DEFAULT_CURRICULUM, DEFAULT_SCENARIOS } from './default-curriculum.ts';
import * as repo from './training.repository.ts';
import { type Caller, DEFAULT_CERTIFICATION_MONTHS } from './training-common.ts';

/** The curriculum (versioned), the role-play scenarios and the certification period: the director's configuration of training (docs/team.md). */

// ---------------------------------------------------------------------------------------------
// Curriculum, scenarios, settings

function toCurriculum(row: repo.CurriculumRow): Curriculum {
  const modules = parseJsonArray<CurriculumModule>(row.modules).sort((a, b) => a.position - b.position);
  return { version: Number(row.version), createdAt: row.created_at, modules };
}

/**
 * The current version. Version 1 (the defaults) is created on first read, and the default role-play
 * scenarios with it: only the caller that stores version 1 seeds them, so two first reads seed once.
 */
export async function currentCurriculum(ctx: AppContext, db: DbOrTrx, organizationId: string): Promise<Curriculum> {
  const found = await repo.latestCurriculum(db, organizationId);
  if (found) return toCurriculum(found);
  const at = ctx.clock.now().toISOString();
  const seeded = await repo.insertCurriculumIfNew(db, {
    id: newId(),
    organization_id: organizationId,
    version: 1,
    modules: JSON.stringify(DEFAULT_CURRICULUM),
    created_by: null,
    created_at: at,
  });
  if (seeded) {
    for (const [position, scenario] of DEFAULT_SCENARIOS.entries()) {
      await repo.insertScenario(db, {
        id: newId(),
        organization_id: organizationId,
        ...scenario,
        position,
        created_at: at,
        updated_at: at,
      });
    }
  }
  const latest = await repo.latestCurriculum(db, organizationId);
  if (!latest) throw new Error('training curriculum could not be seeded');
  return toCurriculum(latest);
}

const slug = (title: string): string =>
  title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50) || 'module';

/** Saves a new version; older versions stay, read-only. Modules keep their keys so attendance keeps counting. */
export async function saveCurriculum(ctx: AppContext, actor: Caller, input: CurriculumInput): Promise<Curriculum> {
  const given = input.modules.flatMap((m) => (m.key ? [m.key] : []));
  if (new Set(given).size !== given.length) throw invalid('body.modules', 'Two modules have the same key');
  const used = new Set(given);
  const modules: CurriculumModule[] = input.modules.map((m, position) => {
    let key = m.key;
    if (!key) {
      const base = slug(m.title);
      key = base;
      for (let n = 2; used.has(key); n += 1) key = `${base}-${n}`;
      used.add(key);
    }
    return { key, title: m.title, description: m.description, minutes: m.minutes, required: m.required, position };
  });
  if (!modules.some((m) => m.required)) throw invalid('body.modules', 'At least one module must be required');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await currentCurriculum(ctx, trx, actor.organizationId);
    const row: repo.CurriculumRow = {
      id: newId(),
      organization_id: actor.organizationId,
      version: current.version + 1,
      modules: JSON.stringify(modules),
      created_by: actor.personId,
      created_at: at,
    };
    if (!(await repo.insertCurriculumIfNew(trx, row)))
      throw new AppError('conflict', 'The curriculum was saved by someone else meanwhile; reload');
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.curriculum_saved',
      at,
      detail: String(row.version),
    });
    return toCurriculum(row);
  });
}

export async function getCurriculumVersion(ctx: AppContext, actor: Caller, version: number): Promise<Curriculum> {
  await currentCurriculum(ctx, ctx.db, actor.organizationId);
  const row = await repo.findCurriculumVersion(ctx.db, actor.organizationId, version);
  if (!row) throw notFound();
  return toCurriculum(row);
}

export async function certificationMonths(db: DbOrTrx, organizationId: string): Promise<number> {
  return (await repo.findCertificationMonths(db, organizationId)) ?? DEFAULT_CERTIFICATION_MONTHS;
}

export async function saveSettings(ctx: AppContext, actor: Caller, months: number): Promise<{ certificationMonths: number }> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveCertificationMonths(trx, actor.organizationId, months, at);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.settings_saved',
      at,
      detail: `certification_months=${months}`,
    });
  });
  return { certificationMonths: months };
}

export const toScenario = (row: repo.ScenarioRow): Scenario => ({ id: row.id, title: row.title, situation: row.situation });

export async function addScenario(ctx: AppContext, actor: Caller, input: { title: string; situation: string }): Promise<Scenario> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await currentCurriculum(ctx, trx, actor.organizationId);
    const existing = await repo.listScenarios(trx, actor.organizationId);
    const row: repo.ScenarioRow = {
      id: newId(),
      organization_id: actor.organizationId,
      title: input.title,
      situation: input.situation,
      position: existing.reduce((max, s) => Math.max(max, Number(s.position)), -1) + 1,
      created_at: at,
      updated_at: at,
    };
    await repo.insertScenario(trx, row);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.scenario_added',
      subjectType: 'training_scenario',
      subjectId: row.id,
      at,
    });
    return toScenario(row);
  });
}

export async function editScenario(
  ctx: AppContext,
  actor: Caller,
  id: string,
  input: { title?: string | undefined; situation?: string | undefined },
): Promise<Scenario> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findScenario(trx, actor.organizationId, id);
    if (!found) throw notFound();
    const set = {
      ...(input.title ? { title: input.title } : {}),
      ...(input.situation ? { situation: input.situation } : {}),
      updated_at: at,
    };
    await repo.updateScenario(trx, actor.organizationId, id, set);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.scenario_edited',
      subjectType: 'training_scenario',
      subjectId: id,
      at,
    });
    return toScenario({ ...found, ...set });
  });
}
