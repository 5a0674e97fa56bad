import {
  changeableRoles,
  mayChangeAccount,
  SUPPORT_DATA_ROLES,
  type AccountChange,
  type AccountParties,
  type Role,
} from '../../../shared/permissions.ts';
import type { PeopleQuery, Person, PersonDetail, PersonInput, PersonPatch } from '../../../shared/schemas/person.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findStructureEntry } from '../organization/index.ts';
import { assertRecentlyVerified } from '../../lib/step-up.ts';
import * as accounts from './accounts.repository.ts';
import * as people from './people.repository.ts';
import { firePersonEvent } from './person-events.ts';

async function audit(ctx: AppContext, db: DbOrTrx, actor: Actor, action: string, personId: string, detail?: string) {
  await appendAuditEvent(db, {
    organizationId: actor.organizationId,
    actorPersonId: actor.personId,
    action,
    subjectType: 'person',
    subjectId: personId,
    at: nowIso(ctx.clock),
    ...(detail ? { detail } : {}),
  });
}

async function partiesOf(db: DbOrTrx, actor: Actor, person: Person): Promise<AccountParties> {
  const directors = await people.activeEmailsWithRoles(db, actor.organizationId, ['program_director']);
  return { actor, target: { id: person.id, roles: person.roles }, organizationHasActiveDirector: directors.length > 0 };
}

/**
 * shared/permissions.ts's mayChangeAccount decides; this only turns a "no" into a 403. Someone's
 * sign-in, e-mail and active state belong to whoever could grant every role they hold, so an
 * administrator cannot take over or lock out a director, nor the IT administrator a supporter.
 */
export async function assertMayChange(db: DbOrTrx, actor: Actor, person: Person, change: AccountChange): Promise<void> {
  if (mayChangeAccount(await partiesOf(db, actor, person), change)) return;
  if (change.kind === 'grant' || change.kind === 'remove') {
    const message =
      person.id === actor.personId ? 'You cannot change your own roles' : `You cannot ${change.kind} the role ${change.role} here`;
    throw new AppError('not_allowed', message, [{ path: 'body.roles', message }]);
  }
  throw new AppError('not_allowed', "Only someone who could grant all of this person's roles can change how they sign in");
}

export async function requirePerson(db: DbOrTrx, actor: Actor, id: string): Promise<Person> {
  const person = await people.findPerson(db, actor.organizationId, id);
  if (!person) throw notFound();
  return person;
}

/** Profession, department and manager must be of the caller's organisation; unknown ids are 400, not silently kept. */
async function checkReferences(db: DbOrTrx, actor: Actor, input: PersonPatch, personId: string | null) {
  const org = actor.organizationId;
  if (input.professionId && !(await findStructureEntry(db, 'professions', org, input.professionId)))
    throw invalid('body.professionId', 'Unknown profession');
  if (input.departmentId && !(await findStructureEntry(db, 'departments', org, input.departmentId)))
    throw invalid('body.departmentId', 'Unknown department');
  if (input.managerId) {
    if (input.managerId === personId) throw invalid('body.managerId', 'A person cannot be their own manager');
    if (!(await people.findPerson(db, org, input.managerId))) throw invalid('body.managerId', 'Unknown person');
    if (personId && (await people.wouldCreateReportingLoop(db, org, personId, input.managerId))) {
      throw invalid('body.managerId', 'This would make a loop in the reporting line');
    }
  }
  if (input.workEmail) {
    const existing = await people.findPersonIdByEmail(db, org, input.workEmail);
    if (existing && existing !== personId)
      throw new AppError('conflict', 'Someone in the directory already has this work e-mail', [
        { path: 'body.workEmail', message: 'Already in use' },
      ]);
    if (await accounts.isAccountEmailTaken(db, org, input.workEmail, personId ?? undefined)) {
      throw new AppError('conflict', 'This e-mail is already used to sign in', [{ path: 'body.workEmail', message: 'Already in use' }]);
    }
  }
}

export async function searchPeople(ctx: AppContext, actor: Actor, query: PeopleQuery) {
  return people.listPeople(ctx.db, actor.organizationId, query);
}

