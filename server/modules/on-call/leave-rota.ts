import type { Trx } from '../../db/database.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { AppContext } from '../../lib/context.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { activeEmailsWithRoles } from '../people/index.ts';
import type { SupporterLeftDuty } from '../supporters/index.ts';
import { removePersonFromRota } from './on-call.repository.ts';

/**
 * A supporter who pauses, retires or whose certification runs out leaves the rota at once, in the
 * transaction of that change (docs/team.md): nobody is paged who may not take a request. The
 * directors are told, since the rotation's turns now run without them and a gap may need filling.
 */
export async function onCallSupporterSubscriber(ctx: AppContext, trx: Trx, event: SupporterLeftDuty): Promise<void> {
  const now = ctx.clock.now();
  if (!(await removePersonFromRota(trx, event.organizationId, event.personId, now.toISOString(), event.actorPersonId))) return;
  await appendAuditEvent(trx, {
    organizationId: event.organizationId,
    actorPersonId: event.actorPersonId,
    action: 'on_call.left_rota',
    subjectType: 'person',
    subjectId: event.personId,
    at: now.toISOString(),
  });
  for (const to of await activeEmailsWithRoles(trx, event.organizationId, ['program_director'])) {
    await queueEmail(trx, { organizationId: event.organizationId, to, template: 'attention_needed', link: '/app/on-call', now });
  }
}
