import { describe, expect, it } from 'vitest';
import { openFromNav, openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const PHONE = { width: 375, height: 812 };

describe('building the team', () => {
  it('takes a nominated clinician through interest, training and certification onto the active team', { timeout: 120_000 }, async () => {
    // The demo's supporter suggested Tomás; he sees the question, and only he does.
    const tomas = await openWatchedPage(env.browser, env.server.url);
    await signIn(tomas.page, env.server.url, 'clinician@demo.peerline.test');
    await openFromNav(tomas.page, 'Peer support team');
    const mine = tomas.page.getByRole('region', { name: /Your place in the program/ });
    await mine.getByText('Nominated').waitFor();
    await saveScreenshot(tomas.page, 'team-nominee-question');
    await tomas.page.getByRole('button', { name: 'Yes, I am interested' }).click();
    await mine.getByText('Under review').waitFor();

    // He suggests a colleague in turn: the answer says nothing about who they are.
    await tomas.page.getByLabel('Their work e-mail').fill('nobody-we-know@demo.peerline.test');
    await tomas.page.getByRole('button', { name: 'Suggest' }).click();
    await tomas.page.getByText('If they are in the staff directory, they will be asked privately.').waitFor();

    // The director interviews, takes him into training, records the certification and puts him on the team.
    const director = await openWatchedPage(env.browser, env.server.url);
    await signIn(director.page, env.server.url, 'director@demo.peerline.test');
    await openFromNav(director.page, 'Team');
    const stages = director.page.getByRole('region', { name: 'Stages' });
    await stages.getByText('In training').waitFor();
    const row = director.page.getByRole('row', { name: /Tomás Alvarez/ });
    await row.getByText('Under review').waitFor();
    await saveScreenshot(director.page, 'team-director-pipeline');
    await row.getByRole('button', { name: 'Take into training: Tomás Alvarez' }).click();
    await row.getByText('In training').waitFor();
    await row.getByRole('button', { name: 'Record certification: Tomás Alvarez' }).click();
    const dialog = director.page.getByRole('dialog', { name: 'Certify Tomás Alvarez' });
    expect(await dialog.getByLabel('Certified until').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await saveScreenshot(director.page, 'team-director-certify');
    await dialog.getByRole('button', { name: 'Certify' }).click();
    await row.getByText('Certified').waitFor();
    await row.getByRole('button', { name: 'Put on the team: Tomás Alvarez' }).click();
    await row.getByText('Active').waitFor();
    // Nominated colleagues are a count, never a name.
    expect(
      await director.page
        .locator('.team-table .tag')
        .filter({ hasText: /^Nominated$/ })
        .count(),
    ).toBe(0);

    // On the team: he is a supporter now, matched and free to take a break.
    await tomas.page.reload();
    await mine.getByText('Active').waitFor();
    await tomas.page.getByRole('button', { name: 'Take a break' }).waitFor();
    await tomas.page.setViewportSize(PHONE);
    await saveScreenshot(tomas.page, 'team-supporter-phone');
    expect(await tomas.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(tomas.problems).toEqual([]);
    expect(director.problems).toEqual([]);
  });

  it('lets a supporter take a cool-down and ask for a debrief for herself', { timeout: 60_000 }, async () => {
    const priya = await openWatchedPage(env.browser, env.server.url);
    await signIn(priya.page, env.server.url, 'supporter@demo.peerline.test');
    await openFromNav(priya.page, 'My supporter profile');
    await priya.page.getByRole('button', { name: 'I need a cool-down' }).click();
    await priya.page.getByText(/New offers are paused until the end of/).waitFor();
    const debrief = priya.page.getByRole('region', { name: 'I need a debrief myself' });
    await debrief.getByText('Video', { exact: true }).click();
    await debrief.getByRole('button', { name: 'Ask for a debrief' }).click();
    await debrief.getByText('Sent. The program director will be in touch.').waitFor();
    await saveScreenshot(priya.page, 'supporter-cooldown-and-debrief');
    expect(priya.problems).toEqual([]);
  });
});
