import type { Role } from '../../shared/permissions.ts';

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
}
