import { describe, expect, it } from 'vitest';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const PHONE = { width: 375, height: 812 };

/** The options of a native select, as their visible text. */
async function optionsOf(page: import('playwright-core').Page, label: string): Promise<string[]> {
  return (await page.getByLabel(label).locator('option').allTextContents()).map((t) => t.trim()).filter((t) => t !== 'Choose…');
}

describe('on-call rota', () => {
  it('lets the administrator set up a rotation, and Priya see who is on call and take the shift now', { timeout: 90_000 }, async () => {
    const admin = await openWatchedPage(env.browser, env.server.url);
    await signIn(admin.page, env.server.url, 'admin@demo.peerline.test');
    await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'On-call rota' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'On-call rota' }).waitFor();
    await admin.page.getByRole('region', { name: 'On call now' }).waitFor();
    // Start from an empty rotation, whatever the demo seeded.
    while ((await admin.page.getByRole('list', { name: 'Rotation order' }).count()) > 0) {
      await admin.page
        .getByRole('list', { name: 'Rotation order' })
        .getByRole('button', { name: /^Remove / })
        .first()
        .click();
    }

    // Two colleagues first, then Priya: somebody else is on call this week.
    const supporters = await optionsOf(admin.page, 'Add a supporter');
    expect(supporters).toContain('Priya Raman');
    const others = supporters.filter((name) => name !== 'Priya Raman').slice(0, 2);
    for (const name of [...others, 'Priya Raman']) {
      await admin.page.getByLabel('Add a supporter').selectOption({ label: name });
      await admin.page.getByRole('button', { name: 'Add to rotation' }).click();
    }
    const order = admin.page.getByRole('list', { name: 'Rotation order' });
    expect((await order.getByRole('listitem').allTextContents()).map((t) => t.replace(/↑↓Remove$/, ''))).toEqual([
      ...others,
      'Priya Raman',
    ]);
    await admin.page.getByLabel('Hand-off time').fill('00:00');
    await admin.page.getByRole('button', { name: 'Save rotation' }).click();
    await admin.page.getByText('Rotation saved.').waitFor();
    const nowCard = admin.page.getByRole('region', { name: 'On call now' });
    await nowCard.getByText(others[0]!).waitFor();
    await admin.page.getByRole('list', { name: 'On-call calendar' }).getByText(others[0]!).first().waitFor();
    await saveScreenshot(admin.page, 'on-call-rota-admin');
    await admin.page.setViewportSize(PHONE);
    await saveScreenshot(admin.page, 'on-call-rota-admin-phone');
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    const priya = await openWatchedPage(env.browser, env.server.url);
    await signIn(priya.page, env.server.url, 'supporter@demo.peerline.test');
    await priya.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'On call', exact: true }).click();
    await priya.page.getByRole('heading', { level: 1, name: 'On call' }).waitFor();
    const priyaNow = priya.page.getByRole('region', { name: 'On call now' });
    await priyaNow.getByText(others[0]!).waitFor();
    // Her own turn comes in two weeks: it is listed under "My next shifts" once it is within the calendar.
    await priya.page.getByRole('region', { name: 'My next shifts' }).waitFor();

    await priya.page.getByLabel('For how many hours').fill('3');
    await priya.page.getByRole('button', { name: 'Take the shift now' }).click();
    await priyaNow.getByText('You', { exact: true }).waitFor();
    expect(await priyaNow.textContent()).toMatch(/^On call nowPriya RamanYouUntil/);
    await priya.page.getByText('You have taken the shift.').waitFor();
    await saveScreenshot(priya.page, 'on-call-supporter');

    await priya.page.getByRole('button', { name: 'Get my calendar address' }).click();
    const address = await priya.page.getByLabel('Your calendar address (shown once)').inputValue();
    expect(address).toMatch(/\/api\/public\/on-call\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await priya.page.request.get(address);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:On call');

    await priya.page.setViewportSize(PHONE);
    await saveScreenshot(priya.page, 'on-call-supporter-phone');
    expect(await priya.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(priya.problems).toEqual([]);
    await priya.context.close();
  });
});
