import type { ObservationInput } from '../../../shared/schemas/training.ts';
import { newId } from '../../db/values.ts';
import type { AppContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import * as repo from './training.repository.ts';
import type { Caller } from './training-common.ts';
import { currentCurriculum } from './curriculum.service.ts';
import { requirePersonOf } from './session-fields.ts';
import { applyCertificationRule } from './certification-rule.ts';

/** Observed role-plays: a fixed checklist and pass or repeat, never notes about the trainee; a pass may complete a certification (docs/team.md). */

// ---------------------------------------------------------------------------------------------
// Observed role-play

export async function recordObservation(ctx: AppContext, actor: Caller, input: ObservationInput): Promise<{ id: string }> {
  const c = input.checklist;
  // A pass means the observer saw every item of the checklist; anything less is a repeat.
  if (
    input.result === 'pass' &&
    !(c.listenedWithoutJudging && c.askedCommonQuestions && c.offeredResources && c.checkedSafety && c.keptConfidentiality)
  ) {
    throw invalid('body.result', 'A pass needs every item of the checklist');
  }
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await requirePersonOf(trx, actor.organizationId, input.traineeId, 'body.traineeId');
    await requirePersonOf(trx, actor.organizationId, input.observerId, 'body.observerId');
    await currentCurriculum(ctx, trx, actor.organizationId);
    if (!(await repo.findScenario(trx, actor.organizationId, input.scenarioId)))
      throw invalid('body.scenarioId', 'Not a scenario of this program');
    const id = newId();
    await repo.insertObservation(trx, {
      id,
      organization_id: actor.organizationId,
      trainee_person_id: input.traineeId,
      scenario_id: input.scenarioId,
      observer_person_id: input.observerId,
      observed_at: new Date(input.observedAt).toISOString(),
      listened_without_judging: c.listenedWithoutJudging,
      asked_common_questions: c.askedCommonQuestions,
      offered_resources: c.offeredResources,
      checked_safety: c.checkedSafety,
      kept_confidentiality: c.keptConfidentiality,
      result: input.result,
      recorded_by: actor.personId,
      recorded_at: at,
    });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.observation_recorded',
      subjectType: 'supporter',
      subjectId: input.traineeId,
      at,
      detail: input.result,
    });
    await applyCertificationRule(ctx, trx, actor.organizationId, input.traineeId);
    return { id };
  });
}
