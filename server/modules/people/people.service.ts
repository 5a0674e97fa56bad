import { canGrantRole, type Role } from '../../../shared/permissions.ts';
import type { PeopleQuery, Person, PersonInput, PersonPatch } from '../../../shared/schemas/person.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { deleteSessionsOfPerson } from '../auth/sessions.repository.ts';
import * as accounts from './accounts.repository.ts';
import * as people from './people.repository.ts';

async function audit(ctx: AppContext, db: DbOrTrx, actor: Actor, action: string, personId: string) {
  await appendAuditEvent(db, {
    organizationId: actor.organizationId,
    actorPersonId: actor.personId,
    action,
    subjectType: 'person',
    subjectId: personId,
    at: nowIso(ctx.clock),
  });
}

/**
 * Changing someone's sign-in, e-mail or active state is refused unless the caller could grant
 * every role that person holds: an administrator cannot take over or lock out a director.
 */
function assertCanManage(actor: Actor, person: Person): void {
  const beyond = person.roles.filter((r) => !canGrantRole(actor.roles, r));
  if (beyond.length && person.id !== actor.personId) {
    throw new AppError('not_allowed', 'You cannot change the account of someone with these roles: ' + beyond.join(', '));
  }
}

async function requirePerson(db: DbOrTrx, actor: Actor, id: string): Promise<Person> {
  const person = await people.findPerson(db, actor.organizationId, id);
  if (!person) throw notFound();
  return person;
}

/** Profession, department and manager must be of the caller's organisation; unknown ids are 400, not silently kept. */
async function checkReferences(db: DbOrTrx, actor: Actor, input: PersonPatch, personId: string | null) {
  const org = actor.organizationId;
  if (input.professionId) {
    const row = await db.selectFrom('professions').select('id').where('organization_id', '=', org).where('id', '=', input.professionId).executeTakeFirst();
    if (!row) throw invalid('body.professionId', 'Unknown profession');
  }
  if (input.departmentId) {
    const row = await db.selectFrom('departments').select('id').where('organization_id', '=', org).where('id', '=', input.departmentId).executeTakeFirst();
    if (!row) throw invalid('body.departmentId', 'Unknown department');
  }
  if (input.managerId) {
    if (input.managerId === personId) throw invalid('body.managerId', 'A person cannot be their own manager');
    if (!(await people.findPerson(db, org, input.managerId))) throw invalid('body.managerId', 'Unknown person');
    if (personId && (await people.wouldCreateReportingLoop(db, org, personId, input.managerId))) {
      throw invalid('body.managerId', 'This would make a loop in the reporting line');
    }
  }
  if (input.workEmail) {
    const existing = await people.findPersonIdByEmail(db, org, input.workEmail);
    if (existing && existing !== personId) throw new AppError('conflict', 'Someone in the directory already has this work e-mail', [{ path: 'body.workEmail', message: 'Already in use' }]);
    if (await accounts.isAccountEmailTaken(db, input.workEmail, personId ?? undefined)) {
      throw new AppError('conflict', 'This e-mail is already used to sign in', [{ path: 'body.workEmail', message: 'Already in use' }]);
    }
  }
}

export async function searchPeople(ctx: AppContext, actor: Actor, query: PeopleQuery) {
  return people.listPeople(ctx.db, actor.organizationId, query);
}

export async function getPerson(ctx: AppContext, actor: Actor, id: string): Promise<Person> {
  return requirePerson(ctx.db, actor, id);
}

/** New people are staff members of the organisation; further roles are granted explicitly. */
export async function createPerson(ctx: AppContext, actor: Actor, input: PersonInput): Promise<Person> {
  const id = newId();
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await checkReferences(trx, actor, input, null);
    await people.insertPerson(trx, {
      id,
      organization_id: actor.organizationId,
      first_name: input.firstName,
      last_name: input.lastName,
      work_email: input.workEmail,
      profession_id: input.professionId ?? null,
      department_id: input.departmentId ?? null,
      specialty: input.specialty || null,
      languages: input.languages ?? [],
      manager_id: input.managerId ?? null,
      active: true,
      created_at: at,
    });
    await people.replaceRoles(trx, actor.organizationId, id, { add: ['staff_member'], remove: [] }, actor.personId, at);
    await audit(ctx, trx, actor, 'person.created', id);
  });
  return requirePerson(ctx.db, actor, id);
}

