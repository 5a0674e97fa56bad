import { z } from 'zod';
import { PASSWORD_MAX } from '../limits.ts';
import { ACTIONS } from '../permissions.ts';
import { IdSchema } from './common.ts';
import { OrganizationSchema } from './organization.ts';
import { PersonSchema, RoleSchema } from './person.ts';

/** The login form: no shape hints beyond "e-mail and password", and no length rule (only a cap). */
export const LoginInputSchema = z.strictObject({
  email: z.string().trim().min(1, 'Required').max(254),
  password: z
    .string()
    .min(1, 'Required')
    .max(PASSWORD_MAX * 4),
  /** The organisation's slug, from its sign-in page (`/{slug}/login`); needed only by an address several organisations share. */
  organization: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9-]+$/, 'Not an organisation')
    .optional(),
});

/** Where a signed-in session stands: only `complete` opens the app (server/modules/auth/sign-in-stage.ts). */
export const SignInStageSchema = z.enum(['complete', 'second_factor', 'enrolment']);
export type SignInStage = z.infer<typeof SignInStageSchema>;

export const MeSchema = z.object({
  person: PersonSchema,
  roles: z.array(RoleSchema),
  organization: OrganizationSchema,
  /** Actions this account may perform; the web app shows only these. */
  actions: z.array(z.enum(ACTIONS as [string, ...string[]])),
  session: z.object({
    idleExpiresAt: z.string(),
    absoluteExpiresAt: z.string(),
    /** Until `complete`, roles and actions are empty and only finishing sign-in is possible. */
    stage: SignInStageSchema,
    /** What a step-up check may ask for: the password, an authenticator code, or signing in again (single sign-on only). */
    stepUpWith: z.array(z.enum(['password', 'code'])),
  }),
});
export type Me = z.infer<typeof MeSchema>;

/** A six-digit authenticator code; spaces are allowed as phones show "123 456". */
export const TotpCodeSchema = z
  .string()
  .trim()
  .min(6, 'Enter the 6-digit code')
  .max(9)
  .regex(/^\d{3}\s?\d{3}$/, 'Enter the 6-digit code');
/** A recovery code as printed ("abcd-efgh-jkmn"); case, spaces and dashes are ignored. */
export const RecoveryCodeSchema = z
  .string()
  .trim()
  .min(12, 'Enter a recovery code')
  .max(20)
  .regex(/^[A-Za-z0-9\s-]+$/, 'Enter a recovery code');

/** One of the two: an authenticator code, or a recovery code. */
export const SecondFactorInputSchema = z
  .strictObject({ code: TotpCodeSchema.optional(), recoveryCode: RecoveryCodeSchema.optional() })
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), {
    message: 'Enter the code from your app, or a recovery code',
    path: ['code'],
  });

/** One of the two: the password, or an authenticator code. */
export const StepUpInputSchema = z
  .strictObject({
    password: z
      .string()
      .min(1, 'Required')
      .max(PASSWORD_MAX * 4)
      .optional(),
    code: TotpCodeSchema.optional(),
  })
  .refine((v) => (v.password === undefined) !== (v.code === undefined), {
    message: 'Enter your password or a code from your app',
    path: ['password'],
  });
export const StepUpResultSchema = z.object({ verifiedAt: z.string() });

export const SecondFactorStatusSchema = z.object({
  enrolled: z.boolean(),
  enrolledAt: z.string().nullable(),
  /** The person's roles (or the organisation's setting for supporters) require it. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

/** A started enrolment: the secret for manual entry, the otpauth link and its QR code (SVG). */
export const TotpEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export const TotpConfirmSchema = z.strictObject({ code: TotpCodeSchema });
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const PasswordChangeSchema = z.strictObject({
  currentPassword: z
    .string()
    .min(1, 'Required')
    .max(PASSWORD_MAX * 4),
  newPassword: z.string(),
});

/** A set-password link's token, as the e-mailed link carries it. */
export const SignInLinkTokenSchema = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid link');

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
