import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

const PHONE = { width: 375, height: 812 };

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
}

/**
 * Saves a 375 px screenshot and checks that nothing in these sections sticks out sideways. Only
 * these sections: the page holds other teams' settings too, which their own tests check.
 */
async function phoneScreenshot(page: Page, name: string, sections: Locator[]): Promise<void> {
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, name);
  for (const section of sections) {
    const tooWide = await section.evaluate(
      (root, width) =>
        [root, ...root.querySelectorAll('*')]
          .filter((element) => element.getBoundingClientRect().right > width + 1)
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
      PHONE.width,
    );
    expect(tooWide).toEqual([]);
  }
  if (desktop) await page.setViewportSize(desktop);
}

// Written by the director below, then looked for on a supporter's case.
const NEW_PROMPT = 'Ask how they are sleeping since the event, and whether anyone at home knows.';

describe('program settings for conversations', () => {
  it('the director sets a neutral invite title, a back-up e-mail and a new guide version; a supporter then sees it on a case', async () => {
    const director = await openWatchedPage(env.browser, env.server.url);
    const page = director.page;
    page.setDefaultTimeout(15_000);
    await signIn(page, env.server.url, 'director@demo.peerline.test');
    await openSettings(page);
    const conversations = page.getByRole('region', { name: 'Conversations' });
    await conversations.getByLabel('Conversation invite title').waitFor();
    expect(await conversations.textContent()).toContain('never "peer support"');
    expect(await conversations.textContent()).toContain(
      "it receives only 'Something urgent needs you now. Please call the program director.'",
    );

    // A title that says what the conversation is for is refused, with the reason under the field.
    await conversations.getByLabel('Conversation invite title').fill('Peer support check-in');
    await conversations.getByRole('button', { name: 'Save conversation settings' }).click();
    await conversations.getByText('Calendar text must stay neutral', { exact: false }).waitFor();
    expect(await conversations.getByLabel('Conversation invite title').getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'settings-conversations-refused');

    await conversations.getByLabel('Conversation invite title').fill('Catch-up');
    await conversations.getByLabel(/Video meeting link pattern/).fill('https://meet.example.org/{token}');
    await conversations.getByLabel(/Mental-health back-up e-mail/).fill('crisis-desk@demo.peerline.test');
    await conversations.getByRole('button', { name: 'Save conversation settings' }).click();
    await conversations.getByText('Conversation settings saved.').waitFor();

    // The guide: edit the listening section and save it as the next version.
    const editor = page.getByRole('region', { name: 'Conversation guide' });
    const versionLine = editor.getByText(/^Version \d+, saved /);
    const before = Number((await versionLine.textContent())?.match(/Version (\d+)/)?.[1]);
    expect(before).toBeGreaterThanOrEqual(1);
    const listening = editor.getByRole('group', { name: 'Section 2' });
    expect(await listening.getByLabel('Title').inputValue()).toBe('Listening');
    const prompts = listening.getByLabel('Prompts, one per line');
    await prompts.fill(`${await prompts.inputValue()}\n${NEW_PROMPT}`);
    // The preview follows the draft before anything is saved.
    const preview = editor.getByRole('region', { name: 'Preview: what supporters see' });
    await preview.getByText('Listening', { exact: true }).click();
    await preview.getByText(NEW_PROMPT).waitFor();
    await saveScreenshot(page, 'settings-guide-draft');

    // An empty title is refused by the server, naming the section's field; nothing is saved.
    await listening.getByLabel('Title').fill(' ');
    await editor.getByRole('button', { name: `Save as version ${before + 1}` }).click();
    await listening.getByText(/too small|at least|required/i).waitFor();
    await listening.getByLabel('Title').fill('Listening');

    await editor.getByRole('button', { name: `Save as version ${before + 1}` }).click();
    await editor.getByText(`Saved as version ${before + 1}. Supporters see it now.`).waitFor();
    await editor.getByText(new RegExp(`^Version ${before + 1}, saved `)).waitFor();
    await editor.getByRole('button', { name: `Save as version ${before + 2}` }).waitFor();

    // Keyboard: a new section takes focus at its title; removing it hands focus to the one before.
    const count = await editor.getByRole('group', { name: /^Section \d+$/ }).count();
    await editor.getByRole('button', { name: 'Add a section' }).focus();
    await page.keyboard.press('Enter');
    const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
    await expect.poll(() => isFocused(editor.getByRole('group', { name: `Section ${count + 1}` }).getByLabel('Title'))).toBe(true);
    await editor.getByRole('button', { name: `Remove section ${count + 1}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(editor.getByRole('group', { name: `Section ${count}` }).getByLabel('Title'))).toBe(true);
    expect(await editor.getByRole('group', { name: /^Section \d+$/ }).count()).toBe(count);
    // Moving Listening to the top leaves focus on a button that still works (Move up is then off).
    const titleOf = (n: number) =>
      editor
        .getByRole('group', { name: `Section ${n}` })
        .getByLabel('Title')
        .inputValue();
    await editor.getByRole('button', { name: 'Move section 2 up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => titleOf(1)).toBe('Listening');
    await expect.poll(() => isFocused(editor.getByRole('button', { name: 'Move section 1 down' }))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => titleOf(2)).toBe('Listening');
    await expect.poll(() => isFocused(editor.getByRole('button', { name: 'Move section 2 down' }))).toBe(true);
    await saveScreenshot(page, 'settings-director');
    await phoneScreenshot(page, 'settings-director-phone', [conversations, editor]);

    // Saved on the server, not only on screen.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await conversations.getByLabel('Conversation invite title').inputValue()).toBe('Catch-up');
    expect(await conversations.getByLabel(/Mental-health back-up e-mail/).inputValue()).toBe('crisis-desk@demo.peerline.test');
    expect(await editor.getByRole('group', { name: 'Section 2' }).getByLabel('Prompts, one per line').inputValue()).toContain(NEW_PROMPT);
    // The two refusals above, and nothing else.
    const refused = 'console error: Failed to load resource: the server responded with a status of 400 (Bad Request)';
    expect(director.problems).toEqual([refused, refused]);
    await director.context.close();

    // Priya opens her demo case: the guide there has the new prompt.
    const supporter = await openWatchedPage(env.browser, env.server.url);
    const sp = supporter.page;
    sp.setDefaultTimeout(15_000);
    await signIn(sp, env.server.url, 'supporter@demo.peerline.test');
    await sp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My cases' }).click();
    await sp.getByRole('heading', { level: 1, name: 'My cases' }).waitFor();
    await sp
      .getByRole('link', { name: /Log contact, conversation or close/ })
      .first()
      .click();
    const guide = sp.getByRole('region', { name: 'Conversation guide' });
    await guide.getByText('Listening', { exact: true }).click();
    await guide.getByText(NEW_PROMPT).waitFor();
    // Still prompts only: nothing to type into.
    expect(await guide.locator('input, textarea').count()).toBe(0);
    await saveScreenshot(sp, 'settings-guide-supporter-sees');
    expect(supporter.problems).toEqual([]);
    await supporter.context.close();
    // Two people's sessions, two saves and a reload: longer than the default on a busy machine.
  }, 90_000);

  it('the IT admin manages conversation settings but does not see the guide editor', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    page.setDefaultTimeout(15_000);
    await signIn(page, env.server.url, 'it@demo.peerline.test');
    await openSettings(page);
    const conversations = page.getByRole('region', { name: 'Conversations' });
    await conversations.getByLabel('Conversation invite title').waitFor();
    // Clearing the optional link is allowed: video conversations are then off.
    await conversations.getByLabel(/Video meeting link pattern/).fill('');
    await conversations.getByRole('button', { name: 'Save conversation settings' }).click();
    await conversations.getByText('Conversation settings saved.').waitFor();
    expect(await page.getByRole('region', { name: 'Conversation guide' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Save as version/ }).count()).toBe(0);
    await saveScreenshot(page, 'settings-it-admin');
    await phoneScreenshot(page, 'settings-it-admin-phone', [conversations]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
