import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson } from '../server/demo/factories.ts';
import { queueEmail } from '../server/email/outbox.ts';
import { issueSignInLink } from '../server/modules/auth/sign-in-links.service.ts';
import { createTestApp, latestSignInLinkToken, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

/** Without SMTP settings e-mail stays in an outbox that administrators can read (docs/product.md, How it runs). */
describe('GET /api/outbox', () => {
  const apps: TestApp[] = [];
  afterAll(async () => Promise.all(apps.map((a) => a.close())));

  async function appWith(smtpUrl: string | undefined) {
    const t = await createTestApp(smtpUrl ? { smtpUrl } : {});
    apps.push(t);
    const org = await buildOrganization(t.ctx.db, t.clock);
    const admin = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
    const other = await buildOrganization(t.ctx.db, t.clock);
    await queueEmail(t.ctx.db, {
      organizationId: org.id,
      to: 'peer@hospital.example',
      template: 'new_offer',
      link: '/app/offers',
      now: t.clock.now(),
    });
    await queueEmail(t.ctx.db, {
      organizationId: other.id,
      to: 'someone@elsewhere.example',
      template: 'reminder',
      link: '/',
      now: t.clock.now(),
    });
    return { t, admin, as: sessionsFor(() => t.app, PASSWORD) };
  }

  let withoutSmtp: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    withoutSmtp = await appWith(undefined);
  });

  it('shows the organisation’s own messages as they would be sent, and nothing of another organisation', async () => {
    const { t, admin, as } = withoutSmtp;
    const response = await t.app.inject({ url: '/api/outbox', headers: await as(admin.email) });
    expect(response.statusCode, response.body).toBe(200);
    const { messages } = response.json() as { messages: { to: string; template: string; status: string; subject: string; text: string }[] };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ to: 'peer@hospital.example', template: 'new_offer', status: 'queued' });
    expect(messages[0]?.text).toContain('/app/offers');
    expect(JSON.stringify(messages)).not.toContain('elsewhere.example');
  });

  it('never shows a usable single-use link: a set-password link to the director stays hidden from the administrator', async () => {
    const { t, admin, as } = withoutSmtp;
    const org = (await t.ctx.db.selectFrom('people').select('organization_id').where('id', '=', admin.id).executeTakeFirstOrThrow())
      .organization_id;
    const director = await buildPerson(t.ctx.db, t.clock, org, { roles: ['program_director'], email: 'the.director@hospital.example' });
    await t.ctx.db.transaction().execute((trx) =>
      issueSignInLink(trx, {
        organizationId: org,
        person: { id: director.id, workEmail: director.email },
        createdBy: null,
        now: t.clock.now(),
      }),
    );
    const token = await latestSignInLinkToken(t.ctx.db, director.email);
    const response = await t.app.inject({ url: '/api/outbox', headers: await as(admin.email) });
    const listed = (response.json() as { messages: { to: string; text: string }[] }).messages.find((m) => m.to === director.email);
    expect(listed?.text).toMatch(/\/set-password#\[hidden\]/);
    expect(response.body).not.toContain(token);
    // Whatever the listing shows after the '#' is not a working link.
    const shown = /set-password#(\S+)/.exec(listed?.text ?? '')?.[1] ?? '';
    const tried = await t.app.inject({ method: 'POST', url: '/api/public/sign-in-links/check', payload: { token: shown } });
    expect([400, 404]).toContain(tried.statusCode);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/sign-in-links/check', payload: { token } })).statusCode).toBe(200);
  });

  it('does not exist once an SMTP server is configured (mail goes to its recipients only)', async () => {
    const { t, admin, as } = await appWith('smtp://127.0.0.1:2525');
    const response = await t.app.inject({ url: '/api/outbox', headers: await as(admin.email) });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
