/**
 * Migration 0026 (meetings → conversations) on a database with a planned meeting: the row, the
 * program's invite title, the audit actions and the queued reminder carry over under the new names,
 * the reminder still runs and the conversation is listed; `down` gives back exactly what was there.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { migrateToLatest, type DatabaseHandle, type Db } from '../server/db/database.ts';
import { migrationProvider } from '../server/db/migrations/index.ts';
import type { ConversationsTable } from '../server/db/schema-support.ts';
import { newId } from '../server/db/values.ts';
import { buildCase, buildOrganization, buildPerson, buildSupporterProfile } from '../server/demo/factories.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import { createTestDatabase, signIn, testConfig, TestClock } from './harness.ts';

const PASSWORD = 'a long test password';
const BEFORE = '2026_12_07_0025_outbox_case_id';
const HOUR = 3_600_000;

let handle: DatabaseHandle | undefined;
let built: BuiltApp | undefined;
afterAll(async () => {
  await built?.app.close();
  await handle?.close();
});

/** Every table, index, constraint and column whose name still says "meeting" (or whose SQLite definition does). */
async function namesWithMeeting(db: Db, engine: DatabaseHandle['engine']): Promise<string[]> {
  if (engine === 'sqlite') {
    const objects = await sql<{ name: string }>`select name from sqlite_schema
      where name like '%meeting%' or tbl_name like '%meeting%' or sql like '%meeting%'
    union select p.name from sqlite_schema s, pragma_table_info(s.name) p where s.type = 'table' and p.name like '%meeting%'`.execute(db);
    return objects.rows.map((r) => r.name).sort();
  }
  const found = await sql<{ name: string }>`
    select relname as name from pg_class join pg_namespace on pg_namespace.oid = relnamespace
      where nspname = current_schema() and relname like '%meeting%'
    union select conname from pg_constraint join pg_namespace on pg_namespace.oid = connamespace
      where nspname = current_schema() and conname like '%meeting%'
    union select column_name from information_schema.columns
      where table_schema = current_schema() and column_name like '%meeting%'`.execute(db);
  return found.rows.map((r) => r.name).sort();
}

/** Names 0026 was to rename: later tables about team meetings (supervision, community) are another thing. */
const renamedByUs = (names: string[]) => names.filter((n) => !n.includes('team_meeting'));

