import { z } from 'zod';
import { PASSWORD_MAX } from '../limits.ts';
import { ACTIONS } from '../permissions.ts';
import { IdSchema } from './common.ts';
import { OrganizationSchema } from './organization.ts';
import { PersonSchema, RoleSchema } from './person.ts';

/** The login form: no shape hints beyond "e-mail and password", and no length rule (only a cap). */
export const LoginInputSchema = z.strictObject({
  email: z.string().trim().min(1, 'Required').max(254),
  password: z.string().min(1, 'Required').max(PASSWORD_MAX * 4),
  /** The organisation's slug, from its sign-in page (`/{slug}/login`); needed only by an address several organisations share. */
  organization: z.string().trim().min(1).max(100).regex(/^[a-z0-9-]+$/, 'Not an organisation').optional(),
});

export const MeSchema = z.object({
  person: PersonSchema,
  roles: z.array(RoleSchema),
  organization: OrganizationSchema,
  /** Actions this account may perform; the web app shows only these. */
  actions: z.array(z.enum(ACTIONS as [string, ...string[]])),
  session: z.object({ idleExpiresAt: z.string(), absoluteExpiresAt: z.string() }),
});
export type Me = z.infer<typeof MeSchema>;

export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Required').max(PASSWORD_MAX * 4),
  newPassword: z.string(),
});

/** A set-password link's token, as the e-mailed link carries it. */
export const SignInLinkTokenSchema = z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/, 'Not a valid link');

/** What the set-password page shows before the person chooses a password. */
export const SignInLinkInfoSchema = z.object({
  purpose: z.enum(['invitation', 'reset']),
  email: z.string(),
  expiresAt: z.string(),
});

export const SignInLinkRedeemSchema = z.strictObject({
  token: SignInLinkTokenSchema,
  password: z.string(),
});

export const SessionInfoSchema = z.object({
  id: IdSchema,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionListSchema = z.object({ sessions: z.array(SessionInfoSchema) });
