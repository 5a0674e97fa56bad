import { sql } from 'kysely';
import { TERMINAL_STATES } from '../../../shared/case-workflow.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { toCase, type Case } from '../cases/index.ts';

/**
 * The queries of erasure (docs/decisions/007-retention-and-erasure.md). Every table that holds
 * identifying data linked to a case is named here; what is kept is de-identified statistics.
 */

export async function retentionDaysOf(db: DbOrTrx, organizationId: string): Promise<number> {
  const row = await db.selectFrom('organizations').select('retention_days').where('id', '=', organizationId).executeTakeFirst();
  return row?.retention_days ?? 30;
}

export async function listOrganizationRetention(db: DbOrTrx): Promise<{ id: string; retention_days: number }[]> {
  return db.selectFrom('organizations').select(['id', 'retention_days']).orderBy('id').execute();
}

/** Finished, not yet erased cases of an organisation that ended at or before `closedBy`, oldest first. */
export async function listCasesDueForErasure(db: DbOrTrx, organizationId: string, closedBy: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('state', 'in', TERMINAL_STATES)
    .where('erased_at', 'is', null)
    .where('closed_at', '<=', closedBy)
    .orderBy('closed_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function findCaseById(db: DbOrTrx, id: string): Promise<Case | undefined> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCase(row);
}

/**
 * Clears every identifying column, once: only a finished case that ended when the caller read it and
 * is not erased yet matches, so a reopen or a second eraser in between makes this a no-op (false).
 */
export async function eraseCaseColumns(trx: Trx, row: Case, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set({
      requester_person_id: null,
      requester_first_name: null,
      contact_method: null,
      contact_value: null,
      anonymous_code: null,
      anonymous_secret_hash: null,
      requester_department_id: null,
      language: null,
      relaxed_rules: '[]',
      erased_at: at,
      updated_at: at,
    })
    .where('id', '=', row.id)
    .where('state', 'in', TERMINAL_STATES)
    .where('erased_at', 'is', null)
    .where('closed_at', '=', row.closed_at ?? '')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Rows that only describe how to reach or meet the requester: gone entirely. Returns the ids jobs may name. */
export async function deleteContactRows(trx: Trx, caseId: string): Promise<string[]> {
  const conversations = await trx.selectFrom('conversations').select('id').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('conversations').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('contact_attempts').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('outreach_invites').where('case_id', '=', caseId).execute();
  const offers = await trx.selectFrom('case_offers').select('id').where('case_id', '=', caseId).execute();
  // The matcher's reasons describe the requester next to the supporter (same profession, language…).
  await trx.updateTable('case_offers').set({ match_reasons: '[]' }).where('case_id', '=', caseId).execute();
  return [...conversations.map((c) => c.id), ...offers.map((o) => o.id)];
}

/** "This person was involved in that event": the notice keeps its department, trigger and time. */
export async function deleteNoticeLinksOf(trx: Trx, caseId: string, personId: string): Promise<void> {
  await trx
    .deleteFrom('event_notice_people')
    .where('person_id', '=', personId)
    .where('notice_id', 'in', trx.selectFrom('case_event_notices').select('notice_id').where('case_id', '=', caseId))
    .execute();
}

/**
 * The requester's own actions on the case (asked, withdrew, reopened…) name them as the actor: those
 * audit rows lose the actor, so the case id in the audit log no longer leads to a person (docs/product.md, C5).
 */
export async function unlinkRequesterFromCaseAudit(trx: Trx, caseId: string, personId: string): Promise<void> {
  await trx
    .updateTable('case_audit')
    .set({ actor_person_id: null })
    .where('case_id', '=', caseId)
    .where('actor_person_id', '=', personId)
    .execute();
}

/** The earliest start of another case of the same person that is not erased (its e-mails are not ours to delete). */
export async function otherLiveCaseSince(
  db: DbOrTrx,
  organizationId: string,
  personId: string,
  exceptCaseId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.min('created_at').as('since'))
    .where('organization_id', '=', organizationId)
    .where('requester_person_id', '=', personId)
    .where('id', '!=', exceptCaseId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return row?.since ?? undefined;
}

/** Which of a case's messages erasure removes. */
export interface CaseMail {
  organizationId: string;
  caseId: string;
  /** For messages queued before outbox rows carried their case id (migration 0025): the requester's addresses… */
  legacyAddresses: string[];
  /** …and the latest creation time that can still be this case's (another live case of the person began then). */
  legacyCreatedBy: string;
}

/**
 * The case's messages: every outbox row carrying its id, whoever it went to. Rows from before
 * migration 0025 carry none; for those, what a requester received (feedback link, resource sheet,
 * outreach invite, conversation messages on the requester's link) at the requester's addresses.
 */
export function caseMailQuery(db: DbOrTrx, mail: CaseMail) {
  return db
    .selectFrom('email_outbox')
    .where('organization_id', '=', mail.organizationId)
    .where((eb) => {
      const byId = eb('case_id', '=', mail.caseId);
      if (mail.legacyAddresses.length === 0) return byId;
      return eb.or([
        byId,
        eb.and([
          eb('case_id', 'is', null),
          eb('to_address', 'in', mail.legacyAddresses),
          eb('created_at', '<=', mail.legacyCreatedBy),
          eb.or([eb('template', 'in', ['feedback_request', 'outreach_invite']), eb('link', 'in', ['/resources', '/app/requests'])]),
        ]),
      ]);
    });
}

export async function countQueuedCaseMail(db: DbOrTrx, mail: CaseMail): Promise<number> {
  const row = await caseMailQuery(db, mail)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deletes those outbox rows and returns their ids (their send jobs go too). */
export async function deleteCaseMail(trx: Trx, mail: CaseMail): Promise<string[]> {
  const rows = await caseMailQuery(trx, mail).select('id').execute();
  const ids = rows.map((r) => r.id);
  if (ids.length) await trx.deleteFrom('email_outbox').where('id', 'in', ids).execute();
  return ids;
}

/**
 * Jobs whose payload names the case or one of these records (follow-up reminders, clocks, pages,
 * conversation reminders, e-mails), except one running right now and the erasure jobs themselves. Payloads
 * hold ids only; UUIDs do not occur inside one another, so a quoted match is exact.
 */
export async function deleteJobsNaming(trx: Trx, ids: string[], keepKinds: readonly string[]): Promise<void> {
  for (const id of ids) {
    await trx
      .deleteFrom('jobs')
      .where('payload', 'like', `%"${id}"%`)
      .where('status', '!=', 'running')
      .where('kind', 'not in', keepKinds)
      .execute();
  }
}

/** SQLite: old page versions stay in the write-ahead log until a checkpoint; TRUNCATE empties the file. */
export async function checkpointSqlite(db: DbOrTrx): Promise<void> {
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
