import { describe, expect, it } from 'vitest';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

describe('case board and audit log', () => {
  it('lets the administrator assign the new anonymous request to the best match, and the director see it audited', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    await signIn(page, env.server.url, 'admin@demo.peerline.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Case board' }).waitFor();

    const table = page.getByRole('grid', { name: 'Cases' });
    const fresh = table.getByRole('row').filter({ hasText: 'New: no supporter yet' });
    await fresh.waitFor();
    // A header and the open demo cases: new, offered, assigned, contacted, active, and five people an
    // event notice reached in to (one assigned, four offered); finished ones are hidden.
    expect(await table.getByRole('row').count()).toBe(11);
    expect(await fresh.count()).toBe(1);
    expect(await table.textContent()).toMatch(/Due in|Overdue by/);
    // Nobody on the board is named as a requester.
    expect(await table.textContent()).not.toMatch(/Alex|Jordan/);
    await saveScreenshot(page, 'case-board');

    await fresh.click();
    await page.getByRole('heading', { level: 1, name: 'Case: Burnout or overload' }).waitFor();
    const suggestions = page.getByRole('list', { name: 'Suggestions' });
    await suggestions.waitFor();
    const best = suggestions.getByRole('listitem').first();
    const bestName = (await best.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';
    expect(bestName).not.toBe('');
    expect(await best.textContent()).toMatch(/Best match/);

    // The contact stays hidden until asked for, and the page says that view is audited.
    expect(await page.getByText('This view is recorded in the audit log.').isVisible()).toBe(true);
    expect(await page.textContent('main')).not.toMatch(/Alex/);
    await page.getByRole('button', { name: 'Show contact details' }).click();
    await page.getByText('Alex').waitFor();
    await saveScreenshot(page, 'case-board-case');

    await best.getByRole('button', { name: `Assign to ${bestName}` }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Assign this case?' });
    await dialog.waitFor();
    await saveScreenshot(page, 'case-board-assign-confirm');
    await dialog.getByRole('button', { name: `Assign to ${bestName}` }).click();
    await page.getByText(`Assigned to ${bestName}.`).first().waitFor();
    await expect.poll(() => page.getByText('Assigned: first contact pending').count()).toBeGreaterThan(0);

    // Saved on the server: the board shows it assigned.
    await page.getByRole('link', { name: '← Case board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Case board' }).waitFor();
    await table.getByRole('row').filter({ hasText: 'Burnout or overload' }).getByText(`Assigned to ${bestName}`).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'New: no supporter yet' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    const director = await openWatchedPage(env.browser, env.server.url);
    await signIn(director.page, env.server.url, 'director@demo.peerline.test');
    await director.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await director.page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const log = director.page.getByRole('grid', { name: 'Audit log' });
    await log.getByRole('row').filter({ hasText: 'Case assigned by hand' }).waitFor();
    expect(await log.getByRole('row').filter({ hasText: 'Case assigned by hand' }).textContent()).toMatch(/Marcus Oyelaran/);
    await log.getByRole('row').filter({ hasText: 'Contact details viewed' }).first().waitFor();
    await saveScreenshot(director.page, 'audit-log');
    expect(director.problems).toEqual([]);
    await director.context.close();
  });

  it('fits the board, a case and the audit log on a 375 px phone', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url, { width: 375, height: 812 });
    await signIn(page, env.server.url, 'director@demo.peerline.test');
    await page.goto(`${env.server.url}/app/board`);
    await page.getByRole('heading', { level: 1, name: 'Case board' }).waitFor();
    const rows = page.getByRole('grid', { name: 'Cases' }).getByRole('row');
    await rows.nth(1).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await saveScreenshot(page, 'case-board-phone');

    await rows.nth(1).click();
    await page.getByRole('heading', { level: 1, name: /^Case: / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Suggested supporters' }).waitFor();
    await page
      .getByRole('list', { name: 'Suggestions' })
      .or(page.getByText(/No supporter can take this case now|This case is finished/))
      .first()
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await saveScreenshot(page, 'case-board-case-phone');

    await page.goto(`${env.server.url}/app/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('grid', { name: 'Audit log' }).getByRole('row').nth(1).waitFor();
    await saveScreenshot(page, 'audit-log-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await context.close();
  });
});
