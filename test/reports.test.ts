import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramReport } from '../shared/schemas/reports.ts';
import { buildCase, buildDepartment, buildOrganization, buildPerson, type BuiltPerson } from '../server/demo/factories.ts';
import { hideBreakdown } from '../server/modules/reporting/breakdowns.ts';
import { createTestApp, sessionsFor, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

/**
 * Leadership's report through the API (docs/reporting.md), on either engine. The test clock stands
 * at 25 November 2026 in New York: the newest ended quarter is July–September 2026.
 */
describe('program report', () => {
  let t: TestApp;
  const as = sessionsFor(() => t.app, PASSWORD);
  let org: { id: string };
  let director: BuiltPerson;
  let leader: BuiltPerson;
  let admin: BuiltPerson;

  const report = async (who = leader): Promise<ProgramReport> => {
    const response = await t.app.inject({ url: '/api/reports', headers: await as(who.email) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  /** `n` requests opened at `at` (ISO), each then changed as given. */
  const requests = async (n: number, at: string, row: Record<string, unknown> = {}) => {
    for (let i = 0; i < n; i += 1) {
      const id = await buildCase(t.ctx.db, t.clock, org.id, {});
      await t.ctx.db
        .updateTable('cases')
        .set({ created_at: at, ...row })
        .where('id', '=', id)
        .execute();
    }
  };

  /** Twelve of July's fourteen reached: 1 h to 12 h, within a 6-hour target for the first six. */
  const reachTwelve = async () => {
    const ids = await t.ctx.db
      .selectFrom('cases')
      .select('id')
      .where('organization_id', '=', org.id)
      .where('created_at', '<', '2026-08-01')
      .where('created_at', '>=', '2026-07-01')
      .execute();
    for (const [i, row] of ids.slice(0, 12).entries()) {
      await t.ctx.db
        .updateTable('cases')
        .set({
          first_contact_minutes: (i + 1) * 60,
          first_contact_at: new Date(Date.parse('2026-07-10T15:00:00.000Z') + (i + 1) * 3_600_000).toISOString(),
          first_contact_due_at: '2026-07-10T21:00:00.000Z',
        })
        .where('id', '=', row.id)
        .execute();
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganization(t.ctx.db, t.clock, { timeZone: 'America/New_York' });
    director = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_director'], password: PASSWORD });
    leader = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['leadership_viewer', 'staff_member'], password: PASSWORD });
    admin = await buildPerson(t.ctx.db, t.clock, org.id, { roles: ['program_admin'], password: PASSWORD });
    // July–September 2026: 14 in July, 14 in August, 4 in September.
    await requests(14, '2026-07-10T15:00:00.000Z', { requester_profession_category: 'nurse' });
    await requests(12, '2026-08-10T15:00:00.000Z', { requester_profession_category: 'physician' });
    await requests(2, '2026-08-12T15:00:00.000Z', { origin: 'anonymous', reason: 'adverse_event', requester_profession_category: null });
    await requests(3, '2026-09-20T15:00:00.000Z', {
      origin: 'colleague_referral',
      reason: 'patient_death',
      requester_profession_category: 'nurse',
    });
    // 30 September 23:30 in New York is still September there (already 1 October in UTC).
    await requests(1, '2026-10-01T03:30:00.000Z');
    // April–June 2026: five requests.
    await requests(5, '2026-05-05T15:00:00.000Z');
    // This quarter has not ended: never shown.
    await requests(20, '2026-11-02T15:00:00.000Z');
    await reachTwelve();
    // Eleven of August's physicians name a department (the factory's requests name none).
    const departmentId = await buildDepartment(t.ctx.db, t.clock, org.id, { name: 'Cardiology' });
    await t.ctx.db
      .updateTable('cases')
      .set({ requester_department_id: departmentId })
      .where('organization_id', '=', org.id)
      .where('created_at', '=', '2026-08-10T15:00:00.000Z')
      .execute();
  });
  afterAll(async () => t?.close());

  it('shows the four ended quarters, newest first, and never the running one', async () => {
    const r = await report();
    expect(r.quarters.map((q) => q.quarter)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4']);
    expect(r.minCount).toBe(11);
    expect(JSON.stringify(r)).not.toContain('2026-11');
  });

  it('shows large counts as they are and hides small ones, with enough others that none can be worked out', async () => {
    const q3 = (await report()).quarters[0]!;
    // September's 4 is hidden, and one of the fourteens with it (both hidden add up to 18 ≥ 11).
    expect(q3.months.map((m) => m.requests).filter((n) => n === null)).toHaveLength(2);
    expect(q3.months.find((m) => m.month === '2026-09')!.requests).toBeNull();
    expect(q3.byOrigin.total).toBe(32);
    // Origins 27 / 2 / 3 / 0: the 2 and the 3 add up to only 5, so the 27 is hidden as well; the 0 shows.
    expect(q3.byOrigin.rows).toEqual([
      { key: 'self', count: null },
      { key: 'anonymous', count: null },
      { key: 'colleague_referral', count: null },
      { key: 'event_outreach', count: 0 },
    ]);
    // Professions: nurses 17 shown; physicians 13 hidden to cover the 2 anonymous requests.
    const professions = Object.fromEntries(q3.byProfession.rows.map((r) => [r.key, r.count]));
    expect(professions).toMatchObject({ nurse: 17, physician: null, not_given: null, pharmacist: 0 });
    expect(q3.byProfession.total).toBe(32);
    // Twelve requests name a department (one of the organisation's departments).
    expect(q3.reach).toMatchObject({ withRequests: 1, onRecord: 12 });
  });

  it('hides a quarter with fewer than k requests entirely, totals included', async () => {
    const q2 = (await report()).quarters[1]!;
    expect(q2.byOrigin.total).toBeNull();
    expect(q2.byOrigin.rows.every((r) => r.count === null || r.count === 0)).toBe(true);
    expect(q2.months.every((m) => m.requests === null || m.requests === 0)).toBe(true);
    // The factory's requests name no department: reach is not on record, and says so rather than 0 of n.
    expect(q2.reach).toMatchObject({ withRequests: null, share: null, onRecord: 0 });
  });

  it('gives time to first contact only over at least k requests', async () => {
    const q3 = (await report()).quarters[0]!;
    expect(q3.firstContact).toEqual({ reached: 12, medianHours: 6, p90Hours: 11, withinTarget: 0.5 });
    // With k at 13 the twelve are too few: nothing about them is shown.
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/settings/reports', headers: await as(director.email), payload: { minCount: 13 } }))
        .statusCode,
    ).toBe(200);
    const strict = (await report()).quarters[0]!;
    expect(strict.firstContact).toEqual({ reached: null, medianHours: null, p90Hours: null, withinTarget: null });
    expect((await report()).minCount).toBe(13);
    await t.app.inject({ method: 'PUT', url: '/api/settings/reports', headers: await as(director.email), payload: { minCount: 11 } });
  });

  it('keeps a settled quarter’s counts: erasing departments later does not move what was published', async () => {
    const before = (await report()).quarters[0]!;
    const kept = await t.ctx.db.selectFrom('report_quarter_counts').select('quarter').where('organization_id', '=', org.id).execute();
    expect(kept.map((r) => r.quarter).sort()).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    // As the retention sweep would: the requests' departments are erased.
    await t.ctx.db.updateTable('cases').set({ requester_department_id: null }).where('organization_id', '=', org.id).execute();
    const after = (await report()).quarters[0]!;
    expect(after.reach).toEqual(before.reach);
    expect(after).toEqual(before);
  });

  it('lets only the director set k, from 5 to 20, audited; bad values change nothing', async () => {
    for (const minCount of [4, 21, 7.5]) {
      const refused = await t.app.inject({
        method: 'PUT',
        url: '/api/settings/reports',
        headers: await as(director.email),
        payload: { minCount },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields[0].path).toBe('body.minCount');
    }
    expect((await report()).minCount).toBe(11);
    for (const who of [leader, admin]) {
      expect(
        (await t.app.inject({ method: 'PUT', url: '/api/settings/reports', headers: await as(who.email), payload: { minCount: 5 } }))
          .statusCode,
      ).toBe(404);
    }
    expect((await t.app.inject({ url: '/api/reports', headers: await as(admin.email) })).statusCode).toBe(404);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('action', '=', 'reports.min_count_set')
      .execute();
    expect(audit.map((a) => a.detail)).toEqual(['13', '11']);
  });

  it('exports the same figures as CSV after a fresh password check, audited, hidden counts written as hidden', async () => {
    t.clock.advanceMinutes(10);
    const stale = await t.app.inject({ method: 'POST', url: '/api/reports/export', headers: await as(leader.email) });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().error.code).toBe('step_up_required');
    const cookie = (await as(leader.email)).cookie;
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/step-up',
      headers: { cookie },
      payload: { password: PASSWORD },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const exported = await t.app.inject({ method: 'POST', url: '/api/reports/export', headers: { cookie } });
    expect(exported.statusCode, exported.body).toBe(200);
    const { filename, csv } = exported.json();
    expect(filename).toBe('program-report-2026-Q3.csv');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"quarter","figure","breakdown","value"');
    expect(lines).toContain('"2026-Q3","requests by profession","nurse",17');
    expect(lines).toContain('"2026-Q3","requests by profession","physician","hidden"');
    expect(lines).toContain('"2026-Q3","requests by origin","total",32');
    expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_person_id'])
      .where('action', '=', 'reports.exported')
      .execute();
    expect(audit).toEqual([{ action: 'reports.exported', actor_person_id: leader.id }]);
  });
  it('counts an unsettled quarter again each hour, then keeps it once settled', async () => {
    // 10 January 2027: October–December 2026 has ended but not settled (30 days).
    t.clock.advanceMinutes(((Date.parse('2027-01-10T15:00:00Z') - t.clock.now().getTime()) / 60_000) | 0);
    const first = (await report()).quarters[0]!;
    expect(first.quarter).toBe('2026-Q4');
    expect(first.byOrigin.total).toBe(20);
    const kept = () =>
      t.ctx.db.selectFrom('report_quarter_counts').select(['quarter', 'settled']).where('quarter', '=', '2026-Q4').executeTakeFirst();
    expect(Boolean((await kept())!.settled)).toBe(false);
    // Within the hour every read shows the same figures; the hour after, they are counted again.
    await requests(2, '2026-12-20T15:00:00.000Z');
    t.clock.advanceMinutes(30);
    expect((await report()).quarters[0]!.byOrigin.total).toBe(20);
    t.clock.advanceMinutes(31);
    expect((await report()).quarters[0]!.byOrigin.total).toBe(22);
    // 1 February: settled, kept for good; a request added to it afterwards (a late import, say) does not move it.
    t.clock.advanceMinutes(22 * 24 * 60);
    await requests(1, '2026-12-21T15:00:00.000Z');
    expect((await report()).quarters[0]!.byOrigin.total).toBe(23);
    expect(Boolean((await kept())!.settled)).toBe(true);
    await requests(1, '2026-12-22T15:00:00.000Z');
    t.clock.advanceMinutes(120);
    expect((await report()).quarters[0]!.byOrigin.total).toBe(23);
  });
});

describe('a breakdown and its total', () => {
  it('never shows a small count, never pins a hidden one, and agrees with the master total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 5, max: 20 }),
        fc.boolean(),
        (counts, k, masterHidden) => {
          const total = counts.reduce((a, b) => a + b, 0);
          const keys = counts.map((_, i) => `c${i}`);
          const master = masterHidden ? null : total >= k || total === 0 ? total : null;
          const result = hideBreakdown(keys, counts, k, master);
          result.rows.forEach((row, i) => {
            if (row.count !== null) {
              expect(row.count).toBe(counts[i]);
              expect(row.count === 0 || row.count >= k).toBe(true);
            }
          });
          if (result.total !== null) {
            expect(result.total).toBe(total);
            expect(total === 0 || total >= k).toBe(true);
            expect(result.total).toBe(master);
            // What a reader knows: the hidden counts add up to the total less the shown ones, and each is at least 1.
            const hidden = result.rows.filter((r) => r.count === null).map((r) => counts[keys.indexOf(r.key)]!);
            const rest = total - result.rows.reduce((s, r) => s + (r.count ?? 0), 0);
            const nonZeroHidden = hidden.filter((n) => n > 0).length;
            if (nonZeroHidden > 0) {
              // Each hidden count could be 1, or as much as the rest less one for each other hidden count: two values at least.
              expect(rest - (nonZeroHidden - 1)).toBeGreaterThan(1);
              expect(rest).toBeGreaterThanOrEqual(k);
            }
          }
          if (master === null) expect(result.total).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});
