/**
 * The scheduling module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export {
  DEFAULT_INVITE_TITLE,
  ForbiddenInviteTextError,
  assertNeutralInviteText,
  buildInvite,
  isNeutralInviteText,
  newInviteUid,
} from './ics.ts';
export { checkTimeAndPlace, inviteOrganizer, type TimeAndPlace, type TimeAndPlaceInput } from './time-and-place.ts';
