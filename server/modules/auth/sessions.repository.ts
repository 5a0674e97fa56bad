import type { DbOrTrx } from '../../db/database.ts';
import { precompiled } from '../../db/precompiled.ts';
import { toBool } from '../../db/values.ts';
import { SELF_COLUMNS, type SelfRow } from './me.repository.ts';

export interface SessionRow {
  id: string;
  token_hash: string;
  account_id: string;
  organization_id: string;
  person_id: string;
  person_active: boolean;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  second_factor: string | null;
  verified_at: string | null;
  has_password: boolean;
  has_authenticator: boolean;
  supporters_need_second_factor: boolean;
}

/**
 * The session, its person (with what `/api/me` shows, me.repository's SELF_COLUMNS), the
 * organisation and the person's role grants in one statement (one row per grant): every signed-in
 * request starts here, so it costs one round trip rather than three; it is built once (precompiled).
 */
const sessionWithRoles = precompiled(
  (db, tokenHash: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .innerJoin('people', 'people.id', 'accounts.person_id')
      .innerJoin('organizations', 'organizations.id', 'sessions.organization_id')
      .leftJoin('role_grants', 'role_grants.person_id', 'people.id')
      .select([
        'sessions.id',
        'sessions.token_hash',
        'sessions.account_id',
        'sessions.organization_id',
        'sessions.created_at',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'sessions.second_factor',
        'sessions.verified_at',
        (eb) => eb('accounts.password_hash', 'is not', null).as('has_password'),
        (eb) => eb('accounts.totp_secret', 'is not', null).as('has_authenticator'),
        'organizations.supporters_need_second_factor',
        'people.id as person_id',
        'people.active as person_active',
        'role_grants.role',
        ...SELF_COLUMNS,
      ])
      .where('sessions.token_hash', '=', tokenHash),
  1,
);

export async function findSessionWithRoles(
  db: DbOrTrx,
  tokenHash: string,
): Promise<(SessionRow & SelfRow & { roles: string[] }) | undefined> {
  const rows = await sessionWithRoles(db, tokenHash);
  const first = rows[0];
  if (!first) return undefined;
  const { role: _role, ...session } = first;
  return {
    ...session,
    person_active: toBool(first.person_active),
    has_password: toBool(first.has_password),
    has_authenticator: toBool(first.has_authenticator),
    supporters_need_second_factor: toBool(first.supporters_need_second_factor),
    roles: rows.flatMap((r) => (r.role === null ? [] : [r.role])).sort(),
  };
}

export async function insertSession(
  db: DbOrTrx,
  row: {
    id: string;
    token_hash: string;
    account_id: string;
    organization_id: string;
    created_at: string;
    expires_at: string;
    user_agent: string | null;
    /** 'provider' when the identity provider checked a second factor; otherwise null until a code is given. */
    second_factor: string | null;
    verified_at: string;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ ...row, last_seen_at: row.created_at })
    .execute();
}

export async function touchSession(db: DbOrTrx, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionByTokenHash(db: DbOrTrx, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfAccount(db: DbOrTrx, accountId: string, exceptId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export async function deleteSessionsOfPerson(db: DbOrTrx, personId: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('account_id', 'in', (eb) => eb.selectFrom('accounts').select('id').where('person_id', '=', personId))
    .execute();
}

export async function deleteSessionById(db: DbOrTrx, accountId: string, id: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listSessionsOfAccount(db: DbOrTrx, accountId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'user_agent'])
    .where('account_id', '=', accountId)
    .orderBy('last_seen_at', 'desc')
    .execute();
}
