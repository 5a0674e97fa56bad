/**
 * Authorization-matrix rows and invalid-input cases for the service-level settings:
 * the director's alone. Same format as the core table in test/authorization-matrix.ts.
 */
import type { InvalidCase, RouteCase } from '../authorization-matrix.ts';

const VALID = {
  calendar: { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00', holidays: ['2026-12-25'] },
  escalationPercent: 50,
  targets: [{ origin: 'event_outreach', urgency: 'this_week', basis: 'elapsed', minutes: 1440 }],
};

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const SERVICE_LEVEL_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/settings/service-levels',
    access: 'service_levels.manage',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/settings/service-levels' }),
  },
  {
    method: 'PUT',
    url: '/api/settings/service-levels',
    access: 'service_levels.manage',
    success: 200,
    expect: [401, 200, 404, 404, 404, 404, 404, 404, 200],
    request: () => ({ url: '/api/settings/service-levels', payload: VALID }),
  },
];

export const SERVICE_LEVEL_INVALID_CASES: InvalidCase[] = [
  {
    route: 'PUT /api/settings/service-levels',
    why: 'closing before opening, day 8, 30 February, 2-minute target',
    request: () => ({
      url: '/api/settings/service-levels',
      payload: {
        ...VALID,
        calendar: { days: [8], opens: '17:00', closes: '08:00', holidays: ['2026-02-30'] },
        targets: [{ ...VALID.targets[0], minutes: 2 }],
      },
    }),
    fields: ['body.calendar.days.0', 'body.calendar.closes', 'body.calendar.holidays.0', 'body.targets.0.minutes'],
  },
];
