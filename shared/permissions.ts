/**
 * The one permissions catalogue. Rules are data plus pure functions so the web app shows only
 * allowed actions and the server enforces exactly the same rules (deny by default).
 */

export const ROLES = [
  'program_director',
  'program_admin',
  'peer_supporter',
  'leadership_viewer',
  'event_reporter',
  'staff_member',
  'it_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  program_director: 'Program director',
  program_admin: 'Program administrator',
  peer_supporter: 'Peer supporter',
  leadership_viewer: 'Leadership viewer',
  event_reporter: 'Event reporter',
  staff_member: 'Staff member',
  it_admin: 'IT administrator',
};

const EVERY_ROLE: readonly Role[] = ROLES;
/** People who administer the directory. None of these actions touches support data. */
const DIRECTORY_ADMINS: readonly Role[] = ['program_director', 'program_admin', 'it_admin'];

/**
 * Action → roles allowed. `public` is not an action: routes declare it separately.
 * Adding a route means choosing one of these; adding an action means deciding who holds it here.
 */
export const ACTION_RULES = {
  /** Read my own person, roles and organisation; change my own password; see my sessions. */
  'account.self': EVERY_ROLE,
  /** Departments, sites and professions: needed by every form, identifies nobody. */
  'organization.read': EVERY_ROLE,
  'organization.manage': DIRECTORY_ADMINS,
  'people.read': DIRECTORY_ADMINS,
  'people.manage': DIRECTORY_ADMINS,
  'people.import': DIRECTORY_ADMINS,
  'roles.grant': DIRECTORY_ADMINS,
  'settings.manage': ['program_director', 'it_admin'],
  /** Ask for support for oneself or refer a colleague; see and withdraw one's own requests. */
  'support.request': EVERY_ROLE,
  /**
   * Browse the supporter directory (first names) and choose one's own supporter, where the program
   * allows it. Not for leadership viewers and event reporters: they never see a person's name.
   */
  'support.choose_supporter': ['program_director', 'program_admin', 'peer_supporter', 'staff_member', 'it_admin'],
  /** The referral directory (EAP, legal advice, chaplaincy…): program data, identifies nobody. */
  'resources.read': EVERY_ROLE,
  'resources.manage': ['program_director'],
  /** A supporter's own profile: availability, modalities, capacity, pause. */
  'supporter.self': ['peer_supporter'],
  /** The program's supporter pool: status, certification, capacity. */
  'supporters.manage': ['program_director', 'program_admin'],
  /**
   * Put a colleague's name (or one's own) forward as a peer supporter, and follow one's own way
   * through the program: answer a nomination, withdraw, pause, retire (docs/team.md).
   */
  'team.self': EVERY_ROLE,
  /** The team pipeline: who is nominated, under review, in training, certified, active, lapsing. */
  'team.read': ['program_director', 'program_admin'],
  /** The director decides who is trained, certified, activated, and who is not selected. */
  'team.decide': ['program_director'],
  /** Supervision and community meetings for the team: scheduling them and recording who came (docs/team.md). */
  'team.meetings': ['program_director', 'program_admin'],
  /**
   * Training the team: sessions, invitations, attendance and observed role-plays. The administrator
   * runs the sessions with the director; what counts towards certification is the director's (below).
   */
  'training.manage': ['program_director', 'program_admin'],
  /** The curriculum, the role-play scenarios and how long a certification lasts: the program's standard. */
  'training.configure': ['program_director'],
  /**
   * The program's reports: counts per ended quarter with small counts hidden, never a name, an id or
   * a single case (docs/reporting.md). Leadership's view of the program, and the director's.
   */
  'reports.read': ['program_director', 'leadership_viewer'],
  /** The program's set-up: its steps judged from what is recorded, the sponsor and the legal protection (docs/setup.md). */
  'setup.manage': ['program_director'],
  /** The smallest count reports show (k, from 5 to 20): the director's, as the program's standard. */
  'reports.configure': ['program_director'],
  /** The case board: every case's state, clocks and who is assigned to whom; audited contact views; manual assignment. */
  'cases.manage': ['program_director', 'program_admin'],
  /** The audit log of case and directory changes and of every read of identifying data (docs/product.md, C5). */
  'audit.read': ['program_director'],
  /** The conversation guide shown to supporters: a new version per save (program configuration). */
  'guide.manage': ['program_director'],
  /**
   * File an event notice and read its receipt — "received, N people will be offered
   * support" — and nothing more: the firewall between reporting and support (docs/product.md, C1).
   */
  'events.report': ['event_reporter', 'program_director', 'program_admin'],
  /** The notices with their outreach, the trigger catalogue and group debriefs. */
  'events.manage': ['program_director', 'program_admin'],
  /** Tokens that let an incident-reporting system file notices (and do nothing else). */
  'tokens.manage': ['program_director'],
  /**
   * The organisation's single sign-on (OpenID Connect provider, allowed domains, whether passwords
   * still work): how people sign in is IT's, never a program role's (docs/decisions/012-single-sign-on.md).
   */
  'sso.configure': ['it_admin'],
  /** First-contact targets per origin and urgency, and the business-hours calendar they run on. */
  'service_levels.manage': ['program_director'],
  /** The on-call rota: rotations, shifts, overrides, swaps made on someone's behalf. */
  'rota.manage': ['program_director', 'program_admin'],
  /** A supporter's side of the rota: the schedule, their shifts, swaps, "take this shift now", their calendar feed. */
  'rota.self': ['peer_supporter'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTION_RULES;
export const ACTIONS = Object.keys(ACTION_RULES) as Action[];

/** What a route declares at registration: an action from the catalogue, or `public`. */
export type AccessRule = Action | 'public';

export function isAction(value: string): value is Action {
  return Object.prototype.hasOwnProperty.call(ACTION_RULES, value);
}

export function can(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = ACTION_RULES[action];
  return roles.some((role) => allowed.includes(role));
}

export function allowedActions(roles: readonly Role[]): Action[] {
  return ACTIONS.filter((action) => can(roles, action));
}

/**
 * Roles whose holders see support data (cases, requesters, the supporter pool). Separation of
 * duties: only the program director hands these out (the administrator staffs the pool with
 * supporters), never the IT administrator — see docs/decisions/009-separation-of-duties.md.
 */
export const SUPPORT_DATA_ROLES: readonly Role[] = ['program_director', 'program_admin', 'peer_supporter'];

/**
 * Roles that may not sign in on a password alone: they run the program or the accounts. An
 * organisation may add peer supporters (docs/decisions/011-two-step-sign-in.md).
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['program_director', 'program_admin', 'it_admin'];

export function needsSecondFactor(roles: readonly Role[], supportersToo: boolean): boolean {
  return roles.some((r) => SECOND_FACTOR_ROLES.includes(r) || (supportersToo && r === 'peer_supporter'));
}

/**
 * Who may grant (or remove) which role, nobody for themselves. The IT administrator runs accounts
 * (staff, reporters, leadership viewers, IT administrators) but never a role that sees support data;
 * the one exception is the first director of an organisation that has none (`grantsFirstDirector`).
 */
const GRANTABLE_BY: Record<Role, readonly Role[]> = {
  it_admin: ['staff_member', 'event_reporter', 'leadership_viewer', 'it_admin'],
  program_director: ['program_director', 'program_admin', 'peer_supporter', 'leadership_viewer', 'event_reporter', 'staff_member'],
  program_admin: ['peer_supporter', 'event_reporter', 'staff_member'],
  peer_supporter: [],
  leadership_viewer: [],
  event_reporter: [],
  staff_member: [],
};

export function canGrantRole(granterRoles: readonly Role[], role: Role): boolean {
  return granterRoles.some((granter) => GRANTABLE_BY[granter].includes(role));
}

export function grantableRoles(granterRoles: readonly Role[]): Role[] {
  return ROLES.filter((role) => canGrantRole(granterRoles, role));
}

/** The caller and the person whose account a change is about. */
export interface AccountParties {
  actor: { personId: string; roles: readonly Role[] };
  target: { id: string; roles: readonly Role[] };
  /** Whether the organisation has an active program director now (first set-up when not). */
  organizationHasActiveDirector: boolean;
}

/**
 * What can be changed about someone:
 * - `profile`: directory facts (name, profession, department, specialty, languages, manager);
 * - `account`: how they sign in and whether they can (work e-mail, set-password link, deactivate);
 * - `grant` / `remove` of one role.
 */
export type AccountChange = { kind: 'profile' } | { kind: 'account' } | { kind: 'grant' | 'remove'; role: Role };

/** The IT administrator may make the first director of an organisation that has none — nothing more. */
function grantsFirstDirector(p: AccountParties, change: AccountChange): boolean {
  return (
    change.kind === 'grant' && change.role === 'program_director' && !p.organizationHasActiveDirector && p.actor.roles.includes('it_admin')
  );
}

/** Someone's sign-in and roles are theirs to change only for a caller who could grant every role they hold. */
function outranksTarget(p: AccountParties): boolean {
  return p.target.roles.every((role) => canGrantRole(p.actor.roles, role));
}

/**
 * The one rule for changing another person's account (roles, sign-in, profile, deactivation); every
 * route that changes a person asks it, and the web app asks it to show what it offers. The caller
 * is assumed to hold `people.manage` or `roles.grant` for the route (checked at the route).
 */
export function mayChangeAccount(p: AccountParties, change: AccountChange): boolean {
  const self = p.actor.personId === p.target.id;
  switch (change.kind) {
    case 'profile':
      return true;
    case 'account':
      return self || outranksTarget(p);
    case 'grant':
    case 'remove':
      if (self) return false;
      if (grantsFirstDirector(p, change)) return true;
      return canGrantRole(p.actor.roles, change.role) && outranksTarget(p);
  }
}

/** The roles the caller could add to or remove from this person right now, as the web app offers them. */
export function changeableRoles(p: AccountParties): Role[] {
  return ROLES.filter((role) => mayChangeAccount(p, { kind: p.target.roles.includes(role) ? 'remove' : 'grant', role }));
}
