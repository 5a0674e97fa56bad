/**
 * Authorization-matrix rows for the program's set-up: the director's alone. Same format as the core
 * table in test/authorization-matrix.ts.
 */
import type { InvalidCase, RouteCase } from '../authorization-matrix.ts';

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const SETUP_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/setup',
    access: 'setup.manage',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/setup' }),
  },
  {
    method: 'PUT',
    url: '/api/setup/foundations',
    access: 'setup.manage',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 200],
    request: () => ({
      url: '/api/setup/foundations',
      payload: { sponsor: { name: 'Dr. Ruth Okafor', role: 'Chief Medical Officer', agreedOn: '2026-09-01' } },
    }),
  },
];

export const SETUP_INVALID_CASES: InvalidCase[] = [
  {
    route: 'PUT /api/setup/foundations',
    why: 'a protection with no basis and a date that is not one',
    request: () => ({ url: '/api/setup/foundations', payload: { protection: { basis: '', confirmedBy: 'GC', confirmedOn: 'soon' } } }),
    fields: ['body.protection.basis', 'body.protection.confirmedOn'],
  },
];
