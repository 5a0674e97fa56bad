import type { SignInLinkSent } from '../../../shared/schemas/person.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { nowIso } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { assertRecentlyVerified } from '../../lib/step-up.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { assertMayChange, findAccountByPerson, isAccountEmailTaken, requirePerson } from '../people/index.ts';
import { resetSecondFactor } from './second-factor.service.ts';
import { issueSignInLink } from './sign-in-links.service.ts';

/**
 * Someone else's sign-in, changed by whoever may change their account (people's mayChangeAccount
 * rule: a director's, only another director). Nobody ever sets another person's password: they send
 * a link to the person's work e-mail, or clear a lost second factor.
 */

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

/** E-mails the person a single-use link to set their password: an invitation if they cannot sign in yet, a reset otherwise. */
export async function sendSignInLink(ctx: AppContext, actor: Actor, id: string): Promise<SignInLinkSent> {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requirePerson(trx, actor, id);
    await assertMayChange(trx, actor, person, { kind: 'account' });
    if (!person.active) throw new AppError('conflict', 'This person is deactivated; reactivate them first');
    if (
      !(await findAccountByPerson(trx, actor.organizationId, id)) &&
      (await isAccountEmailTaken(trx, actor.organizationId, person.workEmail))
    ) {
      throw new AppError('conflict', 'This e-mail is already used to sign in');
    }
    const link = await issueSignInLink(trx, {
      organizationId: actor.organizationId,
      person,
      createdBy: actor.personId,
      now: ctx.clock.now(),
    });
    await audit(ctx, trx, actor, 'person.sign_in_link_sent', id, link.purpose);
    return { purpose: link.purpose, sentTo: person.workEmail, expiresAt: link.expiresAt };
  });
}

/** For someone who lost both their phone and their recovery codes; a step-up change. */
export async function resetPersonSecondFactor(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const person = await requirePerson(trx, actor, id);
    await assertMayChange(trx, actor, person, { kind: 'account' });
    const account = await findAccountByPerson(trx, actor.organizationId, id);
    if (!account?.totp_secret) throw new AppError('conflict', 'This person has no authenticator app set up');
    assertRecentlyVerified(ctx, actor);
    await resetSecondFactor(ctx, trx, { organizationId: actor.organizationId, accountId: account.id, email: person.workEmail });
    await audit(ctx, trx, actor, 'person.second_factor_reset', id);
  });
}
