import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

/** React Aria draws its own circle over the hidden input, so click what a person clicks: the label. */

async function phoneScreenshot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await saveScreenshot(page, name);
  await page.setViewportSize(DESKTOP);
}

/** A demo staff member with no request open, to be referred. */
async function colleagueToRefer() {
  const { db } = env.server.ctx;
  const row = await db
    .selectFrom('people')
    .select(['people.id', 'people.work_email', 'people.first_name'])
    .where('people.active', '=', true)
    .where('people.work_email', 'like', '%@demo.peerline.test')
    .where('people.work_email', 'not in', [
      'clinician@demo.peerline.test',
      'director@demo.peerline.test',
      'admin@demo.peerline.test',
      'supporter@demo.peerline.test',
    ])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('cases').select('cases.id').whereRef('cases.requester_person_id', '=', 'people.id'))),
    )
    .orderBy('people.work_email')
    .executeTakeFirstOrThrow();
  return row;
}

describe('intake choices: refer a colleague, choose a supporter', () => {
  it('a clinician refers a colleague by work e-mail and learns nothing after sending', { timeout: 60_000 }, async () => {
    const { page, problems, context } = await openWatchedPage(env.browser, env.server.url, DESKTOP);
    page.setDefaultTimeout(10_000);
    const colleague = await colleagueToRefer();
    await signIn(page, env.server.url, 'clinician@demo.peerline.test');
    await page.getByRole('region', { name: 'Talk to a peer' }).getByRole('link', { name: 'Refer a colleague' }).click();
    await page.getByRole('heading', { level: 1, name: 'Refer a colleague' }).waitFor();

    // The question comes first, with why it matters; then who reaches out, and that the referrer hears nothing.
    const form = page.getByRole('form', { name: 'Refer a colleague' });
    expect(await form.getByRole('radiogroup').first().getAttribute('aria-labelledby')).toBeTruthy();
    expect(await form.locator('.field__label').first().textContent()).toBe('Have you told your colleague?');
    const next = page.getByRole('region', { name: 'What happens when you send this' });
    expect(await next.textContent()).toMatch(/trained peer supporter, not their manager and not HR/);
    expect(await next.textContent()).toMatch(/you will hear nothing further/);
    await choose(page, 'Not yet');
    await page.getByText('without saying who').waitFor();

    // An e-mail nobody has: the field says so, nothing more.
    await page.getByLabel('Your colleague’s work e-mail').fill('nobody-here@demo.peerline.test');
    await choose(page, 'The death of a patient');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByText('No colleague in the staff directory has this work e-mail').waitFor();

    await page.getByLabel('Your colleague’s work e-mail').fill(colleague.work_email);
    await saveScreenshot(page, 'refer-colleague');
    await page.getByRole('button', { name: 'Send referral' }).click();
    const done = page.getByRole('region', { name: 'Thank you for looking out for your colleague' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/You will not hear anything further/);
    expect(await done.textContent()).not.toContain(colleague.first_name);
    await page.getByRole('region', { name: 'Need to talk to someone now?' }).getByRole('link', { name: '1-888-409-0141' }).waitFor();
    await saveScreenshot(page, 'refer-colleague-sent');
    await phoneScreenshot(page, 'refer-colleague-sent-phone');

    const created = await env.server.ctx.db
      .selectFrom('cases')
      .select(['origin', 'reason', 'requester_informed'])
      .where('requester_person_id', '=', colleague.id)
      .execute();
    expect(created).toEqual([expect.objectContaining({ origin: 'colleague_referral', reason: 'patient_death' })]);
    expect(Boolean(created[0]!.requester_informed)).toBe(false);
    // The referrer's own list is unchanged by it.
    const mine = (await (await context.request.get(`${env.server.url}/api/support/requests`)).json()) as { requests: { origin: string }[] };
    expect(mine.requests.some((r) => r.origin === 'colleague_referral')).toBe(false);
    // The one 400 is the unknown e-mail above, which the browser logs as a failed resource.
    expect(problems).toEqual(['console error: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await context.close();
  });

  it("with the director's setting on, a clinician chooses a supporter and the offer goes to them", { timeout: 90_000 }, async () => {
    const director = await openWatchedPage(env.browser, env.server.url, DESKTOP);
    director.page.setDefaultTimeout(10_000);
    await signIn(director.page, env.server.url, 'director@demo.peerline.test');
    await director.page.goto(`${env.server.url}/app/settings`);
    const requests = director.page.getByRole('region', { name: 'Requests' });
    const toggle = requests.getByRole('checkbox', { name: 'Let requesters choose their supporter from a directory' });
    expect(await toggle.isChecked()).toBe(false);
    await requests.getByText('Let requesters choose their supporter from a directory').click();
    await requests.getByText('Requesters can now choose their supporter.').waitFor();
    await saveScreenshot(director.page, 'settings-supporter-directory');
    expect(director.problems).toEqual([]);
    await director.context.close();

    const { page, problems, context } = await openWatchedPage(env.browser, env.server.url, DESKTOP);
    page.setDefaultTimeout(10_000);
    await signIn(page, env.server.url, 'clinician@demo.peerline.test');
    await page.goto(`${env.server.url}/app/request`);
    await page.getByRole('heading', { level: 1, name: 'Ask for support' }).waitFor();
    await choose(page, 'Burnout or overload');
    await choose(page, 'Phone');
    await choose(page, 'Not from my department');
    await choose(page, /^Choose a supporter yourself/);
    const list = page.getByRole('radiogroup', { name: 'Supporters who could take your request' });
    await list.waitFor();
    const options = list.getByRole('radio');
    expect(await options.count()).toBeGreaterThan(0);
    // First name, profession, languages and modalities: no caseload anywhere.
    expect(await list.textContent()).not.toMatch(/case|load|capacity/i);
    const label = list.locator('label').first();
    const firstName = (await label.locator('.radio__label').textContent())?.trim() ?? '';
    await label.click();
    await saveScreenshot(page, 'ask-for-support-choose-supporter');
    await phoneScreenshot(page, 'ask-for-support-choose-supporter-phone');

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/support/requests') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Ask for support' }).click(),
    ]);
    expect(response.status()).toBe(201);
    const sent = JSON.parse(response.request().postData() ?? '{}') as { supporterId?: string };
    expect(sent.supporterId).toBeTruthy();
    await page.getByRole('region', { name: 'Your request is in' }).waitFor();
    const { id } = (await response.json()) as { id: string };
    const offer = await env.server.ctx.db
      .selectFrom('case_offers')
      .innerJoin('people', 'people.id', 'case_offers.supporter_id')
      .select(['case_offers.supporter_id', 'people.first_name', 'case_offers.status'])
      .where('case_offers.case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ supporter_id: sent.supporterId, first_name: firstName, status: 'pending' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
