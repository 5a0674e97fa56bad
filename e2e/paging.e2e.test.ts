import { describe, expect, it } from 'vitest';
import { newId } from '../server/db/values.ts';
import { buildCase } from '../server/demo/factories.ts';
import { findCase } from '../server/modules/cases/cases.repository.ts';
import { startUrgentPaging } from '../server/modules/paging/paging-chain.ts';
import { openWatchedPage, saveScreenshot, signIn, useDemoServerAndBrowser } from './browser.ts';

const env = useDemoServerAndBrowser();

describe('urgent paging', () => {
  it('the supporter on call sees the urgent banner on every page and acknowledges it; the director sees the chain settings', async () => {
    const { ctx } = env.server;
    const supporter = await ctx.db
      .selectFrom('people')
      .select(['id', 'organization_id'])
      .where('work_email', '=', 'supporter@demo.peerline.test')
      .executeTakeFirstOrThrow();
    const now = Date.now();
    // "Take this shift now" for the demo supporter, then an urgent request arrives.
    await ctx.db
      .insertInto('on_call_shifts')
      .values({
        id: newId(),
        organization_id: supporter.organization_id,
        person_id: supporter.id,
        kind: 'override',
        starts_at: new Date(now - 60_000).toISOString(),
        ends_at: new Date(now + 3_600_000).toISOString(),
        created_by: null,
        created_at: new Date(now).toISOString(),
      })
      .execute();
    const caseId = await buildCase(ctx.db, ctx.clock, supporter.organization_id, { state: 'new' });
    await ctx.db.updateTable('cases').set({ urgency: 'today' }).where('id', '=', caseId).execute();
    await ctx.db
      .transaction()
      .execute(async (trx) => startUrgentPaging(ctx, trx, (await findCase(trx, supporter.organization_id, caseId))!));

    const priya = await openWatchedPage(env.browser, env.server.url);
    const page = priya.page;
    page.setDefaultTimeout(15_000);
    await signIn(page, env.server.url, 'supporter@demo.peerline.test');
    const banner = page.getByRole('alert').filter({ hasText: 'Urgent: someone needs a peer now' });
    await banner.waitFor();
    await saveScreenshot(page, 'paging-banner');
    // The banner stays on other pages and links to the supporter's offers.
    await banner.getByRole('link', { name: 'Offers' }).click();
    await page.waitForURL(`${env.server.url}/app/offers`);
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });
    const pages = await ctx.db.selectFrom('pages').select(['status', 'acknowledged_by']).where('case_id', '=', caseId).execute();
    expect(pages).toEqual([{ status: 'acknowledged', acknowledged_by: supporter.id }]);
    expect(priya.problems).toEqual([]);

    const director = await openWatchedPage(env.browser, env.server.url);
    director.page.setDefaultTimeout(15_000);
    await signIn(director.page, env.server.url, 'director@demo.peerline.test');
    await director.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = director.page.getByRole('region', { name: 'Urgent paging' });
    await section.getByLabel('Minutes to acknowledge before the next step is paged').fill('10');
    const saved = director.page.waitForResponse((r) => r.url().endsWith('/api/settings/paging') && r.request().method() === 'PUT');
    await section.getByRole('button', { name: 'Save urgent paging' }).click();
    expect((await saved).status()).toBe(200);
    await section.getByText('Saved.').waitFor();
    await section.screenshot({ path: 'test-results/screenshots/paging-settings.png' });
    expect(director.problems).toEqual([]);
  });
});
