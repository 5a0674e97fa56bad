import { describe, expect, it } from 'vitest';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

describe('coming back, and the outbox', () => {
  it('a requester reopens a withdrawn request from My requests; matching starts again', { timeout: 90_000 }, async () => {
    const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
    page.setDefaultTimeout(15_000);
    // The demo's reporter account once asked for support for herself and withdrew it.
    await signIn(page, env.server.url, 'reporter@demo.peerline.test');
    await page.goto(`${env.server.url}/app/requests`);
    await page.getByRole('heading', { level: 1, name: 'My requests' }).waitFor();
    const again = page.getByRole('button', { name: /^Talk again about the request from/ });
    await again.waitFor();
    await saveScreenshot(page, 'my-requests-talk-again');
    await again.click();
    const dialog = page.getByRole('alertdialog', { name: 'Talk to a peer again?' });
    await dialog.waitFor();
    await saveScreenshot(page, 'my-requests-talk-again-confirm');
    await dialog.getByRole('button', { name: 'Yes, talk again' }).click();
    await page.getByText('Welcome back').waitFor();
    expect(await page.getByRole('button', { name: /^Talk again/ }).count()).toBe(0);
    const response = await context.request.get(`${env.server.url}/api/support/requests`);
    const requests = ((await response.json()) as { requests: { state: string; canReopen: boolean }[] }).requests;
    expect(requests.some((r) => ['new', 'offered'].includes(r.state))).toBe(true);
    expect(requests.every((r) => !r.canReopen)).toBe(true);
    await saveScreenshot(page, 'my-requests-reopened');
    expect(problems).toEqual([]);
    await context.close();
  });

  it(
    'without SMTP the administrator is told e-mail is not going out, and reads the outbox; the IT administrator is not',
    { timeout: 90_000 },
    async () => {
      const admin = await openWatchedPage(env.browser, env.server.url);
      admin.page.setDefaultTimeout(15_000);
      await signIn(admin.page, env.server.url, 'admin@demo.peerline.test');
      const notice = admin.page.getByText('E-mail is not being sent');
      await notice.waitFor();
      await saveScreenshot(admin.page, 'home-outbox-notice');
      await admin.page.getByRole('link', { name: 'Read the outbox' }).click();
      await admin.page.getByRole('heading', { level: 1, name: 'E-mail outbox' }).waitFor();
      const list = admin.page.getByRole('list', { name: 'E-mail in the outbox' });
      await list.waitFor();
      const text = (await list.textContent()) ?? '';
      expect(text).toContain('You have something to look at in Peerline');
      // Content-free: no reason, no requester's name.
      expect(text).not.toMatch(/Tomás|patient|adverse|burnout|litigation/i);
      await saveScreenshot(admin.page, 'outbox');
      expect(admin.problems).toEqual([]);
      await admin.context.close();

      const it = await openWatchedPage(env.browser, env.server.url);
      it.page.setDefaultTimeout(15_000);
      await signIn(it.page, env.server.url, 'it@demo.peerline.test');
      expect(await it.page.getByText('E-mail is not being sent').count()).toBe(0);
      const denied = await it.context.request.get(`${env.server.url}/api/outbox`);
      expect(denied.status()).toBe(404);
      await it.context.close();
    },
  );
});
