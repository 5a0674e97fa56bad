import { describe, expect, it } from 'vitest';
import { choose, openFromNav, openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const PHONE = { width: 375, height: 812 };

/**
 * Supervision and community meetings in Chromium. The browser runs in UTC and the demo program in
 * New York: times typed into the form are New York times.
 */
describe('team meetings', () => {
  it(
    'the director schedules, moves and takes attendance; a supporter sees the meeting with a calendar file',
    { timeout: 180_000 },
    async () => {
      const director = await openWatchedPage(env.browser, env.server.url);
      const page = director.page;
      await signIn(page, env.server.url, 'director@demo.peerline.test');
      await openFromNav(page, 'Team');
      await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Meetings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Team meetings' }).waitFor();
      const upcoming = page.getByRole('list', { name: 'Meetings coming up' });
      const past = page.getByRole('list', { name: 'Past meetings' });
      await page.getByRole('table', { name: 'Attendance' }).waitFor();
      expect(await upcoming.getByRole('listitem').count()).toBe(2);
      expect(await past.getByRole('listitem').count()).toBe(2);
      await saveScreenshot(page, 'team-meetings-director');

      // A supervision on 12 January, 18:00 in New York (23:00 UTC), in a room.
      await page.getByRole('button', { name: 'New meeting' }).click();
      const dialog = page.getByRole('dialog', { name: 'New team meeting' });
      await dialog.getByText('Times are in America/New_York.').waitFor();
      await choose(dialog, 'Supervision');
      await dialog.getByLabel('Starts').fill('2027-01-12T18:00');
      await dialog.getByLabel('Ends').fill('2027-01-12T19:30');
      await dialog.getByLabel('Place', { exact: true }).fill('Support office');
      await dialog.getByRole('button', { name: /Facilitator/ }).click();
      await page.getByRole('option', { name: 'Priya Raman' }).click();
      await dialog.getByRole('button', { name: 'Schedule' }).click();
      // The place would tell a calendar what the meeting is: refused, with the field named.
      await dialog.getByText('Calendar text may not say what the meeting is about').waitFor();
      await saveScreenshot(page, 'team-meetings-new-refused');
      // The browser logs the refused request; that one line is expected, nothing else.
      expect(director.problems).toEqual([
        'console error: Failed to load resource: the server responded with a status of 400 (Bad Request)',
      ]);
      director.problems.length = 0;
      await dialog.getByLabel('Place', { exact: true }).fill('Conference room 5');
      await dialog.getByRole('button', { name: 'Schedule' }).click();
      await dialog.waitFor({ state: 'detached' });
      const scheduled = upcoming.getByRole('listitem', { name: /^Supervision, Tue 12 Jan, 18:00–19:30/ });
      await scheduled.waitFor();
      const listed = await (await page.context().request.get(`${env.server.url}/api/team/meetings`)).json();
      const created = listed.upcoming.find((m: { place: string | null }) => m.place === 'Conference room 5');
      expect(created).toMatchObject({ startsAt: '2027-01-12T23:00:00.000Z', endsAt: '2027-01-13T00:30:00.000Z', kind: 'supervision' });

      // An hour earlier.
      await scheduled.getByRole('button', { name: 'Change' }).click();
      const change = page.getByRole('dialog', { name: 'Change the meeting' });
      expect(await change.getByLabel('Starts').inputValue()).toBe('2027-01-12T18:00');
      await change.getByLabel('Starts').fill('2027-01-12T17:00');
      await change.getByLabel('Ends').fill('2027-01-12T18:30');
      await saveScreenshot(page, 'team-meetings-change');
      await change.getByRole('button', { name: 'Save' }).click();
      await change.waitFor({ state: 'detached' });
      await upcoming.getByRole('listitem', { name: /^Supervision, Tue 12 Jan, 17:00–18:30/ }).waitFor();

      // Who came to the community meeting four weeks ago: one more than was recorded.
      const held = past.getByRole('listitem', { name: /^Community meeting/ });
      const before = Number(/(\d+) came/.exec(await held.innerText())![1]);
      await held.getByRole('button', { name: 'Change who came' }).click();
      const came = page.getByRole('dialog', { name: 'Who came' });
      const boxes = came.getByRole('checkbox');
      for (let i = 0; i < (await boxes.count()); i += 1) {
        if (!(await boxes.nth(i).isChecked())) {
          await boxes.nth(i).locator('xpath=ancestor::label[1]').click();
          break;
        }
      }
      await saveScreenshot(page, 'team-meetings-who-came');
      await came.getByRole('button', { name: 'Save who came' }).click();
      await came.waitFor({ state: 'detached' });
      await held.getByText(`${before + 1} came`).waitFor();
      await page.getByRole('table', { name: 'Attendance' }).waitFor();
      await saveScreenshot(page, 'team-meetings-after');
      await page.setViewportSize(PHONE);
      await saveScreenshot(page, 'team-meetings-director-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(director.problems).toEqual([]);

      // The supporter's own page: the moved meeting, in New York time, with a neutral calendar file.
      const supporter = await openWatchedPage(env.browser, env.server.url);
      await signIn(supporter.page, env.server.url, 'supporter@demo.peerline.test');
      await openFromNav(supporter.page, 'Peer support team');
      const mine = supporter.page.getByRole('region', { name: 'Team meetings' });
      const item = mine.getByRole('listitem').filter({ hasText: 'Tue 12 Jan, 17:00–18:30' });
      await item.getByText('Conference room 5').waitFor();
      const href = await item.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href');
      const ics = await supporter.page.evaluate(async (url) => (await fetch(url!)).text(), href);
      expect(ics).toContain('SUMMARY:Team meeting');
      expect(ics).toContain('DTSTART:20270112T220000Z');
      expect(ics).toContain('SEQUENCE:1');
      expect(ics.toLowerCase()).not.toMatch(/support|supervision/);
      await saveScreenshot(supporter.page, 'team-meetings-supporter');
      await supporter.page.setViewportSize(PHONE);
      await saveScreenshot(supporter.page, 'team-meetings-supporter-phone');
      expect(await supporter.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(supporter.problems).toEqual([]);
    },
  );

  it('someone not on the team sees no meetings card and cannot open the Meetings page', { timeout: 60_000 }, async () => {
    const staff = await openWatchedPage(env.browser, env.server.url);
    await signIn(staff.page, env.server.url, 'clinician@demo.peerline.test');
    await openFromNav(staff.page, 'Peer support team');
    await staff.page.getByRole('heading', { name: 'Suggest a colleague' }).waitFor();
    expect(await staff.page.getByRole('region', { name: 'Team meetings' }).count()).toBe(0);
    await staff.page.goto(`${env.server.url}/app/team/meetings`);
    await staff.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(staff.problems).toEqual([]);
  });
});
