import { ROLE_LABELS } from '../../../../shared/permissions.ts';
import type { CaseState } from '../../../../shared/schemas/case-vocabulary.ts';
import type { BoardEntry } from '../api/case-board.ts';

/** Where a case stands, as the program administrator would say it. */
export const BOARD_STATE_LABELS: Record<CaseState, string> = {
  new: 'New: no supporter yet',
  offered: 'Offered: waiting for an answer',
  assigned: 'Assigned: first contact pending',
  contacted: 'Contacted',
  active: 'Support under way',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
  declined: 'Declined support',
};

/** "40 min", "3 h", "3 h 20 min", "2 days". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 || hours >= 10 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  return `${Math.floor(hours / 24)} days`;
}

export function ageOf(createdAt: string, now: Date): string {
  return formatDuration(now.getTime() - new Date(createdAt).getTime());
}

export interface ClockText {
  text: string;
  /** Late: the text says so in words, and the colour only repeats it. */
  late: boolean;
}

/** The first-contact service-level clock in words. */
export function describeClock(entry: BoardEntry, now: Date): ClockText {
  const { firstContactDueAt, firstContactAt, breached } = entry.serviceLevel;
  if (firstContactAt) {
    const after = formatDuration(new Date(firstContactAt).getTime() - new Date(entry.createdAt).getTime());
    return { text: breached ? `First contact after ${after}, later than the target` : `First contact after ${after}`, late: breached };
  }
  const left = new Date(firstContactDueAt).getTime() - now.getTime();
  if (left > 0 && !breached) return { text: `Due in ${formatDuration(left)}`, late: false };
  return { text: `Overdue by ${formatDuration(left)}`, late: true };
}

export const supporterName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

/** "Assigned to X", "Offered to Y", or "Nobody yet". */
export function describeSupporter(entry: BoardEntry): string {
  if (entry.assignedSupporter) return `Assigned to ${supporterName(entry.assignedSupporter)}`;
  if (entry.offeredSupporter) return `Offered to ${supporterName(entry.offeredSupporter)}`;
  return 'Nobody yet';
}

/** Audit actions in plain words; an unknown action is shown as it is stored. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'case.assigned_manually': 'Case assigned by hand',
  'case.contact_viewed': 'Contact details viewed',
  'case.offered': 'Case offered to a supporter',
  'case.offer_accepted': 'Offer accepted',
  'case.offer_declined': 'Offer declined',
  'case.offer_expired': 'Offer expired',
  'case.no_supporter_available': 'No supporter available',
  'case.event_notice_attached': 'Event notice attached',
  'case.urgency_raised': 'Made urgent by an event notice',
  'case.offer_withdrawn': 'Offer withdrawn: supporter involved in the event',
  'case.supporter_involved_in_event': 'Supporter involved in a new event: reassign',
  'case.sla_breached': 'First contact overdue',
  'case.sla_escalated': 'Overdue first contact escalated',
  'case.contact_attempted': 'Contact attempted',
  'case.contact_made': 'First contact made',
  'case.encounter_logged': 'Encounter logged',
  'case.follow_up_scheduled': 'Follow-up scheduled',
  'case.referral_taken_up': 'Referral taken up',
  'case.risk_escalated': 'Risk escalated',
  'case.withdrawn': 'Request withdrawn',
  'case.declined': 'Support declined',
  'case.closed': 'Case closed',
  'case.erased': 'Identifying data erased (retention period)',
  'auth.sign_in': 'Signed in',
  'auth.sign_out': 'Signed out',
  'auth.password_changed': 'Password changed',
  'person.created': 'Person added',
  'person.updated': 'Person’s details changed',
  'person.deactivated': 'Person deactivated',
  'person.reactivated': 'Person reactivated',
  'person.password_set': 'Password set for a person',
  'person.roles_changed': 'Roles changed',
  'person.role_granted': 'Role granted',
  'person.role_removed': 'Role removed',
  'person.sign_in_link_sent': 'Set-password link e-mailed',
  'auth.password_set_by_link': 'Password set with an e-mailed link',
  'auth.second_factor_passed': 'Signed in: second step',
  'auth.second_factor_enrolled': 'Authenticator app set up',
  'auth.second_factor_removed': 'Two-step sign-in turned off',
  'auth.recovery_codes_replaced': 'New recovery codes made',
  'auth.step_up': 'Confirmed it was them',
  'auth.sso_linked': 'Single sign-on linked',
  'auth.sso_refused': 'Single sign-on refused',
  'person.second_factor_reset': 'Two-step sign-in reset',
  'person.second_factor_reset_by_operator': 'Two-step sign-in reset by an operator',
  'person.sign_in_link_issued_by_operator': 'Set-password link issued by an operator',
  'roster.imported': 'Roster imported',
  'department.created': 'Department added',
  'department.updated': 'Department changed',
  'profession.created': 'Profession added',
  'profession.updated': 'Profession changed',
  'site.created': 'Site added',
  'site.updated': 'Site changed',
  'settings.program_updated': 'Program settings changed',
  'settings.support_line_updated': 'Support line changed',
  'debrief.scheduled': 'Group debrief scheduled',
  'debrief.changed': 'Group debrief changed',
  'debrief.cancelled': 'Group debrief cancelled',
  'debrief.outcome_recorded': 'Group debrief head count recorded',
  'resource.created': 'Resource added',
  'resource.updated': 'Resource changed',
  'supporter.profile_updated': 'Supporter profile changed',
  'supporter.program_updated': 'Supporter’s program settings changed',
  deny: 'Access refused',
};

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

const AUDIT_DETAIL_LABELS: Record<string, string> = {
  ...ROLE_LABELS,
  invitation: 'invitation',
  reset: 'new password',
  password: 'with password',
  sso: 'with single sign-on',
  totp: 'authenticator code',
  recovery_code: 'recovery code',
  first: 'first app',
  replaced: 'new phone',
};

/** The action with its detail (the role granted or removed, the kind of link): "Role granted: Program director". */
export function auditEntryLabel(entry: { action: string; detail: string | null }): string {
  const label = auditActionLabel(entry.action);
  return entry.detail ? `${label}: ${AUDIT_DETAIL_LABELS[entry.detail] ?? entry.detail}` : label;
}

export const AUDIT_ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS)
  .map(([id, label]) => ({ id, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** A short form of an id for tables: the end, since ids begin with their creation time. */
export const shortId = (id: string) => id.slice(-8);
