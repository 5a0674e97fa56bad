import { describe, expect, it } from 'vitest';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

describe('administrator journeys', () => {
  it('finds a person, edits their specialty and sees it saved', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    await signIn(page, env.server.url, 'admin@demo.peerline.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    await page.getByLabel('Search by name or e-mail').fill('Alvarez');
    const row = page.getByRole('row', { name: /Tomás Alvarez/ });
    await row.waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // header + the one match
    await saveScreenshot(page, 'people-search');
    await row.click();

    await page.getByRole('heading', { level: 1, name: 'Tomás Alvarez' }).waitFor();
    const specialty = page.getByLabel('Specialty', { exact: true });
    expect(await specialty.inputValue()).toBe('General surgery');
    await specialty.fill('Trauma surgery');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Changes saved.').waitFor();
    await saveScreenshot(page, 'person-edited');

    // Saved on the server, not only on screen.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tomás Alvarez' }).waitFor();
    await expect.poll(() => page.getByLabel('Specialty', { exact: true }).inputValue()).toBe('Trauma surgery');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('checks a roster with one bad row and lists its line and column', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    await signIn(page, env.server.url, 'admin@demo.peerline.test');
    await page.goto(`${env.server.url}/app/import`);
    await page.getByRole('heading', { level: 1, name: 'Import roster' }).waitFor();

    const csv = [
      'first_name,last_name,work_email,profession,department,languages',
      'Robin,Okoye,robin.okoye@demo.peerline.test,Nurse,Surgery,en',
      'Sam,Brightwater,not-an-email,Physician,Cardiology,en;es',
      'Kai,Lindholm,kai.lindholm@demo.peerline.test,Pharmacist,Pharmacy,',
    ].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    const errors = page.getByRole('grid', { name: 'Rows with errors' });
    await errors.waitFor();
    const cells = await errors.getByRole('row').nth(1).locator('th, td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['3', 'work_email']);
    expect(await errors.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Import 2 valid rows, skip 1' }).waitFor();
    await saveScreenshot(page, 'roster-check-errors');
    expect(problems).toEqual([]);
    await context.close();
  });
});
