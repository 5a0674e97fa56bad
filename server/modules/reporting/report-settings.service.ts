import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { updateOrganization } from '../organization/index.ts';

/** The director sets the smallest count reports show; audited, as it changes what leadership may see. */
export async function saveReportSettings(ctx: AppContext, actor: Actor, minCount: number): Promise<{ minCount: number }> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateOrganization(trx, actor.organizationId, { report_min_count: minCount });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'reports.min_count_set',
      subjectType: 'organization',
      subjectId: actor.organizationId,
      at,
      detail: String(minCount),
    });
  });
  return { minCount };
}
