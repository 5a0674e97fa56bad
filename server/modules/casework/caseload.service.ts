import type { z } from 'zod';
import type { SupporterCaseSchema } from '../../../shared/schemas/case.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { appendCaseAuditGrouped, listOpenCasesAssignedTo } from '../cases/index.ts';

/**
 * Cases assigned to me, with the requester's first name and contact: each such read is written
 * to the case audit (docs/product.md, C5).
 */
export async function listMyCases(ctx: AppContext, actor: Actor, origin: RequestOrigin): Promise<z.infer<typeof SupporterCaseSchema>[]> {
  const rows = await listOpenCasesAssignedTo(ctx.db, actor.organizationId, actor.personId);
  const at = ctx.clock.now().toISOString();
  await appendCaseAuditGrouped(
    ctx.db,
    rows.map((row) => ({
      organizationId: row.organization_id,
      caseId: row.id,
      actorPersonId: actor.personId,
      action: 'case.contact_viewed',
      at,
      ip: origin.ip,
    })),
  );
  return rows.map((row) => ({
    id: row.id,
    origin: row.origin,
    state: row.state,
    reason: row.reason,
    urgency: row.urgency,
    modality: row.modality,
    language: row.language,
    requesterFirstName: row.requester_first_name ?? '',
    contactMethod: row.contact_method ?? 'work_email',
    contactValue: row.contact_value ?? '',
    assignedAt: row.assigned_at,
  }));
}
