import type { SetupStepId } from '../../../../shared/schemas/setup.ts';

/** The article's steps, in its words (docs/setup.md). */
export const STEP_TITLES: Record<SetupStepId, string> = {
  leadership: '1. Make leadership aware',
  scope: '2. Choose whom to serve, start small',
  team: '3. Create the team',
  training: '4. Train the team',
  activation: '5. Open the program',
  awareness: 'Then: keep it known, recognise the supporters',
};

export const STATUS_LABELS = { done: 'Done', in_progress: 'Under way', not_started: 'Not started' } as const;

export const LINK_LABELS: Record<string, string> = {
  '/app/reports': 'Open the reports',
  '/app/organization': 'Open the organisation',
  '/app/team': 'Open the team',
  '/app/training': 'Open training',
  '/app/settings': 'Open the settings',
};
