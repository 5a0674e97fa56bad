import { CsvError, parse, type Info } from 'csv-parse/sync';
import { LANGUAGES_MAX, NAME_MAX, ROSTER_MAX_ROWS, SHORT_TEXT_MAX } from '../../../shared/limits.ts';
import { EmailSchema } from '../../../shared/schemas/common.ts';
import { LanguageSchema } from '../../../shared/schemas/person.ts';
import { ROSTER_COLUMNS, ROSTER_REQUIRED_COLUMNS, type RosterRowError } from '../../../shared/schemas/roster.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Pure reading and checking of a staff roster CSV: no database, so it is cheap to test and to time.
 * Everything that needs the directory (who exists, who may be changed) lives in roster.service.ts.
 */

export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** Row-level problems that are not about one cell (e.g. a wrong number of cells) use this column. */
export const WHOLE_ROW = '*';

export interface RosterFile {
  /** Header order: the index of each known column in a record's cells. */
  columns: RosterColumn[];
  /** `line`: 1-based line where the record starts; the header is line 1. */
  records: { line: number; cells: string[] }[];
}

/** A row that passed every check that needs no directory. `undefined` = the column is not in the file. */
export interface RosterRow {
  line: number;
  firstName: string;
  lastName: string;
  workEmail: string;
  professionId?: string | null;
  departmentId?: string | null;
  specialty?: string | null;
  languages?: string[];
  managerEmail?: string | null;
  active?: boolean;
}

/** Lower-cased name → the organisation's entries of that name (names are not unique case-insensitively). */
export type NameIndex = Map<string, { id: string; active: boolean }[]>;

export function nameIndex(entries: { id: string; name: string; active: boolean }[]): NameIndex {
  const index: NameIndex = new Map();
  for (const e of entries) {
    const key = e.name.trim().toLowerCase();
    index.set(key, [...(index.get(key) ?? []), { id: e.id, active: e.active }]); // a few hundred names at most
  }
  return index;
}

function fileError(message: string, path = 'file'): AppError {
  return new AppError('validation_failed', message, [{ path, message }]);
}

const PARSE_OPTIONS = {
  bom: true,
  info: true,
  // A short or long line is reported against that line, not as a failure of the whole file.
  relax_column_count: true,
  skip_empty_lines: true,
  // Spreadsheets export trailing ",,,," lines; they are blank, not rows missing every field.
  skip_records_with_empty_values: true,
  // Header + the maximum + one more is enough to know the file is too long; the rest is never parsed.
  to: ROSTER_MAX_ROWS + 2,
} as const;

/** File-level checks: anything wrong here stops the whole file, before any row is looked at. */
export function readRosterCsv(text: string): RosterFile {
  // A Windows-1252 export decoded as UTF-8 would quietly turn "José" into "Jos�": refuse instead.
  if (text.includes('\uFFFD')) throw fileError('The file is not UTF-8 text; save it as "CSV UTF-8" and try again');
  let parsed: { record: string[]; info: Info }[];
  try {
    parsed = parse(text, PARSE_OPTIONS) as unknown as { record: string[]; info: Info }[];
  } catch (error) {
    if (error instanceof CsvError) throw fileError(`The file is not valid CSV: ${error.message}`);
    throw error;
  }
  const [header, ...rows] = parsed;
  if (!header) throw fileError('The file is empty');

  const columns: RosterColumn[] = [];
  for (const raw of header.record) {
    const name = raw.trim().toLowerCase();
    const known = ROSTER_COLUMNS.find((c) => c === name);
    // Unknown columns are refused rather than ignored: a misspelt "departmnet" must not silently drop data.
    if (!known) throw fileError(`Unknown column '${raw.trim()}'. Expected: ${ROSTER_COLUMNS.join(', ')}`, `line 1.${raw.trim()}`);
    if (columns.includes(known)) throw fileError(`Column '${known}' appears more than once`, `line 1.${known}`);
    columns.push(known);
  }
  const missing = ROSTER_REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw fileError(`Missing required column: ${missing.join(', ')}`, `line 1.${missing[0]}`);
  if (rows.length > ROSTER_MAX_ROWS) {
    throw fileError(`The file has more than ${ROSTER_MAX_ROWS.toLocaleString('en-US')} rows; split it into smaller files`);
  }
  if (rows.length === 0) throw fileError('The file has a header but no rows');

  const records = rows.map(({ record, info }) => {
    // info.lines is where the record ends; quoted cells may span lines, so step back over them.
    let spanned = 0;
    for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) spanned++;
    return { line: info.lines - spanned, cells: record };
  });
  return { columns, records };
}

