import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createFeedbackToken } from '../server/modules/casework/casework.repository.ts';
import { choose, openFromNav, openWatchedPage, saveScreenshot, signIn, tick, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

/** The same page at 375 px: nothing wider than the phone, a screenshot, and back to the desktop width. */
async function phoneScreenshot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await saveScreenshot(page, name);
  await page.setViewportSize(DESKTOP);
}

interface MyRequest {
  id: string;
  state: string;
  outcome: string | null;
}

async function myRequests(context: BrowserContext): Promise<MyRequest[]> {
  const response = await context.request.get(`${env.server.url}/api/support/requests`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { requests: MyRequest[] }).requests;
}

describe('casework', () => {
  it(
    'a supporter reaches the requester, logs the conversation and closes; the requester sees it closed',
    { timeout: 120_000 },
    async () => {
      const clinician = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      const admin = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      const supporter = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      for (const { page } of [clinician, admin, supporter]) page.setDefaultTimeout(10_000);

      // 1. The clinician asks for support in the browser.
      const cp = clinician.page;
      await signIn(cp, env.server.url, 'clinician@demo.peerline.test');
      const before = (await myRequests(clinician.context)).map((r) => r.id);
      await openFromNav(cp, 'Ask for support');
      await choose(cp, 'The death of a patient');
      await choose(cp, 'Phone');
      await choose(cp, 'No preference');
      await choose(cp, /^Work e-mail/);
      await cp.getByRole('button', { name: 'Ask for support' }).click();
      await cp.getByRole('region', { name: 'Your request is in' }).waitFor();
      const mine = (await myRequests(clinician.context)).find((r) => !before.includes(r.id));
      expect(mine).toBeDefined();
      const caseId = mine?.id ?? '';

      // 2. The administrator assigns it to Priya (the demo supporter), so the flow does not depend on matching.
      await signIn(admin.page, env.server.url, 'admin@demo.peerline.test');
      const board: { id: string; state: string; createdAt: string }[] = [];
      for (const state of ['new', 'offered']) {
        const response = await admin.context.request.get(`${env.server.url}/api/cases?state=${state}`);
        expect(response.status()).toBe(200);
        board.push(...((await response.json()) as { cases: { id: string; state: string; createdAt: string }[] }).cases);
      }
      const newest = [...board].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      expect(newest?.id).toBe(caseId);
      const supporters = await admin.context.request.get(`${env.server.url}/api/supporters`);
      expect(supporters.status()).toBe(200);
      const priya = (
        (await supporters.json()) as { supporters: { personId: string; firstName: string; lastName: string }[] }
      ).supporters.find((s) => s.firstName === 'Priya');
      expect(priya).toBeDefined();
      const assigned = await admin.context.request.post(`${env.server.url}/api/cases/${caseId}/assign`, {
        data: { supporterId: priya?.personId },
        headers: { Origin: env.server.url },
      });
      expect(assigned.status()).toBe(200);
      await admin.context.close();

      // 3. Priya opens the case from My cases.
      const sp = supporter.page;
      await signIn(sp, env.server.url, 'supporter@demo.peerline.test');
      await openFromNav(sp, 'My cases');
      const card = sp.locator(`#case-${caseId}`);
      await card.waitFor();
      await card.getByRole('link', { name: /Log contact, conversation or close/ }).click();
      await sp.getByRole('heading', { level: 2, name: 'Who and how to reach them' }).waitFor();
      expect(sp.url()).toBe(`${env.server.url}/app/cases/${caseId}`);
      const contact = sp.getByRole('link', { name: /^Work e-mail of / });
      expect(await contact.getAttribute('href')).toMatch(/^mailto:/);
      expect(await sp.getByRole('button', { name: 'Imminent risk' }).count()).toBe(1);
      // The touching-base messages have both names filled in, and a Copy button each.
      const templates = sp.getByRole('region', { name: 'Touching base' });
      await templates.getByRole('button', { name: 'Copy' }).first().waitFor();
      expect(await templates.textContent()).not.toContain('{firstName}');
      expect(await templates.textContent()).toContain('Priya');
      // Before anyone is reached, there is no conversation to log.
      expect(await sp.getByRole('region', { name: 'Log the conversation' }).count()).toBe(0);
      await saveScreenshot(sp, 'case-detail');
      await phoneScreenshot(sp, 'case-detail-phone');

      // 4. A contact attempt: reached by phone.
      const attempt = sp.getByRole('region', { name: 'Log a contact attempt' });
      await choose(attempt, 'Phone call');
      await choose(attempt, 'Reached them');
      await attempt.getByRole('button', { name: 'Log attempt' }).click();
      const log = sp.getByRole('region', { name: 'Log the conversation' });
      await log.waitFor();
      await sp.getByRole('list', { name: 'Contact attempts' }).getByText('reached them').waitFor();

      // 5. The conversation: structured fields only, with no text box for what was said.
      expect(await log.textContent()).toContain('Nothing you type here is a note about what was said — Peerline keeps only these fields');
      expect(
        await log
          .locator(
            'textarea, input:not([type="date"]):not([type="number"]):not([type="radio"]):not([type="checkbox"]):not([type="hidden"])',
          )
          .count(),
      ).toBe(0);
      await log.getByRole('spinbutton', { name: 'Minutes' }).fill('45');
      await tick(log, 'A patient’s death');
      await tick(log, 'Coping and sleep');
      await tick(log, 'Therapy / employee assistance (EAP)');
      await saveScreenshot(sp, 'case-detail-log');
      await log.getByRole('button', { name: 'Log the conversation' }).click();
      const conversations = sp.getByRole('list', { name: 'Conversations' });
      await conversations.waitFor();
      expect(await conversations.textContent()).toMatch(/45 min/);
      expect(await conversations.textContent()).toContain('A patient’s death');

      // The referral offered can be marked as taken up.
      const referrals = sp.getByRole('region', { name: 'Referrals' });
      await referrals.getByRole('button', { name: 'Therapy / employee assistance (EAP): taken up' }).click();
      await referrals.getByText(/^Taken up/).waitFor();

      // 6. Close as supported, after a confirmation.
      const close = sp.getByRole('region', { name: 'Close' });
      await close.getByRole('button', { name: /Outcome/ }).click();
      await sp.getByRole('option', { name: /^Supported/ }).click();
      await close.getByRole('button', { name: 'Close case' }).click();
      const confirm = sp.getByRole('alertdialog', { name: /Close the case of/ });
      await confirm.waitFor();
      await saveScreenshot(sp, 'case-detail-close-confirm');
      await confirm.getByRole('button', { name: 'Close case' }).click();
      await confirm.waitFor({ state: 'detached' });
      await sp.getByText('Closed: supported').waitFor();
      expect(await sp.getByRole('button', { name: 'Imminent risk' }).count()).toBe(0);
      expect(await sp.getByRole('region', { name: 'Log the conversation' }).count()).toBe(0);
      await saveScreenshot(sp, 'case-detail-closed');
      await phoneScreenshot(sp, 'case-detail-closed-phone');
      expect(supporter.problems).toEqual([]);
      await supporter.context.close();

      // 7. The clinician sees it closed under My requests.
      await openFromNav(cp, 'My requests');
      const item = cp.locator(`#request-${caseId}`);
      await item.waitFor();
      expect(await item.textContent()).toMatch(/Closed/);
      // Finished: nothing to withdraw, but the requester can come back to it.
      expect(await item.getByRole('button').allTextContents()).toEqual(['Talk again']);
      expect((await myRequests(clinician.context)).find((r) => r.id === caseId)).toMatchObject({ state: 'closed', outcome: 'supported' });
      expect(clinician.problems).toEqual([]);
      await clinician.context.close();
    },
  );

  it('a supporter escalates imminent risk and sees the crisis protocol at once', { timeout: 90_000 }, async () => {
    const clinician = await openWatchedPage(env.browser, env.server.url, DESKTOP);
    const admin = await openWatchedPage(env.browser, env.server.url, DESKTOP);
    const supporter = await openWatchedPage(env.browser, env.server.url, DESKTOP);
    for (const { page } of [clinician, admin, supporter]) page.setDefaultTimeout(10_000);

    await signIn(clinician.page, env.server.url, 'clinician@demo.peerline.test');
    const created = await clinician.context.request.post(`${env.server.url}/api/support/requests`, {
      data: {
        modality: 'phone',
        departmentPreference: 'no_preference',
        urgency: 'today',
        reason: 'burnout_or_overload',
        contactMethod: 'work_email',
      },
      headers: { Origin: env.server.url },
    });
    expect(created.status()).toBeLessThan(300);
    const caseId = ((await created.json()) as { id: string }).id;
    await clinician.context.close();

    await signIn(admin.page, env.server.url, 'admin@demo.peerline.test');
    const supporters = await admin.context.request.get(`${env.server.url}/api/supporters`);
    const priya = ((await supporters.json()) as { supporters: { personId: string; firstName: string }[] }).supporters.find(
      (s) => s.firstName === 'Priya',
    );
    const assigned = await admin.context.request.post(`${env.server.url}/api/cases/${caseId}/assign`, {
      data: { supporterId: priya?.personId },
      headers: { Origin: env.server.url },
    });
    expect(assigned.status(), await assigned.text()).toBe(200);
    await admin.context.close();

    const sp = supporter.page;
    await signIn(sp, env.server.url, 'supporter@demo.peerline.test');
    await sp.goto(`${env.server.url}/app/cases/${caseId}`);
    await sp.getByRole('button', { name: 'Imminent risk' }).click();
    const confirm = sp.getByRole('alertdialog', { name: 'Imminent risk?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Yes, escalate now' }).click();
    const protocol = sp.getByRole('region', { name: 'Crisis protocol' });
    await protocol.waitFor();
    expect(await protocol.locator('a[href="tel:988"]').count()).toBeGreaterThanOrEqual(1);
    expect(await protocol.locator('a[href^="tel:"]').count()).toBeGreaterThanOrEqual(2);
    await saveScreenshot(sp, 'case-detail-crisis-protocol');
    await phoneScreenshot(sp, 'case-detail-crisis-protocol-phone');
    expect(supporter.problems).toEqual([]);
    await supporter.context.close();
  });
});

