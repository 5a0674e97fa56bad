import type { Trx } from '../../db/database.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { EmailTemplate } from '../../email/templates.ts';
import type { AppContext } from '../../lib/context.ts';
import type { Case } from '../cases/index.ts';
import { requesterEmail, workEmailOfPerson } from '../cases/index.ts';

/** Links in e-mails: an app path, never a record id (the calendar file is fetched signed in). */
export const SUPPORTER_LINK = '/app/cases';
export const REQUESTER_LINK = '/app/requests';

/** Content-free e-mails to both parties: "something to look at" and a link, nothing else. */
export async function notifyBoth(ctx: AppContext, trx: Trx, row: Case, supporterId: string, template: EmailTemplate): Promise<void> {
  const now = ctx.clock.now();
  const supporter = await workEmailOfPerson(trx, row.organization_id, supporterId);
  if (supporter)
    await queueEmail(trx, { organizationId: row.organization_id, to: supporter, template, link: SUPPORTER_LINK, now, caseId: row.id });
  const requester = await requesterEmail(trx, row);
  if (requester && requester.toLowerCase() !== supporter?.toLowerCase()) {
    await queueEmail(trx, { organizationId: row.organization_id, to: requester, template, link: REQUESTER_LINK, now, caseId: row.id });
  }
}
