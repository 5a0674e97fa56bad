import { describe, expect, it } from 'vitest';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const PHONE = { width: 375, height: 812 };

/** Leadership's report in Chromium (docs/reporting.md). */
describe('program report', () => {
  it('is leadership’s home: counts per quarter, small ones hidden, and nobody named', { timeout: 120_000 }, async () => {
    const leader = await openWatchedPage(env.browser, env.server.url);
    const page = leader.page;
    await signIn(page, env.server.url, 'leader@demo.peerline.test');
    expect(new URL(page.url()).pathname).toBe('/app/reports');
    await page.getByRole('heading', { level: 1, name: 'Program report' }).waitFor();
    const trend = page.getByRole('table', { name: 'Requests per month' });
    await trend.waitFor();
    // Twelve months, each a number or "hidden".
    const cells = await trend.getByRole('cell').allInnerTexts();
    expect(cells).toHaveLength(12);
    for (const cell of cells) expect(cell).toMatch(/^(\d[\d,]*|hidden)$/);
    // The newest ended quarter is open; another can be chosen.
    const quarters = page.getByRole('tablist', { name: 'Quarter' }).getByRole('tab');
    expect(await quarters.count()).toBe(4);
    const professions = page.getByRole('table', { name: 'Professions' });
    for (const text of await professions.getByRole('cell').allInnerTexts()) {
      // A shown count is 0 or at least 11.
      if (/^\d+$/.test(text)) expect(Number(text) === 0 || Number(text) >= 11).toBe(true);
    }
    await saveScreenshot(page, 'reports-leader-home');
    await quarters.nth(1).click();
    await page.getByRole('tab', { selected: true }).filter({ hasText: /2026/ }).waitFor();
    await saveScreenshot(page, 'reports-leader-earlier-quarter');

    // Nothing on the page names anyone the program supports or supporters (the demo's names).
    const body = await page.locator('main').innerText();
    for (const name of ['Priya', 'Raman', 'Robin', 'Kofi', '@demo.peerline.test']) expect(body).not.toContain(name);
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The download: the same figures, hidden ones written as "hidden", no formula can start a cell.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^program-report-\d{4}-Q\d\.csv$/);
    const file = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    expect(file.startsWith('\uFEFF"quarter","figure","breakdown","value"')).toBe(true);
    expect(file).toContain('"hidden"');
    expect(file).not.toMatch(/(^|,)"?[=+@]/m);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Board report (PDF)' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^board-report-\d{4}-Q\d\.pdf$/);
    const bytes = await (await import('node:fs/promises')).readFile((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'reports-leader-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(leader.problems).toEqual([]);
  });
});
