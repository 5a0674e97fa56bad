/**
 * Small-count suppression for leadership reports (docs/product.md, C1; docs/decisions/014-report-suppression.md).
 * Pure: no I/O, no clock, same input → same output.
 *
 * A table publishes cells and sums of cells. Every published count from 1 to k − 1 is hidden
 * (primary suppression). Then, while a reader could still work out a hidden figure exactly from
 * the figures shown, one more figure is hidden (complementary suppression). "Work out exactly" is
 * decided with exact linear algebra, not a rule of thumb: a hidden figure is recoverable when its
 * cells, as a vector over the hidden cells, are a combination of the shown sums' equations.
 */

/** The smallest and largest threshold a program may set, and the one it starts with. */
export const THRESHOLD_MIN = 5;
export const THRESHOLD_MAX = 20;
export const DEFAULT_THRESHOLD = 11;

export interface CountGrid {
  rows: string[];
  columns: string[];
  /** rows × columns, non-negative integers. */
  cells: number[][];
}

/** A figure the report publishes besides the cells: the sum of the listed cells. */
export interface PublishedSum {
  key: string;
  cells: Array<[row: number, column: number]>;
}

export interface SuppressedGrid {
  rows: string[];
  columns: string[];
  /** null = hidden. */
  cells: (number | null)[][];
  /** By PublishedSum key, in the order given; null = hidden. */
  sums: Record<string, number | null>;
}

/** One published figure of a table: a cell or a sum. */
export type GridItem = { kind: 'cell'; row: number; column: number } | { kind: 'sum'; key: string };

