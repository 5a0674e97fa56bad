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

/** A datetime-local value ("2026-12-01T13:00") read in the browser's zone, as an ISO instant. */
export function localToIso(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An ISO instant as a datetime-local value in the browser's zone. */
export function isoToLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