// A Map, not an object literal: a cell saying "constructor" must not find Object.prototype's.
const ACTIVE_WORDS = new Map<string, boolean>([
  ['true', true],
  ['yes', true],
  ['1', true],
  ['', true],
  ['false', false],
  ['no', false],
  ['0', false],
]);

/** Checks each row on its own and against earlier rows (duplicate e-mails); collects every problem found. */
export function validateRoster(file: RosterFile, lookups: { professions: NameIndex; departments: NameIndex }) {
  const rows: RosterRow[] = [];
  const errors: RosterRowError[] = [];
  const firstLineOf = new Map<string, number>();

  for (const { line, cells } of file.records) {
    const problems: RosterRowError[] = [];
    const fail = (column: string, message: string) => problems.push({ line, column, message });
    if (cells.length !== file.columns.length) {
      fail(WHOLE_ROW, `This line has ${cells.length} cells; the header has ${file.columns.length}`);
      errors.push(...problems);
      continue;
    }
    const cell = new Map<RosterColumn, string>(file.columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
    const has = (c: RosterColumn) => cell.has(c);
    const value = (c: RosterColumn) => cell.get(c) ?? '';

    // Names are text whatever they start with ("=", "+", "@"…): stored as given, never evaluated.
    const name = (c: RosterColumn) => {
      const v = value(c);
      if (!v) fail(c, 'Required');
      else if (v.length > NAME_MAX) fail(c, `At most ${NAME_MAX} characters`);
      return v;
    };
    const [firstName, lastName] = [name('first_name'), name('last_name')];
    const email = EmailSchema.safeParse(value('work_email'));
    if (!value('work_email')) fail('work_email', 'Required');
    else if (!email.success) fail('work_email', 'Must be an e-mail address');
    const workEmail = email.success ? email.data : '';
    if (workEmail) {
      const earlier = firstLineOf.get(workEmail);
      if (earlier !== undefined) fail('work_email', `This work e-mail is already on line ${earlier}`);
      else firstLineOf.set(workEmail, line);
    }

    const byName = (c: 'profession' | 'department', index: NameIndex): string | null | undefined => {
      if (!has(c)) return undefined;
      const v = value(c);
      if (!v) return null;
      const found = index.get(v.toLowerCase()) ?? [];
      // An inactive entry is accepted (as the people API does) but an active one of the same name wins.
      const active = found.filter((f) => f.active);
      const pick = active.length ? active : found;
      if (pick.length === 1) return pick[0]!.id;
      fail(c, pick.length === 0 ? `Unknown ${c} '${v}'` : `More than one ${c} is named '${v}'`);
      return null;
    };
    const professionId = byName('profession', lookups.professions);
    const departmentId = byName('department', lookups.departments);
    let specialty: string | null | undefined;
    if (has('specialty')) {
      specialty = value('specialty') || null;
      if (specialty && specialty.length > SHORT_TEXT_MAX) fail('specialty', `At most ${SHORT_TEXT_MAX} characters`);
    }
    let languages: string[] | undefined;
    if (has('languages')) {
      const codes = value('languages')
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean);
      languages = [];
      for (const code of codes) {
        const parsed = LanguageSchema.safeParse(code);
        if (!parsed.success) fail('languages', `'${code}' is not a language code such as en or es`);
        else if (!languages.includes(parsed.data)) languages.push(parsed.data);
      }
      if (languages.length > LANGUAGES_MAX) fail('languages', `At most ${LANGUAGES_MAX} languages`);
    }
    let managerEmail: string | null | undefined;
    if (has('manager_email')) {
      const raw = value('manager_email');
      const parsed = EmailSchema.safeParse(raw);
      managerEmail = raw ? (parsed.success ? parsed.data : null) : null;
      if (raw && !parsed.success) fail('manager_email', 'Must be an e-mail address');
      else if (managerEmail && managerEmail === workEmail) fail('manager_email', 'A person cannot be their own manager');
    }
    let active: boolean | undefined;
    if (has('active')) {
      active = ACTIVE_WORDS.get(value('active').toLowerCase());
      if (active === undefined) fail('active', 'Use true or false (yes/no, 1/0; blank means true)');
    }
    if (problems.length) errors.push(...problems);
    else rows.push({ line, firstName, lastName, workEmail, professionId, departmentId, specialty, languages, managerEmail, active });
  }
  return { rows, errors };
}

