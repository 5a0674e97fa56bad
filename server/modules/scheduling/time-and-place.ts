import { invalid } from '../../lib/errors.ts';
import { isNeutralInviteText } from './ics.ts';

/** A meeting's time and where it happens, as a form sends them. */
export interface TimeAndPlaceInput {
  startsAt: string;
  endsAt: string;
  modality: 'in_person' | 'remote';
  place?: string | null | undefined;
  videoLink?: string | null | undefined;
}

export interface TimeAndPlace {
  startsAt: string;
  endsAt: string;
  modality: 'in_person' | 'remote';
  /** Only for in-person meetings. */
  place: string | null;
  /** Only for remote meetings. */
  videoLink: string | null;
}

/**
 * Checks a team gathering's time and place (a training session, a supervision meeting) and keeps
 * only the place that fits the modality. The place and the link go into calendar invites, so they
 * may not say what the meeting is about (docs/product.md, C3). Errors name `body.<field>`.
 */
export function checkTimeAndPlace(input: TimeAndPlaceInput, what: string, maxHours: number): TimeAndPlace {
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  if (!(end.getTime() > start.getTime())) throw invalid('body.endsAt', `The ${what} must end after it starts`);
  if (end.getTime() - start.getTime() > maxHours * 3_600_000) throw invalid('body.endsAt', `A ${what} lasts at most ${maxHours} hours`);
  const place = input.place?.trim() || null;
  const videoLink = input.videoLink ?? null;
  if (input.modality === 'in_person' && !place) throw invalid('body.place', `Say where the ${what} takes place`);
  if (input.modality === 'remote' && !videoLink) throw invalid('body.videoLink', 'Give the video link');
  if (place && !isNeutralInviteText(place)) throw invalid('body.place', `Calendar text may not say what the ${what} is about`);
  if (videoLink && !isNeutralInviteText(videoLink)) throw invalid('body.videoLink', `Calendar text may not say what the ${what} is about`);
  return {
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    modality: input.modality,
    place: input.modality === 'in_person' ? place : null,
    videoLink: input.modality === 'remote' ? videoLink : null,
  };
}

/** The organiser address for calendar files: the sender's address when it is neutral, otherwise a neutral no-reply address. */
export function inviteOrganizer(smtpFrom: string): string {
  const from = (/<([^>]+)>/.exec(smtpFrom)?.[1] ?? smtpFrom).trim();
  return isNeutralInviteText(from) ? from : 'no-reply@peerline.invalid';
}
