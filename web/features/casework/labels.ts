import type { CaseOutcome } from '../../../shared/schemas/case-vocabulary.ts';
import {
  CONTACT_CHANNELS,
  CONTACT_RESULTS,
  ENCOUNTER_TOPICS,
  type ContactChannel,
  type ContactResult,
  type EncounterTopic,
} from '../../../shared/schemas/casework.ts';
import { RESOURCE_CATEGORIES, RESOURCE_CATEGORY_LABELS } from '../../../shared/schemas/resources.ts';

/** Plain words for the casework lists; every value the supporter records is one of these codes. */

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  email: 'E-mail',
  phone: 'Phone call',
  text: 'Text message',
  in_person: 'In person',
  video: 'Video call',
};
export const CHANNEL_OPTIONS = CONTACT_CHANNELS.map((id) => ({ id, label: CHANNEL_LABELS[id] }));

export const RESULT_LABELS: Record<ContactResult, string> = {
  reached: 'Reached them',
  no_answer: 'No answer',
  left_message: 'Left a message',
};
export const RESULT_OPTIONS = CONTACT_RESULTS.map((id) => ({ id, label: RESULT_LABELS[id] }));

export const TOPIC_LABELS: Record<EncounterTopic, string> = {
  adverse_event: 'An adverse event',
  patient_death: 'A patient’s death',
  litigation_or_complaint: 'A lawsuit or complaint',
  workload_burnout: 'Workload or burnout',
  moral_distress: 'Moral distress',
  violence_or_threat: 'Violence or a threat',
  relationships_at_work: 'Relationships at work',
  personal_life: 'Personal life',
  coping_and_sleep: 'Coping and sleep',
  time_off: 'Time off',
  other: 'Something else',
};
export const TOPIC_OPTIONS = ENCOUNTER_TOPICS.map((id) => ({ id, label: TOPIC_LABELS[id] }));

export const REFERRAL_OPTIONS = RESOURCE_CATEGORIES.map((id) => ({ id, label: RESOURCE_CATEGORY_LABELS[id] }));
export { RESOURCE_CATEGORY_LABELS };

export const FORMAT_OPTIONS = [
  { id: 'individual', label: 'One to one' },
  { id: 'group', label: 'Group' },
] as const;

export const TIER_OPTIONS = [
  { id: '1', label: 'Tier 1: listening and support' },
  { id: '2', label: 'Tier 2: referred to a professional resource' },
  { id: '3', label: 'Tier 3: urgent escalation' },
] as const;

/** How the supporter would say it when closing. */
export const CLOSE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  supported: 'Supported: we talked, and they need nothing more for now',
  referred: 'Referred: they are going on to a professional resource',
  unreachable: 'Unreachable: I could not reach them after several tries',
  declined: 'Declined: they said no thanks',
  withdrawn: 'Withdrawn by the requester',
};
export const CLOSE_OUTCOME_SHORT: Record<CaseOutcome, string> = {
  supported: 'Supported',
  referred: 'Referred',
  unreachable: 'Unreachable',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};
