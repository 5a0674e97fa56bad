import type { Role } from '../../shared/permissions.ts';
import type { Organization } from '../../shared/schemas/organization.ts';
import type { Person } from '../../shared/schemas/person.ts';

/** Who is calling: resolved from the session before any route runs. */
export interface Actor {
  accountId: string;
  personId: string;
  organizationId: string;
  roles: Role[];
  sessionId: string;
  sessionTokenHash: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  /** The signed-in person and organisation as `/api/me` shows them, read with the session. */
  self: { person: Person; organization: Organization };
}