describe('anonymous feedback', () => {
  it('a link that was used or has expired gets a kind message and the support lines', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url, DESKTOP);
    await page.goto(`${env.server.url}/feedback/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    await page.getByRole('heading', { level: 1, name: 'How was your conversation?' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'This link can no longer be used' }).waitFor();
    expect(await page.getByText('It has already been used, or it has expired.', { exact: false }).count()).toBe(1);
    await page.getByRole('region', { name: 'Need to talk to someone now?' }).waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    await saveScreenshot(page, 'feedback-invalid');
    await phoneScreenshot(page, 'feedback-invalid-phone');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a real single-use link: two questions, thanks, stored without any link to a case, and refused the second time', async () => {
    const db = env.server.ctx.db;
    const org = await db.selectFrom('organizations').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
    // The same function the close of a case uses to make the link it e-mails to the requester.
    const token = await createFeedbackToken(db, org.id, '2026-11');
    // The demo already holds feedback from earlier months; only what this test submits counts.
    const earlier = (await db.selectFrom('feedback').select('id').where('organization_id', '=', org.id).execute()).map((r) => r.id);
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url, DESKTOP);
    await page.goto(`${env.server.url}/feedback/${token}`);
    await page.getByRole('radiogroup', { name: 'How helpful was the conversation?' }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    await saveScreenshot(page, 'feedback-form');
    await phoneScreenshot(page, 'feedback-form-phone');
    await choose(page, /^4/);
    await choose(page, 'Yes');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { level: 2, name: 'Thank you' }).waitFor();
    await saveScreenshot(page, 'feedback-thanks');
    const stored = (await db.selectFrom('feedback').selectAll().where('organization_id', '=', org.id).execute()).filter(
      (r) => !earlier.includes(r.id),
    );
    expect(stored).toEqual([expect.objectContaining({ helpfulness: 4, month: '2026-11' })]);
    await page.goto(`${env.server.url}/feedback/${token}`);
    await page.getByRole('heading', { level: 2, name: 'This link can no longer be used' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