/** The person, and what the caller may change about them (the web app shows only that). */
export async function getPerson(ctx: AppContext, actor: Actor, id: string): Promise<PersonDetail> {
  const person = await requirePerson(ctx.db, actor, id);
  const parties = await partiesOf(ctx.db, actor, person);
  const account = mayChangeAccount(parties, { kind: 'account' });
  const authenticator = account ? Boolean((await accounts.findAccountByPerson(ctx.db, actor.organizationId, id))?.totp_secret) : null;
  return { ...person, yourAccess: { account, roles: changeableRoles(parties), authenticator } };
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
    // The work e-mail is the sign-in address (and where set-password links go): an account change.
    const emailChanges = patch.workEmail !== undefined && patch.workEmail !== person.workEmail;
    await assertMayChange(trx, actor, person, { kind: emailChanges ? 'account' : 'profile' });
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
    await assertMayChange(trx, actor, await requirePerson(trx, actor, id), { kind: 'account' });
    await people.updatePerson(trx, actor.organizationId, id, { active }, nowIso(ctx.clock));
    if (!active) await firePersonEvent(ctx, trx, { kind: 'deactivated', organizationId: actor.organizationId, personId: id });
    await audit(ctx, trx, actor, active ? 'person.reactivated' : 'person.deactivated', id);
  });
  return requirePerson(ctx.db, actor, id);
}

/**
 * Replaces a person's roles. Each role added or removed must pass mayChangeAccount (nobody changes
 * their own roles; roles that see support data come from the director; the IT administrator makes
 * only the first director). Every grant and removal is audited with its role; those of roles that
 * see support data are also e-mailed to every active director, and a person given such a role by
 * someone else is told too (docs/decisions/009-separation-of-duties.md).
 */
export async function setRoles(ctx: AppContext, actor: Actor, id: string, roles: Role[]): Promise<Person> {
  const wanted = [...new Set(roles)];
  await ctx.db.transaction().execute(async (trx) => {
    const person = await requirePerson(trx, actor, id);
    const add = wanted.filter((r) => !person.roles.includes(r));
    const remove = person.roles.filter((r) => !wanted.includes(r));
    for (const role of add) await assertMayChange(trx, actor, person, { kind: 'grant', role });
    for (const role of remove) await assertMayChange(trx, actor, person, { kind: 'remove', role });
    if (!add.length && !remove.length) return;
    assertRecentlyVerified(ctx, actor);
    const directorsBefore = await people.activeEmailsWithRoles(trx, actor.organizationId, ['program_director']);
    await people.replaceRoles(trx, actor.organizationId, id, { add, remove }, actor.personId, nowIso(ctx.clock));
    for (const role of add) await audit(ctx, trx, actor, 'person.role_granted', id, role);
    for (const role of remove) await audit(ctx, trx, actor, 'person.role_removed', id, role);
    await tellOfSupportDataAccess(ctx, trx, actor, person, add, remove, directorsBefore);
  });
  return requirePerson(ctx.db, actor, id);
}

async function tellOfSupportDataAccess(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  person: Person,
  add: Role[],
  remove: Role[],
  directorsBefore: string[],
) {
  const sensitive = [...add, ...remove].some((role) => SUPPORT_DATA_ROLES.includes(role));
  if (!sensitive) return;
  const now = ctx.clock.now();
  const organizationId = actor.organizationId;
  // The directors as they are now (a new director hears of their own grant below, a removed one
  // from the directors before), each once.
  const directorsAfter = await people.activeEmailsWithRoles(trx, organizationId, ['program_director']);
  for (const to of new Set([...directorsBefore, ...directorsAfter])) {
    await queueEmail(trx, { organizationId, to, template: 'access_changed', link: '/app/audit', now });
  }
  const granted = add.some((role) => SUPPORT_DATA_ROLES.includes(role));
  if (granted && !directorsAfter.includes(person.workEmail) && person.active) {
    await queueEmail(trx, { organizationId, to: person.workEmail, template: 'role_granted', link: '/app', now });
  }
  // The first director of an organisation may have no password yet: auth sends the invitation.
  if (add.includes('program_director') && !directorsBefore.length) {
    await firePersonEvent(ctx, trx, { kind: 'first_director_named', organizationId, person, actorPersonId: actor.personId });
  }
}
