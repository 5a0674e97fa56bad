/**
 * The only e-mails Peerline sends. docs/product.md, C3: nothing about a case goes into an
 * e-mail beyond "you have something to look at in Peerline" and a link. The text is fixed here;
 * callers choose a template and a link, nothing else — there is no way to put a name, a reason or
 * a case id into a message.
 */

export const EMAIL_TEMPLATES = [
  'new_offer',
  'reminder',
  'case_update',
  'feedback_request',
  'attention_needed',
  'urgent_callback',
  'outreach_invite',
  'urgent_page',
  'sign_in_invitation',
  'password_reset',
  'access_changed',
  'role_granted',
  'sign_in_security_changed',
  'team_invitation',
  'team_update',
  'session_invitation',
  'session_cancelled',
  'session_changed',
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export const EMAIL_SUBJECT = 'You have something to look at in Peerline';

const SENTENCES: Record<EmailTemplate, string> = {
  new_offer: 'Something new is waiting for your answer.',
  reminder: 'This is a reminder about something coming up.',
  case_update: 'Something you follow has changed.',
  feedback_request: 'Your feedback would be welcome; it takes a minute.',
  attention_needed: 'Something needs your attention.',
  /** To the mental-health back-up, who may have no account: what to do, not what happened. */
  urgent_callback: 'Something urgent needs you now. Please call the program director.',
  /**
   * To someone named in an event notice: a colleague will reach out. Never the event, the
   * reporter or the program's purpose; the link's page offers a one-click "no thanks".
   */
  outreach_invite:
    'A colleague would like to check in with you soon. If you would rather not, the link lets you say no thanks in one click.',
  /** The urgent path (paging): someone needs a peer now; never who or why. */
  urgent_page: 'Someone needs a peer now. Please open Peerline and acknowledge.',
  /** A new account: the link sets the first password (docs/decisions/009). */
  sign_in_invitation:
    'You can now sign in to Peerline. Choose your password with this link; it works once, within 3 days. If you did not expect this message, ignore it.',
  password_reset:
    'A new Peerline password was asked for you. Choose one with this link; it works once, within 60 minutes, and signs you out everywhere. If you did not expect this message, ignore it: your password stays as it is.',
  /** To every active director when someone gains or loses a role that sees support data (director, administrator, supporter); the audit log says who and which. */
  access_changed: 'Someone was given or lost a role that runs the program. The audit log shows who changed what.',
  /** To the person given a role that sees support data by someone other than themselves. */
  role_granted: 'You have been given a new role in Peerline. If you did not expect this, tell your program director.',
  /** To the person whose two-step sign-in was turned on, changed, reset, or passed with a recovery code (docs/decisions/011). */
  sign_in_security_changed:
    'The way you sign in to Peerline has changed: your authenticator app or recovery codes were set up, replaced, reset or used. If this was not you, tell your IT department now.',
  /** To a nominee: asked privately, never who nominated them; saying no leaves no trace (docs/team.md). */
  team_invitation:
    'A colleague has suggested you for a role in Peerline. Only you can see this; the link tells you more and lets you answer, and no is a fine answer.',
  /** To a supporter or trainee whose place in the program changed (a decision, a certification, a lapse). */
  team_update: 'Something about your role in Peerline has changed.',
  /** To someone invited to a training session: the link shows when and where, and offers a calendar file. */
  session_invitation: 'You are invited to a session in Peerline. The link shows when and where, and lets you add it to your calendar.',
  /** To everyone invited to a training session that was called off. */
  session_cancelled: 'A session you were invited to in Peerline has been cancelled. The link shows the details.',
  /** To everyone invited to a session whose time or place changed. */
  session_changed: 'A session you were invited to in Peerline has changed. The link shows the new details.',
};

const UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;

/**
 * A link is an app path (`/`, `/t/<opaque token>`) or an http(s) URL. It may not carry a UUID —
 * every record id in Peerline is one, so this refuses case, person and offer ids — nor an e-mail
 * address, whitespace or control characters.
 */
export function assertNeutralLink(link: string): void {
  const ok =
    link.length <= 500 &&
    (link.startsWith('/') || /^https?:\/\//i.test(link)) &&
    !link.startsWith('//') &&
    ![...link].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '@' || /\s/.test(c)) &&
    !UUID.test(link);
  if (!ok) throw new Error('e-mail link must be an app path or URL without record ids');
}

export function isEmailTemplate(value: string): value is EmailTemplate {
  return (EMAIL_TEMPLATES as readonly string[]).includes(value);
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Turns a stored link into an absolute URL on the app's public origin. */
export function absoluteLink(link: string, origin: string): string {
  return link.startsWith('/') ? `${origin.replace(/\/+$/, '')}${link}` : link;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderEmail(template: EmailTemplate, link: string, origin: string): RenderedEmail {
  assertNeutralLink(link);
  const url = absoluteLink(link, origin);
  const sentence = SENTENCES[template];
  const text = `You have something to look at in Peerline.\n\n${sentence}\n\n${url}\n`;
  const html =
    `<p>You have something to look at in Peerline.</p>\n<p>${escapeHtml(sentence)}</p>\n` +
    `<p><a href="${escapeHtml(url)}">Open Peerline</a></p>\n`;
  return { subject: EMAIL_SUBJECT, text, html };
}
