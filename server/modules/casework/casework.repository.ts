import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { ContactAttemptsTable, EncountersTable, FeedbackTable, ReferralOffersTable } from '../../db/schema-support.ts';

export type ContactAttemptRow = ContactAttemptsTable;
export type EncounterRow = EncountersTable;
export type ReferralOfferRow = ReferralOffersTable;

export async function insertContactAttempt(db: DbOrTrx, row: ContactAttemptRow): Promise<void> {
  await db.insertInto('contact_attempts').values(row).execute();
}

export async function listContactAttempts(db: DbOrTrx, organizationId: string, caseId: string): Promise<ContactAttemptRow[]> {
  return db
    .selectFrom('contact_attempts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertEncounter(db: DbOrTrx, row: EncounterRow): Promise<void> {
  await db.insertInto('encounters').values(row).execute();
}

export async function listEncounters(db: DbOrTrx, organizationId: string, caseId: string): Promise<EncounterRow[]> {
  return db
    .selectFrom('encounters')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('case_id', '=', caseId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function insertReferralOffers(db: DbOrTrx, rows: ReferralOfferRow[]): Promise<void> {
  if (rows.length) await db.insertInto('referral_offers').values(rows).execute();
}

export async function listReferralOffers(db: DbOrTrx, organizationId: string, caseId: string): Promise<ReferralOfferRow[]> {
  return db
    .selectFrom('referral_offers')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('case_id', '=', caseId)
    .orderBy('offered_at')
    .orderBy('id')
    .execute();
}

/** Marks every offer of `category` on the case as taken up (first time only); returns how many offers exist. */
export async function markReferralTakenUp(trx: Trx, organizationId: string, caseId: string, category: string, at: string): Promise<number> {
  const offered = await trx
    .selectFrom('referral_offers')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('case_id', '=', caseId)
    .where('category', '=', category)
    .execute();
  if (offered.length) {
    await trx
      .updateTable('referral_offers')
      .set({ taken_up_at: at })
      .where('case_id', '=', caseId)
      .where('category', '=', category)
      .where('taken_up_at', 'is', null)
      .execute();
  }
  return offered.length;
}

// --- anonymous feedback ---------------------------------------------------------------------------

export function hashFeedbackToken(token: string): string {
  return createHash('sha256').update(`feedback:${token}`).digest('hex');
}

/** A new single-use token; only its hash, the organisation and the month are stored. Returns the token. */
export async function createFeedbackToken(db: DbOrTrx, organizationId: string, month: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db
    .insertInto('feedback_tokens')
    .values({ token_hash: hashFeedbackToken(token), organization_id: organizationId, month })
    .execute();
  return token;
}

export async function findFeedbackToken(db: DbOrTrx, token: string) {
  return db.selectFrom('feedback_tokens').selectAll().where('token_hash', '=', hashFeedbackToken(token)).executeTakeFirst();
}

/** Consumes the token: of two concurrent submissions exactly one deletes it. */
export async function consumeFeedbackToken(trx: Trx, tokenHash: string): Promise<boolean> {
  const result = await trx.deleteFrom('feedback_tokens').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Random (v4) id: a time-ordered id would date the answer and help link it back to a closure. */
export async function insertFeedback(db: DbOrTrx, row: Omit<FeedbackTable, 'id'>): Promise<void> {
  await db
    .insertInto('feedback')
    .values({ id: randomUUID(), ...row })
    .execute();
}

// --- people the effects reach -----------------------------------------------------------------------

export async function workEmailOf(db: DbOrTrx, organizationId: string, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('people')
    .select('work_email')
    .where('organization_id', '=', organizationId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.work_email;
}

export async function listCrisisResources(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('resources')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where('category', 'in', ['crisis_line', 'psychiatry_backup'])
    .orderBy('category')
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}
