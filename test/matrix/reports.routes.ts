/**
 * Authorization-matrix rows for the program's reports: the director and leadership read them; only
 * the director sets the smallest count shown. Same format as the core table in
 * test/authorization-matrix.ts.
 */
import type { InvalidCase, RouteCase } from '../authorization-matrix.ts';

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const REPORT_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/reports',
    access: 'reports.read',
    success: 200,
    expect: [401, 200, 404, 404, 200, 404, 404, 404, 200],
    request: () => ({ url: '/api/reports' }),
  },
  {
    method: 'POST',
    url: '/api/reports/export',
    access: 'reports.read',
    // The callers signed in moments ago: their password check is fresh enough for a download.
    success: 200,
    expect: [401, 200, 404, 404, 200, 404, 404, 404, 200],
    request: () => ({ url: '/api/reports/export' }),
  },
  {
    method: 'POST',
    url: '/api/reports/board-report',
    access: 'reports.read',
    success: 200,
    expect: [401, 200, 404, 404, 200, 404, 404, 404, 200],
    request: () => ({ url: '/api/reports/board-report' }),
  },
  {
    method: 'PUT',
    url: '/api/settings/reports',
    access: 'reports.configure',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/settings/reports', payload: { minCount: 11 } }),
  },
];

export const REPORT_INVALID_CASES: InvalidCase[] = [
  {
    route: 'PUT /api/settings/reports',
    why: 'a smallest count below 5, an unknown field',
    request: () => ({ url: '/api/settings/reports', payload: { minCount: 3, k: 3 } }),
    fields: ['body.k', 'body.minCount'],
  },
];
