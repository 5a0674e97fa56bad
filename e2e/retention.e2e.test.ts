import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

describe('retention period', () => {
  it('the director reads what is erased and when, sets erasure at closure, and the setting sticks', async () => {
    const { page, problems, context } = await openWatchedPage(env.browser, env.server.url);
    page.setDefaultTimeout(15_000);
    await signIn(page, env.server.url, 'director@demo.peerline.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Retention' });
    const field = section.getByLabel('Days to keep identifying data after a request ends');
    await field.waitFor();
    expect(await field.inputValue()).toBe('30');
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('erased 30 days after a request is closed, withdrawn or declined');
    expect(text).toContain('contact details');
    expect(text).toContain('What stays is what the statistics need');

    await field.fill('0');
    await field.blur();
    await section.getByText('erased as soon as a request is closed, withdrawn or declined', { exact: false }).first().waitFor();
    await section.getByRole('button', { name: 'Save retention period' }).click();
    await section.getByText('Retention period saved.', { exact: false }).waitFor();
    await saveScreenshot(page, 'settings-retention-saved');
    await section.screenshot({ path: path.resolve('test-results', 'screenshots', 'settings-retention-section.png') });

    await page.reload();
    await field.waitFor();
    expect(await field.inputValue()).toBe('0');
    await page.setViewportSize({ width: 375, height: 812 });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.resolve('test-results', 'screenshots', 'settings-retention-phone.png') });
    const tooWide = await section.evaluate(
      (root) => [root, ...root.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > 376).length,
    );
    expect(tooWide).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
