import type { DbOrTrx } from '../../db/database.ts';
import type { ConversationGuidesTable, ConversationsTable, ProgramSettingsTable } from '../../db/schema-support.ts';

export type ConversationRow = ConversationsTable;
export type GuideRow = ConversationGuidesTable;
export type ProgramSettingsRow = ProgramSettingsTable;

export async function insertConversation(db: DbOrTrx, row: ConversationRow): Promise<void> {
  await db.insertInto('conversations').values(row).execute();
}

export async function findConversation(
  db: DbOrTrx,
  organizationId: string,
  caseId: string,
  id: string,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findConversationById(db: DbOrTrx, organizationId: string, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function listConversations(db: DbOrTrx, organizationId: string, caseId: string): Promise<ConversationRow[]> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('case_id', '=', caseId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/**
 * Cancels every conversation still planned on a case (it was closed, withdrawn or declined), each
 * with a higher sequence so a downloaded invite now cancels the calendar entry. Returns how many.
 */
export async function cancelScheduledConversationsOfCase(db: DbOrTrx, caseId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('conversations')
    .set((eb) => ({ status: 'cancelled', sequence: eb('sequence', '+', 1), updated_at: at }))
    .where('case_id', '=', caseId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Updates only when the conversation is still at `sequence` (two edits at once: one wins). */
export async function updateConversationIfSequence(
  db: DbOrTrx,
  id: string,
  sequence: number,
  set: Partial<ConversationRow>,
): Promise<boolean> {
  const result = await db.updateTable('conversations').set(set).where('id', '=', id).where('sequence', '=', sequence).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findProgramSettings(db: DbOrTrx, organizationId: string): Promise<ProgramSettingsRow | undefined> {
  return db.selectFrom('program_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function upsertProgramSettings(db: DbOrTrx, row: ProgramSettingsRow): Promise<void> {
  await db
    .insertInto('program_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('organization_id').doUpdateSet({
        conversation_title: row.conversation_title,
        video_link_pattern: row.video_link_pattern,
        crisis_backup_email: row.crisis_backup_email,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function latestGuide(db: DbOrTrx, organizationId: string): Promise<GuideRow | undefined> {
  return db
    .selectFrom('conversation_guides')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Inserts a version; returns false when that version number already exists (a concurrent save or lazy seed). */
export async function insertGuideIfNew(db: DbOrTrx, row: GuideRow): Promise<boolean> {
  const result = await db
    .insertInto('conversation_guides')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}
