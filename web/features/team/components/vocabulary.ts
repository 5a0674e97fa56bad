import type { SupporterEventType, SupporterState } from '../../../../shared/supporter-lifecycle.ts';

/** Stages in the order a journey runs, for the pipeline counts. */
export const STAGE_ORDER: readonly SupporterState[] = [
  'nominated',
  'under_review',
  'in_training',
  'certified',
  'active',
  'paused',
  'lapsed',
  'retired',
  'declined',
];

export const STAGE_LABELS: Record<SupporterState, string> = {
  nominated: 'Nominated',
  under_review: 'Under review',
  in_training: 'In training',
  certified: 'Certified',
  active: 'Active',
  paused: 'Paused',
  retired: 'Retired',
  declined: 'Not taken on',
  lapsed: 'Lapsed',
};

/** The director's buttons, worded as decisions. */
export const DECISION_LABELS: Partial<Record<SupporterEventType, string>> = {
  accepted_for_training: 'Take into training',
  not_selected: 'Not this time',
  certified: 'Record certification',
  recertified: 'Record recertification',
  activated: 'Put on the team',
  paused: 'Pause',
  resumed: 'Resume',
  retired: 'Retire',
  refresher_started: 'Start a refresher',
};

/** The person's own buttons. */
export const OWN_LABELS: Partial<Record<SupporterEventType, string>> = {
  interest_confirmed: 'Yes, I am interested',
  nomination_declined: 'No, thank you',
  withdrew: 'Withdraw',
  paused: 'Take a break',
  resumed: 'Come back from my break',
  retired: 'Step down from the team',
};

/** What each stage means for the person, in their own words. */
export const MY_STAGE_TEXT: Record<SupporterState, string> = {
  nominated:
    'A colleague suggested you as a peer supporter. Only you can see this. If you say no, the suggestion is deleted and nobody is told.',
  under_review: 'Thank you for your interest. The program director will get in touch for a conversation about the role.',
  in_training: 'You are in training. The program will invite you to the sessions and an observed role-play.',
  certified: 'You are certified. The program director will let you know when you join the active team.',
  active: 'You are on the team: colleagues can be offered your support, and you may be put on call.',
  paused: 'You are taking a break: no new requests and no on-call shifts until you come back.',
  retired: 'You have stepped down from the team. Thank you for the support you gave.',
  declined: 'You are not on the way to the team at the moment.',
  lapsed: 'Your certification has run out. A refresher with the program brings you back.',
};

/** The two kinds of team meeting (docs/team.md, "Looking after the team"). */
export const MEETING_KIND_LABELS: Record<'community' | 'supervision', string> = {
  community: 'Community meeting',
  supervision: 'Supervision',
};
