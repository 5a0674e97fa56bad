import type { DbOrTrx } from '../../db/database.ts';
import type { Case } from './case.ts';
import { workEmailOfPerson } from './cases.repository.ts';

/**
 * The one rule for a requester's e-mail addresses. Every message to a requester goes to
 * `requesterEmail`; erasure (docs/product.md, C4) uses `requesterAddresses` only for messages queued
 * before outbox rows carried their case id.
 */
const EMAIL_CONTACTS = new Set(['work_email', 'personal_email']);
const ADDRESS = /^[^\s@]+@[^\s@]+$/;

/** Where the requester reads e-mail: the e-mail contact they gave, else their directory address; none for a phone-only anonymous request. */
export async function requesterEmail(db: DbOrTrx, row: Case): Promise<string | undefined> {
  const value = row.contact_value?.trim();
  if (row.contact_method && EMAIL_CONTACTS.has(row.contact_method) && value && ADDRESS.test(value)) return value;
  if (row.requester_person_id) return workEmailOfPerson(db, row.organization_id, row.requester_person_id);
  return undefined;
}

/** Every address that names the requester: an e-mail given as contact (by any method) and their directory address, lower-cased. */
export async function requesterAddresses(db: DbOrTrx, row: Case): Promise<string[]> {
  const addresses = new Set<string>();
  const value = row.contact_value?.trim().toLowerCase();
  if (value && ADDRESS.test(value)) addresses.add(value);
  if (row.requester_person_id) {
    const work = await workEmailOfPerson(db, row.organization_id, row.requester_person_id);
    if (work) addresses.add(work.toLowerCase());
  }
  return [...addresses];
}
