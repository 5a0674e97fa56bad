import type { SsoRefusalCode } from '../../../shared/schemas/sso.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { RequestOrigin } from '../../lib/context.ts';
import { appendAuditEvent } from '../audit/index.ts';

/**
 * A single sign-on that does not go ahead. `code` is what the person is shown (a page per code in
 * the web app) and what the audit log keeps; `reason` is the technical cause, for the server log only.
 */
export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoRefusalCode,
    readonly reason: string,
    readonly where: { organizationId?: string; slug?: string; personId?: string } = {},
  ) {
    super(reason);
  }
}

export interface RefusedOutcome {
  kind: 'refused';
  code: SsoRefusalCode;
  reason: string;
  /** The sign-in page that explains it: the organisation's own when known. */
  location: string;
}

/** Where the person lands: their organisation's sign-in page (or the general one) with the code. */
export function refusalLocation(code: SsoRefusalCode, slug: string | undefined): string {
  return `${slug ? `/${slug}/login` : '/login'}?sso_error=${code}`;
}

/**
 * Audits a refusal when the organisation is known (`auth.sso_refused`, the code as detail, the person
 * only when the refusal is about a known account). Without an organisation there is no audit log to
 * write to: the server log has it.
 */
export async function recordRefusal(db: DbOrTrx, refusal: SsoRefusal, origin: RequestOrigin, at: string): Promise<RefusedOutcome> {
  if (refusal.where.organizationId) {
    await appendAuditEvent(db, {
      organizationId: refusal.where.organizationId,
      actorPersonId: refusal.where.personId ?? null,
      action: 'auth.sso_refused',
      detail: refusal.code,
      at,
      ip: origin.ip,
    });
  }
  return { kind: 'refused', code: refusal.code, reason: refusal.reason, location: refusalLocation(refusal.code, refusal.where.slug) };
}
