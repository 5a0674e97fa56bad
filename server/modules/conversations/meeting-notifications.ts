import type { DbOrTrx, Trx } from '../../db/database.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { EmailTemplate } from '../../email/templates.ts';
import type { AppContext } from '../../lib/context.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { workEmailOf } from '../casework/casework.repository.ts';

/** Links in e-mails: an app path, never a record id (the calendar file is fetched signed in). */
export const SUPPORTER_LINK = '/app/cases';
export const REQUESTER_LINK = '/app/requests';

/** Where the requester gets e-mail: the e-mail contact they chose, else their work address. */
export async function requesterEmailOf(db: DbOrTrx, row: CaseRow): Promise<string | undefined> {
  const value = row.contact_value?.trim();
  if ((row.contact_method === 'work_email' || row.contact_method === 'personal_email') && value && /^[^\s@]+@[^\s@]+$/.test(value)) return value;
  if (row.requester_person_id) return workEmailOf(db, row.organization_id, row.requester_person_id);
  return undefined;
}

/** Content-free e-mails to both parties: "something to look at" and a link, nothing else. */
export async function notifyBoth(ctx: AppContext, trx: Trx, row: CaseRow, supporterId: string, template: EmailTemplate): Promise<void> {
  const now = ctx.clock.now();
  const supporter = await workEmailOf(trx, row.organization_id, supporterId);
  if (supporter) await queueEmail(trx, { organizationId: row.organization_id, to: supporter, template, link: SUPPORTER_LINK, now });
  const requester = await requesterEmailOf(trx, row);
  if (requester && requester.toLowerCase() !== supporter?.toLowerCase()) {
    await queueEmail(trx, { organizationId: row.organization_id, to: requester, template, link: REQUESTER_LINK, now });
  }
}

