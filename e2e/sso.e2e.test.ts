/**
 * Single sign-on as people meet it (docs/decisions/012): the IT administrator sets it up under
 * Settings → Sign-in; a staff member presses "Sign in with …", signs in at the provider (a real
 * oidc-provider on 127.0.0.1) and lands in the app as themselves; someone the directory does not
 * know comes back to a page that says why; with passwords off, only the break-glass link remains.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { seedDemoIfEmpty } from '../server/demo/seed-demo.ts';
import { createTestDatabase, testConfig } from '../test/harness.ts';
import { startTestProvider, type TestProvider } from '../test/oidc-provider.ts';
import { launchChromium, openWatchedPage, saveScreenshot, signIn, tick } from './browser.ts';

const SECRET_ENV = 'PEERLINE_E2E_SSO_SECRET';
const SHOTS = '/tmp/sso-shots';

let browser: Browser;
let provider: TestProvider;
let baseUrl: string;
let closeServer: () => Promise<void>;

/** A port nobody uses now: the redirect URI must be known before the server listens. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function shot(page: Page, name: string) {
  await saveScreenshot(page, name);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const [database, chromium, started] = await Promise.all([
    createTestDatabase(),
    launchChromium(),
    startTestProvider({ redirectUris: [`${baseUrl}/api/public/sso/callback`] }),
  ]);
  browser = chromium;
  provider = started;
  process.env[SECRET_ENV] = provider.clientSecret;
  const config = testConfig({ webDist: path.resolve('dist', 'web'), clock: { now: () => new Date() }, publicOrigin: baseUrl, port });
  const built = await buildApp(config, { database, logger: false });
  await seedDemoIfEmpty(built.ctx);
  await built.app.listen({ port, host: '127.0.0.1' });
  closeServer = async () => {
    await built.app.close();
    await database.close();
  };
});

afterAll(async () => {
  delete process.env[SECRET_ENV];
  await browser?.close();
  await provider?.close();
  await closeServer?.();
});

/** The watched page flags requests to other origins; the provider is the one expected. */
const unexpected = (problems: string[]) => problems.filter((p) => !p.includes(provider.issuer));

describe('single sign-on in the browser', () => {
  it('the IT administrator sets it up; a staff member signs in with the provider and lands as themselves', async () => {
    const it = await openWatchedPage(browser, baseUrl);
    await signIn(it.page, baseUrl, 'it@demo.peerline.test');
    await it.page.goto(`${baseUrl}/app/settings`);
    await it.page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Sign-in' }).click();
    await it.page.getByRole('heading', { level: 2, name: 'Single sign-on (OpenID Connect)' }).waitFor();
    expect(await it.page.getByLabel('Redirect URI to register at your provider').inputValue()).toBe(`${baseUrl}/api/public/sso/callback`);
    await tick(it.page, 'Single sign-on is on: the sign-in page shows the button below');
    await it.page.getByLabel('Issuer URL').fill(provider.issuer);
    await it.page.getByLabel('Client ID').fill(provider.clientId);
    await it.page.getByLabel('Name of the environment variable holding the client secret').fill(SECRET_ENV);
    await it.page.getByLabel('Allowed e-mail domains').fill('demo.peerline.test');
    await it.page.getByLabel('Button text').fill('Sign in with Riverside Entra ID');
    await it.page.getByRole('button', { name: 'Save single sign-on' }).click();
    await it.page.getByText('Single sign-on settings saved.').waitFor();
    await it.page.getByText(`${SECRET_ENV} is set on this server.`).waitFor();
    expect(await it.page.content()).not.toContain(provider.clientSecret);
    await shot(it.page, 'sso-settings');
    expect(it.problems).toEqual([]);
    await it.context.close();

    provider.identities.set('clinician-at-provider', {
      sub: 'clinician-at-provider',
      email: 'clinician@demo.peerline.test',
      email_verified: true,
    });
    const staff = await openWatchedPage(browser, baseUrl);
    await staff.page.goto(`${baseUrl}/login`);
    const button = staff.page.getByRole('link', { name: 'Sign in with Riverside Entra ID' });
    await button.waitFor();
    await shot(staff.page, 'sso-login-button');
    await button.click();
    await staff.page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    await staff.page.getByLabel('Username').fill('clinician-at-provider');
    await staff.page.getByRole('button', { name: 'Sign in at the provider' }).click();
    await staff.page.waitForURL(`${baseUrl}/app`);
    await staff.page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    const me = await staff.page.request.get(`${baseUrl}/api/me`);
    expect(((await me.json()) as { person: { workEmail: string } }).person.workEmail).toBe('clinician@demo.peerline.test');
    expect(unexpected(staff.problems), JSON.stringify(staff.problems)).toEqual([]);
    await staff.context.close();
  });

  it('someone the directory does not know comes back to a page that says why, without a session', async () => {
    provider.identities.set('stranger-at-provider', {
      sub: 'stranger-at-provider',
      email: 'not.in.directory@demo.peerline.test',
      email_verified: true,
    });
    const { context, page, problems } = await openWatchedPage(browser, baseUrl);
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('link', { name: 'Sign in with Riverside Entra ID' }).click();
    await page.getByLabel('Username').fill('stranger-at-provider');
    await page.getByRole('button', { name: 'Sign in at the provider' }).click();
    await page.waitForURL(/\/demo\/login\?sso_error=unknown_person$/);
    await page.getByText('Single sign-on did not sign you in').waitFor();
    await page.getByText(/Nobody in this organisation’s staff directory has your work e-mail address/).waitFor();
    await shot(page, 'sso-refusal');
    expect((await page.request.get(`${baseUrl}/api/me`)).status()).toBe(401);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('with password sign-in off, the sign-in page offers the button and a break-glass link for IT administrators', async () => {
    const it = await openWatchedPage(browser, baseUrl);
    await signIn(it.page, baseUrl, 'it@demo.peerline.test');
    await it.page.goto(`${baseUrl}/app/settings/sign-in`);
    await tick(it.page, 'Everyone may also sign in with a Peerline password');
    await it.page.getByRole('button', { name: 'Save single sign-on' }).click();
    await it.page.getByText('Single sign-on settings saved.').waitFor();
    await it.context.close();

    const { context, page, problems } = await openWatchedPage(browser, baseUrl);
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('link', { name: 'Sign in with Riverside Entra ID' }).waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    await shot(page, 'sso-login-passwords-off');
    await page.getByRole('button', { name: 'IT administrator break-glass sign-in' }).click();
    await signIn(page, baseUrl, 'it@demo.peerline.test');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
