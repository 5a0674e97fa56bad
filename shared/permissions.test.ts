import { describe, expect, it } from 'vitest';
import { ACTION_RULES, ACTIONS, allowedActions, can, canGrantRole, grantableRoles, isAction, ROLES } from './permissions.ts';

describe('permissions catalogue', () => {
  it('gives leadership viewers and event reporters nothing beyond their own account, requests and the directories', () => {
    for (const role of ['leadership_viewer', 'event_reporter', 'staff_member'] as const) {
      expect(allowedActions([role]).sort()).toEqual(['account.self', 'organization.read', 'resources.read', 'support.request']);
    }
    expect(allowedActions(['peer_supporter']).sort()).toEqual(['account.self', 'organization.read', 'resources.read', 'support.request', 'supporter.self']);
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
    expect(grantableRoles(['it_admin'])).toEqual([...ROLES]);
    expect(grantableRoles(['leadership_viewer', 'event_reporter'])).toEqual([]);
  });
});
