import { describe, expect, it } from 'vitest';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const PHONE = { width: 375, height: 812 };

/** The director's set-up in Chromium (docs/setup.md). */
describe('program set-up', () => {
  it('shows the director how far the set-up has come, and records the sponsor', { timeout: 120_000 }, async () => {
    const director = await openWatchedPage(env.browser, env.server.url);
    const page = director.page;
    await signIn(page, env.server.url, 'director@demo.peerline.test');
    const summary = page.getByRole('region', { name: 'Program set-up' });
    await summary.getByText(/\d of 6 steps done/).waitFor();
    await summary.getByRole('link', { name: 'See what is left' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Set-up' }).waitFor();
    const leadership = page.getByRole('region', { name: '1. Make leadership aware' });
    // The demo recorded its sponsor and protection, and has a leadership viewer: done.
    await leadership.getByText('Done', { exact: true }).waitFor();
    await leadership.getByText(/Dr\. Ruth Okafor, Chief Medical Officer/).waitFor();
    const scope = page.getByRole('region', { name: '2. Choose whom to serve, start small' });
    await scope.getByText('Not started', { exact: true }).waitFor();
    await saveScreenshot(page, 'setup-director');

    // A new sponsor.
    const sponsor = page.getByRole('form', { name: 'Executive sponsor' });
    await sponsor.getByLabel('Name').fill('Dr. Sam Whitaker');
    await sponsor.getByLabel('Role').fill('Chief Executive');
    await sponsor.getByRole('button', { name: 'Save the sponsor' }).click();
    await leadership.getByText(/Dr\. Sam Whitaker, Chief Executive/).waitFor();
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'setup-director-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(director.problems).toEqual([]);
  });
});