describe('migration 0026: meetings become conversations', () => {
  it('carries a planned meeting, its settings, audit rows and reminder over, and back with down', async () => {
    handle = await createTestDatabase({ migrate: false });
    const { db, engine } = handle;
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();

    // A case with a meeting planned in 48 h, as the code before this migration stored it.
    const clock = new TestClock();
    const at = clock.now().toISOString();
    const org = await buildOrganization(db, clock);
    const requester = await buildPerson(db, clock, org.id, { firstName: 'Tomás', password: PASSWORD });
    const supporter = await buildPerson(db, clock, org.id, { roles: ['peer_supporter', 'staff_member'], password: PASSWORD });
    await buildSupporterProfile(db, clock, org.id, supporter.id);
    const caseId = await buildCase(db, clock, org.id, {
      state: 'contacted',
      requesterPersonId: requester.id,
      assignedSupporterId: supporter.id,
      contactMethod: 'work_phone',
    });
    const meeting: ConversationsTable = {
      id: newId(),
      organization_id: org.id,
      case_id: caseId,
      supporter_id: supporter.id,
      starts_at: new Date(clock.now().getTime() + 48 * HOUR).toISOString(),
      ends_at: new Date(clock.now().getTime() + 49 * HOUR).toISOString(),
      modality: 'video',
      status: 'scheduled',
      video_link: 'https://meet.example.org/peerline-0123456789abcdef01234567',
      ics_uid: 'opaque-uid@peerline.invalid',
      sequence: 0,
      created_at: at,
      updated_at: at,
    };
    await db.withTables<{ meetings: ConversationsTable }>().insertInto('meetings').values(meeting).execute();
    await sql`insert into program_settings (organization_id, meeting_title, video_link_pattern, updated_at)
      values (${org.id}, ${'Catch-up'}, ${'https://meet.example.org/peerline-{token}'}, ${at})`.execute(db);
    const actions = ['case.meeting_scheduled', 'case.meeting_rescheduled', 'case.meeting_cancelled', 'case.contact_made'];
    await db
      .insertInto('case_audit')
      .values(
        actions.map((action) => ({
          id: newId(),
          organization_id: org.id,
          case_id: caseId,
          actor_person_id: supporter.id,
          action,
          at,
          ip: null,
        })),
      )
      .execute();
    const job = (kind: string, payload: object, dedupeKey: string, runAt: Date) => ({
      id: newId(),
      kind,
      payload: JSON.stringify(payload),
      run_at: runAt.toISOString(),
      status: 'pending' as const,
      attempts: 0,
      max_attempts: 5,
      locked_by: null,
      locked_until: null,
      last_error: null,
      dedupe_key: dedupeKey,
      created_at: at,
      finished_at: null,
    });
    const reminder = job(
      'meeting-reminder',
      { organizationId: org.id, meetingId: meeting.id, sequence: 0 },
      `meeting-reminder:${meeting.id}:0:24h`,
      new Date(clock.now().getTime() + 24 * HOUR),
    );
    const unrelated = job(
      'follow-up-reminder',
      { organizationId: org.id, caseId },
      `follow-up:${caseId}`,
      new Date(clock.now().getTime() + 500 * HOUR),
    );
    await db.insertInto('jobs').values([reminder, unrelated]).execute();
    const jobsNow = () => db.selectFrom('jobs').select(['id', 'kind', 'payload', 'dedupe_key']).orderBy('id').execute();
    const auditNow = async () =>
      (await db.selectFrom('case_audit').select('action').where('case_id', '=', caseId).execute()).map((r) => r.action).sort();
    const jobsBefore = await jobsNow();
    expect(await namesWithMeeting(db, engine)).toEqual(expect.arrayContaining(['meeting_title', 'meetings', 'meetings_case_idx']));

    // Up: new names, same data.
    expect((await migrateToLatest(db))[0]).toBe('2026_12_07_0026_meetings_to_conversations');
    expect(renamedByUs(await namesWithMeeting(db, engine))).toEqual([]);
    expect(await db.selectFrom('conversations').selectAll().execute()).toEqual([meeting]);
    expect(await db.selectFrom('program_settings').select('conversation_title').execute()).toEqual([{ conversation_title: 'Catch-up' }]);
    expect(await auditNow()).toEqual(
      ['case.conversation_scheduled', 'case.conversation_rescheduled', 'case.conversation_cancelled', 'case.contact_made'].sort(),
    );
    const moved = await db
      .selectFrom('jobs')
      .select(['kind', 'payload', 'dedupe_key'])
      .where('id', '=', reminder.id)
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({
      kind: 'conversation-reminder',
      payload: JSON.stringify({ organizationId: org.id, conversationId: meeting.id, sequence: 0 }),
      dedupe_key: `conversation-reminder:${meeting.id}:0:24h`,
    });
    expect((await jobsNow()).find((j) => j.id === unrelated.id)).toEqual(jobsBefore.find((j) => j.id === unrelated.id));

    // Down gives back exactly what was there; up again.
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await namesWithMeeting(db, engine)).toEqual(expect.arrayContaining(['meeting_title', 'meetings', 'meetings_case_idx']));
    expect(await db.withTables<{ meetings: ConversationsTable }>().selectFrom('meetings').selectAll().execute()).toEqual([meeting]);
    expect(await auditNow()).toEqual([...actions].sort());
    expect(await jobsNow()).toEqual(jobsBefore);
    expect((await migrateToLatest(db))[0]).toBe('2026_12_07_0026_meetings_to_conversations');
    if (engine === 'sqlite') expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);

    // The app over the migrated database: the conversation is listed, its invite has the program's
    // title, and the reminder queued before the migration still reminds both people.
    built = await buildApp(testConfig({ clock }), { database: handle, logger: false });
    const cookie = await signIn(built.app, supporter.email, PASSWORD);
    const listed = await built.app.inject({ url: `/api/supporter/cases/${caseId}/conversations`, headers: { cookie } });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().conversations).toEqual([expect.objectContaining({ id: meeting.id, status: 'scheduled', minutes: 60 })]);
    const invite = await built.app.inject({
      url: `/api/supporter/cases/${caseId}/conversations/${meeting.id}/invite.ics`,
      headers: { cookie },
    });
    expect(invite.statusCode, invite.body).toBe(200);
    expect(invite.body).toContain('SUMMARY:Catch-up');

    clock.advanceMinutes(24 * 60 + 1);
    await runDueJobsOnce(built.ctx, appJobs);
    const sent = await db.selectFrom('email_outbox').select('to_address').where('template', '=', 'reminder').execute();
    expect(sent.map((m) => m.to_address).sort()).toEqual([requester.email, supporter.email].sort());
    expect(await db.selectFrom('jobs').select('status').where('id', '=', reminder.id).executeTakeFirstOrThrow()).toEqual({
      status: 'done',
    });
  });
});
