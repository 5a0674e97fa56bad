import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

/** The settings page holds every team's sections; the screenshot shows this one only. */
async function shoot(section: Locator, name: string): Promise<void> {
  const dir = path.resolve('test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await section.screenshot({ path: path.join(dir, `${name}.png`) });
}

describe('service levels', () => {
  it('the director picks a preset per origin and urgency and edits the business-hours calendar; the board shows the clocks', async () => {
    const director = await openWatchedPage(env.browser, env.server.url);
    const page = director.page;
    page.setDefaultTimeout(15_000);
    await signIn(page, env.server.url, 'director@demo.peerline.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Service levels' });
    await section.getByRole('table').waitFor();
    // Eight cells, each a preset picker named by its origin and urgency.
    expect(await section.getByRole('row').count()).toBe(5);
    const outreach = section.getByRole('button', { name: /Outreach after an event, not urgent/ });
    expect(await outreach.textContent()).toContain('Default: 24 hours');

    await outreach.click();
    await page.getByRole('option', { name: '48 hours (ChristianaCare)', exact: true }).click();
    await section.getByRole('button', { name: /Colleague referral, not urgent/ }).click();
    await page.getByRole('option', { name: '3 business days (CU)', exact: true }).click();
    await section.getByRole('checkbox', { name: 'Sat', exact: true }).locator('xpath=ancestor::label[1]').click();
    await section.getByLabel('Add a holiday').fill('2027-07-05');
    await section.getByRole('button', { name: 'Add', exact: true }).click();

    // A closing time before the opening time is refused, with the reason under the field.
    await section.getByLabel('Closes').fill('07:00');
    await section.getByRole('button', { name: 'Save service levels' }).click();
    await section.getByText('Must be after the opening time').waitFor();
    await shoot(section, 'service-levels-refused');

    await section.getByLabel('Closes').fill('17:00');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings/service-levels') && r.request().method() === 'PUT');
    await section.getByRole('button', { name: 'Save service levels' }).click();
    const response = await saved;
    expect(response.status(), await response.text()).toBe(200);
    await section.getByText('Saved. Requests opened from now on use these targets').waitFor();
    await shoot(section, 'service-levels-settings');

    // Still there after a reload.
    await page.reload();
    const reloaded = page.getByRole('region', { name: 'Service levels' });
    await reloaded.getByRole('table').waitFor();
    expect(await reloaded.getByRole('button', { name: /Outreach after an event, not urgent/ }).textContent()).toContain('48 hours');
    expect(await reloaded.getByRole('checkbox', { name: 'Sat' }).isChecked()).toBe(true);
    expect(await reloaded.getByRole('list', { name: /Holidays/ }).textContent()).toContain('2027-07-05');

    // The board shows each open request's first-contact clock.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Case board' }).waitFor();
    await page
      .getByText(/Due in|Overdue by|First contact after/)
      .first()
      .waitFor();
    await saveScreenshot(page, 'service-levels-case-board');
    // The browser logs the refused save (400) above; nothing else.
    expect(director.problems).toEqual(['console error: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await director.context.close();
  });

  it('is not shown to the IT administrator, who manages other settings', async () => {
    const it = await openWatchedPage(env.browser, env.server.url);
    await signIn(it.page, env.server.url, 'it@demo.peerline.test');
    await it.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await it.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await it.page
      .getByRole('region', { name: 'Support lines' })
      .or(it.page.getByRole('heading', { name: 'Support lines' }))
      .first()
      .waitFor();
    expect(await it.page.getByRole('region', { name: 'Service levels' }).count()).toBe(0);
    expect(it.problems).toEqual([]);
    await it.context.close();
  });
});