export async function updatePerson(ctx: AppContext, actor: Actor, id: string, patch: PersonPatch): Promise<Person> {
  await ctx.db.transaction().execute(async (trx) => {
    const person = await requirePerson(trx, actor, id);
    assertCanManage(actor, person);
    await checkReferences(trx, actor, patch, id);
    const set = {
      ...(patch.firstName !== undefined ? { first_name: patch.firstName } : {}),
      ...(patch.lastName !== undefined ? { last_name: patch.lastName } : {}),
      ...(patch.workEmail !== undefined ? { work_email: patch.workEmail } : {}),
      ...(patch.professionId !== undefined ? { profession_id: patch.professionId } : {}),
      ...(patch.departmentId !== undefined ? { department_id: patch.departmentId } : {}),
      ...(patch.specialty !== undefined ? { specialty: patch.specialty || null } : {}),
      ...(patch.languages !== undefined ? { languages: patch.languages } : {}),
      ...(patch.managerId !== undefined ? { manager_id: patch.managerId } : {}),
    };
    await people.updatePerson(trx, actor.organizationId, id, set, nowIso(ctx.clock));
    // The sign-in e-mail follows the work e-mail.
    if (patch.workEmail) await accounts.setAccountEmail(trx, id, patch.workEmail);
    await audit(ctx, trx, actor, 'person.updated', id);
  });
  return requirePerson(ctx.db, actor, id);
}

/** Deactivation ends every session of the person at once (ASVS 7.4.2). */
export async function setPersonActive(ctx: AppContext, actor: Actor, id: string, active: boolean): Promise<Person> {
  if (!active && id === actor.personId) throw new AppError('not_allowed', 'You cannot deactivate yourself');
  await ctx.db.transaction().execute(async (trx) => {
    assertCanManage(actor, await requirePerson(trx, actor, id));
    await people.updatePerson(trx, actor.organizationId, id, { active }, nowIso(ctx.clock));
    if (!active) await deleteSessionsOfPerson(trx, id);
    await audit(ctx, trx, actor, active ? 'person.reactivated' : 'person.deactivated', id);
  });
  return requirePerson(ctx.db, actor, id);
}

/**
 * Replaces a person's roles. Each role added or removed must be grantable by the caller; nobody
 * can remove their own ability to manage roles by accident.
 */
export async function setRoles(ctx: AppContext, actor: Actor, id: string, roles: Role[]): Promise<Person> {
  const wanted = [...new Set(roles)];
  await ctx.db.transaction().execute(async (trx) => {
    const person = await requirePerson(trx, actor, id);
    const add = wanted.filter((r) => !person.roles.includes(r));
    const remove = person.roles.filter((r) => !wanted.includes(r));
    const refused = [...add, ...remove].filter((r) => !canGrantRole(actor.roles, r));
    if (refused.length) {
      throw new AppError('not_allowed', `You cannot grant or remove: ${refused.join(', ')}`, [{ path: 'body.roles', message: 'Includes roles you cannot change' }]);
    }
    if (id === actor.personId && remove.length) throw new AppError('not_allowed', 'You cannot remove your own roles');
    await people.replaceRoles(trx, actor.organizationId, id, { add, remove }, actor.personId, nowIso(ctx.clock));
    await audit(ctx, trx, actor, 'person.roles_changed', id);
  });
  return requirePerson(ctx.db, actor, id);
}

/** Sets a sign-in password for someone (creating their account); their other sessions end. */
export async function setPassword(ctx: AppContext, actor: Actor, id: string, password: string): Promise<void> {
  const person = await requirePerson(ctx.db, actor, id);
  assertCanManage(actor, person);
  const problem = passwordProblem(password, { email: person.workEmail });
  if (problem) throw new AppError('weak_password', problem, [{ path: 'body.password', message: problem }]);
  const passwordHash = await hashPassword(password);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const account = await accounts.findAccountByPerson(trx, actor.organizationId, id);
    if (account) {
      await accounts.setAccountPassword(trx, account.id, passwordHash, at);
      await deleteSessionsOfPerson(trx, id);
    } else {
      if (await accounts.isAccountEmailTaken(trx, person.workEmail)) throw new AppError('conflict', 'This e-mail is already used to sign in');
      await accounts.insertAccount(trx, { id: newId(), organization_id: actor.organizationId, person_id: id, email: person.workEmail, password_hash: passwordHash, created_at: at });
    }
    await audit(ctx, trx, actor, 'person.password_set', id);
  });
}
