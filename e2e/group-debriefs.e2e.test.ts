/**
 * Group debriefs in Chromium: the demo shows one held debrief (head count and
 * length) and one coming up; the administrator changes the coming one (longer, one more colleague
 * invited) and then cancels it after confirming. Each person asked gets the right content-free
 * e-mail, and the link's calendar file follows: same UID, next SEQUENCE, METHOD:CANCEL at the end.
 */
import { describe, expect, it } from 'vitest';
import { openFromNav, openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const field = (ics: string, name: string) => new RegExp(`^${name}[:;](.*)$`, 'm').exec(ics.replace(/\r\n[ \t]/g, ''))?.[1]?.trim();

describe('group debriefs', () => {
  it('shows held and scheduled debriefs; the administrator changes one and cancels it', { timeout: 120_000 }, async () => {
    const db = env.server.ctx.db;
    const { context, page, problems } = await openWatchedPage(env.browser, env.server.url);
    page.setDefaultTimeout(15_000);
    await signIn(page, env.server.url, 'admin@demo.peerline.test');
    await openFromNav(page, 'Event notices');

    // The demo: one held (with its numbers), one coming up.
    const held = page.getByRole('listitem', { name: /^Held debrief/ });
    await held.getByText('Head count: 5 · took 70 min').waitFor();
    expect(await held.getByRole('button', { name: 'Change' }).count()).toBe(0);
    const upcoming = page.getByRole('listitem', { name: /^Scheduled debrief/ });
    await upcoming.getByText(/90 min, video · facilitated by Priya Raman · \d+ invited/).waitFor();
    const invitedBefore = Number(/(\d+) invited/.exec((await upcoming.textContent()) ?? '')![1]);
    await upcoming.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'group-debriefs-demo');

    const debrief = await db
      .selectFrom('group_debriefs')
      .select(['id', 'ics_uid'])
      .where('status', '=', 'scheduled')
      .where('recorded_at', 'is', null)
      .executeTakeFirstOrThrow();
    const outboxIds = async () => (await db.selectFrom('email_outbox').select('id').execute()).map((r) => r.id);
    const newMail = async (before: string[]) =>
      db
        .selectFrom('email_outbox')
        .select(['to_address', 'template', 'link'])
        .where('id', 'not in', before.length ? before : [''])
        .where('link', 'like', '/api/public/debrief-invites/%')
        .execute();

    // Change: two hours instead of ninety minutes, and the clinician invited too.
    const before = await outboxIds();
    await upcoming.getByRole('button', { name: 'Change' }).click();
    const form = upcoming.getByRole('form', { name: 'Change the group debrief' });
    expect(await form.getByLabel('Minutes').inputValue()).toBe('90');
    expect(await form.getByRole('checkbox', { name: /Invite the \d+ people named in the notice/ }).isChecked()).toBe(true);
    await form.getByLabel('Minutes').fill('120');
    await form.getByLabel('Also invite (work e-mails, separated by commas)').fill('clinician@demo.peerline.test');
    await saveScreenshot(page, 'group-debriefs-change-form');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await upcoming.getByText(new RegExp(`120 min, video · facilitated by Priya Raman · ${invitedBefore + 1} invited`)).waitFor();
    const changed = await newMail(before);
    expect(changed.find((m) => m.to_address === 'clinician@demo.peerline.test')?.template).toBe('reminder');
    expect(changed.filter((m) => m.to_address !== 'clinician@demo.peerline.test').map((m) => m.template)).toEqual(
      new Array(invitedBefore + 1).fill('case_update'),
    );
    const newcomer = await (
      await context.request.get(`${env.server.url}${changed.find((m) => m.to_address === 'clinician@demo.peerline.test')!.link}`)
    ).text();
    expect(field(newcomer, 'UID')).toBe(debrief.ics_uid);
    expect(field(newcomer, 'SEQUENCE')).toBe('1');
    expect(field(newcomer, 'METHOD')).toBe('REQUEST');
    await saveScreenshot(page, 'group-debriefs-changed');

    // Cancel, after a confirmation that says who hears about it.
    const beforeCancel = await outboxIds();
    await upcoming.getByRole('button', { name: 'Cancel debrief' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel this group debrief?' });
    await dialog.getByText(`${invitedBefore + 1} invited`, { exact: false }).waitFor();
    await saveScreenshot(page, 'group-debriefs-cancel-confirm');
    await dialog.getByRole('button', { name: 'Cancel debrief' }).click();
    const cancelled = page.getByRole('listitem', { name: /^Cancelled debrief/ });
    await cancelled.getByText(/everyone asked was sent a cancellation/).waitFor();
    expect(await cancelled.getByRole('button').count()).toBe(0);
    const cancellations = await newMail(beforeCancel);
    expect(cancellations).toHaveLength(invitedBefore + 2);
    for (const mail of cancellations) {
      expect(mail.template).toBe('case_update');
      const ics = await (await context.request.get(`${env.server.url}${mail.link}`)).text();
      expect(field(ics, 'METHOD')).toBe('CANCEL');
      expect(field(ics, 'SEQUENCE')).toBe('2');
      expect(field(ics, 'UID')).toBe(debrief.ics_uid);
    }
    await cancelled.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'group-debriefs-cancelled');
    expect(problems).toEqual([]);
    await context.close();
  });
});
