import { grantableRoles, ROLES } from '../../../shared/permissions.ts';
import type { RosterReport, RosterRowError } from '../../../shared/schemas/roster.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { PeopleTable } from '../../db/schema.ts';
import { newId, nowIso, parseJsonArray, toBool } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { listDepartments, listProfessions } from '../organization/index.ts';
import * as repo from './roster.repository.ts';
import { checkManagers, nameIndex, readRosterCsv, validateRoster, type RosterRow } from './roster.parse.ts';
import { firePersonEvent } from './person-events.ts';

/** The report lists this many errors at most; the rest are counted in `invalid`. */
const ERRORS_LISTED = 1000;
/** The 400 of an all-or-nothing import names this many fields at most. */
const FIELDS_LISTED = 50;

interface Plan {
  report: Omit<RosterReport, 'applied'>;
  inserts: PeopleTable[];
  updates: PeopleTable[];
  deactivated: string[];
}

function sameLanguages(stored: string, next: string): boolean {
  return stored === next || JSON.stringify(parseJsonArray(stored)) === next;
}

function differs(current: PeopleTable, next: PeopleTable): boolean {
  return (
    current.first_name !== next.first_name ||
    current.last_name !== next.last_name ||
    current.profession_id !== next.profession_id ||
    current.department_id !== next.department_id ||
    current.specialty !== next.specialty ||
    current.manager_id !== next.manager_id ||
    toBool(current.active) !== toBool(next.active) ||
    !sameLanguages(current.languages, next.languages)
  );
}

/** The person as the file says they should be; a column absent from the file keeps its current value. */
function merge(
  row: RosterRow,
  current: PeopleTable | undefined,
  id: string,
  managerId: string | null | undefined,
  organizationId: string,
  at: string,
): PeopleTable {
  const keep = <T>(given: T | undefined, old: T, fresh: T): T => (given !== undefined ? given : current ? old : fresh);
  return {
    id,
    organization_id: organizationId,
    first_name: row.firstName,
    last_name: row.lastName,
    work_email: row.workEmail,
    profession_id: keep(row.professionId, current?.profession_id ?? null, null),
    department_id: keep(row.departmentId, current?.department_id ?? null, null),
    specialty: keep(row.specialty, current?.specialty ?? null, null),
    languages: row.languages !== undefined ? JSON.stringify(row.languages) : (current?.languages ?? '[]'),
    manager_id: keep(managerId, current?.manager_id ?? null, null),
    active: keep(row.active, current ? toBool(current.active) : true, true),
    created_at: current?.created_at ?? at,
    // Only written when something differs, so an unchanged person keeps their updated_at.
    updated_at: at,
  };
}

/**
 * Works out everything the file would do, reading the directory once. Writes nothing: preview
 * shows exactly this, and import writes exactly this.
 */
async function plan(db: DbOrTrx, actor: Actor, csv: string, at: string): Promise<Plan> {
  const org = actor.organizationId;
  const file = readRosterCsv(csv);
  const [professions, departments, people, holders] = await Promise.all([
    listProfessions(db, org),
    listDepartments(db, org),
    repo.listOrganizationPeople(db, org),
    // Same rule as the people API: only people whose every role the caller could grant may be (de)activated.
    repo.listHoldersOfRoles(
      db,
      org,
      ROLES.filter((r) => !grantableRoles(actor.roles).includes(r)),
    ),
  ]);
  const { rows, errors } = validateRoster(file, { professions: nameIndex(professions), departments: nameIndex(departments) });
  const byEmail = new Map(people.map((p) => [p.work_email, p]));
  const protectedRoles = new Map<string, string[]>();
  for (const h of holders) protectedRoles.set(h.person_id, [...(protectedRoles.get(h.person_id) ?? []), h.role]);

  const idOf = new Map<string, string>();
  for (const p of people) idOf.set(p.work_email, p.id);
  for (const row of rows) if (!idOf.has(row.workEmail)) idOf.set(row.workEmail, newId());
  const managerIdOf = (row: RosterRow) => (row.managerEmail ? (idOf.get(row.managerEmail) ?? null) : row.managerEmail);

  // Permission checks on existing people the file would change.
  const allowed: RosterRow[] = [];
  for (const row of rows) {
    const current = byEmail.get(row.workEmail);
    const next = current && merge(row, current, current.id, managerIdOf(row), org, at);
    if (current && next && differs(current, next)) {
      const beyond = protectedRoles.get(current.id) ?? [];
      if (current.id === actor.personId && toBool(current.active) && !next.active) {
        errors.push({ line: row.line, column: 'active', message: 'You cannot deactivate yourself' });
        continue;
      }
      // Directory facts (name, department, manager…) follow the file for everyone; whether someone
      // can sign in is an account change (shared/permissions.ts mayChangeAccount), so a roster
      // cannot deactivate, say, a director on behalf of an IT administrator.
      if (beyond.length && current.id !== actor.personId && toBool(current.active) !== next.active) {
        errors.push({
          line: row.line,
          column: 'active',
          message: `You cannot deactivate or reactivate someone with these roles: ${beyond.sort().join(', ')}`,
        });
        continue;
      }
    }
    allowed.push(row);
  }

  const managerErrors = checkManagers(
    allowed.map((r) => ({ line: r.line, id: idOf.get(r.workEmail)!, email: r.workEmail, managerEmail: r.managerEmail })),
    new Map(people.map((p) => [p.work_email, { id: p.id, managerId: p.manager_id }])),
  );
  errors.push(...managerErrors);
  const refused = new Set(managerErrors.map((e) => e.line));

  const result: Plan = { report: emptyReport(file.records.length), inserts: [], updates: [], deactivated: [] };
  for (const row of allowed) {
    if (refused.has(row.line)) continue;
    const current = byEmail.get(row.workEmail);
    const next = merge(row, current, idOf.get(row.workEmail)!, managerIdOf(row), org, at);
    if (!current) {
      result.report.created++;
      result.inserts.push(next);
    } else if (differs(current, next)) {
      result.report.updated++;
      result.updates.push(next);
      if (toBool(current.active) && !next.active) result.deactivated.push(current.id);
    } else {
      result.report.unchanged++;
    }
  }

  result.inserts = managersFirst(result.inserts);
  errors.sort((a, b) => a.line - b.line);
  result.report.invalid = new Set(errors.map((e) => e.line)).size;
  result.report.errors = errors.slice(0, ERRORS_LISTED);
  result.report.errorsTruncated = errors.length > ERRORS_LISTED;
  return result;
}

