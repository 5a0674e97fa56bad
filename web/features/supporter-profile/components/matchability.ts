import type { SupporterProfile } from '../../../../shared/schemas/supporter.ts';
import { formatDay } from './vocabulary.ts';

/**
 * Why matching would pass this supporter over today, in the supporter's own words. The server
 * decides `matchable`; this only explains it, from the same facts (see SupporterProfileSchema).
 */
export function reasonsNotMatchable(profile: SupporterProfile, today: string): string[] {
  const reasons: string[] = [];
  if (profile.status === 'paused') reasons.push('Your supporter role is paused.');
  if (profile.status === 'retired') reasons.push('You are retired from the supporter team.');
  if (profile.status === 'lapsed') reasons.push('Your certification lapsed; a refresher brings you back.');
  if (['nominated', 'under_review', 'in_training', 'certified', 'declined'].includes(profile.status)) {
    reasons.push('You are not yet an active member of the team.');
  }
  if (!profile.certifiedUntil) reasons.push('The program has not recorded a current certification for you.');
  else if (profile.certifiedUntil < today) reasons.push(`Your certification ended on ${formatDay(profile.certifiedUntil)}.`);
  if (isPaused(profile, today) && profile.pausedUntil) reasons.push(`You paused new offers until ${formatDay(profile.pausedUntil)}.`);
  const away = profile.awayPeriods.find((p) => p.from <= today && today <= p.to);
  if (away) reasons.push(`You are away until ${formatDay(away.to)}.`);
  if (profile.capacity === 0) reasons.push('You have set your capacity to 0 open cases.');
  return reasons;
}

/** A self-pause runs to the end of its last day; one that has ended no longer counts. */
export function isPaused(profile: Pick<SupporterProfile, 'pausedUntil'>, today: string): boolean {
  return profile.pausedUntil !== null && profile.pausedUntil >= today;
}
