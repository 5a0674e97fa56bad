/**
 * Authorization-matrix rows and invalid-input cases for intake choices: the supporter directory
 * (requester picks a supporter, where the program allows it) and colleague referral by work e-mail.
 * Same format as the core table in test/authorization-matrix.ts (statuses in CALLERS order).
 */
import { buildPerson } from '../../server/demo/factories.ts';
import type { CellContext, InvalidCase, MatrixWorld, RouteCase } from '../authorization-matrix.ts';

/** The directory is off by default; both organisations turn it on, so an allowed caller gets 200. */
async function directoryOn(world: MatrixWorld): Promise<void> {
  await world.t.ctx.db
    .updateTable('organizations')
    .set({ supporter_directory_enabled: true })
    .where('id', 'in', [world.orgA.id, world.orgB.id])
    .execute();
}

const SELF_REQUEST = {
  modality: 'phone',
  departmentPreference: 'no_preference',
  urgency: 'this_week',
  reason: 'burnout_or_overload',
  contactMethod: 'work_email',
} as const;

export const INTAKE_ROUTE_CASES: RouteCase[] = [
  {
    // Leadership viewers and event reporters never get names: the directory is not theirs to read.
    method: 'GET',
    url: '/api/support/supporter-directory',
    access: 'support.choose_supporter',
    success: 200,
    //        anon  dir  adm  sup  lead  rep staff  it  orgB
    expect: [401, 200, 200, 200, 404, 404, 200, 200, 200],
    request: async ({ world }: CellContext) => {
      await directoryOn(world);
      return { url: '/api/support/supporter-directory?departmentPreference=other_department' };
    },
  },
];

export const INTAKE_INVALID_CASES: InvalidCase[] = [
  {
    route: 'GET /api/support/supporter-directory',
    why: 'unknown department preference and a yes/no that is neither',
    request: () => ({ url: '/api/support/supporter-directory?departmentPreference=anywhere&languageRequired=maybe' }),
    fields: ['querystring.departmentPreference', 'querystring.languageRequired'],
  },
  {
    route: 'POST /api/support/requests',
    why: 'a chosen supporter that is not an id',
    request: () => ({ url: '/api/support/requests', payload: { ...SELF_REQUEST, supporterId: 'the nice one' } }),
    fields: ['body.supporterId'],
  },
  {
    route: 'POST /api/support/requests',
    why: 'a chosen "supporter" who is not one (the directory is on)',
    request: async (w) => {
      await directoryOn(w);
      return { url: '/api/support/requests', payload: { ...SELF_REQUEST, supporterId: w.colleague.id } };
    },
    fields: ['body.supporterId'],
  },
  {
    route: 'POST /api/support/referrals',
    why: 'a work e-mail nobody in the organisation has',
    request: () => ({
      url: '/api/support/referrals',
      payload: { colleagueEmail: 'nobody-here@elsewhere.test', toldColleague: true, reason: 'patient_death', urgency: 'today' },
    }),
    fields: ['body.colleagueEmail'],
  },
  {
    route: 'POST /api/support/referrals',
    why: 'a colleague of another organisation',
    request: async (w) => ({
      url: '/api/support/referrals',
      payload: {
        colleagueEmail: (await buildPerson(w.t.ctx.db, w.t.clock, w.orgB.id)).email,
        toldColleague: false,
        reason: 'adverse_event',
        urgency: 'this_week',
      },
    }),
    fields: ['body.colleagueEmail'],
  },
];
