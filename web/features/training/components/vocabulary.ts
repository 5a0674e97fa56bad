import type { CHECKLIST_ITEMS } from '../../../../shared/schemas/training.ts';

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** "2 h", "1 h 30 min", "45 min" */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export const CHECKLIST_LABELS: Record<(typeof CHECKLIST_ITEMS)[number], string> = {
  listenedWithoutJudging: 'Listened without judging',
  askedCommonQuestions: 'Asked the common questions',
  offeredResources: 'Offered resources',
  checkedSafety: 'Checked safety',
  keptConfidentiality: 'Kept confidentiality',
};
