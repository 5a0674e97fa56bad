/**
 * The event outreach journey in Chromium: a reporter files a notice, the supporter sees the
 * outreach task, accepts it, finds the "touching base" message for reaching in and logs first
 * contact; the administrator schedules a group debrief and records its head count; the reporter's
 * page and every GET the reporter's browser made answer exactly what they answered right after filing.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, openFromNav, openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();
const DESKTOP = { width: 1280, height: 900 };
const SUPPORTER = 'supporter@demo.peerline.test';

/** One plain staff member of Emergency Medicine with no case yet, as the reporter knows them: by work e-mail. */
async function oneInvolvedPerson(): Promise<{ email: string; firstName: string; lastName: string; department: string }> {
  const db = env.server.ctx.db;
  const department = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('name', '=', 'Emergency Medicine')
    .executeTakeFirstOrThrow();
  const person = await db
    .selectFrom('people')
    .select(['work_email', 'first_name', 'last_name'])
    .where('department_id', '=', department.id)
    .where('active', '=', true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('role_grants')
            .select('person_id')
            .whereRef('role_grants.person_id', '=', 'people.id')
            .where('role', '!=', 'staff_member'),
        ),
      ),
    )
    .where((eb) => eb.not(eb.exists(eb.selectFrom('cases').select('id').whereRef('cases.requester_person_id', '=', 'people.id'))))
    .orderBy('work_email', 'desc')
    .executeTakeFirstOrThrow();
  return { email: person.work_email, firstName: person.first_name, lastName: person.last_name, department: department.name };
}

