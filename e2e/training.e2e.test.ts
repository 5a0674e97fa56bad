import { describe, expect, it } from 'vitest';
import { openFromNav, openWatchedPage, saveScreenshot, signIn, tick, choose, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const PHONE = { width: 375, height: 812 };
/** The demo's second trainee (by name): part-way through the course, no role-play yet. */
const TRAINEE = 'Kofi Yilmaz';
/** The demo hospital's time zone. */
const ZONE = 'America/New_York';

type Overview = { sessions: { modality: string; startsAt: string; endsAt: string }[] };
const part = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, ...options }).format(new Date(iso));
/** An instant as a datetime-local value on the hospital's clock ("2026-12-04T08:00"). */
const localInput = (iso: string) =>
  `${part(iso, { year: 'numeric', month: '2-digit', day: '2-digit' }).split('/').reverse().join('-')}T${part(iso, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
/** The start time of a session's heading, on the hospital's clock. */
const inZone = (iso: string) => new RegExp(`, ${part(iso, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })} – `);

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
    'moves a session to another time, entered and shown in the program’s time zone from a browser in another',
    { timeout: 120_000 },
    async () => {
      const director = await openWatchedPage(env.browser, env.server.url);
      const page = director.page;
      // The browser is in Tokyo, the demo hospital in New York: every time on the page must be New York's.
      const cdp = await director.context.newCDPSession(page);
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Tokyo' });
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
      await signIn(page, env.server.url, 'director@demo.peerline.test');
      await openFromNav(page, 'Team');
      await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Training' }).click();
      await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
      await page.getByText(`Times are in ${ZONE}.`).waitFor();

      const upcoming = page.locator('article', { hasText: 'Remote' });
      const before = (await page.evaluate(async () => (await (await fetch('/api/training')).json()) as Overview)).sessions.find(
        (s) => s.modality === 'remote',
      )!;
      await upcoming.getByRole('heading', { name: inZone(before.startsAt) }).waitFor();
      await upcoming.getByRole('button', { name: 'Edit', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit training session' });
      const starts = dialog.getByLabel('Starts');
      // Prefilled with the session as it is, on the program's clock.
      expect(await starts.inputValue()).toBe(localInput(before.startsAt));
      await dialog.getByText(`Times are in ${ZONE}`).waitFor();
      const day = (await starts.inputValue()).slice(0, 10);
      await starts.fill(`${day}T10:30`);
      await dialog.getByLabel('Ends').fill(`${day}T12:45`);
      await saveScreenshot(page, 'training-edit-session');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.waitFor({ state: 'detached' });
      await upcoming.getByText(/got an e-mail that the session changed/).waitFor();

      const after = (await page.evaluate(async () => (await (await fetch('/api/training')).json()) as Overview)).sessions.find(
        (s) => s.modality === 'remote',
      )!;
      expect(localInput(after.startsAt)).toBe(`${day}T10:30`);
      expect(localInput(after.endsAt)).toBe(`${day}T12:45`);
      await upcoming.getByRole('heading', { name: /10:30 – 12:45/ }).waitFor();
      await saveScreenshot(page, 'training-session-moved');

      // The session already held, looked at rather than changed: modules with attendance cannot be unticked.
      await page.locator('article', { hasText: 'Education centre' }).getByRole('button', { name: 'Edit', exact: true }).click();
      const held = page.getByRole('dialog', { name: 'Edit training session' });
      await held.getByText('Modules with attendance recorded stay.').waitFor();
      expect(await held.getByRole('checkbox', { name: 'Empathetic listening' }).isDisabled()).toBe(true);
      await saveScreenshot(page, 'training-edit-held-session');
      await held.getByRole('button', { name: 'Cancel' }).click();
      await held.waitFor({ state: 'detached' });
      expect(director.problems).toEqual([]);
    },
  );

  it(
    'shows a person their own training record, with a calendar file for the session they are invited to',
    { timeout: 120_000 },
    async () => {
      const supporter = await openWatchedPage(env.browser, env.server.url);
      await signIn(supporter.page, env.server.url, 'supporter@demo.peerline.test');
      await openFromNav(supporter.page, 'Peer support team');
      const mine = supporter.page.getByRole('region', { name: 'Your training' });
      // The session the director moved in the test before, at its new time on the program's clock.
      await mine.getByText(/10:30 – 12:45/).waitFor();
      await mine.getByText(`Times are in ${ZONE}.`).waitFor();
      // The demo supporter was certified by the director, not through Peerline's course: no list of
      // modules "not yet attended" that would read as if they were never trained.
      await mine
        .getByText(/The program director recorded your certification, valid until .*Your earlier training is not in Peerline/)
        .waitFor();
      expect(await mine.getByText('not yet attended').count()).toBe(0);
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
