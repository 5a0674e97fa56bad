import type { Insertable, Selectable } from 'kysely';
import type { AppConfig } from '../config.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import type { EmailOutboxTable } from '../db/schema.ts';
import { newId } from '../db/values.ts';
import { deferInsert } from '../db/deferred-inserts.ts';
import { enqueueJob } from '../jobs/jobs.repository.ts';
import { assertNeutralLink, isEmailTemplate, renderEmail, type EmailTemplate } from './templates.ts';

export type OutboxRow = Selectable<EmailOutboxTable>;
export const SEND_EMAIL_JOB = 'send-email';

export interface QueueEmailInput {
  organizationId: string;
  to: string;
  template: EmailTemplate;
  /** App path (e.g. `/` or `/t/<opaque token>`) or URL; never a case id. */
  link: string;
  /** `ctx.clock.now()`: the e-mail becomes due at once. */
  now: Date;
  /** The case the message is about, whoever it goes to: erasure deletes the case's messages by it. */
  caseId?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Queues an e-mail in the caller's transaction: an outbox row plus a `send-email` job. Both exist
 * exactly when the change that caused them commits; a rollback leaves neither.
 */
export async function queueEmail(db: DbOrTrx, input: QueueEmailInput): Promise<{ id: string }> {
  if (!isEmailTemplate(input.template)) throw new Error('unknown e-mail template');
  if (!EMAIL.test(input.to) || input.to.length > 320) throw new Error('e-mail recipient is not an address');
  assertNeutralLink(input.link);
  const id = newId();
  const row: Insertable<EmailOutboxTable> = {
    id,
    organization_id: input.organizationId,
    to_address: input.to.toLowerCase(),
    template: input.template,
    link: input.link,
    status: 'queued',
    created_at: input.now.toISOString(),
    sent_at: null,
    case_id: input.caseId ?? null,
  };
  await deferInsert(db, 'email_outbox', [row], insertOutboxRows);
  await enqueueJob(db, {
    kind: SEND_EMAIL_JOB,
    payload: { outboxId: id },
    runAt: input.now,
    dedupeKey: `${SEND_EMAIL_JOB}:${id}`,
    now: input.now,
  });
  return { id };
}

async function insertOutboxRows(db: DbOrTrx, rows: Insertable<EmailOutboxTable>[]): Promise<void> {
  await db.insertInto('email_outbox').values(rows).execute();
}

/**
 * Links that carry a single-use token (set a password, say no thanks, give feedback, answer a debrief
 * invite) act as their recipient: whoever reads the outbox must not be able to use them. The listing
 * shows where a link goes with its token replaced; only the sent message carries it.
 */
export function maskLinkToken(link: string): string {
  return link.replace(/([/#])[A-Za-z0-9_-]{16,}$/, '$1[hidden]');
}

export interface OutboxEntry {
  id: string;
  to: string;
  template: string;
  status: OutboxRow['status'];
  createdAt: string;
  sentAt: string | null;
  subject: string;
  text: string;
}

/** The public origin links are resolved against; the same rule for sending and for reading the outbox. */
export function appOrigin(config: AppConfig): string {
  return config.publicOrigin ?? `http://localhost:${config.port}`;
}

/**
 * The organisation's outbox, newest first, with each message exactly as it would be sent — for an
 * administrators' page while no SMTP server is configured (`GET /api/outbox`).
 */
export async function listOutbox(
  db: Db,
  organizationId: string,
  options: { origin?: string; limit?: number } = {},
): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('email_outbox')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 200)
    .execute();
  const origin = options.origin ?? 'http://localhost:3000';
  return rows.map((row) => {
    const rendered = isEmailTemplate(row.template) ? renderEmail(row.template, maskLinkToken(row.link), origin) : undefined;
    return {
      id: row.id,
      to: row.to_address,
      template: row.template,
      status: row.status,
      createdAt: row.created_at,
      sentAt: row.sent_at,
      subject: rendered?.subject ?? '',
      text: rendered?.text ?? '',
    };
  });
}

export async function getOutboxRow(db: DbOrTrx, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Messages held while no SMTP server was configured go out once one is: each held row is switched
 * back to `queued` by a compare-and-set (so of several instances starting together exactly one
 * re-queues it) and gets a new send job. Returns how many were released.
 */
export async function releaseHeldEmails(db: Db, now: Date): Promise<number> {
  const held = await db.selectFrom('email_outbox').select('id').where('status', '=', 'held').where('sent_at', 'is', null).execute();
  let released = 0;
  for (const { id } of held) {
    await db.transaction().execute(async (trx) => {
      const switched = await trx
        .updateTable('email_outbox')
        .set({ status: 'queued' })
        .where('id', '=', id)
        .where('status', '=', 'held')
        .executeTakeFirst();
      if (Number(switched.numUpdatedRows) !== 1) return;
      await enqueueJob(trx, {
        kind: SEND_EMAIL_JOB,
        payload: { outboxId: id },
        runAt: now,
        dedupeKey: `${SEND_EMAIL_JOB}:${id}:released:${now.toISOString()}`,
        now,
      });
      released += 1;
    });
  }
  return released;
}