export interface ManagerLink {
  line: number;
  id: string;
  email: string;
  /** `undefined`: the file has no manager column, so the current manager stays. */
  managerEmail: string | null | undefined;
}

/**
 * Second pass over the valid rows: each manager must be in the directory or on a valid row of this
 * file, and no reporting line may loop. Dropping a row orphans the rows it manages (when that person
 * is new), and reverting a row can close another loop, so it repeats until nothing more is dropped.
 */
export function checkManagers(links: ManagerLink[], directory: ReadonlyMap<string, { id: string; managerId: string | null }>) {
  const errors: RosterRowError[] = [];
  let live = links;
  for (;;) {
    const dropped = new Set<ManagerLink>();
    const drop = (l: ManagerLink, message: string) => {
      if (dropped.has(l)) return;
      dropped.add(l);
      errors.push({ line: l.line, column: 'manager_email', message });
    };
    const newcomers = new Map(live.filter((l) => !directory.has(l.email)).map((l) => [l.email, l]));
    const idOf = (email: string) => directory.get(email)?.id ?? newcomers.get(email)?.id;

    // Orphans, breadth-first (linear even for a long chain of new managers).
    const managedBy = new Map<string, ManagerLink[]>();
    for (const l of live) {
      if (!l.managerEmail || directory.has(l.managerEmail)) continue;
      const list = managedBy.get(l.managerEmail);
      if (list) list.push(l);
      else managedBy.set(l.managerEmail, [l]);
    }
    const queue = live.filter((l) => l.managerEmail && !idOf(l.managerEmail));
    for (const l of queue) drop(l, `Manager '${l.managerEmail}' is not in the directory or on a valid line of this file`);
    for (let i = 0; i < queue.length; i++) {
      for (const child of managedBy.get(queue[i]!.email) ?? []) {
        if (dropped.has(child)) continue;
        drop(child, `Manager '${child.managerEmail}' is on a line with errors`);
        queue.push(child);
      }
    }

    // Loops in the reporting lines as they would be after the import (a functional graph: one manager each).
    const kept = live.filter((l) => !dropped.has(l));
    const parent = new Map<string, string | null>([...directory.values()].map((d) => [d.id, d.managerId]));
    const newEdge = new Map<string, ManagerLink>();
    for (const l of kept) {
      if (l.managerEmail === undefined) continue;
      const managerId = l.managerEmail ? idOf(l.managerEmail)! : null;
      if (directory.get(l.email)?.managerId !== managerId) newEdge.set(l.id, l);
      parent.set(l.id, managerId);
    }
    const state = new Map<string, 'open' | 'done'>();
    for (const start of newEdge.keys()) {
      const path: string[] = [];
      let node: string | null | undefined = start;
      while (node && !state.has(node)) {
        state.set(node, 'open');
        path.push(node);
        node = parent.get(node);
      }
      if (node && state.get(node) === 'open') {
        for (const id of path.slice(path.indexOf(node))) {
          const l = newEdge.get(id);
          if (l) drop(l, 'This would make a loop in the reporting line');
        }
      }
      for (const id of path) state.set(id, 'done');
    }
    if (dropped.size === 0) return errors;
    live = live.filter((l) => !dropped.has(l));
  }
}
