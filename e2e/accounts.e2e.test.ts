/**
 * Separation of duties as people meet it (docs/decisions/009): the IT administrator cannot give
 * itself a role that sees support data; the director grants one and invites a newcomer, who sets a
 * password from the e-mailed link and signs in; the audit log says who granted what.
 */
import { describe, expect, it } from 'vitest';
import { latestSignInLinkToken } from '../test/harness.ts';
import { demoCode, openWatchedPage, saveScreenshot, signIn, tick, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

async function personIdByEmail(email: string): Promise<string> {
  const row = await env.server.ctx.db.selectFrom('people').select('id').where('work_email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

describe('accounts and roles', () => {
  it('shows the IT administrator its own roles as not its to change, and the director’s account as out of reach', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    await signIn(page, env.server.url, 'it@demo.peerline.test');
    await page.goto(`${env.server.url}/app/people/${await personIdByEmail('it@demo.peerline.test')}`);
    await page.getByRole('heading', { level: 2, name: 'Roles' }).waitFor();
    await page.getByText('Nobody changes their own roles').waitFor();
    expect(await page.getByRole('checkbox', { name: /Program director/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save roles' }).count()).toBe(0);
    await saveScreenshot(page, 'accounts-it-own-roles');

    await page.goto(`${env.server.url}/app/people/${await personIdByEmail('director@demo.peerline.test')}`);
    await page.getByText(/holds a role you cannot grant/).waitFor();
    expect(await page.getByLabel('Work e-mail').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /Deactivate/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /E-mail/ }).count()).toBe(0);
    await saveScreenshot(page, 'accounts-it-director-page');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the director make someone an administrator and invite a newcomer, who sets a password from the link and signs in', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    await signIn(page, env.server.url, 'director@demo.peerline.test');
    // A newcomer in the directory, without an account.
    const created = await page.request.post(`${env.server.url}/api/people`, {
      data: { firstName: 'Noor', lastName: 'Haddad', workEmail: 'noor.haddad@demo.peerline.test' },
      headers: { origin: env.server.url },
    });
    expect(created.status()).toBe(201);
    const noor = (await created.json()) as { id: string };

    await page.goto(`${env.server.url}/app/people/${noor.id}`);
    await page.getByRole('heading', { level: 1, name: 'Noor Haddad' }).waitFor();
    await tick(page, 'Program administrator');
    await page.getByText(/every program director is told by e-mail/).waitFor();
    await page.getByRole('button', { name: 'Save roles' }).click();
    await page.getByText('Roles saved.').waitFor();
    await page.getByRole('button', { name: 'E-mail an invitation to sign in' }).click();
    await page.getByText(/Invitation sent to noor.haddad@demo.peerline.test/).waitFor();
    await saveScreenshot(page, 'accounts-director-invites');

    const audit = await context.newPage();
    await audit.goto(`${env.server.url}/app/audit`);
    await audit.getByText('Role granted: Program administrator').first().waitFor();
    await audit.getByText('Set-password link e-mailed: invitation').first().waitFor();
    await saveScreenshot(audit, 'accounts-audit-log');
    await context.close();

    // The newcomer, in a browser of their own, opens the link from their mailbox.
    const token = await latestSignInLinkToken(env.server.ctx.db, 'noor.haddad@demo.peerline.test');
    const newcomer = await openWatchedPage(env.browser, env.server.url);
    await newcomer.page.goto(`${env.server.url}/set-password#${token}`);
    await newcomer.page.getByRole('heading', { level: 1, name: 'Welcome to Peerline' }).waitFor();
    expect(await newcomer.page.getByLabel('Work e-mail').inputValue()).toBe('noor.haddad@demo.peerline.test');
    await newcomer.page.getByLabel('New password', { exact: true }).fill('password1');
    await newcomer.page.getByLabel('Repeat new password').fill('password1');
    await newcomer.page.getByRole('button', { name: 'Set my password' }).click();
    await newcomer.page.getByText('This password is too common; choose another').waitFor();
    await saveScreenshot(newcomer.page, 'accounts-set-password-refused');
    await newcomer.page.getByLabel('New password', { exact: true }).fill('lanterns over the harbour');
    await newcomer.page.getByLabel('Repeat new password').fill('lanterns over the harbour');
    await newcomer.page.getByRole('button', { name: 'Set my password' }).click();
    await newcomer.page.getByText('Your password is set.').waitFor();
    await saveScreenshot(newcomer.page, 'accounts-set-password-done');

    // The organisation's own sign-in page (what an address shared by two organisations uses).
    const slug = (await env.server.ctx.db.selectFrom('organizations').select('slug').executeTakeFirstOrThrow()).slug;
    await newcomer.page.goto(`${env.server.url}/${slug}/login`);
    await newcomer.page.getByRole('heading', { level: 1, name: 'Sign in to Demo Health System' }).waitFor();
    await saveScreenshot(newcomer.page, 'accounts-organisation-sign-in');
    await newcomer.page.getByLabel('Work e-mail').fill('noor.haddad@demo.peerline.test');
    await newcomer.page.getByLabel('Password').fill('lanterns over the harbour');
    await newcomer.page.getByRole('button', { name: 'Sign in' }).click();

    // An administrator must set up an authenticator app before anything opens.
    await newcomer.page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' }).waitFor();
    await newcomer.page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await saveScreenshot(newcomer.page, 'accounts-two-step-setup');
    expect((await newcomer.page.request.get(`${env.server.url}/api/cases`)).status()).toBe(401);
    // The phone: the key under the QR code, typed into an authenticator app.
    const key = ((await newcomer.page.locator('.setup-key').textContent()) ?? '').replace(/\s+/g, '');
    await newcomer.page.getByLabel('Code from your app').fill(await demoCode(env.server.url, 'noor', key));
    await newcomer.page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const codes = newcomer.page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    const recoveryCode = ((await codes.first().textContent()) ?? '').trim();
    await saveScreenshot(newcomer.page, 'accounts-two-step-recovery-codes');
    await newcomer.page.getByRole('button', { name: 'I have saved my codes: continue' }).click();
    await newcomer.page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    await newcomer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case board' }).waitFor();

    // Next time: the password, then a recovery code instead of the phone (it works once).
    await newcomer.page.getByRole('button', { name: 'Sign out' }).click();
    await newcomer.page.waitForURL(`${env.server.url}/login`);
    await newcomer.page.getByLabel('Work e-mail').fill('noor.haddad@demo.peerline.test');
    await newcomer.page.getByLabel('Password').fill('lanterns over the harbour');
    await newcomer.page.getByRole('button', { name: 'Sign in' }).click();
    await newcomer.page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    await newcomer.page.getByRole('button', { name: /use a recovery code/ }).click();
    await newcomer.page.getByLabel('Recovery code').fill(recoveryCode);
    await saveScreenshot(newcomer.page, 'accounts-two-step-recovery-sign-in');
    await newcomer.page.getByRole('button', { name: 'Continue' }).click();
    await newcomer.page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();

    // The link worked once.
    await newcomer.page.goto(`${env.server.url}/set-password#${token}`);
    await newcomer.page.getByText(/This link no longer works/).waitFor();
    // The refused password (400) and the used link (404) are answers the page shows, not faults.
    expect(newcomer.problems.filter((p) => !/status of 40[014]/.test(p))).toEqual([]);
    expect(problems).toEqual([]);
    await newcomer.context.close();
  });
});
