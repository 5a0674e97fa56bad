import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASON_CATEGORIES } from '../shared/schemas/case-vocabulary.ts';
import { closeSmtpTransports } from '../server/email/mailer.ts';
import { appJobs } from '../server/jobs/registry.ts';
import { startJobRunner, type JobRunner } from '../server/jobs/runner.ts';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '../test/smtp-server.ts';
import { choose, openFromNav, openWatchedPage, saveScreenshot, signIn, tick, useDemoServerAndBrowser } from './browser.ts';

/**
 * The whole journey of one request, the way the program runs it: the clinician asks, matching offers
 * it to the demo supporter, who accepts, plans a conversation, reaches them, logs it and closes; the
 * clinician gets the feedback link by e-mail — through the job runner and a real SMTP server, as in
 * production — and answers it once.
 */

const env = useDemoServerAndBrowser();
const DESKTOP = { width: 1280, height: 900 };
const CLINICIAN = 'clinician@demo.peerline.test';
const SUPPORTER = 'supporter@demo.peerline.test';

type Mail = ReceivedMail;
let smtp: TestSmtpServer | undefined;
let runner: JobRunner | undefined;
const inbox = (): Mail[] => smtp?.received ?? [];

beforeAll(async () => {
  // A real SMTP server on 127.0.0.1 and the app's own job runner sending the outbox to it.
  smtp = await startTestSmtpServer();
  const ctx = env.server.ctx;
  runner = startJobRunner({ ...ctx, config: { ...ctx.config, smtpUrl: smtp.url, publicOrigin: env.server.url } }, appJobs, { pollMs: 200 });
});

afterAll(async () => {
  await runner?.stop();
  closeSmtpTransports();
  await smtp?.close();
});

const mailTo = (address: string, after: number) =>
  inbox()
    .slice(after)
    .filter((m) => m.to === address);

