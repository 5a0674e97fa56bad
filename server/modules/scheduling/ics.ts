import { randomBytes } from 'node:crypto';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { ROLE_LABELS, ROLES } from '../../../shared/permissions.ts';
import { REASON_CATEGORIES } from '../../../shared/schemas/case-vocabulary.ts';
import { assertNeutralLink } from '../../email/templates.ts';

/**
 * Calendar invites for a conversation. Calendar text says nothing about the case (docs/product.md,
 * C3). The title is neutral ("Conversation" unless the program chose another neutral one);
 * `assertNeutralInviteText` refuses "peer support", "support", any reason category and any role,
 * in every text field, so a program setting or a caller cannot slip them in.
 */

export const DEFAULT_INVITE_TITLE = 'Conversation';

export interface InviteInput {
  /** Stable across reschedules of one conversation; opaque (see `newInviteUid`), never a record id. */
  uid: string;
  start: Date;
  end: Date;
  title?: string | undefined;
  description?: string | undefined;
  /** A room, a phone note or a meeting link. */
  location?: string | undefined;
  /** A link into the app; the same rules as e-mail links (no record ids). */
  url?: string | undefined;
  organizerEmail: string;
  /** The recipient's own address; left out when it is not neutral (e.g. `it-support@…`). */
  attendeeEmail?: string | undefined;
  /** 0 for the first invite; each reschedule or cancellation sends a higher number. */
  sequence: number;
  cancelled?: boolean | undefined;
  /** DTSTAMP, when this version of the invite was made: pass `ctx.clock.now()`. */
  now?: Date | undefined;
}

export class ForbiddenInviteTextError extends Error {
  constructor(readonly field: string) {
    super(`calendar text in "${field}" would reveal what the conversation is about`);
    this.name = 'ForbiddenInviteTextError';
  }
}

const normalise = (text: string): string => text.toLowerCase().replace(/[\s_\-.+/:@,;()]+/g, ' ');

/** Anywhere, even inside a word ("supporter", "peersupport"). */
const FORBIDDEN_SUBSTRINGS = ['support'];

/** Whole words or phrases: every reason category (and each part of "x or y"), every role, "peer". */
const FORBIDDEN_WORDS: readonly string[] = [
  ...new Set([
    'peer',
    'peers',
    'requester',
    ...REASON_CATEGORIES.flatMap((reason) => [normalise(reason), ...normalise(reason).split(' or ')]),
    ...ROLES.map((role) => normalise(role)),
    ...Object.values(ROLE_LABELS).map((label) => normalise(label)),
  ]),
]
  .map((word) => word.trim())
  .filter((word) => word.length > 0);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_PATTERN = new RegExp(`(?:^| )(?:${FORBIDDEN_WORDS.map(escapeRegExp).join('|')})(?= |$)`);

/** Throws `ForbiddenInviteTextError` when a text would reveal the subject, a reason or a role. */
export function assertNeutralInviteText(field: string, text: string | undefined): void {
  if (text === undefined) return;
  const normalised = ` ${normalise(text)} `;
  const compact = normalised.replace(/ /g, '');
  if (FORBIDDEN_SUBSTRINGS.some((s) => compact.includes(s)) || WORD_PATTERN.test(normalised)) {
    throw new ForbiddenInviteTextError(field);
  }
}

/** The same test as a yes/no, for text that is left out rather than refused (an attendee's address). */
export function isNeutralInviteText(text: string): boolean {
  try {
    assertNeutralInviteText('text', text);
    return true;
  } catch (error) {
    if (error instanceof ForbiddenInviteTextError) return false;
    throw error;
  }
}

const UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;

/** An opaque UID for a new conversation's invites; store it and reuse it for reschedule and cancel. */
export function newInviteUid(): string {
  return `${randomBytes(16).toString('base64url')}@peerline`;
}

/** Builds the .ics text (METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED). */
export function buildInvite(input: InviteInput): string {
  const title = input.title ?? DEFAULT_INVITE_TITLE;
  if (!title.trim()) throw new ForbiddenInviteTextError('title');
  if (!/^[A-Za-z0-9_.@-]{8,200}$/.test(input.uid) || UUID.test(input.uid)) {
    throw new Error('invite uid must be opaque (use newInviteUid), not a record id');
  }
  if (!Number.isInteger(input.sequence) || input.sequence < 0) throw new Error('sequence must be a whole number ≥ 0');
  if (!(input.end.getTime() > input.start.getTime())) throw new Error('an invite must end after it starts');
  assertNeutralInviteText('title', title);
  assertNeutralInviteText('description', input.description);
  assertNeutralInviteText('location', input.location);
  assertNeutralInviteText('url', input.url);
  assertNeutralInviteText('organizerEmail', input.organizerEmail);
  assertNeutralInviteText('attendeeEmail', input.attendeeEmail);
  if (input.url !== undefined) assertNeutralLink(input.url);

  const calendar = ical({
    prodId: { company: 'Peerline', product: 'Peerline', language: 'EN' },
    method: input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: input.start,
    end: input.end,
    stamp: input.now ?? new Date(),
    summary: title,
    description: input.description ?? null,
    location: input.location ?? null,
    url: input.url ?? null,
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // No names anywhere: the organizer is shown as the app, the attendee by address only.
    organizer: { name: 'Peerline', email: input.organizerEmail },
    attendees: input.attendeeEmail
      ? [{ email: input.attendeeEmail, rsvp: !input.cancelled, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION }]
      : [],
  });
  return calendar.toString();
}