async function getJson<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(`${env.server.url}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Everything each GET answers now, by path. */
async function snapshot(context: BrowserContext, paths: string[]): Promise<Record<string, { status: number; body: string }>> {
  const out: Record<string, { status: number; body: string }> = {};
  for (const p of paths) {
    const response = await context.request.get(`${env.server.url}${p}`);
    out[p] = { status: response.status(), body: await response.text() };
  }
  return out;
}

describe('event outreach journey in Chromium', () => {
  it(
    'a reporter files a notice; the supporter accepts the outreach and logs first contact; the reporter sees the same as before',
    { timeout: 180_000 },
    async () => {
      const involved = await oneInvolvedPerson();
      const director = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      const reporter = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      const supporter = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      for (const { page } of [director, reporter, supporter]) page.setDefaultTimeout(15_000);
      const origin = { Origin: env.server.url };

      // 1. The director pauses every other supporter through the real API, so matching has one candidate: Priya.
      await signIn(director.page, env.server.url, 'director@demo.peerline.test');
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
      expect(director.problems).toEqual([]);
      await director.context.close();

      // 2. The reporter files a notice naming one person by work e-mail. Every GET the browser makes is recorded.
      const rp = reporter.page;
      const reporterGets = new Set<string>();
      rp.on('request', (request) => {
        const url = new URL(request.url());
        if (request.method() === 'GET' && url.pathname.startsWith('/api/')) reporterGets.add(url.pathname + url.search);
      });
      await signIn(rp, env.server.url, 'reporter@demo.peerline.test');
      await openFromNav(rp, 'Report an event');
      await rp.getByRole('button', { name: /What kind of event/ }).click();
      await rp.getByRole('option', { name: 'Serious safety event', exact: true }).click();
      await rp.getByRole('button', { name: /Department/ }).click();
      await rp.getByRole('option', { name: involved.department, exact: true }).click();
      await rp.getByLabel('Work e-mail of person 1').fill(involved.email);
      await saveScreenshot(rp, 'outreach-journey-01-reporter-form');
      await rp.getByRole('button', { name: 'File the notice' }).click();
      const receipt = rp.getByRole('status').filter({ hasText: 'Received' });
      await receipt.waitFor();
      expect(await receipt.textContent()).toContain('1 person will be offered support');
      const filed = rp.getByRole('table', { name: 'Notices you filed' });
      await filed.getByRole('cell', { name: 'Received' }).first().waitFor();
      await saveScreenshot(rp, 'outreach-journey-02-reporter-receipt');

      // What the reporter sees right after filing: the page, and every GET their browser made (and can make).
      await rp.reload();
      // Both halves of the page load separately: wait for the form as well as the table.
      await filed.getByRole('cell', { name: 'Received' }).first().waitFor();
      await rp.getByRole('button', { name: 'File the notice' }).waitFor();
      const pageBefore = await rp.locator('main').innerText();
      for (const p of ['/api/event-notices/mine', '/api/event-triggers', '/api/me']) reporterGets.add(p);
      const getPaths = [...reporterGets].sort();
      const apiBefore = await snapshot(reporter.context, getPaths);

      const db = env.server.ctx.db;
      const outreach = await db
        .selectFrom('cases')
        .innerJoin('people', 'people.id', 'cases.requester_person_id')
        .select(['cases.id', 'cases.state', 'cases.offered_supporter_id', 'cases.origin'])
        .where('people.work_email', '=', involved.email)
        .executeTakeFirstOrThrow();
      expect(outreach).toMatchObject({ state: 'offered', offered_supporter_id: priya?.personId, origin: 'event_outreach' });
      const caseId = outreach.id;

      // 3. Priya sees the outreach task on her Offers page and accepts it.
      const sp = supporter.page;
      await signIn(sp, env.server.url, SUPPORTER);
      await openFromNav(sp, 'Offers');
      const offerRow = await db
        .selectFrom('case_offers')
        .select('id')
        .where('case_id', '=', caseId)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      const offers = await getJson<{ offers: { id: string }[] }>(supporter.context, '/api/supporter/offers');
      expect(offers.offers.map((o) => o.id)).toContain(offerRow.id);
      const offer = sp.locator(`#offer-${offerRow.id}`);
      await offer.waitFor();
      const offerText = (await offer.textContent()) ?? '';
      expect(offerText).not.toContain(involved.lastName);
      expect(offerText).not.toContain(involved.email);
      await saveScreenshot(sp, 'outreach-journey-03-supporter-offer');
      const [accepted] = await Promise.all([
        sp.waitForResponse((response) => response.url().endsWith('/accept') && response.status() === 200),
        offer.getByRole('button', { name: 'Accept' }).click(),
      ]);
      expect(((await accepted.json()) as { caseId: string }).caseId).toBe(caseId);

      // 4. She opens the case: the "touching base" message for reaching in is there, with the names filled in.
      await openFromNav(sp, 'My cases');
      const card = sp.locator(`#case-${caseId}`);
      await card.waitFor();
      expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(involved.firstName);
      await card.getByRole('link', { name: /Log contact, conversation or close/ }).click();
      const touching = sp.getByRole('region', { name: 'Touching base' });
      await touching.waitFor();
      const reachingIn = touching.getByRole('listitem').filter({ hasText: 'Reaching in (you were asked to check in)' });
      await reachingIn.waitFor();
      expect(await reachingIn.textContent()).toContain(`Hi ${involved.firstName}`);
      expect(await reachingIn.textContent()).toContain('I am Priya');
      await saveScreenshot(sp, 'outreach-journey-04-touching-base');

      // 5. First contact: a phone call that reached them.
      const attempt = sp.getByRole('region', { name: 'Log a contact attempt' });
      await choose(attempt, 'Phone call');
      await choose(attempt, 'Reached them');
      await attempt.getByRole('button', { name: 'Log attempt' }).click();
      await sp.getByRole('list', { name: 'Contact attempts' }).getByText('reached them').waitFor();
      await saveScreenshot(sp, 'outreach-journey-05-first-contact');
      const contacted = await db
        .selectFrom('cases')
        .select(['state', 'first_contact_at'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(contacted.first_contact_at).not.toBeNull();
      expect(supporter.problems).toEqual([]);
      await supporter.context.close();

      // 6. The administrator schedules a group debrief from the notice (Priya facilitates, the named
      //    person is invited), it happens at once, and only the head count and length are recorded.
      const admin = await openWatchedPage(env.browser, env.server.url, DESKTOP);
      admin.page.setDefaultTimeout(15_000);
      await signIn(admin.page, env.server.url, 'admin@demo.peerline.test');
      await openFromNav(admin.page, 'Event notices');
      const notice = await db.selectFrom('event_notices').select('id').orderBy('filed_at', 'desc').executeTakeFirstOrThrow();
      const debriefs = admin.page.locator(`section[aria-labelledby="debriefs-${notice.id}"]`);
      await debriefs.getByText('No group debrief scheduled.').waitFor();
      await debriefs.getByRole('button', { name: 'Schedule a group debrief' }).click();
      const form = debriefs.getByRole('form', { name: 'Schedule a group debrief' });
      const now = await admin.page.evaluate(() => {
        const d = new Date();
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      });
      await form.getByLabel('When').fill(now);
      await form.getByLabel('Minutes').fill('60');
      await form.getByRole('checkbox', { name: 'Priya Raman', exact: true }).locator('xpath=ancestor::label[1]').click();
      expect(await form.getByRole('checkbox', { name: /Invite the person named in the notice/ }).isChecked()).toBe(true);
      await saveScreenshot(admin.page, 'outreach-journey-06-debrief-form');
      await form.getByRole('button', { name: 'Schedule' }).click();
      const scheduled = debriefs.getByRole('list', { name: 'Group debriefs' }).getByRole('listitem');
      await scheduled.getByText(/facilitated by Priya Raman · 1 invited/).waitFor();
      await scheduled.getByRole('spinbutton', { name: 'Head count' }).fill('1');
      await scheduled.getByRole('spinbutton', { name: 'Minutes it took' }).fill('45');
      await scheduled.getByRole('button', { name: 'Record' }).click();
      await scheduled.getByText('Head count: 1 · took 45 min').waitFor();
      await debriefs.scrollIntoViewIfNeeded();
      await saveScreenshot(admin.page, 'outreach-journey-07-debrief-recorded');
      const invite = await db
        .selectFrom('email_outbox')
        .select('link')
        .where('to_address', '=', involved.email)
        .where('link', 'like', '/api/public/debrief-invites/%')
        .executeTakeFirstOrThrow();
      const ics = await (await admin.context.request.get(`${env.server.url}${invite.link}`)).text();
      expect(ics).toContain('BEGIN:VEVENT');
      for (const word of ['Priya', involved.lastName, 'support', 'debrief', 'Serious']) expect(ics).not.toContain(word);
      expect(admin.problems).toEqual([]);
      await admin.context.close();

      // 7. The reporter's view is unchanged: the same page text, and every GET answers byte for byte the same.
      await rp.reload();
      await filed.getByRole('cell', { name: 'Received' }).first().waitFor();
      await rp.getByRole('button', { name: 'File the notice' }).waitFor();
      const pageAfter = await rp.locator('main').innerText();
      expect(pageAfter).toBe(pageBefore);
      const apiAfter = await snapshot(reporter.context, getPaths);
      expect(apiAfter).toEqual(apiBefore);
      const everything = [pageAfter, ...Object.values(apiAfter).map((r) => r.body)].join('\n');
      for (const word of ['Priya', 'Raman', involved.lastName, caseId, 'debrief', 'Head count']) expect(everything).not.toContain(word);
      expect(everything).not.toMatch(/accepted|declined|contacted|assigned|reached|in_progress|offered_supporter/i);
      await saveScreenshot(rp, 'outreach-journey-08-reporter-unchanged');
      expect(reporter.problems).toEqual([]);
      await reporter.context.close();
    },
  );
});
