import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACTION_RULES, can, type Action } from '../shared/permissions.ts';
import { DEMO_ACCOUNTS } from '../server/demo/seed-demo.ts';
import { mainNavLinks, openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

/** Main-nav links and the action each needs (none = every signed-in person). */
const NAV: [label: string, action: Action | null][] = [
  ['Home', null],
  ['Ask for support', 'support.request'],
  ['My requests', 'support.request'],
  ['Offers', 'supporter.self'],
  ['My cases', 'supporter.self'],
  ['My account', null],
  ['Resources', 'resources.read'],
  ['My supporter profile', 'supporter.self'],
  ['On call', 'rota.self'],
  ['Peer support team', 'team.self'],
  ['Report an event', 'events.report'],
  ['Team', 'team.read'],
  ['Reports', 'reports.read'],
  ['Case board', 'cases.manage'],
  ['Event notices', 'events.manage'],
  ['On-call rota', 'rota.manage'],
  ['People', 'people.read'],
  ['Organisation', 'organization.manage'],
  ['Settings', 'settings.manage'],
  ['Audit log', 'audit.read'],
];

const env = useDemoServerAndBrowser();

/** The distinct heights of the Program row's links: one when the row fits on one line. */
async function programRowTops(page: Page): Promise<number[]> {
  const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('list', { name: 'Program' }).getByRole('link').all();
  return [...new Set(await Promise.all(links.map(async (link) => Math.round((await link.boundingBox())!.y))))];
}

describe('public page', () => {
  it('shows the Physician Support Line and 988 without signing in, and nothing leaves the server', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    await page.goto(`${env.server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'How peer support works at Demo Health System' }).waitFor();

    const support = page.getByRole('region', { name: 'Need to talk to someone now?' });
    await expect.poll(() => support.getByRole('link', { name: '1-888-409-0141' }).getAttribute('href')).toBe('tel:18884090141');
    expect(await support.textContent()).toMatch(/Every day, 8:00 AM to 1:00 AM the next day/);
    expect(await support.textContent()).toMatch(/(Open|Closed) now/);
    // 988 is in the page's crisis bar and footer, as a tel: link.
    expect(await page.locator('a[href="tel:988"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');

    await saveScreenshot(page, 'public-home');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('main navigation', () => {
  it('shows each demo account exactly the sections its roles allow', async () => {
    // The brief's expectation, stated independently of the rules below.
    const asking = ['Home', 'Ask for support', 'My requests'];
    const everyone = [...asking, 'My account', 'Resources', 'Peer support team'];
    const directory = ['People', 'Organisation'];
    const stated: Record<string, string[]> = {
      'director@demo.peerline.test': [
        ...everyone,
        'Report an event',
        'Team',
        'Reports',
        'Case board',
        'Event notices',
        'On-call rota',
        ...directory,
        'Settings',
        'Audit log',
      ],
      'admin@demo.peerline.test': [...everyone, 'Report an event', 'Team', 'Case board', 'Event notices', 'On-call rota', ...directory],
      'it@demo.peerline.test': [...everyone, ...directory, 'Settings'],
      'supporter@demo.peerline.test': [
        ...asking,
        'Offers',
        'My cases',
        'My account',
        'Resources',
        'My supporter profile',
        'On call',
        'Peer support team',
      ],
      'clinician@demo.peerline.test': everyone,
      'leader@demo.peerline.test': [...everyone, 'Reports'],
      // Reporters file event notices and read the receipt; nothing about the outreach.
      'reporter@demo.peerline.test': [...everyone, 'Report an event'],
    };
    expect(Object.keys(stated).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(Object.keys(ACTION_RULES)).toEqual(expect.arrayContaining(NAV.flatMap(([, action]) => (action ? [action] : []))));

    // One browser context for all seven: signing out must leave nothing behind for the next account.
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    for (const account of DEMO_ACCOUNTS) {
      const expected = NAV.filter(([, action]) => action === null || can(account.roles, action)).map(([label]) => label);
      expect(expected, `rules for ${account.email}`).toEqual(stated[account.email]);

      await signIn(page, env.server.url, account.email);
      expect(await mainNavLinks(page), account.email).toEqual(expected);
      if (account.email.startsWith('director')) {
        expect(await programRowTops(page)).toHaveLength(1);
        await saveScreenshot(page, 'app-home-director');
      }
      if (account.email.startsWith('clinician')) await saveScreenshot(page, 'app-home-clinician');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${env.server.url}/login`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('folds into a working menu button at 375 px', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url, { width: 375, height: 812 });
    await signIn(page, env.server.url, 'admin@demo.peerline.test');
    const menu = page.getByRole('button', { name: 'Menu' });
    const people = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' });

    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await people.isVisible()).toBe(false);
    await saveScreenshot(page, 'app-home-phone-menu-closed');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await people.waitFor({ state: 'visible' });
    await saveScreenshot(page, 'app-home-phone-menu-open');

    await people.click();
    await page.waitForURL(`${env.server.url}/app/people`);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    // Nothing is wider than the phone: no sideways scrolling of the page itself.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps Integrations under Settings, with its own address; the old address leads there', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    await signIn(page, env.server.url, 'director@demo.peerline.test');
    await page.goto(`${env.server.url}/app/integrations`);
    await page.waitForURL(`${env.server.url}/app/settings/integrations`);
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Settings sections' });
    expect(await tabs.getByRole('link', { name: 'Integrations' }).getAttribute('aria-current')).toBe('page');
    // The main nav marks Settings as where the director is.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );
    // Still one line at 1280 px with a Program link active (bold), on each of the director's Program pages.
    expect(await programRowTops(page)).toHaveLength(1);
    await saveScreenshot(page, 'settings-integrations');
    await tabs.getByRole('link', { name: 'Program settings' }).click();
    await page.waitForURL(`${env.server.url}/app/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    for (const label of ['Team', 'Reports', 'Case board', 'Event notices', 'On-call rota', 'People', 'Organisation', 'Audit log']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
      await page.waitForFunction(
        (name) => document.querySelector('nav[aria-label="Main"] [aria-current="page"]')?.textContent?.trim() === name,
        label,
      );
      expect(await programRowTops(page), label).toHaveLength(1);
    }

    // IT administrators manage settings and sign-in (single sign-on, decision 011) but not tokens.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${env.server.url}/login`);
    await signIn(page, env.server.url, 'it@demo.peerline.test');
    await page.goto(`${env.server.url}/app/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const itTabs = page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link');
    expect((await itTabs.allTextContents()).map((t) => t.trim())).toEqual(['Program settings', 'Sign-in']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