/** Throws unless k is a whole number from THRESHOLD_MIN to THRESHOLD_MAX. */
export function checkThreshold(k: number): void {
  if (!Number.isInteger(k) || k < THRESHOLD_MIN || k > THRESHOLD_MAX) {
    throw new RangeError(`The suppression threshold must be a whole number from ${THRESHOLD_MIN} to ${THRESHOLD_MAX}, not ${k}`);
  }
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative whole number, not ${n}`);
}

/** A count from 1 to k − 1 is too small to show; 0 is shown (see the decision record for why). */
function isSmall(n: number, k: number): boolean {
  return n > 0 && n < k;
}

/**
 * A single published figure that belongs to no table ("people supported this quarter"). A figure
 * that equals a sum of some table's cells is not single: publish it as a PublishedSum of that
 * table, or the table's suppression cannot take it into account.
 */
export function suppressCount(n: number, k: number): number | null {
  checkThreshold(k);
  checkCount(n, 'A count');
  return isSmall(n, k) ? null : n;
}

/**
 * The share (0 to 1) that `part` is of `whole`, for percentages. Both must be counts as shown
 * after suppression: a share of a hidden count, or of a count that would be hidden, is hidden too,
 * since the share and the shown whole give the part back. A share of nothing (whole 0) is null.
 */
export function shareOf(part: number | null, whole: number | null, k: number): number | null {
  checkThreshold(k);
  if (part === null || whole === null) return null;
  checkCount(part, 'A part');
  checkCount(whole, 'A whole');
  if (part > whole) throw new RangeError(`A part (${part}) cannot exceed its whole (${whole})`);
  if (whole === 0 || isSmall(part, k) || isSmall(whole, k)) return null;
  return part / whole;
}

/**
 * A statistic of individual values (a median, a quartile, a mean) may be shown only when it is
 * drawn from at least k values: from fewer, it comes close to describing one person. `statistic`
 * runs only when there are enough. A minimum or maximum is one person's value however many there
 * are, and a percentile near either end is close to it: reports show neither.
 */
export function statisticOf<T>(values: readonly number[], k: number, statistic: (values: readonly number[]) => T): T | null {
  checkThreshold(k);
  return values.length >= k ? statistic(values) : null;
}

/**
 * The usual layout: row totals ('row:<name>'), column totals ('column:<name>'), the grand total
 * ('total'), and for each column group (quarters of month columns, say) the group's sum in each row
 * ('group:<groupKey>:row:<name>') and over all rows ('group:<groupKey>:total').
 */
export function standardSums(grid: CountGrid, columnGroups: Record<string, number[]> = {}): PublishedSum[] {
  const rowIndexes = grid.rows.map((_, r) => r);
  const columnIndexes = grid.columns.map((_, c) => c);
  const cellsOf = (rows: number[], columns: number[]) => rows.flatMap((r) => columns.map((c): [number, number] => [r, c]));
  const groups = Object.entries(columnGroups);
  return [
    ...grid.rows.map((name, r) => ({ key: `row:${name}`, cells: cellsOf([r], columnIndexes) })),
    ...grid.columns.map((name, c) => ({ key: `column:${name}`, cells: cellsOf(rowIndexes, [c]) })),
    { key: 'total', cells: cellsOf(rowIndexes, columnIndexes) },
    ...groups.flatMap(([group, columns]) => [
      ...grid.rows.map((name, r) => ({ key: `group:${group}:row:${name}`, cells: cellsOf([r], columns) })),
      { key: `group:${group}:total`, cells: cellsOf(rowIndexes, columns) },
    ]),
  ];
}

/** A table's shape and its sums, checked, with cells numbered row by row (r × columns + c). */
interface Layout {
  rows: string[];
  columns: string[];
  sums: { key: string; cells: number[]; has: boolean[] }[];
}

function layoutOf(rows: string[], columns: string[], sums: PublishedSum[]): Layout {
  const cellCount = rows.length * columns.length;
  const keys = new Set<string>();
  const checked = sums.map(({ key, cells }) => {
    if (keys.has(key)) throw new RangeError(`Two published sums share the key ${JSON.stringify(key)}`);
    keys.add(key);
    const has = new Array<boolean>(cellCount).fill(false);
    const indexes = cells.map(([r, c]) => {
      if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= rows.length || c >= columns.length) {
        throw new RangeError(`Sum ${JSON.stringify(key)} names a cell outside the table: [${r}, ${c}]`);
      }
      const index = r * columns.length + c;
      if (has[index]) throw new RangeError(`Sum ${JSON.stringify(key)} names the cell [${r}, ${c}] twice`);
      has[index] = true;
      return index;
    });
    return { key, cells: indexes, has };
  });
  return { rows, columns, sums: checked };
}

/** Which figures are hidden: cells by number, sums by position in the layout. */
interface Hidden {
  cells: boolean[];
  sums: boolean[];
}

type Item = { kind: 'cell'; index: number } | { kind: 'sum'; index: number };

/* ---------- Exact linear algebra over the integers ---------- */

type Vector = bigint[];

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Divides out the common factor in place, so entries stay small however long the elimination runs. */
function makePrimitive(v: Vector): void {
  let g = 0n;
  for (const x of v) if (x !== 0n && (g = gcd(g, x)) === 1n) return;
  if (g > 1n) for (let i = 0; i < v.length; i++) v[i]! /= g;
}

/** A pivot row and where it is non-zero, ascending: clearing touches only those entries. */
interface Pivot {
  column: number;
  row: Vector;
  support: number[];
}

function supportOf(row: Vector): number[] {
  const support: number[] = [];
  for (let i = 0; i < row.length; i++) if (row[i] !== 0n) support.push(i);
  return support;
}

/**
 * Clears the pivot's column in `v`, in place, by subtracting a multiple of the pivot row (over
 * `v`'s own length, which may be shorter). With the pivot entry 1, as in the usual tables, only
 * the pivot row's non-zero entries change; otherwise `v` is scaled first, then made primitive.
 */
function clear(v: Vector, { column, row, support }: Pivot): void {
  const f = v[column] ?? 0n;
  if (f === 0n) return;
  const p = row[column]!;
  if (p !== 1n) for (let i = 0; i < v.length; i++) v[i]! *= p;
  for (const i of support) {
    if (i >= v.length) break;
    v[i]! -= row[i]! * f;
  }
  if (p !== 1n) makePrimitive(v);
}

/**
 * Equations after integer Gauss–Jordan elimination over the first `width` columns. Each pivot row
 * is zero in every other pivot's column; the leftover rows are zero across all `width` columns.
 * Columns past `width` are carried along, never pivoted on (see protectsAlone).
 */
interface Echelon {
  pivots: Pivot[];
  leftover: Vector[];
}

/** Eliminates in place: the rows of `equations` are changed and reused. */
function eliminate(equations: Vector[], width: number): Echelon {
  const leftover = [...equations];
  leftover.forEach(makePrimitive);
  const pivots: Pivot[] = [];
  for (let column = 0; column < width; column++) {
    const at = leftover.findIndex((row) => row[column] !== 0n);
    if (at < 0) continue;
    const [row] = leftover.splice(at, 1) as [Vector];
    if (row[column]! < 0n) for (let i = 0; i < row.length; i++) row[i] = -row[i]!;
    const pivot = { column, row, support: supportOf(row) };
    for (const other of leftover) clear(other, pivot);
    for (const other of pivots) clear(other.row, pivot);
    pivots.push(pivot);
  }
  // Earlier pivot rows changed as later columns were cleared.
  for (const pivot of pivots) pivot.support = supportOf(pivot.row);
  return { pivots, leftover };
}

/** Whether `v` (over the first `v.length` columns) is a combination of the equations. */
function inRowSpace(echelon: Echelon, v: Vector): boolean {
  const rest = [...v];
  for (const pivot of echelon.pivots) clear(rest, pivot);
  return rest.every((x) => x === 0n);
}

/* ---------- Recoverability ---------- */

/** The hidden cells' numbers, in order: the unknowns of the reader's equations. */
function hiddenCellsOf(hidden: Hidden): number[] {
  return hidden.cells.flatMap((isHidden, index) => (isHidden ? [index] : []));
}

/** The shown sums as equations over `columns` (cell numbers): what a reader can write down. */
function shownEquations(layout: Layout, hidden: Hidden, columns: number[]): Vector[] {
  return layout.sums.flatMap((sum, s) => (hidden.sums[s] ? [] : [columns.map((cell) => (sum.has[cell] ? 1n : 0n))]));
}

/** An item's unknown part: 1 for each hidden cell it adds up (its shown cells are known numbers). */
function itemVector(layout: Layout, item: Item, hiddenCells: number[]): Vector {
  if (item.kind === 'cell') return hiddenCells.map((cell) => (cell === item.index ? 1n : 0n));
  const { has } = layout.sums[item.index]!;
  return hiddenCells.map((cell) => (has[cell] ? 1n : 0n));
}

function hiddenItems(hidden: Hidden): Item[] {
  return [
    ...hidden.cells.flatMap((isHidden, index): Item[] => (isHidden ? [{ kind: 'cell', index }] : [])),
    ...hidden.sums.flatMap((isHidden, index): Item[] => (isHidden ? [{ kind: 'sum', index }] : [])),
  ];
}

function recoverable(layout: Layout, hidden: Hidden, item: Item): boolean {
  const cells = hiddenCellsOf(hidden);
  const echelon = eliminate(shownEquations(layout, hidden, cells), cells.length);
  return inRowSpace(echelon, itemVector(layout, item, cells));
}

/* ---------- Choosing the complement ---------- */

/**
 * For an `echelon` whose equations carry an extra column `column`: whether that column tips the
 * balance for `target`. Two questions share this test (both by duality):
 *
 * - The column of a shown cell: would hiding that cell alone stop the target from being
 *   recoverable? The reader's equations gain a new solution direction d (1 on the cell) exactly
 *   when the cell's column is a combination of the hidden cells' columns (no leftover row needs
 *   it), and the target is no longer pinned exactly when d changes it (`targetHasColumn` when the
 *   target is a sum containing the cell).
 * - One column per shown sum, tracking which equations each row was made from: would hiding that
 *   sum alone stop the target from being recoverable? Only if every way of writing the target
 *   from the equations uses that sum: the one found uses it, and no combination that cancels out
 *   (a leftover row) does.
 *
 * One elimination answers either question for every candidate at once.
 */
function protectsAlone(echelon: Echelon, target: Vector, targetHasColumn: boolean, column: number): boolean {
  return echelon.leftover.every((row) => row[column] === 0n) && targetUses(echelon, target, targetHasColumn, column);
}

/** target · d for the direction d of `protectsAlone`, non-zero: −row[column] / row[pivot] on each pivot column. */
function targetUses(echelon: Echelon, target: Vector, targetHasColumn: boolean, column: number): boolean {
  let numerator = targetHasColumn ? 1n : 0n;
  let denominator = 1n;
  for (const { column: pivotColumn, row } of echelon.pivots) {
    if (target[pivotColumn] === 0n) continue;
    numerator = numerator * row[pivotColumn]! - target[pivotColumn]! * row[column]! * denominator;
    denominator *= row[pivotColumn]!;
    const g = gcd(numerator, denominator);
    if (g > 1n) [numerator, denominator] = [numerator / g, denominator / g];
  }
  return numerator !== 0n;
}

/** The true counts: the cells by number, the sums by position in the layout. */
interface Table {
  layout: Layout;
  values: number[];
  sumValues: number[];
}

/** What the reader sees this round, worked out once. */
interface Round {
  hiddenCells: number[];
  /** Shown sums with at least one hidden cell: the only ones that say anything about hidden cells. */
  informative: number[];
  /** The informative sums as equations over the hidden cells, then the `mayProtect` cells' columns. */
  echelon: Echelon;
  /** Shown non-zero cells whose every shown sum is informative, carried in this order. */
  mayProtect: number[];
  shownNonZero: number[];
}

function roundOf(table: Table, hidden: Hidden): Round {
  const { layout, values } = table;
  const hiddenCells = hiddenCellsOf(hidden);
  const shownNonZero = values.flatMap((value, cell) => (!hidden.cells[cell] && value > 0 ? [cell] : []));
  const shown = layout.sums.flatMap((_, s) => (hidden.sums[s] ? [] : [s]));
  const informative = shown.filter((s) => hiddenCells.some((cell) => layout.sums[s]!.has[cell]));
  // A shown sum with no hidden cell would pin a cell in it hidden alone, so only cells whose every
  // shown sum is informative can protect anything by themselves.
  const mayProtect = shownNonZero.filter((cell) => shown.every((s) => !layout.sums[s]!.has[cell] || informative.includes(s)));
  const columns = [...hiddenCells, ...mayProtect];
  const equations = informative.map((s) => columns.map((cell) => (layout.sums[s]!.has[cell] ? 1n : 0n)));
  return { hiddenCells, informative, echelon: eliminate(equations, hiddenCells.length), mayProtect, shownNonZero };
}

/** The cell or sum to hide next so that `target` gets closer to being protected. */
function complementFor(table: Table, hidden: Hidden, target: Item, round: Round): Item {
  const { layout, values, sumValues } = table;
  const { echelon, hiddenCells, mayProtect, shownNonZero, informative } = round;
  const targetSum = target.kind === 'sum' ? layout.sums[target.index]! : null;
  const targetCells = targetSum ? targetSum.cells.filter((cell) => hidden.cells[cell]) : [target.index];
  const targetVector = itemVector(layout, target, hiddenCells);
  const byValue = (a: number, b: number) => values[a]! - values[b]! || a - b;

  // 1. The smallest non-zero cell that protects the target by itself.
  const alone = mayProtect
    .map((cell, i) => ({ cell, column: hiddenCells.length + i }))
    .sort((a, b) => byValue(a.cell, b.cell))
    .find(({ cell, column }) => protectsAlone(echelon, targetVector, targetSum?.has[cell] ?? false, column));
  if (alone) return { kind: 'cell', index: alone.cell };

  // 2. If hiding cells can protect the target at all, the smallest non-zero cell of the shown sum
  //    that pins it most tightly (fewest hidden cells); a later round completes the pattern.
  const allCellsHidden = { cells: hidden.cells.map((isHidden, cell) => isHidden || values[cell]! > 0), sums: hidden.sums };
  if (shownNonZero.length > 0 && !recoverable(layout, allCellsHidden, target)) {
    const touching = informative.map((s) => layout.sums[s]!).filter((sum) => targetCells.some((cell) => sum.has[cell]));
    const relations = targetSum ? [...touching, targetSum] : touching;
    const exposure = (sum: Layout['sums'][number]) => sum.cells.filter((cell) => hidden.cells[cell]).length;
    const tightness = (cell: number) => Math.min(...relations.filter((sum) => sum.has[cell]).map(exposure));
    const related = shownNonZero.filter((cell) => relations.some((sum) => sum.has[cell]));
    const [best] = [...(related.length > 0 ? related : shownNonZero)].sort((a, b) => tightness(a) - tightness(b) || byValue(a, b));
    return { kind: 'cell', index: best! };
  }

  // 3. Otherwise no cell can help: the sums give the target away among themselves. Hide the most
  //    detailed shown sum (fewest cells, then smallest) that protects it by itself, else the most
  //    detailed one the reader's recovery uses, and the next round goes on from there. Keeping
  //    the widest totals costs a reader the least.
  const equations = informative.map((s, i) => [
    ...hiddenCells.map((cell) => (layout.sums[s]!.has[cell] ? 1n : 0n)),
    ...informative.map((_, j) => (i === j ? 1n : 0n)),
  ]);
  const tracked = eliminate(equations, hiddenCells.length);
  const cellCount = (s: number) => layout.sums[s]!.cells.length;
  const ranked = informative
    .map((s, i) => ({ s, column: hiddenCells.length + i }))
    .sort((a, b) => cellCount(a.s) - cellCount(b.s) || sumValues[a.s]! - sumValues[b.s]! || a.s - b.s);
  const chosen =
    ranked.find(({ column }) => protectsAlone(tracked, targetVector, false, column)) ??
    ranked.find(({ column }) => targetUses(tracked, targetVector, false, column));
  // Unreachable: a recoverable target with hidden cells is written from at least one shown sum.
  if (!chosen) throw new Error('No figure left to hide that protects the target');
  return { kind: 'sum', index: chosen.s };
}

/** Hides figures until no hidden one is recoverable (the loop ends: each round hides one more). */
function protect(table: Table, hidden: Hidden): void {
  for (;;) {
    const round = roundOf(table, hidden);
    const target = hiddenItems(hidden).find((item) => inRowSpace(round.echelon, itemVector(table.layout, item, round.hiddenCells)));
    if (!target) return;
    const complement = complementFor(table, hidden, target, round);
    if (complement.kind === 'cell') hidden.cells[complement.index] = true;
    else hidden.sums[complement.index] = true;
  }
}

/**
 * Suppresses a table and the sums published with it. k is the smallest non-zero count shown
 * (THRESHOLD_MIN to THRESHOLD_MAX; DEFAULT_THRESHOLD unless the program set another).
 */
export function suppressGrid(grid: CountGrid, sums: PublishedSum[], k: number): SuppressedGrid {
  checkThreshold(k);
  if (grid.cells.length !== grid.rows.length || grid.cells.some((row) => row.length !== grid.columns.length)) {
    throw new RangeError('The cells must be a rows × columns array');
  }
  grid.cells.forEach((row, r) => row.forEach((n, c) => checkCount(n, `Cell [${r}, ${c}]`)));
  const layout = layoutOf(grid.rows, grid.columns, sums);
  const values = grid.cells.flat();
  const sumValues = layout.sums.map((sum) => sum.cells.reduce((total, cell) => total + values[cell]!, 0));
  const hidden: Hidden = { cells: values.map((n) => isSmall(n, k)), sums: sumValues.map((n) => isSmall(n, k)) };
  protect({ layout, values, sumValues }, hidden);

  const width = grid.columns.length;
  return {
    rows: [...grid.rows],
    columns: [...grid.columns],
    cells: grid.cells.map((row, r) => row.map((n, c) => (hidden.cells[r * width + c] ? null : n))),
    sums: Object.fromEntries(layout.sums.map((sum, s) => [sum.key, hidden.sums[s] ? null : sumValues[s]!])),
  };
}

/* ---------- What a reader can work out from a suppressed table ---------- */

function readerView(table: SuppressedGrid, sums: PublishedSum[]): { layout: Layout; hidden: Hidden } {
  const layout = layoutOf(table.rows, table.columns, sums);
  if (table.cells.length !== table.rows.length || table.cells.some((row) => row.length !== table.columns.length)) {
    throw new RangeError('The cells must be a rows × columns array');
  }
  const hidden = {
    cells: table.cells.flat().map((n) => n === null),
    sums: layout.sums.map(({ key }) => {
      if (!(key in table.sums)) throw new RangeError(`The table has no sum ${JSON.stringify(key)}`);
      return table.sums[key] === null;
    }),
  };
  return { layout, hidden };
}

function itemOf(layout: Layout, item: GridItem): Item {
  if (item.kind === 'sum') {
    const index = layout.sums.findIndex((sum) => sum.key === item.key);
    if (index < 0) throw new RangeError(`No published sum ${JSON.stringify(item.key)}`);
    return { kind: 'sum', index };
  }
  const { row, column } = item;
  if (
    !Number.isInteger(row) ||
    !Number.isInteger(column) ||
    row < 0 ||
    column < 0 ||
    row >= layout.rows.length ||
    column >= layout.columns.length
  ) {
    throw new RangeError(`No cell [${row}, ${column}]`);
  }
  return { kind: 'cell', index: row * layout.columns.length + column };
}

/**
 * Whether a reader of `table` can work out the exact value of `item` from the figures shown and
 * the sums' definitions. A shown item is trivially recoverable. Only the pattern of what is hidden
 * matters, never the hidden values.
 */
export function isRecoverable(table: SuppressedGrid, sums: PublishedSum[], item: GridItem): boolean {
  const { layout, hidden } = readerView(table, sums);
  const inner = itemOf(layout, item);
  const isHidden = inner.kind === 'cell' ? hidden.cells[inner.index] : hidden.sums[inner.index];
  return !isHidden || recoverable(layout, hidden, inner);
}

/** The hidden figures of `table` that a reader can work out: empty for anything suppressGrid returns. */
export function recoverableHiddenItems(table: SuppressedGrid, sums: PublishedSum[]): GridItem[] {
  const { layout, hidden } = readerView(table, sums);
  const cells = hiddenCellsOf(hidden);
  const echelon = eliminate(shownEquations(layout, hidden, cells), cells.length);
  const width = layout.columns.length;
  return hiddenItems(hidden)
    .filter((item) => inRowSpace(echelon, itemVector(layout, item, cells)))
    .map((item): GridItem => {
      if (item.kind === 'sum') return { kind: 'sum', key: layout.sums[item.index]!.key };
      return { kind: 'cell', row: Math.floor(item.index / width), column: item.index % width };
    });
}
