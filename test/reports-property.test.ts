import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_ORIGINS, REASON_CATEGORIES } from '../shared/schemas/case-vocabulary.ts';
import { PROFESSION_CATEGORIES } from '../shared/schemas/organization.ts';
import type { Distribution, ProgramReport } from '../shared/schemas/reports.ts';
import { buildCase, buildOrganization, buildPerson } from '../server/demo/factories.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

/**
 * What leadership can read, over random requests (docs/reporting.md): whatever the data, the API
 * never shows a count from 1 to k − 1, never leaves a hidden count pinned by what it shows, and
 * shows the quarter's total the same way in every breakdown. Each run is a new organisation.
 */
describe('the report over random requests', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const request = fc.record({
    month: fc.constantFrom('2026-07-10T15:00:00.000Z', '2026-08-10T15:00:00.000Z', '2026-09-10T15:00:00.000Z'),
    origin: fc.constantFrom(...CASE_ORIGINS),
    // Skewed: most requests share a few values, so small cells are common.
    reason: fc.oneof(
      { weight: 3, arbitrary: fc.constant('burnout_or_overload' as const) },
      { weight: 1, arbitrary: fc.constantFrom(...REASON_CATEGORIES) },
    ),
    profession: fc.oneof(
      { weight: 3, arbitrary: fc.constant('nurse' as const) },
      { weight: 1, arbitrary: fc.constantFrom(...PROFESSION_CATEGORIES, null) },
    ),
  });

  /** What a reader knows of a breakdown: shown counts, and the total if shown; each hidden count is at least 1. */
  function assertSafe(d: Distribution, k: number, what: string) {
    for (const r of d.rows) if (r.count !== null) expect(r.count === 0 || r.count >= k, `${what} ${r.key}`).toBe(true);
    if (d.total === null) return;
    expect(d.total === 0 || d.total >= k, `${what} total`).toBe(true);
    const hidden = d.rows.filter((r) => r.count === null).length;
    const rest = d.total - d.rows.reduce((s, r) => s + (r.count ?? 0), 0);
    // No hidden count is pinned: if any are hidden, the rest is at least k and each could be 1 or 2 at least.
    if (rest > 0) {
      expect(hidden, `${what}: a lone hidden count would equal the rest`).toBeGreaterThan(1);
      expect(rest, what).toBeGreaterThanOrEqual(k);
      expect(rest, `${what}: every hidden count would be 1`).toBeGreaterThan(hidden);
    }
  }

  it('never shows a small count, never pins a hidden one, and shows one total', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 0, maxLength: 60 }), fc.integer({ min: 5, max: 20 }), async (requests, k) => {
        const org = await buildOrganization(t.ctx.db, t.clock);
        const leader = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['leadership_viewer'], password: PASSWORD });
        await t.ctx.db.updateTable('organizations').set({ report_min_count: k }).where('id', '=', org.id).execute();
        for (const r of requests) {
          const id = await buildCase(t.ctx.db, t.clock, org.id, { origin: r.origin, reason: r.reason });
          await t.ctx.db
            .updateTable('cases')
            .set({ created_at: r.month, requester_profession_category: r.profession })
            .where('id', '=', id)
            .execute();
        }
        const response = await t.app.inject({ url: '/api/reports', headers: await as(leader.email) });
        expect(response.statusCode).toBe(200);
        const q3 = (response.json() as ProgramReport).quarters[0]!;
        expect(q3.quarter).toBe('2026-Q3');
        const months: Distribution = { total: q3.byOrigin.total, rows: q3.months.map((m) => ({ key: m.month, count: m.requests })) };
        for (const [what, d] of [
          ['months', months],
          ['origin', q3.byOrigin],
          ['reason', q3.byReason],
          ['profession', q3.byProfession],
        ] as const)
          assertSafe(d, k, what);
        // One total: shown the same in every breakdown of the requests, or hidden in all.
        expect(new Set([q3.byOrigin.total, q3.byReason.total, q3.byProfession.total]).size).toBe(1);
        // Shown figures are true.
        if (q3.byOrigin.total !== null) expect(q3.byOrigin.total).toBe(requests.length);
        for (const row of q3.byOrigin.rows)
          if (row.count !== null) expect(row.count).toBe(requests.filter((r) => r.origin === row.key).length);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