/**
 * Orders new people so that a manager who is also new comes before (or in the same statement as)
 * the people they manage: the manager foreign key then holds at every statement, with no second
 * pass rewriting nearly every row to set managers afterwards. checkManagers has ruled out loops.
 */
function managersFirst(rows: PeopleTable[]): PeopleTable[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = new Map<string, number>();
  for (const start of rows) {
    const path: PeopleTable[] = [];
    const onPath = new Set<PeopleTable>();
    let node: PeopleTable | undefined = start;
    while (node && !depth.has(node.id)) {
      if (onPath.has(node)) throw new Error('roster import: loop among new managers');
      path.push(node);
      onPath.add(node);
      node = node.manager_id ? byId.get(node.manager_id) : undefined;
    }
    let d = node ? depth.get(node.id)! : -1;
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!.id, ++d);
  }
  return [...rows].sort((a, b) => depth.get(a.id)! - depth.get(b.id)!);
}

function emptyReport(rows: number): Plan['report'] {
  return { rows, created: 0, updated: 0, unchanged: 0, invalid: 0, errors: [], errorsTruncated: false };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** What the file would do, without writing anything. */
export async function previewRoster(ctx: AppContext, actor: Actor, csv: string): Promise<RosterReport> {
  const { report } = await plan(ctx.db, actor, csv, nowIso(ctx.clock));
  return { applied: false, ...report };
}

function rowErrorsToFields(errors: RosterRowError[]) {
  return errors.slice(0, FIELDS_LISTED).map((e) => ({ path: `line ${e.line}.${e.column}`, message: e.message }));
}

/**
 * Applies the file in one transaction: all of it, or (with skipInvalid) all of its valid rows.
 * New people become staff members, like people created one by one; existing people keep their
 * roles and accounts, and a deactivated person's sessions end at once (as with the people API).
 */
export async function importRoster(ctx: AppContext, actor: Actor, csv: string, options: { skipInvalid: boolean }): Promise<RosterReport> {
  const at = nowIso(ctx.clock);
  try {
    const report = await ctx.db.transaction().execute(async (trx) => {
      const p = await plan(trx, actor, csv, at);
      if (p.report.invalid > 0 && !options.skipInvalid) {
        const message = `${p.report.invalid} of ${p.report.rows} rows have errors; nothing was imported`;
        throw new AppError('validation_failed', message, rowErrorsToFields(p.report.errors));
      }
      await repo.insertPeople(trx, p.inserts);
      await repo.grantRoleToAll(
        trx,
        actor.organizationId,
        p.inserts.map((r) => r.id),
        'staff_member',
        actor.personId,
        at,
      );
      await repo.updatePeople(trx, actor.organizationId, p.updates);
      for (const personId of p.deactivated) {
        await firePersonEvent(ctx, trx, { kind: 'deactivated', organizationId: actor.organizationId, personId });
      }
      // Counts only: the audit log never holds the roster's personal data.
      await appendAuditEvent(trx, {
        organizationId: actor.organizationId,
        actorPersonId: actor.personId,
        action: 'roster.imported',
        subjectType: 'organization',
        subjectId: actor.organizationId,
        at,
      });
      return p.report;
    });
    return { applied: true, ...report };
  } catch (error) {
    // Someone else added one of these people between our read and our write.
    if (isUniqueViolation(error)) throw new AppError('conflict', 'The directory changed during the import; please try again');
    throw error;
  }
}
