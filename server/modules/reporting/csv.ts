/**
 * CSV for report downloads (docs/decisions/014-report-suppression.md, "Downloads"). Pure.
 *
 * - RFC 4180: comma-separated, every record ends in CRLF, a field with a quote has it doubled.
 * - Every text field is quoted, whether or not it holds a comma, quote or line break: a
 *   spreadsheet set to split on semicolons (many European locales) cannot then cut a text in two
 *   and start a new cell inside it.
 * - Spreadsheet formulas: a text starting with =, +, -, @, tab, carriage return or NUL would be
 *   run as a formula when the file is opened (OWASP "CSV Injection", ASVS 5.0 1.2.10), so it gets
 *   a leading single quote, which spreadsheets read as "this is text".
 * - Numbers are written as plain numbers, never quoted or prefixed: -3 is a number, not a formula.
 * - The text starts with a UTF-8 byte order mark, so Excel reads it as UTF-8 rather than the
 *   Windows code page (names like "Soins intensifs" with accents stay readable). Send it as
 *   `text/csv; charset=utf-8`.
 */

export type CsvValue = string | number | null;

const BYTE_ORDER_MARK = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r\0]/;

function textField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

function numberField(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`A CSV number must be finite, not ${n}`);
  // String(-0) is "0" already; Object.is keeps the intent visible.
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * A CSV file's text: the header, then one record per row. A null cell is a hidden figure, written
 * as `hiddenText` and treated as text like any other. Mind that "< 11" would be untrue for some of
 * them: complementary suppression hides larger counts too, so a neutral word ("suppressed") with a
 * note saying why reads more honestly.
 */
export function toCsv(header: string[], rows: CsvValue[][], hiddenText: string): string {
  const record = (cells: CsvValue[]) =>
    cells
      .map((cell) => (cell === null ? textField(hiddenText) : typeof cell === 'number' ? numberField(cell) : textField(cell)))
      .join(',') + '\r\n';
  rows.forEach((row, i) => {
    if (row.length !== header.length) throw new RangeError(`Row ${i + 1} has ${row.length} cells; the header has ${header.length}`);
  });
  return BYTE_ORDER_MARK + record(header) + rows.map(record).join('');
}
