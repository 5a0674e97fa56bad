import type { DbOrTrx } from '../../db/database.ts';
import type { OnCallRotationsTable, OnCallShiftsTable, OnCallSwapsTable } from '../../db/schema-on-call.ts';

/** Every query takes the organisation and filters on it: rota rows never cross tenants. */

export async function findRotation(db: DbOrTrx, organizationId: string) {
  return db.selectFrom('on_call_rotations').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function upsertRotation(db: DbOrTrx, row: OnCallRotationsTable): Promise<void> {
  const { organization_id: _organizationId, ...rest } = row;
  await db
    .insertInto('on_call_rotations')
    .values(row)
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(rest))
    .execute();
}

/** Shifts and overrides overlapping [from, to), in creation order (later overrides win). */
export async function listShiftsBetween(db: DbOrTrx, organizationId: string, from: string, to: string) {
  return db
    .selectFrom('on_call_shifts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('ends_at', '>', from)
    .where('starts_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Shifts and overrides that have not ended by `now`, in time order. */
export async function listUpcomingShifts(db: DbOrTrx, organizationId: string, now: string, limit: number) {
  return db
    .selectFrom('on_call_shifts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function insertShift(db: DbOrTrx, row: OnCallShiftsTable): Promise<void> {
  await db.insertInto('on_call_shifts').values(row).execute();
}

/** Deletes one shift or override; an accepted swap that made it keeps its history without the link. */
export async function deleteShift(db: DbOrTrx, organizationId: string, id: string): Promise<boolean> {
  await db
    .updateTable('on_call_swaps')
    .set({ override_id: null })
    .where('organization_id', '=', organizationId)
    .where('override_id', '=', id)
    .execute();
  const result = await db
    .deleteFrom('on_call_shifts')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertSwap(db: DbOrTrx, row: OnCallSwapsTable): Promise<void> {
  await db.insertInto('on_call_swaps').values(row).execute();
}

export async function findSwap(db: DbOrTrx, organizationId: string, id: string) {
  return db.selectFrom('on_call_swaps').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

/**
 * Moves a pending swap to its decision, only if it is still pending: of two simultaneous answers
 * exactly one wins (compare-and-set), the other finds nothing to change.
 */
export async function decideSwap(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  change: { status: 'accepted' | 'declined' | 'cancelled'; decided_at: string; override_id?: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('on_call_swaps')
    .set(change)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Swaps that are pending or were made since `since`, newest first; optionally only those involving one person. */
export async function listSwaps(db: DbOrTrx, organizationId: string, since: string, personId?: string) {
  let query = db
    .selectFrom('on_call_swaps')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb('created_at', '>=', since)]));
  if (personId) query = query.where((eb) => eb.or([eb('from_person_id', '=', personId), eb('to_person_id', '=', personId)]));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
}

export interface RotaPersonRow {
  id: string;
  first_name: string;
  last_name: string;
}

export async function namesOf(db: DbOrTrx, organizationId: string, ids: readonly string[]): Promise<Map<string, RotaPersonRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * People who may be put on the rota: active people of the organisation holding the peer_supporter
 * role, with an active supporter profile certified through `today` (YYYY-MM-DD, local).
 */
export async function listEligibleSupporters(db: DbOrTrx, organizationId: string, today: string, personIds?: readonly string[]) {
  let query = db
    .selectFrom('people')
    .innerJoin('role_grants', (join) => join.onRef('role_grants.person_id', '=', 'people.id').on('role_grants.role', '=', 'peer_supporter'))
    .innerJoin('supporter_profiles', 'supporter_profiles.person_id', 'people.id')
    .select(['people.id', 'people.first_name', 'people.last_name'])
    .where('people.organization_id', '=', organizationId)
    .where('role_grants.organization_id', '=', organizationId)
    .where('supporter_profiles.organization_id', '=', organizationId)
    .where('people.active', '=', true)
    .where('supporter_profiles.status', '=', 'active')
    .where('supporter_profiles.certified_until', '>=', today);
  if (personIds) {
    if (personIds.length === 0) return [];
    query = query.where('people.id', 'in', [...new Set(personIds)]);
  }
  return query.orderBy('people.last_name').orderBy('people.first_name').orderBy('people.id').execute();
}

export async function upsertFeedToken(
  db: DbOrTrx,
  row: { person_id: string; organization_id: string; token_hash: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('on_call_feed_tokens')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at }))
    .execute();
}

export async function deleteFeedToken(db: DbOrTrx, organizationId: string, personId: string): Promise<void> {
  await db.deleteFrom('on_call_feed_tokens').where('organization_id', '=', organizationId).where('person_id', '=', personId).execute();
}

/** The feed token's owner, if the token is live and its owner still an active supporter. */
export async function findFeedOwner(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom('on_call_feed_tokens')
    .innerJoin('people', 'people.id', 'on_call_feed_tokens.person_id')
    .innerJoin('role_grants', (join) => join.onRef('role_grants.person_id', '=', 'people.id').on('role_grants.role', '=', 'peer_supporter'))
    .select(['on_call_feed_tokens.person_id', 'on_call_feed_tokens.organization_id', 'on_call_feed_tokens.token_hash'])
    .where('on_call_feed_tokens.token_hash', '=', tokenHash)
    .whereRef('people.organization_id', '=', 'on_call_feed_tokens.organization_id')
    .where('people.active', '=', true)
    .executeTakeFirst();
}

/**
 * Takes a person off the rota from `now`: their future shifts and overrides go, one under way ends
 * now, and they leave the rotation's turn order. Returns whether anything changed.
 */
export async function removePersonFromRota(db: DbOrTrx, organizationId: string, personId: string, now: string, by: string | null) {
  const future = await db
    .selectFrom('on_call_shifts')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .where('starts_at', '>=', now)
    .execute();
  for (const { id } of future) await deleteShift(db, organizationId, id);
  const ended = await db
    .updateTable('on_call_shifts')
    .set({ ends_at: now })
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .where('starts_at', '<', now)
    .where('ends_at', '>', now)
    .executeTakeFirst();
  const rotation = await findRotation(db, organizationId);
  const members = rotation ? (JSON.parse(rotation.members) as string[]) : [];
  if (rotation && members.includes(personId)) {
    await db
      .updateTable('on_call_rotations')
      .set({ members: JSON.stringify(members.filter((m) => m !== personId)), updated_by: by, updated_at: now })
      .where('organization_id', '=', organizationId)
      .execute();
  }
  return future.length > 0 || Number(ended.numUpdatedRows) > 0 || members.includes(personId);
}
