import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESOURCE_CATEGORY_LABELS } from '../shared/schemas/resources.ts';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

const PHONE = { width: 375, height: 812 };

/** Every weekly window on the profile page as "Day HH:MM-HH:MM", in the order shown. */
async function weeklyWindows(page: Page): Promise<string[]> {
  const rows = page.getByRole('group', { name: /^Window \d+$/ });
  const result: string[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const day = (await row.locator('.select__value').textContent())?.trim();
    result.push(`${day} ${await row.getByLabel('From').inputValue()}-${await row.getByLabel('Until').inputValue()}`);
  }
  return result;
}

const checkbox = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const isChecked = (page: Page, name: string) => checkbox(page, name).isChecked();
/** React Aria draws its own box over the hidden input, so click what a person clicks: the label. */
const toggleCheckbox = (page: Page, name: string) => checkbox(page, name).locator('xpath=ancestor::label[1]').click();

async function openFromNav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

describe('supporter profile', () => {
  it('a supporter adds a weekly window and a way to meet, saves, and finds both after a reload', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    await signIn(page, env.server.url, 'supporter@demo.peerline.test');
    await openFromNav(page, 'My supporter profile');
    await page.getByRole('heading', { level: 2, name: 'Your status' }).waitFor();
    expect(await page.getByText('used only to suggest matches; never shown to the person you support', { exact: false }).count()).toBe(1);

    // The demo supporter meets by video already; take it off first, so that adding it is a change.
    if (await isChecked(page, 'Video')) {
      await toggleCheckbox(page, 'Video');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.getByText('Your supporter profile is saved.').waitFor();
    }
    expect(await isChecked(page, 'Video')).toBe(false);

    const before = await weeklyWindows(page);
    await page.getByRole('button', { name: 'Add a weekly window' }).click();
    const row = page.getByRole('group', { name: `Window ${before.length + 1}` });
    await row.waitFor();
    await row.getByRole('button', { name: /Day/ }).click();
    await page.getByRole('option', { name: 'Saturday' }).click();
    await row.getByLabel('From').fill('19:15');
    await row.getByLabel('Until').fill('21:45');
    await toggleCheckbox(page, 'Video');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your supporter profile is saved.').waitFor();
    await saveScreenshot(page, 'supporter-profile-saved');

    // Saved on the server, not only on screen.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Your status' }).waitFor();
    await expect.poll(() => weeklyWindows(page)).toContain('Saturday 19:15-21:45');
    expect((await weeklyWindows(page)).length).toBe(before.length + 1);
    expect(await isChecked(page, 'Video')).toBe(true);

    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'supporter-profile-phone');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the program director sees the supporter pool and changes the capacity of a supporter', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    await signIn(page, env.server.url, 'director@demo.peerline.test');
    // The pool is reached from the Team page.
    await openFromNav(page, 'Team');
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Supporters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Supporters' }).waitFor();
    const table = page.getByRole('grid', { name: 'Supporters' });
    await table.getByRole('row', { name: /Priya Raman/ }).waitFor();
    await saveScreenshot(page, 'supporters-pool');

    await page.getByRole('button', { name: 'Edit Priya Raman' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Priya Raman' });
    await dialog.waitFor();
    await dialog.getByLabel('Capacity (open cases)').fill('5');
    await saveScreenshot(page, 'supporters-edit-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const cells = await table
      .getByRole('row', { name: /Priya Raman/ })
      .locator('th, td')
      .allTextContents();
    expect(cells[5]).toBe('5');

    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'supporters-pool-phone');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('resources', () => {
  // The demo directory already lists an EAP; this is a second one, for clinicians' families.
  const name = 'Employee Assistance Program for families';
  const category = RESOURCE_CATEGORY_LABELS.therapy_eap;

  it('the director adds a resource and a clinician then finds it, with a tap-to-call number', async () => {
    const director = await openWatchedPage(env.browser, env.server.url);
    await signIn(director.page, env.server.url, 'director@demo.peerline.test');
    await openFromNav(director.page, 'Resources');

    await director.page.getByRole('button', { name: 'Add resource' }).click();
    const dialog = director.page.getByRole('dialog', { name: 'Add a resource' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /Category/ }).click();
    await director.page.getByRole('option', { name: category }).click();
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Phone number').fill('1-800-555-0199');
    await dialog.getByLabel('Link').fill('https://eap.example.org/clinicians');
    await dialog.getByLabel('Hours').fill('24 hours, every day');
    await dialog.getByLabel('Short description').fill('Free, confidential counselling for you and your family.');
    await saveScreenshot(director.page, 'resources-add-dialog');
    await dialog.getByRole('button', { name: 'Add resource' }).click();
    await dialog.waitFor({ state: 'detached' });

    const group = director.page.getByRole('region', { name: category });
    await group.getByRole('heading', { level: 3, name }).waitFor();
    await saveScreenshot(director.page, 'resources-director');
    expect(director.problems).toEqual([]);
    await director.context.close();

    const clinician = await openWatchedPage(env.browser, env.server.url);
    await signIn(clinician.page, env.server.url, 'clinician@demo.peerline.test');
    await openFromNav(clinician.page, 'Resources');
    const section = clinician.page.getByRole('region', { name: category });
    await section.getByRole('heading', { level: 3, name }).waitFor();
    const call = section.getByRole('link', { name: `Call ${name}: 1-800-555-0199` });
    expect(await call.getAttribute('href')).toBe('tel:18005550199');
    const site = section.getByRole('link', { name: /eap\.example\.org/ });
    expect(await site.getAttribute('href')).toBe('https://eap.example.org/clinicians');
    expect(await site.getAttribute('target')).toBe('_blank');
    expect(await site.getAttribute('rel')).toBe('noreferrer');
    // Only the director manages the directory.
    expect(await clinician.page.getByRole('button', { name: 'Add resource' }).count()).toBe(0);
    expect(await clinician.page.getByRole('button', { name: `Edit ${name}` }).count()).toBe(0);
    await saveScreenshot(clinician.page, 'resources-clinician');

    await clinician.page.setViewportSize(PHONE);
    expect(await clinician.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(clinician.page, 'resources-clinician-phone');
    expect(clinician.problems).toEqual([]);
    await clinician.context.close();
  });
});
