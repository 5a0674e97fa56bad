import type { Distribution } from '../../../shared/schemas/reports.ts';
import { suppressGrid } from './suppression.ts';

/**
 * One breakdown of a quarter's figure ("requests by reason") with its total, suppressed
 * (docs/reporting.md, decision 014).
 *
 * Beyond the exact check of the suppression engine, a reader knows two more things: counts are
 * whole numbers, and a hidden count is at least 1 (zeros are shown). Two hidden counts that add up
 * to 2 are therefore both 1. So, as public health agencies do, the hidden counts of a breakdown
 * whose total is shown must add up to at least k, and to more than there are of them (five hidden
 * counts adding up to 5 are all 1). More are hidden, smallest first, until they do; when even
 * hiding all cannot, the total must be hidden.
 *
 * Breakdowns of the same figure share its total, which the master breakdown (requests per month)
 * decides: shown there, it is shown here, so here the hidden counts must be covered by other hidden
 * counts, and when they cannot be the whole breakdown is hidden; hidden there, it is hidden here
 * too. No answer shows the total one way here and another way elsewhere.
 */
export interface HiddenBreakdown extends Distribution {
  /** The total cannot be shown without pinning a hidden count: the caller must hide it everywhere it appears. */
  needsHiddenTotal: boolean;
}

export function hideBreakdown(keys: readonly string[], counts: number[], k: number, masterTotal?: number | null): HiddenBreakdown {
  const grid = { rows: ['all'], columns: [...keys], cells: [counts] };
  const sums = [{ key: 'total', cells: keys.map((_, column) => [0, column] as [number, number]) }];
  const hidden = suppressGrid(grid, sums, k);
  let cells = [...(hidden.cells[0] ?? [])];
  let total = hidden.sums.total ?? null;
  if (masterTotal !== undefined) {
    if (masterTotal === null) total = null;
    else if (total === null) {
      cells = cells.map(() => null);
      total = masterTotal;
    }
  }
  let needsHiddenTotal = false;
  if (total !== null) {
    cells = widenUntilCovered(cells, counts, k);
    if (!isCovered(cells, counts, k)) {
      needsHiddenTotal = true;
      if (masterTotal === undefined) total = null;
    }
  }
  return { total, rows: keys.map((key, i) => ({ key, count: cells[i] ?? null })), needsHiddenTotal };
}

/**
 * With the total shown, the hidden counts add up to a known sum S over h of them, each at least 1.
 * None is pinned when S > h, and S ≥ k keeps the hidden ones from reading as "all small".
 */
function isCovered(cells: (number | null)[], counts: number[], k: number): boolean {
  let sum = 0;
  let h = 0;
  cells.forEach((c, i) => {
    if (c === null && (counts[i] ?? 0) > 0) {
      sum += counts[i] ?? 0;
      h += 1;
    }
  });
  return h === 0 || (sum >= k && sum > h);
}

/** Hides the smallest shown non-zero counts until the hidden ones are covered (or all are hidden). */
function widenUntilCovered(cells: (number | null)[], counts: number[], k: number): (number | null)[] {
  const out = [...cells];
  while (!isCovered(out, counts, k)) {
    let next = -1;
    for (let i = 0; i < out.length; i += 1) {
      const c = out[i];
      if (c !== null && c !== undefined && c > 0 && (next === -1 || c < (out[next] as number))) next = i;
    }
    if (next === -1) break;
    out[next] = null;
  }
  return out;
}

/** The breakdown as published: its counts and total, nothing about how they were decided. */
export const published = ({ total, rows }: Distribution): Distribution => ({ total, rows });
