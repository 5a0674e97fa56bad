import { describe, expect, it } from 'vitest';
import { openFromNav, openWatchedPage, saveScreenshot, signIn, tick, choose, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const PHONE = { width: 375, height: 812 };
/** The demo's second trainee (by name): part-way through the course, no role-play yet. */
const TRAINEE = 'Kofi Yilmaz';

describe('training the team', () => {
  it('certifies a trainee once the director records the remaining modules and a passed role-play', { timeout: 180_000 }, async () => {
    const director = await openWatchedPage(env.browser, env.server.url);
    const page = director.page;
    await signIn(page, env.server.url, 'director@demo.peerline.test');
    await openFromNav(page, 'Team');
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Training' }).click();
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    const trainees = page.getByRole('region', { name: 'In training' });
    const progress = trainees.getByRole('row', { name: new RegExp(TRAINEE) });
    await progress.getByText('Not yet').waitFor();
    await saveScreenshot(page, 'training-director');

    // The session held ten days ago, in person: record every module he attended there.
    const held = page.locator('article', { hasText: 'Education centre' });
    await held.getByRole('button', { name: `Record attendance: ${TRAINEE}` }).click();
    const attendance = page.getByRole('dialog', { name: `Attendance: ${TRAINEE}` });
    const boxes = attendance.getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i += 1) {
      const box = boxes.nth(i);
      if (!(await box.isChecked())) await box.locator('xpath=ancestor::label[1]').click();
    }
    await saveScreenshot(page, 'training-attendance');
    await attendance.getByRole('button', { name: 'Save attendance' }).click();
    await attendance.waitFor({ state: 'detached' });
    await progress.getByText(/^7 of 7$/).waitFor();

    // The observed role-play: every item seen, a pass.
    await page.getByRole('button', { name: 'Record a role-play' }).click();
    const rolePlay = page.getByRole('dialog', { name: 'Record a role-play' });
    await rolePlay.getByRole('button', { name: /Trainee/ }).click();
    await page.getByRole('option', { name: TRAINEE }).click();
    await rolePlay.getByRole('button', { name: /Observer/ }).click();
    await page.getByRole('option', { name: 'Priya Raman' }).click();
    for (const item of [
      'Listened without judging',
      'Asked the common questions',
      'Offered resources',
      'Checked safety',
      'Kept confidentiality',
    ]) {
      await tick(rolePlay, item);
    }
    await choose(rolePlay, 'Pass');
    await saveScreenshot(page, 'training-role-play');
    await rolePlay.getByRole('button', { name: 'Record' }).click();
    await rolePlay.waitFor({ state: 'detached' });
    // Certified: he leaves the list of people in training.
    await progress.waitFor({ state: 'detached' });

    await openFromNav(page, 'Team');
    const row = page.getByRole('row', { name: new RegExp(TRAINEE) });
    await row.getByText('Certified', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Put on the team: ${TRAINEE}` }).waitFor();
    await saveScreenshot(page, 'training-team-certified');

    // A refresher for the demo supporter: invited to the session coming up.
    await openFromNav(page, 'Team');
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Training' }).click();
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    const upcoming = page.locator('article', { hasText: 'Remote' });
    await upcoming.getByRole('button', { name: 'Invite' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite to the session' });
    await tick(invite, 'Priya Raman (on the team)');
    await saveScreenshot(page, 'training-invite');
    await invite.getByRole('button', { name: 'Invite', exact: true }).click();
    await invite.waitFor({ state: 'detached' });

    // The forms the director fills least often, looked at rather than used.
    await page.getByRole('button', { name: 'New session' }).click();
    const newSession = page.getByRole('dialog', { name: 'New training session' });
    await newSession.getByLabel('Place', { exact: true }).waitFor();
    await saveScreenshot(page, 'training-new-session');
    await newSession.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Edit curriculum' }).click();
    await page.getByRole('button', { name: 'Save as version 2' }).waitFor();
    await saveScreenshot(page, 'training-curriculum-editor');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'training-director-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(director.problems).toEqual([]);
  });

  it(
    'shows a person their own training record, with a calendar file for the session they are invited to',
    { timeout: 120_000 },
    async () => {
      const supporter = await openWatchedPage(env.browser, env.server.url);
      await signIn(supporter.page, env.server.url, 'supporter@demo.peerline.test');
      await openFromNav(supporter.page, 'Peer support team');
      const mine = supporter.page.getByRole('region', { name: 'Your training' });
      // Invited to the session coming up by the test before: its calendar file is neutral.
      const link = mine.getByRole('link', { name: 'Add to calendar (.ics)' });
      const href = await link.getAttribute('href');
      const ics = await supporter.page.evaluate(async (url) => (await fetch(url!)).text(), href);
      expect(ics).toContain('SUMMARY:Training session');
      expect(ics.toLowerCase()).not.toContain('support');
      await saveScreenshot(supporter.page, 'training-own-record');
      await supporter.page.setViewportSize(PHONE);
      await saveScreenshot(supporter.page, 'training-own-record-phone');
      expect(await supporter.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(supporter.problems).toEqual([]);
    },
  );
});
