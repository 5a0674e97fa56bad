import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLD,
  isRecoverable,
  recoverableHiddenItems,
  shareOf,
  standardSums,
  statisticOf,
  suppressCount,
  suppressGrid,
  type CountGrid,
  type PublishedSum,
  type SuppressedGrid,
} from '../server/modules/reporting/suppression.ts';

/* ---------- Tables ---------- */

/** Quarters of month columns: each complete run of three columns, as the report code groups them. */
function quarters(columnCount: number): Record<string, number[]> {
  const groups: Record<string, number[]> = {};
  for (let first = 0; first + 3 <= columnCount; first += 3) groups[`Q${first / 3 + 1}`] = [first, first + 1, first + 2];
  return groups;
}

function grid(cells: number[][]): CountGrid {
  return { rows: cells.map((_, r) => `r${r}`), columns: (cells[0] ?? []).map((_, c) => `m${c + 1}`), cells };
}

function sumOf(table: CountGrid, sum: PublishedSum): number {
  return sum.cells.reduce((total, [r, c]) => total + table.cells[r]![c]!, 0);
}

/** Every published figure of a result: [what, shown value or null, true value]. */
function figures(table: CountGrid, sums: PublishedSum[], result: SuppressedGrid): [string, number | null, number][] {
  return [
    ...table.cells.flatMap((row, r) => row.map((n, c): [string, number | null, number] => [`cell ${r},${c}`, result.cells[r]![c]!, n])),
    ...sums.map((sum): [string, number | null, number] => [sum.key, result.sums[sum.key]!, sumOf(table, sum)]),
  ];
}

/** Counts skewed small, as in a small program's month: many zeros and many below any k. */
const count = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 3, arbitrary: fc.integer({ min: 13, max: 40 }) },
);
const cellsArb = fc
  .record({ rows: fc.integer({ min: 1, max: 8 }), columns: fc.integer({ min: 1, max: 12 }) })
  .chain(({ rows, columns }) =>
    fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
  );
const caseArb = fc.record({ cells: cellsArb, k: fc.integer({ min: 5, max: 20 }) }).map(({ cells, k }) => {
  const table = grid(cells);
  return { table, sums: standardSums(table, quarters(table.columns.length)), k };
});

/* ---------- An independent check: a second completion of the hidden figures ---------- */

/*
 * Written apart from the engine on purpose (rational arithmetic, reduced row echelon form, kernel
 * vectors) so that a mistake in one is not repeated in the other. For a hidden figure, it looks for
 * another non-negative whole-number table that agrees with every shown cell and every shown sum but
 * gives that figure a different value, and then checks the table it found directly, figure by figure.
 */

type Fraction = { n: bigint; d: bigint };

function fraction(n: bigint, d = 1n): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  let [a, b] = [n < 0n ? -n : n, d];
  while (b !== 0n) [a, b] = [b, a % b];
  return a > 1n ? { n: n / a, d: d / a } : { n, d };
}
const plus = (x: Fraction, y: Fraction) => fraction(x.n * y.d + y.n * x.d, x.d * y.d);
const minus = (x: Fraction, y: Fraction) => fraction(x.n * y.d - y.n * x.d, x.d * y.d);
const times = (x: Fraction, y: Fraction) => fraction(x.n * y.n, x.d * y.d);
const over = (x: Fraction, y: Fraction) => fraction(x.n * y.d, x.d * y.n);
const ZERO = fraction(0n);
const ONE = fraction(1n);

/** A basis of the solutions of `matrix` · x = 0, from its reduced row echelon form. */
function kernelBasis(matrix: Fraction[][], width: number): Fraction[][] {
  const rows = matrix.map((row) => [...row]);
  const pivotColumns: number[] = [];
  for (let column = 0, top = 0; column < width && top < rows.length; column++) {
    const found = rows.findIndex((row, i) => i >= top && row[column]!.n !== 0n);
    if (found < 0) continue;
    [rows[top], rows[found]] = [rows[found]!, rows[top]!];
    const pivot = rows[top]![column]!;
    rows[top] = rows[top]!.map((x) => over(x, pivot));
    for (let i = 0; i < rows.length; i++) {
      const factor = rows[i]![column]!;
      if (i !== top && factor.n !== 0n) rows[i] = rows[i]!.map((x, j) => minus(x, times(factor, rows[top]![j]!)));
    }
    pivotColumns.push(column);
    top++;
  }
  const free = Array.from({ length: width }, (_, j) => j).filter((j) => !pivotColumns.includes(j));
  return free.map((f) => {
    const vector = Array.from({ length: width }, () => ZERO);
    vector[f] = ONE;
    pivotColumns.forEach((column, i) => (vector[column] = fraction(-rows[i]![f]!.n, rows[i]![f]!.d)));
    return vector;
  });
}

