import { describe, expect, it } from 'vitest';
import {
  ACTION_RULES,
  ACTIONS,
  allowedActions,
  can,
  canGrantRole,
  grantableRoles,
  isAction,
  ROLES,
  SUPPORT_DATA_ROLES,
} from './permissions.ts';

describe('permissions catalogue', () => {
  it('gives leadership viewers and event reporters nothing beyond their own account, requests, the directories, their own place on the team and (leadership) the suppressed report', () => {
    // team.self shows only one's own journey and lets one suggest a colleague: it reveals nobody.
    // reports.read gives counts with small ones hidden, never a name or a case (docs/reporting.md).
    expect(allowedActions(['leadership_viewer']).sort()).toEqual([
      'account.self',
      'organization.read',
      'reports.read',
      'resources.read',
      'support.request',
      'team.self',
    ]);
    // Event reporters file notices and read the receipt; nothing about the outreach that follows.
    expect(allowedActions(['event_reporter']).sort()).toEqual([
      'account.self',
      'events.report',
      'organization.read',
      'resources.read',
      'support.request',
      'team.self',
    ]);
    // Staff may also browse the supporter directory (first names) where the program allows choosing.
    expect(allowedActions(['staff_member']).sort()).toEqual([
      'account.self',
      'organization.read',
      'resources.read',
      'support.choose_supporter',
      'support.request',
      'team.self',
    ]);
    expect(allowedActions(['peer_supporter']).sort()).toEqual([
      'account.self',
      'organization.read',
      'resources.read',
      'rota.self',
      'support.choose_supporter',
      'support.request',
      'supporter.self',
      'team.self',
    ]);
  });

  it('lets the IT administrator manage accounts and settings, but not the supporter pool', () => {
    expect(can(['it_admin'], 'people.manage')).toBe(true);
    expect(can(['it_admin'], 'settings.manage')).toBe(true);
    expect(can(['it_admin'], 'supporters.manage')).toBe(false);
  });

  it('gives the case board to the director and the administrator, and the audit log to the director alone', () => {
    expect(can(['program_director'], 'cases.manage')).toBe(true);
    expect(can(['program_admin'], 'cases.manage')).toBe(true);
    expect(can(['program_director'], 'audit.read')).toBe(true);
    for (const role of ROLES.filter((r) => r !== 'program_director')) expect(can([role], 'audit.read')).toBe(false);
    for (const role of ['peer_supporter', 'leadership_viewer', 'event_reporter', 'staff_member', 'it_admin'] as const) {
      expect(can([role], 'cases.manage')).toBe(false);
    }
    expect(can(['it_admin'], 'supporters.manage')).toBe(false);
  });

  it('gives the conversation guide to the director alone', () => {
    expect(can(['program_director'], 'guide.manage')).toBe(true);
    for (const role of ROLES.filter((r) => r !== 'program_director')) expect(can([role], 'guide.manage')).toBe(false);
  });

  it('keeps integration tokens and service-level targets with the director, the rota with those who run the program', () => {
    for (const action of ['tokens.manage', 'service_levels.manage'] as const) {
      expect(ROLES.filter((r) => can([r], action))).toEqual(['program_director']);
    }
    expect(ROLES.filter((r) => can([r], 'rota.manage'))).toEqual(['program_director', 'program_admin']);
    expect(ROLES.filter((r) => can([r], 'events.manage'))).toEqual(['program_director', 'program_admin']);
    expect(can(['it_admin'], 'events.report')).toBe(false);
  });

  it('lets the director and administrator run training, and the director alone set its standard', () => {
    expect(ROLES.filter((r) => can([r], 'training.manage'))).toEqual(['program_director', 'program_admin']);
    expect(ROLES.filter((r) => can([r], 'training.configure'))).toEqual(['program_director']);
  });

  it('keeps program settings from the program administrator', () => {
    expect(can(['program_admin'], 'settings.manage')).toBe(false);
    expect(can(['program_admin', 'staff_member'], 'people.import')).toBe(true);
  });

  it('combines roles: a person with several roles holds the union', () => {
    expect(can(['staff_member'], 'people.read')).toBe(false);
    expect(can(['staff_member', 'program_admin'], 'people.read')).toBe(true);
  });

  it('denies everything to no roles', () => {
    expect(allowedActions([])).toEqual([]);
  });

  it('names every role only once and every action has at least one role', () => {
    expect(new Set(ROLES).size).toBe(ROLES.length);
    for (const action of ACTIONS) expect(ACTION_RULES[action].length).toBeGreaterThan(0);
    expect(isAction('people.read')).toBe(true);
    expect(isAction('public')).toBe(false);
    expect(isAction('toString')).toBe(false);
  });

  it('lets an administrator staff the program but not make directors or IT administrators', () => {
    expect(grantableRoles(['program_admin']).sort()).toEqual(['event_reporter', 'peer_supporter', 'staff_member']);
    expect(canGrantRole(['program_director'], 'program_director')).toBe(true);
    expect(canGrantRole(['program_director'], 'it_admin')).toBe(false);
    // The IT administrator runs accounts, never a role that sees support data (separation of duties).
    expect(grantableRoles(['it_admin'])).toEqual(['leadership_viewer', 'event_reporter', 'staff_member', 'it_admin']);
    for (const role of SUPPORT_DATA_ROLES) expect(canGrantRole(['it_admin'], role)).toBe(false);
    expect(grantableRoles(['leadership_viewer', 'event_reporter'])).toEqual([]);
  });
});
