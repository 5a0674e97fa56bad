import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REASON_CATEGORIES } from '../shared/schemas/case-vocabulary.ts';
import type { DatabaseHandle } from '../server/db/database.ts';
import { newId } from '../server/db/values.ts';
import { buildOrganization, buildPerson, type BuiltOrganization, type BuiltPerson } from '../server/demo/factories.ts';
import { closeSmtpTransports } from '../server/email/mailer.ts';
import { getOutboxRow, listOutbox, queueEmail, releaseHeldEmails, SEND_EMAIL_JOB } from '../server/email/outbox.ts';
import { sendEmailJob } from '../server/email/send-email.job.ts';
import { EMAIL_SUBJECT, EMAIL_TEMPLATES, renderEmail } from '../server/email/templates.ts';
import { enqueueJob } from '../server/jobs/jobs.repository.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { runDueJobsOnce } from '../server/jobs/runner.ts';
import type { AppContext } from '../server/lib/context.ts';
import { createTestDatabase, TestClock, testConfig, usingPostgres } from './harness.ts';
import { startTestSmtpServer } from './smtp-server.ts';

const startSmtpServer = () => startTestSmtpServer({ auth: { user: 'mailer', pass: 's3cret' } });

describe(`e-mail outbox on ${usingPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let handle: DatabaseHandle;
  let clock: TestClock;
  let org: BuiltOrganization;
  let requester: BuiltPerson;
  let supporter: BuiltPerson;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const caseId = newId();

  const forbidden = (): string[] => [
    'Zelda',
    'Quillfeather',
    requester.email,
    caseId,
    'peer support',
    'support',
    ...REASON_CATEGORIES,
    ...REASON_CATEGORIES.map((r) => r.replace(/_/g, ' ')),
    'adverse',
    'death',
    'litigation',
    'burnout',
    'violence',
  ];

  function assertNeutral(text: string): void {
    const lower = text.toLowerCase();
    for (const word of forbidden()) {
      // "other" is a reason label but also part of ordinary words; it is matched as a whole word.
      const hit = word === 'other' ? /\bother\b/.test(lower) : lower.includes(word.toLowerCase());
      expect(hit, `message contains "${word}"`).toBe(false);
    }
  }

  const ctxWith = (smtpUrl: string | undefined): AppContext => ({
    db: handle.db,
    engine: handle.engine,
    config: testConfig({ clock, smtpUrl, publicOrigin: 'https://peerline.hospital.example' }),
    clock,
  });

  beforeAll(async () => {
    handle = await createTestDatabase();
    clock = new TestClock();
    org = await buildOrganization(handle.db, clock);
    requester = await buildPerson(handle.db, clock, org.id, {
      firstName: 'Zelda',
      lastName: 'Quillfeather',
      email: 'zelda.quillfeather@hospital.example',
    });
    supporter = await buildPerson(handle.db, clock, org.id, { firstName: 'Morgan', lastName: 'Helper' });
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    closeSmtpTransports();
    await smtp.close();
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.deleteFrom('jobs').execute();
    await handle.db.deleteFrom('email_outbox').execute();
    smtp.received.length = 0;
  });

  it('delivers through SMTP a message that says nothing about the case', async () => {
    const smtpUrl = `smtp://mailer:s3cret@127.0.0.1:${smtp.port}`;
    const { id } = await handle.db
      .transaction()
      .execute((trx) =>
        queueEmail(trx, { organizationId: org.id, to: supporter.email, template: 'new_offer', link: '/t/Xq9vR2mKp8', now: clock.now() }),
      );
    expect(await runDueJobsOnce(ctxWith(smtpUrl), appJobs)).toMatchObject({ done: 1 });

    expect(smtp.received).toHaveLength(1);
    const message = smtp.received[0];
    expect(message?.user).toBe('mailer');
    expect(message?.to).toBe(supporter.email);
    const text = message?.text ?? '';
    expect(text).toContain(`Subject: ${EMAIL_SUBJECT}`);
    expect(text).toContain('You have something to look at in Peerline.');
    expect(text).toContain('https://peerline.hospital.example/t/Xq9vR2mKp8');
    expect(text).toContain(`Message-ID: <${id}@peerline>`);
    assertNeutral(text);

    const row = await getOutboxRow(handle.db, id);
    expect(row).toMatchObject({ status: 'sent', sent_at: clock.now().toISOString() });
  });

  it('never sends a row twice, even when a second send job turns up', async () => {
    const smtpUrl = `smtp://mailer:s3cret@127.0.0.1:${smtp.port}`;
    const { id } = await queueEmail(handle.db, {
      organizationId: org.id,
      to: supporter.email,
      template: 'reminder',
      link: '/',
      now: clock.now(),
    });
    await runDueJobsOnce(ctxWith(smtpUrl), appJobs);
    await enqueueJob(handle.db, { kind: SEND_EMAIL_JOB, payload: { outboxId: id }, runAt: clock.now(), dedupeKey: 'a-second-one' });
    expect(await runDueJobsOnce(ctxWith(smtpUrl), appJobs)).toMatchObject({ claimed: 1, done: 1 });
    expect(smtp.received).toHaveLength(1);
    // queueEmail's own job is keyed on the outbox row: enqueueing it again is a no-op.
    expect(
      (await sendEmailJob.enqueue(handle.db, { outboxId: id }, { runAt: clock.now(), dedupeKey: `${SEND_EMAIL_JOB}:${id}` })).created,
    ).toBe(false);
  });

  it('retries when the SMTP server is unreachable, recording only an error code', async () => {
    const { id } = await queueEmail(handle.db, {
      organizationId: org.id,
      to: supporter.email,
      template: 'case_update',
      link: '/',
      now: clock.now(),
    });
    const closed = await startSmtpServer();
    await closed.close();
    const summary = await runDueJobsOnce(ctxWith(`smtp://mailer:s3cret@127.0.0.1:${closed.port}`), appJobs);
    expect(summary).toMatchObject({ claimed: 1, retried: 1 });
    const job = await handle.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    expect(job.last_error).toMatch(/^[A-Z_a-z0-9.:-]+$/);
    expect(job.last_error).not.toContain('@');
    expect((await getOutboxRow(handle.db, id))?.status).toBe('queued');

    clock.advanceMinutes(1);
    await runDueJobsOnce(ctxWith(`smtp://mailer:s3cret@127.0.0.1:${smtp.port}`), appJobs);
    expect(smtp.received).toHaveLength(1);
    expect((await getOutboxRow(handle.db, id))?.status).toBe('sent');
  });

  it('without SMTP settings keeps the message in the outbox, held, for administrators to read', async () => {
    const { id } = await queueEmail(handle.db, {
      organizationId: org.id,
      to: supporter.email,
      template: 'feedback_request',
      link: '/f/opaque',
      now: clock.now(),
    });
    expect(await runDueJobsOnce(ctxWith(undefined), appJobs)).toMatchObject({ done: 1 });
    expect(smtp.received).toEqual([]);
    expect(await getOutboxRow(handle.db, id)).toMatchObject({ status: 'held', sent_at: null });

    const other = await buildOrganization(handle.db, clock);
    expect(await listOutbox(handle.db, other.id)).toEqual([]);
    const [entry] = await listOutbox(handle.db, org.id, { origin: 'https://peerline.hospital.example' });
    expect(entry).toMatchObject({ id, to: supporter.email, template: 'feedback_request', status: 'held', subject: EMAIL_SUBJECT });
    expect(entry?.text).toContain('https://peerline.hospital.example/f/opaque');
    assertNeutral(`${entry?.subject ?? ''}\n${entry?.text ?? ''}`);
  });

  it('sends what was held once SMTP is configured, exactly once even when two instances start together', async () => {
    const { id } = await queueEmail(handle.db, {
      organizationId: org.id,
      to: supporter.email,
      template: 'new_offer',
      link: '/app/offers',
      now: clock.now(),
    });
    await runDueJobsOnce(ctxWith(undefined), appJobs);
    expect((await getOutboxRow(handle.db, id))?.status).toBe('held');

    const [first, second] = await Promise.all([releaseHeldEmails(handle.db, clock.now()), releaseHeldEmails(handle.db, clock.now())]);
    expect((first ?? 0) + (second ?? 0)).toBe(1);
    expect((await getOutboxRow(handle.db, id))?.status).toBe('queued');
    await runDueJobsOnce(ctxWith(`smtp://mailer:s3cret@127.0.0.1:${smtp.port}`), appJobs);
    expect(smtp.received.map((m) => m.to)).toEqual([supporter.email]);
    expect(await getOutboxRow(handle.db, id)).toMatchObject({ status: 'sent' });
    expect(await releaseHeldEmails(handle.db, clock.now())).toBe(0);
  });

  it('queues nothing when the caller’s transaction rolls back', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await queueEmail(trx, { organizationId: org.id, to: supporter.email, template: 'new_offer', link: '/', now: clock.now() });
        throw new Error('offer not created');
      }),
    ).rejects.toThrow('offer not created');
    expect(await handle.db.selectFrom('email_outbox').select('id').execute()).toEqual([]);
    expect(await handle.db.selectFrom('jobs').select('id').execute()).toEqual([]);
  });

  it('refuses links that carry a record id, and unknown templates', async () => {
    const input = { organizationId: org.id, to: supporter.email, template: 'new_offer' as const, now: clock.now() };
    for (const link of [
      `/cases/${caseId}`,
      `https://peerline.example/c?id=${caseId.replace(/-/g, '')}`,
      '/to/zelda@hospital.example',
      'javascript:alert(1)',
      '//evil.example/',
    ]) {
      await expect(queueEmail(handle.db, { ...input, link }), link).rejects.toThrow();
    }
    await expect(queueEmail(handle.db, { ...input, link: '/', template: 'custom' as never })).rejects.toThrow();
    expect(await handle.db.selectFrom('email_outbox').select('id').execute()).toEqual([]);
  });

  it('every template is neutral', () => {
    for (const template of EMAIL_TEMPLATES) {
      const message = renderEmail(template, '/t/abc', 'https://peerline.hospital.example');
      expect(message.subject).toBe(EMAIL_SUBJECT);
      assertNeutral(`${message.subject}\n${message.text}\n${message.html}`);
      expect(message.text.trim().split('\n').filter(Boolean)).toHaveLength(3);
    }
  });
});