type Figure = { cell: [number, number] } | { sum: PublishedSum };

/**
 * For a suppressed table, a function giving, for a hidden figure, another completion of the table
 * that changes that figure, checked against everything shown; or the reason there is none.
 */
function secondCompletions(table: CountGrid, sums: PublishedSum[], result: SuppressedGrid): (figure: Figure) => number[][] | string {
  const hidden = table.cells.flatMap((row, r) => row.flatMap((_, c): [number, number][] => (result.cells[r]![c] === null ? [[r, c]] : [])));
  const at = (r: number, c: number) => hidden.findIndex(([hr, hc]) => hr === r && hc === c);
  const indicator = (cells: [number, number][]) => {
    const vector = hidden.map(() => ZERO);
    for (const [r, c] of cells) if (at(r, c) >= 0) vector[at(r, c)] = ONE;
    return vector;
  };
  const shownSums = sums.filter((sum) => result.sums[sum.key] !== null);
  const kernel = kernelBasis(
    shownSums.map((sum) => indicator(sum.cells)),
    hidden.length,
  );
  const valueOf = (cells: number[][], figure: Figure) =>
    'cell' in figure ? cells[figure.cell[0]]![figure.cell[1]]! : sumOf({ ...table, cells }, figure.sum);

  return (figure) => {
    const target = 'cell' in figure ? indicator([figure.cell]) : indicator(figure.sum.cells);
    const dot = (vector: Fraction[]) => vector.reduce((total, x, i) => plus(total, times(x, target[i]!)), ZERO);
    const direction = kernel.find((vector) => dot(vector).n !== 0n);
    if (!direction) return 'every solution gives it the same value';
    const scale = direction.reduce((lcm, x) => {
      let [a, b] = [lcm, x.d];
      while (b !== 0n) [a, b] = [b, a % b];
      return (lcm * x.d) / a;
    }, 1n);
    const step = direction.map((x) => Number((x.n * scale) / x.d));

    for (const sign of [1, -1]) {
      const other = table.cells.map((row) => [...row]);
      hidden.forEach(([r, c], i) => (other[r]![c]! += sign * step[i]!));
      if (other.flat().some((n) => n < 0)) continue;
      // Check the other table directly against everything a reader sees.
      const agrees =
        table.cells.every((row, r) => row.every((_, c) => result.cells[r]![c] === null || other[r]![c] === result.cells[r]![c])) &&
        shownSums.every((sum) => sumOf({ ...table, cells: other }, sum) === result.sums[sum.key]);
      return agrees && valueOf(other, figure) !== valueOf(table.cells, figure) ? other : 'the completion found does not fit what is shown';
    }
    return 'no non-negative completion along the direction found';
  };
}

/* ---------- Properties ---------- */

const RUNS = { numRuns: 100 };

