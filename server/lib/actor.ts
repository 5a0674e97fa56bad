import type { Role } from '../../shared/permissions.ts';
import type { SignInStage } from '../../shared/schemas/auth.ts';
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
  /** Only `complete` opens the app; before that only finishing sign-in is possible (plugins/access.ts). */
  signInStage: SignInStage;
  /** When the holder last proved who they are (server/modules/auth/step-up.ts). */
  verifiedAt: string | null;
  hasPassword: boolean;
  hasAuthenticator: boolean;
  /** The roles (or the organisation's setting for supporters) require an authenticator. */
  secondFactorRequired: boolean;
  /** The signed-in person and organisation as `/api/me` shows them, read with the session. */
  self: { person: Person; organization: Organization };
}
