import type { DbOrTrx } from '../../db/database.ts';
import { newId } from '../../db/values.ts';

export interface AuditEntry {
  organizationId: string;
  actorPersonId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  at: string;
  ip?: string | null;
  /** A code from a fixed vocabulary (a role's name for grants), never free text. */
  detail?: string;
}

/** Append-only: there is no update or delete function for this table, by design. */
export async function appendAuditEvent(db: DbOrTrx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newId(),
      organization_id: entry.organizationId,
      actor_person_id: entry.actorPersonId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      at: entry.at,
      ip: entry.ip ?? null,
      detail: entry.detail ?? null,
    })
    .execute();
}
