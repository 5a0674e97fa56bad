import type { TrainingSessionInput } from '../../../shared/schemas/training.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { AppContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import { findPerson } from '../people/index.ts';
import { checkTimeAndPlace } from '../scheduling/index.ts';
import type { SessionRow } from './training.repository.ts';
import { currentCurriculum } from './curriculum.service.ts';

/** The rules a training session's details follow, the same when it is scheduled and when it is changed (docs/team.md). */

export async function requirePersonOf(db: DbOrTrx, organizationId: string, personId: string, field: string) {
  const person = await findPerson(db, organizationId, personId);
  if (!person?.active) throw invalid(field, 'Not a person of this organisation');
  return person;
}

export type SessionFields = Pick<
  SessionRow,
  'starts_at' | 'ends_at' | 'modality' | 'place' | 'video_link' | 'facilitator_person_id' | 'capacity' | 'module_keys'
>;

/**
 * Checks a session's details and returns them as the row stores them: it ends after it starts and
 * lasts at most 12 hours, has a room or a link that says nothing about what it is (both go into
 * calendar invites), a facilitator of the organisation, and modules of the current curriculum.
 * `kept` is what a session being changed has already: its modules may stay when the curriculum has
 * moved on since, and its facilitator when they have left since, so an older session can still be
 * changed (its time, say) without first undoing what was true when it was scheduled.
 */
export async function checkSessionFields(
  ctx: AppContext,
  db: DbOrTrx,
  organizationId: string,
  input: TrainingSessionInput,
  kept: { moduleKeys: readonly string[]; facilitatorId: string } = { moduleKeys: [], facilitatorId: '' },
): Promise<SessionFields> {
  const when = checkTimeAndPlace(input, 'session', 12);
  const keys = [...new Set(input.moduleKeys)];
  if (input.facilitatorId !== kept.facilitatorId) await requirePersonOf(db, organizationId, input.facilitatorId, 'body.facilitatorId');
  const curriculum = await currentCurriculum(ctx, db, organizationId);
  const known = new Set([...curriculum.modules.map((m) => m.key), ...kept.moduleKeys]);
  if (keys.some((k) => !known.has(k))) throw invalid('body.moduleKeys', 'Not a module of the current curriculum');
  return {
    starts_at: when.startsAt,
    ends_at: when.endsAt,
    modality: when.modality,
    place: when.place,
    video_link: when.videoLink,
    facilitator_person_id: input.facilitatorId,
    capacity: input.capacity,
    module_keys: JSON.stringify(keys),
  };
}
