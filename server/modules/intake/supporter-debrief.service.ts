import type { SupporterDebriefInput } from '../../../shared/schemas/case.ts';
import { transactionWithDeferredInserts } from '../../db/deferred-inserts.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import * as cases from '../cases/index.ts';
import { alertAdministrators } from '../cases/index.ts';
import { findOrganization } from '../organization/index.ts';
import { findRequesterFacts } from '../people/index.ts';
import { loadClocks, scheduleNewCaseBreachCheck, withFirstContactClock } from '../service-levels/index.ts';

/**
 * "I need a debrief myself" (docs/team.md, "Looking after supporters"). A supporter after a hard
 * stretch is a requester like any other, with one difference: the request goes to the program
 * director and administrators to arrange (often with a senior supporter or the director), not to
 * the matcher, which would offer it to a colleague they may be supporting alongside. It is a case
 * like any other: on the board, with its first-contact clock, and the same confidentiality.
 */
export async function requestSupporterDebrief(ctx: AppContext, actor: Actor, input: SupporterDebriefInput, origin: RequestOrigin) {
  const me = await findRequesterFacts(ctx.db, actor.organizationId, actor.personId);
  if (!me) throw notFound();
  const timeZone = (await findOrganization(ctx.db, actor.organizationId))?.time_zone ?? 'UTC';
  const row = withFirstContactClock(await loadClocks(ctx.db, actor.organizationId, timeZone), {
    ...cases.newCase(actor.organizationId, 'self', ctx.clock.now()),
    reason: 'other',
    urgency: input.urgency,
    modality: input.modality,
    department_preference: 'no_preference',
    requester_profession_category: me.category ?? null,
    requester_department_id: me.department_id,
    requester_person_id: me.id,
    requester_first_name: me.first_name,
    contact_method: 'work_email',
    contact_value: me.work_email,
  });
  return transactionWithDeferredInserts(ctx.db, async (trx) => {
    await cases.insertCase(trx, row);
    await scheduleNewCaseBreachCheck(ctx, trx, row);
    await cases.appendCaseAudit(trx, {
      organizationId: row.organization_id,
      caseId: row.id,
      actorPersonId: actor.personId,
      action: 'case.created.supporter_debrief',
      at: row.created_at,
      ip: origin.ip,
    });
    await alertAdministrators(ctx, trx, row.organization_id, row.id);
    return { id: row.id };
  });
}