/** Waits for the next e-mail to `address` whose text matches `link`. */
async function waitForMail(address: string, after: number, link: RegExp): Promise<Mail> {
  await expect.poll(() => mailTo(address, after).filter((m) => link.test(m.text)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  return mailTo(address, after).find((m) => link.test(m.text))!;
}

/** Nothing about the case in an e-mail or invite: no names, no reason, no record id, not even "support". */
function expectNeutral(text: string, caseId: string): void {
  const lower = text.toLowerCase();
  for (const word of ['tomás', 'tomas', 'alvarez', 'priya', 'raman', caseId, 'death', 'peer support', 'support request'])
    expect(lower).not.toContain(word);
  for (const reason of REASON_CATEGORIES) {
    expect(lower).not.toContain(reason);
    if (reason !== 'other' && reason !== 'personal') expect(lower).not.toContain(reason.replace(/_/g, ' '));
  }
}

async function getJson<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(`${env.server.url}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

describe('the support journey in Chromium', () => {
  it(
    'a clinician asks, the matched supporter accepts, plans, logs and closes; the clinician leaves feedback from the e-mail',
    { timeout: 180_000 },
    async () => {
      const director = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      const clinician = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      const supporter = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      for (const { page } of [director, clinician, supporter]) page.setDefaultTimeout(15_000);
      const origin = { Origin: env.server.url };

      // 1. The director pauses every other supporter, so matching has exactly one candidate: Priya.
      await signIn(director.page, env.server.url, 'director@demo.peerline.test');
      // The demo program has weeks of casework: every open state is on the board, each with its clock.
      await openFromNav(director.page, 'Case board');
      const board = director.page.getByRole('grid', { name: 'Cases' });
      await board.getByRole('row').nth(1).waitFor();
      // A header, five open demo requests and five event outreach cases.
      expect(await board.getByRole('row').count()).toBe(11);
      await saveScreenshot(director.page, 'journey-00-case-board');
      const pool = await getJson<{
        supporters: { personId: string; firstName: string; lastName: string; profile: { status: string; matchable: boolean } }[];
      }>(director.context, '/api/supporters');
      const priya = pool.supporters.find((s) => s.firstName === 'Priya' && s.lastName === 'Raman');
      expect(priya?.profile.matchable).toBe(true);
      for (const other of pool.supporters.filter((s) => s !== priya && s.profile.status === 'active')) {
        const paused = await director.context.request.post(`${env.server.url}/api/team/${other.personId}/events`, {
          data: { type: 'paused' },
          headers: origin,
        });
        expect(paused.status(), await paused.text()).toBe(204);
      }
      const after = await getJson<typeof pool>(director.context, '/api/supporters');
      expect(after.supporters.filter((s) => s.profile.matchable).map((s) => s.firstName)).toEqual(['Priya']);
      await openFromNav(director.page, 'Team');
      await director.page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Supporters' }).click();
      await director.page.getByRole('heading', { level: 1, name: 'Supporters' }).waitFor();
      await director.page
        .getByRole('grid', { name: 'Supporters' })
        .getByRole('row', { name: /Priya Raman/ })
        .waitFor();
      await saveScreenshot(director.page, 'journey-01-supporters-paused');
      expect(director.problems).toEqual([]);
      await director.context.close();

      // 2. The clinician asks for support through the form.
      const cp = clinician.page;
      await signIn(cp, env.server.url, CLINICIAN);
      const before = (await getJson<{ requests: { id: string }[] }>(clinician.context, '/api/support/requests')).requests.map((r) => r.id);
      let mailMark = inbox().length;
      await openFromNav(cp, 'Ask for support');
      await choose(cp, 'The death of a patient');
      await choose(cp, 'Phone');
      await choose(cp, 'No preference');
      await choose(cp, /^Work e-mail/);
      await cp.getByRole('button', { name: 'Ask for support' }).click();
      await cp.getByRole('region', { name: 'Your request is in' }).waitFor();
      await saveScreenshot(cp, 'journey-02-clinician-request-sent');
      const mine = (await getJson<{ requests: { id: string; state: string }[] }>(clinician.context, '/api/support/requests')).requests.find(
        (r) => !before.includes(r.id),
      );
      expect(mine?.state).toBe('offered');
      const caseId = mine?.id ?? '';

      // Priya hears by e-mail that something waits for her answer; the e-mail says nothing more.
      const offerMail = await waitForMail(SUPPORTER, mailMark, /\/app\/offers/);
      expectNeutral(offerMail.text, caseId);

      // 3. Priya sees the offer without the requester's name or contact, and accepts it.
      const sp = supporter.page;
      await signIn(sp, env.server.url, SUPPORTER);
      await openFromNav(sp, 'Offers');
      const offers = await getJson<{ offers: { id: string; caseId?: string }[] }>(supporter.context, '/api/supporter/offers');
      const offer = sp.locator('.offer').filter({ hasText: 'The death of a patient' });
      await offer.waitFor();
      expect(await offer.count()).toBe(1);
      expect(offers.offers.length).toBeGreaterThanOrEqual(1);
      const offerText = (await offer.textContent()) ?? '';
      expect(offerText).not.toContain('Tomás');
      expect(offerText).not.toContain(CLINICIAN);
      await saveScreenshot(sp, 'journey-03-supporter-offer');
      const [accepted] = await Promise.all([
        sp.waitForResponse((response) => response.url().endsWith('/accept') && response.status() === 200),
        offer.getByRole('button', { name: 'Accept' }).click(),
      ]);
      expect(((await accepted.json()) as { caseId: string }).caseId).toBe(caseId);
      await sp.getByText('Please reach out soon', { exact: false }).waitFor();
      await saveScreenshot(sp, 'journey-04-supporter-accepted');

      // Only now: the first name and the contact.
      await openFromNav(sp, 'My cases');
      const card = sp.locator(`#case-${caseId}`);
      await card.waitFor();
      expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('Tomás');
      expect(await card.getByRole('link', { name: /Work e-mail of Tomás/ }).getAttribute('href')).toBe(`mailto:${CLINICIAN}`);
      await saveScreenshot(sp, 'journey-05-supporter-cases');

      // 4. Priya plans a phone conversation for tomorrow afternoon.
      await card.getByRole('link', { name: /Log contact, conversation or close/ }).click();
      await sp.getByRole('heading', { level: 2, name: 'Who and how to reach them' }).waitFor();
      const planner = sp.getByRole('region', { name: 'Planned conversations' });
      const tomorrow = await sp.evaluate(() => {
        const d = new Date(Date.now() + 86_400_000);
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      mailMark = inbox().length;
      await planner.getByLabel('Day').fill(tomorrow);
      await planner.getByLabel('Time').fill('14:30');
      await planner.getByRole('button', { name: 'Plan conversation' }).click();
      const planned = planner.getByRole('list', { name: 'Planned conversations' }).getByRole('listitem');
      await planned.waitFor();
      expect(await planned.count()).toBe(1);
      expect(await planned.textContent()).toMatch(/45 min · Phone/);
      await saveScreenshot(sp, 'journey-06-conversation-planned');

      // The conversation is there for both; each invite is neutral.
      const forSupporter = await getJson<{ conversations: { id: string; startsAt: string }[] }>(
        supporter.context,
        `/api/supporter/cases/${caseId}/conversations`,
      );
      const forClinician = await getJson<{ conversations: { id: string; startsAt: string; status: string }[] }>(
        clinician.context,
        `/api/support/requests/${caseId}/conversations`,
      );
      expect(forClinician.conversations).toEqual([
        expect.objectContaining({
          id: forSupporter.conversations[0]?.id,
          startsAt: forSupporter.conversations[0]?.startsAt,
          status: 'scheduled',
        }),
      ]);
      const conversationId = forClinician.conversations[0]?.id ?? '';
      const clinicianInvite = await clinician.context.request.get(
        `${env.server.url}/api/support/requests/${caseId}/conversations/${conversationId}/invite.ics`,
      );
      expect(clinicianInvite.status()).toBe(200);
      // Long lines are folded (RFC 5545 §3.1); unfold before reading.
      const ics = (await clinicianInvite.text()).replace(/\r\n[ \t]/g, '');
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toContain(CLINICIAN);
      expectNeutral(ics, caseId);
      expect(ics.toLowerCase()).not.toContain('support');
      const supporterInvite = await supporter.context.request.get(
        `${env.server.url}${await planned.getByRole('link', { name: 'Calendar invite' }).getAttribute('href')}`,
      );
      const supporterInviteStatus = supporterInvite.status();
      // Priya's demo address itself contains "support", which an invite may not carry: refused rather than leaked.
      if (supporterInviteStatus === 200) expectNeutral((await supporterInvite.text()).replace(/\r\n[ \t]/g, ''), caseId);
      else expect(supporterInviteStatus).toBe(409);
      const plannedMail = await waitForMail(CLINICIAN, mailMark, /\/app\/requests/);
      expectNeutral(plannedMail.text, caseId);

      // 5. A contact attempt that reached them, then the conversation: structured fields only.
      const attempt = sp.getByRole('region', { name: 'Log a contact attempt' });
      await choose(attempt, 'Phone call');
      await choose(attempt, 'Reached them');
      await attempt.getByRole('button', { name: 'Log attempt' }).click();
      await sp.getByRole('list', { name: 'Contact attempts' }).getByText('reached them').waitFor();
      const log = sp.getByRole('region', { name: 'Log the conversation' });
      await log.waitFor();
      await log.getByRole('spinbutton', { name: 'Minutes' }).fill('40');
      await tick(log, 'A patient’s death');
      await tick(log, 'Coping and sleep');
      await tick(log, 'Therapy / employee assistance (EAP)');
      await saveScreenshot(sp, 'journey-07-encounter-form');
      await log.getByRole('button', { name: 'Log the conversation' }).click();
      const conversations = sp.getByRole('list', { name: 'Conversations', exact: true });
      await conversations.waitFor();
      expect(await conversations.textContent()).toMatch(/40 min/);

      // 6. Closed as supported.
      const close = sp.getByRole('region', { name: 'Close' });
      await close.getByRole('button', { name: /Outcome/ }).click();
      await sp.getByRole('option', { name: /^Supported/ }).click();
      mailMark = inbox().length;
      await close.getByRole('button', { name: 'Close case' }).click();
      const confirm = sp.getByRole('alertdialog', { name: /Close the case of/ });
      await confirm.getByRole('button', { name: 'Close case' }).click();
      await confirm.waitFor({ state: 'detached' });
      await sp.getByText('Closed: supported').waitFor();
      await saveScreenshot(sp, 'journey-08-closed');
      expect(supporter.problems).toEqual([]);
      await supporter.context.close();

      // 7. The clinician sees it closed.
      await openFromNav(cp, 'My requests');
      const item = cp.locator(`#request-${caseId}`);
      await item.waitFor();
      await expect.poll(() => item.textContent()).toMatch(/Closed/);
      await saveScreenshot(cp, 'journey-09-clinician-sees-closed');

      // 8. The feedback e-mail: a neutral sentence and a single-use link, nothing about the case.
      const feedbackMail = await waitForMail(CLINICIAN, mailMark, /\/feedback\/[A-Za-z0-9_-]+/);
      expectNeutral(feedbackMail.text, caseId);
      const link = /(http:\/\/127\.0\.0\.1:\d+\/feedback\/[A-Za-z0-9_-]+)/.exec(feedbackMail.text)?.[1] ?? '';
      expect(link.startsWith(`${env.server.url}/feedback/`)).toBe(true);

      const db = env.server.ctx.db;
      const countFeedback = async () =>
        Number(
          (
            await db
              .selectFrom('feedback')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const feedbackBefore = await countFeedback();
      await cp.goto(link);
      await cp.getByRole('radiogroup', { name: 'How helpful was the conversation?' }).waitFor();
      expect(await cp.getByRole('textbox').count()).toBe(0);
      await saveScreenshot(cp, 'journey-10-feedback-form');
      await choose(cp, /^5/);
      await choose(cp, 'Yes');
      await cp.getByRole('button', { name: 'Send' }).click();
      await cp.getByRole('heading', { level: 2, name: 'Thank you' }).waitFor();
      await saveScreenshot(cp, 'journey-11-feedback-thanks');
      expect(await countFeedback()).toBe(feedbackBefore + 1);
      // Single use: the same link a second time is refused.
      await cp.goto(link);
      await cp.getByRole('heading', { level: 2, name: 'This link can no longer be used' }).waitFor();
      expect(clinician.problems).toEqual([]);
      await clinician.context.close();
    },
  );
});