describe('suppressGrid on generated tables (1–8 rows × 1–12 months, quarters, k from 5 to 20)', () => {
  it('shows only zeros and counts of at least k, each equal to the true count, and hides every count from 1 to k − 1', () => {
    fc.assert(
      fc.property(caseArb, ({ table, sums, k }) => {
        const result = suppressGrid(table, sums, k);
        for (const [what, shown, truth] of figures(table, sums, result)) {
          if (shown === null) {
            expect(truth, what).toBeGreaterThan(0);
          } else {
            expect(shown === 0 || shown >= k, `${what} shows ${shown} with k = ${k}`).toBe(true);
            expect(shown, what).toBe(truth);
          }
        }
      }),
      RUNS,
    );
  });

  it('leaves every hidden figure open: another table fits everything shown and gives it a different value', () => {
    fc.assert(
      fc.property(caseArb, ({ table, sums, k }) => {
        const result = suppressGrid(table, sums, k);
        const secondCompletion = secondCompletions(table, sums, result);
        table.cells.forEach((row, r) =>
          row.forEach((_, c) => {
            if (result.cells[r]![c] !== null) return;
            expect(secondCompletion({ cell: [r, c] }), `cell ${r},${c}`).toEqual(expect.any(Array));
          }),
        );
        for (const sum of sums) {
          if (result.sums[sum.key] !== null) continue;
          expect(secondCompletion({ sum }), sum.key).toEqual(expect.any(Array));
        }
        // The engine's own check agrees.
        expect(recoverableHiddenItems(result, sums)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('gives the same result for the same table', () => {
    fc.assert(
      fc.property(caseArb, ({ table, sums, k }) => {
        expect(suppressGrid(structuredClone(table), structuredClone(sums), k)).toEqual(suppressGrid(table, sums, k));
      }),
      { numRuns: 30 },
    );
  });
});

/* ---------- Examples ---------- */

describe('suppressGrid examples', () => {
  it('hides a second cell in the row of a single small cell, and covers its column too', () => {
    const table = grid([
      [20, 3, 25],
      [30, 40, 50],
      [60, 70, 80],
    ]);
    const sums = standardSums(table);
    const result = suppressGrid(table, sums, 11);
    // The 3; the row's smallest other cell (20); then the columns are covered by a rectangle.
    expect(result.cells).toEqual([
      [null, null, 25],
      [null, null, 50],
      [60, 70, 80],
    ]);
    expect(Object.values(result.sums).every((n) => n !== null)).toBe(true);
    for (const [row, column] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ] as const) {
      expect(isRecoverable(result, sums, { kind: 'cell', row, column })).toBe(false);
    }

    // Hiding the 3 alone would not do: its row total gives it back.
    const alone = { ...result, cells: table.cells.map((row, r) => row.map((n, c) => (r === 0 && c === 1 ? null : n))) };
    expect(isRecoverable(alone, sums, { kind: 'cell', row: 0, column: 1 })).toBe(true);
  });

  it('hides a sum when no cell can protect the small one', () => {
    // Nurses: 4 in January; physicians: 7 in February; k = 5. The grand total (11) less the shown 7
    // gives the 4 back, and no other cell can help: the only non-zero one is pinned by its own row.
    const table: CountGrid = {
      rows: ['Nurses', 'Physicians'],
      columns: ['Jan', 'Feb'],
      cells: [
        [4, 0],
        [0, 7],
      ],
    };
    const sums = standardSums(table);
    const result = suppressGrid(table, sums, 5);
    expect(result.cells).toEqual([
      [null, 0],
      [0, 7],
    ]);
    expect(result.sums).toEqual({ 'row:Nurses': null, 'row:Physicians': 7, 'column:Jan': null, 'column:Feb': 7, total: null });
    expect(recoverableHiddenItems(result, sums)).toEqual([]);
  });

  it('hides nothing in a table of large counts and zeros', () => {
    const table = grid([
      [12, 0, 40],
      [0, 0, 0],
      [25, 11, 13],
    ]);
    const sums = standardSums(table, { Q1: [0, 1, 2] });
    const result = suppressGrid(table, sums, 11);
    expect(result.cells).toEqual(table.cells);
    expect(Object.values(result.sums).every((n) => n !== null)).toBe(true);
  });

  it('never hides a zero, though it sits next to hidden cells', () => {
    const table = grid([
      [3, 0, 4, 30],
      [15, 0, 20, 18],
    ]);
    const result = suppressGrid(table, standardSums(table, quarters(4)), 11);
    expect(result.cells.map((row) => row[1])).toEqual([0, 0]);
  });

  it('protects a small quarter of otherwise large months', () => {
    // Every month shows, but a row's quarter of 6 (less than k) must not be recoverable from them.
    const table = grid([
      [2, 2, 2, 20, 30, 40],
      [20, 25, 30, 35, 40, 45],
    ]);
    const sums = standardSums(table, quarters(6));
    const result = suppressGrid(table, sums, 11);
    expect(result.sums['group:Q1:row:r0']).toBeNull();
    expect(recoverableHiddenItems(result, sums)).toEqual([]);
  });

  it('works a table of the largest size through (30 rows × 15 columns with quarters)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const table = grid(
      Array.from({ length: 30 }, () => Array.from({ length: 15 }, () => (random() < 0.2 ? 0 : Math.floor(random() * random() * 40)))),
    );
    const sums = standardSums(table, quarters(15));
    const result = suppressGrid(table, sums, DEFAULT_THRESHOLD);
    expect(recoverableHiddenItems(result, sums)).toEqual([]);
    for (const [what, shown, truth] of figures(table, sums, result)) {
      if (shown !== null) expect(shown === 0 || shown >= DEFAULT_THRESHOLD, what).toBe(true);
      if (shown !== null) expect(shown, what).toBe(truth);
    }
  });

  it('refuses a threshold below 5 or above 20, or not a whole number', () => {
    const table = grid([[12]]);
    for (const k of [4, 21, 0, -11, 10.5, Number.NaN]) {
      expect(() => suppressGrid(table, standardSums(table), k), `k = ${k}`).toThrow(RangeError);
      expect(() => suppressCount(12, k), `k = ${k}`).toThrow(RangeError);
      expect(() => shareOf(12, 24, k), `k = ${k}`).toThrow(RangeError);
    }
    expect(suppressGrid(table, standardSums(table), 5).cells).toEqual([[12]]);
    expect(suppressGrid(table, standardSums(table), 20).cells).toEqual([[null]]);
  });

  it('refuses a malformed table or layout', () => {
    expect(() => suppressGrid({ rows: ['a'], columns: ['x', 'y'], cells: [[1]] }, [], 11)).toThrow(RangeError);
    expect(() => suppressGrid(grid([[-1]]), [], 11)).toThrow(RangeError);
    expect(() => suppressGrid(grid([[1.5]]), [], 11)).toThrow(RangeError);
    const twice = { key: 'x', cells: [[0, 0] as [number, number]] };
    expect(() => suppressGrid(grid([[12]]), [twice, twice], 11)).toThrow(/share the key/);
    expect(() => suppressGrid(grid([[12]]), [{ key: 'x', cells: [[0, 1]] }], 11)).toThrow(/outside the table/);
    expect(() =>
      suppressGrid(
        grid([[12]]),
        [
          {
            key: 'x',
            cells: [
              [0, 0],
              [0, 0],
            ],
          },
        ],
        11,
      ),
    ).toThrow(/twice/);
  });
});

describe('standardSums', () => {
  it('names row, column, grand and group totals, each over its cells', () => {
    const table: CountGrid = { rows: ['A', 'B'], columns: ['Jan', 'Feb', 'Mar'], cells: [Array(3).fill(0), Array(3).fill(0)] };
    const sums = standardSums(table, { Q1: [0, 1, 2] });
    expect(sums.map((sum) => sum.key)).toEqual([
      'row:A',
      'row:B',
      'column:Jan',
      'column:Feb',
      'column:Mar',
      'total',
      'group:Q1:row:A',
      'group:Q1:row:B',
      'group:Q1:total',
    ]);
    expect(sums.find((sum) => sum.key === 'column:Feb')!.cells).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(sums.find((sum) => sum.key === 'group:Q1:row:B')!.cells).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    expect(sums.find((sum) => sum.key === 'total')!.cells).toHaveLength(6);
  });
});

describe('isRecoverable', () => {
  const table = grid([
    [3, 20],
    [20, 20],
  ]);
  const sums = standardSums(table);
  const view = (cells: (number | null)[][]): SuppressedGrid => ({
    rows: table.rows,
    columns: table.columns,
    cells,
    sums: Object.fromEntries(sums.map((sum) => [sum.key, sumOf(table, sum)])),
  });

  it('finds a cell given back by a total, and not one covered by a rectangle', () => {
    const one = view([
      [null, 20],
      [20, 20],
    ]);
    expect(isRecoverable(one, sums, { kind: 'cell', row: 0, column: 0 })).toBe(true);
    expect(recoverableHiddenItems(one, sums)).toEqual([{ kind: 'cell', row: 0, column: 0 }]);
    const all = view([
      [null, null],
      [null, null],
    ]);
    expect(recoverableHiddenItems(all, sums)).toEqual([]);
  });

  it('counts a shown figure as known, and a hidden sum as recoverable from its shown cells', () => {
    const shown = view([
      [3, 20],
      [20, 20],
    ]);
    expect(isRecoverable(shown, sums, { kind: 'cell', row: 1, column: 1 })).toBe(true);
    expect(isRecoverable({ ...shown, sums: { ...shown.sums, 'row:r0': null } }, sums, { kind: 'sum', key: 'row:r0' })).toBe(true);
  });
});

describe('single figures, shares and statistics', () => {
  it('suppressCount shows 0 and counts of at least k', () => {
    expect(suppressCount(0, 11)).toBe(0);
    expect(suppressCount(1, 11)).toBeNull();
    expect(suppressCount(10, 11)).toBeNull();
    expect(suppressCount(11, 11)).toBe(11);
    expect(() => suppressCount(-1, 11)).toThrow(RangeError);
  });

  it('shareOf needs two shown counts and a whole to share', () => {
    expect(shareOf(11, 44, 11)).toBe(0.25);
    expect(shareOf(0, 44, 11)).toBe(0);
    expect(shareOf(null, 44, 11)).toBeNull();
    expect(shareOf(11, null, 11)).toBeNull();
    expect(shareOf(0, 0, 11)).toBeNull();
    // A count that should have been hidden stays hidden in its share too.
    expect(shareOf(3, 44, 11)).toBeNull();
    expect(shareOf(0, 7, 11)).toBeNull();
    expect(() => shareOf(45, 44, 11)).toThrow(RangeError);
  });

  it('statisticOf computes only from at least k values', () => {
    const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    let calls = 0;
    const counted = (values: readonly number[]) => (calls++, median(values));
    expect(statisticOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 11, counted)).toBeNull();
    expect(calls).toBe(0);
    expect(statisticOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 11, counted)).toBe(6);
    expect(() => statisticOf([], 3, counted)).toThrow(RangeError);
  });
});
