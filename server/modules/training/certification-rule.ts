import type { Curriculum } from '../../../shared/schemas/training.ts';
import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';
import { findJourney, moveJourney } from '../supporters/index.ts';
import * as repo from './training.repository.ts';
import { addMonths, todayIn } from './training-common.ts';
import { certificationMonths, currentCurriculum } from './curriculum.service.ts';

/** The rule that certifies a trainee: every required module of the current curriculum attended and a role-play passed since they entered training (docs/team.md). */

// ---------------------------------------------------------------------------------------------
// The certification rule

interface Progress {
  requiredKeys: string[];
  attendedKeys: Set<string>;
  passed: boolean;
}

/**
 * What counts towards this training: attendance and role-plays recorded since the person entered
 * training, so a refresher starts afresh rather than counting a course of years ago.
 */
export function progressOf(
  curriculum: Curriculum,
  since: string,
  attendance: { module_key: string; recorded_at: string }[],
  observations: { result: string; recorded_at: string }[],
): Progress {
  return {
    requiredKeys: curriculum.modules.filter((m) => m.required).map((m) => m.key),
    attendedKeys: new Set(attendance.filter((a) => a.recorded_at >= since).map((a) => a.module_key)),
    passed: observations.some((o) => o.result === 'pass' && o.recorded_at >= since),
  };
}

const isComplete = (p: Progress) => p.passed && p.requiredKeys.every((k) => p.attendedKeys.has(k));

/**
 * Certifies a trainee, in the caller's transaction, once they are in training, have attended every
 * required module of the current curriculum (by key) and passed at least one observed role-play. The
 * certification runs for the program's period from today in the organisation's time zone.
 */
export async function applyCertificationRule(ctx: AppContext, trx: Trx, organizationId: string, personId: string): Promise<boolean> {
  const journey = await findJourney(trx, organizationId, personId);
  if (journey?.status !== 'in_training') return false;
  const curriculum = await currentCurriculum(ctx, trx, organizationId);
  const progress = progressOf(
    curriculum,
    journey.state_since ?? '',
    await repo.listAttendance(trx, organizationId, personId),
    await repo.listObservations(trx, organizationId, personId),
  );
  if (!isComplete(progress)) return false;
  const today = await todayIn(trx, organizationId, ctx.clock.now());
  const until = addMonths(today, await certificationMonths(trx, organizationId));
  await moveJourney(ctx, trx, { organizationId, personId, event: { type: 'certified', until }, actorKind: 'system', actorPersonId: null });
  return true;
}
