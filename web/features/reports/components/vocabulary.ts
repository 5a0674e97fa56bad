import { RESOURCE_CATEGORY_LABELS } from '../../../../shared/schemas/resources.ts';
import { ORIGIN_LABELS, REASON_LABELS } from '../../../lib/case-vocabulary.ts';
import { PROFESSION_CATEGORY_LABELS } from '../../../lib/profession-categories.ts';

/**
 * A count as a report shows it. A hidden one reads "hidden", not "< k": besides the small counts,
 * counts that would let a small one be worked out are hidden too, and those may be large
 * (docs/reporting.md).
 */
export const HIDDEN = 'hidden';
export const shownCount = (count: number | null) => (count === null ? HIDDEN : count.toLocaleString('en-US'));
export const shownShare = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
export const shownNumber = (n: number | null, unit = '') => (n === null ? '—' : `${n.toLocaleString('en-US')}${unit}`);

export const BREAKDOWN_LABELS: Record<string, Record<string, string>> = {
  origin: ORIGIN_LABELS,
  reason: REASON_LABELS,
  profession: { ...PROFESSION_CATEGORY_LABELS, not_given: 'Not given (anonymous)' },
  offers: { accepted: 'Accepted', declined: 'Declined', expired: 'Not answered in time', withdrawn: 'Withdrawn', pending: 'Still open' },
};

/** "2026-Q3" → "Jul–Sep 2026"; "2026-07" → "Jul 2026". */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  const first = (Number(q) - 1) * 3;
  const month = (i: number) => new Date(Date.UTC(2000, i, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${month(first)}–${month(first + 2)} ${year}`;
}
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const referralLabel = (key: string) => (RESOURCE_CATEGORY_LABELS as Record<string, string>)[key] ?? key;
