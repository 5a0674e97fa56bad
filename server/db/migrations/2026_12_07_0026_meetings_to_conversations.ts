import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Frozen in time: never import app code here.
// One word for one thing: the product, the module and the screens call a scheduled private talk a
// "conversation", the schema and the code said "meeting". The table, its index and constraint
// names and the settings column are renamed, and so are the stored values that named the old word:
// the audit actions of planned conversations and the reminder jobs (kind, payload key, dedupe key),
// so a reminder queued before this migration still runs after it and old audit rows read like new
// ones. E-mail templates never named it ('reminder', 'case_update').
// SQLite runs migrations outside a transaction, so its steps run in one here; PostgreSQL runs each
// migration in a transaction already.

interface Words {
  table: string;
  index: string;
  /** Prefix of the constraint names PostgreSQL derived from the table's name. */
  constraintPrefix: string;
  titleColumn: string;
  jobKind: string;
  payloadKey: string;
  auditActions: readonly string[];
}

const MEETING: Words = {
  table: 'meetings',
  index: 'meetings_case_idx',
  constraintPrefix: 'meetings_',
  titleColumn: 'meeting_title',
  jobKind: 'meeting-reminder',
  payloadKey: 'meetingId',
  auditActions: ['case.meeting_scheduled', 'case.meeting_rescheduled', 'case.meeting_cancelled'],
};

const CONVERSATION: Words = {
  table: 'conversations',
  index: 'conversations_case_idx',
  constraintPrefix: 'conversations_',
  titleColumn: 'conversation_title',
  jobKind: 'conversation-reminder',
  payloadKey: 'conversationId',
  auditActions: ['case.conversation_scheduled', 'case.conversation_rescheduled', 'case.conversation_cancelled'],
};

async function rename(db: Kysely<unknown>, from: Words, to: Words): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const steps = async (trx: Kysely<unknown>) => {
    await trx.schema.alterTable(from.table).renameTo(to.table).execute();
    // SQLite renames its automatic indexes (sqlite_autoindex_<table>_N) with the table; PostgreSQL
    // keeps the names it derived from the old one (<table>_pkey, <table>_ics_uid_key, <table>_…_fkey).
    if (!sqlite) {
      const constraints = await sql<{ conname: string }>`select conname from pg_constraint
        where conrelid = ${to.table}::regclass and starts_with(conname, ${from.constraintPrefix})`.execute(trx);
      for (const { conname } of constraints.rows) {
        const renamed = to.constraintPrefix + conname.slice(from.constraintPrefix.length);
        await sql`alter table ${sql.table(to.table)} rename constraint ${sql.id(conname)} to ${sql.id(renamed)}`.execute(trx);
      }
    }
    await trx.schema.dropIndex(from.index).execute();
    await trx.schema.createIndex(to.index).on(to.table).columns(['case_id', 'starts_at']).execute();

    await trx.schema.alterTable('program_settings').renameColumn(from.titleColumn, to.titleColumn).execute();

    for (const [i, action] of from.auditActions.entries()) {
      await sql`update case_audit set action = ${to.auditActions[i]} where action = ${action}`.execute(trx);
    }
    // Payloads are JSON.stringify output ({"organizationId":…,"meetingId":…,"sequence":…}); dedupe keys
    // are `<kind>:<id>:<sequence>:<24h|1h>`. UUIDs never contain either word.
    await sql`update jobs set
        kind = ${to.jobKind},
        payload = replace(payload, ${`"${from.payloadKey}":`}, ${`"${to.payloadKey}":`}),
        dedupe_key = replace(dedupe_key, ${`${from.jobKind}:`}, ${`${to.jobKind}:`})
      where kind = ${from.jobKind}`.execute(trx);
  };
  if (sqlite) await db.transaction().execute(steps);
  else await steps(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rename(db, MEETING, CONVERSATION);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rename(db, CONVERSATION, MEETING);
}
