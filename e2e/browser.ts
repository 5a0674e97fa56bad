import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { generate } from 'otplib';
import { DEMO_TOTP_SECRET } from '../server/demo/seed-demo.ts';
import { startDemoServer } from '../test/harness.ts';

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

/** Debian's Chromium, headless, with everything that phones home switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Requests to any origin but the server, console errors and uncaught page errors, as text. */
  problems: string[];
}

/**
 * A fresh context (no cookies) whose page records every request that leaves the server's origin
 * and every console error. A CSP violation is a console error too, so it is caught here.
 */
export async function openWatchedPage(browser: Browser, baseUrl: string, viewport = { width: 1280, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    // blob: downloads are built in the page itself; anything else must go to the server.
    if (url.protocol !== 'blob:' && url.origin !== origin) problems.push(`request to another origin: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

export const DEMO_PASSWORD = 'peerline-demo';

/** The last time step each demo account gave a code for, per server: a code is accepted once. */
const lastSteps = new Map<string, number>();

/**
 * A fresh code of the demo authenticator for this account: the next step not used yet, within the
 * one-step tolerance around now (waiting for the next step if all were used).
 */
export async function demoCode(baseUrl: string, email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const key = `${baseUrl} ${email} ${secret}`;
  for (;;) {
    // The server accepts one step of drift either way. The step before now is used only while the
    // current step has over 5 s left: the server reads its clock a moment later, maybe in the next step.
    const now = Math.floor(Date.now() / 30_000);
    const first = 30_000 - (Date.now() % 30_000) > 5_000 ? now - 1 : now;
    const step = Math.max(first, (lastSteps.get(key) ?? -Infinity) + 1);
    if (step <= now + 1) {
      lastSteps.set(key, step);
      return generate({ secret, epoch: step * 30 });
    }
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 50));
  }
}

/**
 * Signs in through the real form and waits for the app's home page. Accounts whose roles need
 * two-step sign-in (director, administrator, IT administrator) give a code of the demo's published
 * authenticator secret on the next page, as the person would from their phone.
 */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  if (page.url() !== `${baseUrl}/login`) await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Work e-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/app') || url.pathname === '/login/second-step');
  if (new URL(page.url()).pathname === '/login/second-step') {
    await page.getByLabel('Code from your app').fill(await demoCode(baseUrl, email));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/app'));
  }
  // Leadership's home is the program report; everyone else's greets them.
  await page.getByRole('heading', { level: 1, name: /^(Welcome|Program report)/ }).waitFor();
}

type Scope = Page | ReturnType<Page['locator']>;

/** React Aria draws its own controls over hidden inputs, so click what a person clicks: the label. */
export const choose = (scope: Scope, name: string | RegExp) =>
  scope.getByRole('radio', { name, exact: true }).locator('xpath=ancestor::label[1]').click();
export const tick = (scope: Scope, name: string) =>
  scope.getByRole('checkbox', { name, exact: true }).locator('xpath=ancestor::label[1]').click();

/** Follows a main-navigation link and waits for the page's heading of the same name. */
export async function openFromNav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** Links of `<nav aria-label="Main">`, in order. */
export async function mainNavLinks(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  return (await links.allTextContents()).map((text) => text.trim());
}

const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * One demo server and one Chromium per test file, started together before the tests and closed
 * after them. Read `server` and `browser` inside tests, not at import time.
 */
export function useDemoServerAndBrowser(): { readonly server: DemoServer; readonly browser: Browser } {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('demo server not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not launched');
      return browser;
    },
  };
}
