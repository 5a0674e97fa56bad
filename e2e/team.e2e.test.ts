import { describe, expect, it } from 'vitest';
import { choose, openFromNav, openWatchedPage, saveScreenshot, signIn, tick, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const PHONE = { width: 375, height: 812 };

describe('building the team', () => {
  it(
    'takes a nominated clinician through interest, training, a role-play and certification onto the team, where a request is offered to him',
    { timeout: 120_000 },
    async () => {
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
      // Training: invited to the cohort's session, every module attended, an observed role-play passed.
      const page = director.page;
      await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Training' }).click();
      await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
      const held = page.locator('article', { hasText: 'Education centre' });
      await held.getByRole('button', { name: 'Invite' }).click();
      const invite = page.getByRole('dialog', { name: 'Invite to the session' });
      await invite
        .getByRole('checkbox', { name: /Tomás Alvarez/ })
        .locator('xpath=ancestor::label[1]')
        .click();
      await invite.getByRole('button', { name: 'Invite' }).click();
      await invite.waitFor({ state: 'detached' });
      await held.getByRole('button', { name: 'Record attendance: Tomás Alvarez' }).click();
      const attendance = page.getByRole('dialog', { name: 'Attendance: Tomás Alvarez' });
      const boxes = attendance.getByRole('checkbox');
      for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).locator('xpath=ancestor::label[1]').click();
      await attendance.getByRole('button', { name: 'Save attendance' }).click();
      await attendance.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Record a role-play' }).click();
      const rolePlay = page.getByRole('dialog', { name: 'Record a role-play' });
      await rolePlay.getByRole('button', { name: /Trainee/ }).click();
      await page.getByRole('option', { name: 'Tomás Alvarez' }).click();
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
      await rolePlay.getByRole('button', { name: 'Record' }).click();
      await rolePlay.waitFor({ state: 'detached' });
      // Certified by the rule: back on the Team tab, the director puts him on the team.
      await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Team' }).click();
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

      // Matched: with every other supporter paused, a colleague's request is offered to him.
      const origin = { Origin: env.server.url };
      const team = await (await page.context().request.get(`${env.server.url}/api/team`)).json();
      for (const m of team.members as { personId: string; firstName: string; state: string }[]) {
        if (m.state !== 'active' || m.firstName === 'Tomás') continue;
        const paused = await page
          .context()
          .request.post(`${env.server.url}/api/team/${m.personId}/events`, { data: { type: 'paused' }, headers: origin });
        expect(paused.status(), await paused.text()).toBe(204);
      }
      const leader = await openWatchedPage(env.browser, env.server.url);
      await signIn(leader.page, env.server.url, 'leader@demo.peerline.test');
      const asked = await leader.context.request.post(`${env.server.url}/api/support/requests`, {
        data: {
          modality: 'phone',
          departmentPreference: 'no_preference',
          urgency: 'this_week',
          reason: 'burnout_or_overload',
          contactMethod: 'work_email',
        },
        headers: origin,
      });
      expect(asked.status(), await asked.text()).toBe(201);
      await tomas.page.reload();
      await openFromNav(tomas.page, 'Offers');
      await tomas.page
        .getByRole('button', { name: /Accept/ })
        .first()
        .waitFor();
      await saveScreenshot(tomas.page, 'team-new-supporter-offer');

      // On the team: he is a supporter now, offered requests and free to take a break.
      await openFromNav(tomas.page, 'Peer support team');
      await mine.getByText('Active').waitFor();
      await tomas.page.getByRole('button', { name: 'Take a break' }).waitFor();
      await tomas.page.setViewportSize(PHONE);
      await saveScreenshot(tomas.page, 'team-supporter-phone');
      expect(await tomas.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(tomas.problems).toEqual([]);
      expect(director.problems).toEqual([]);
    },
  );

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
