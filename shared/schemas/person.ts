import { z } from 'zod';
import { LANGUAGES_MAX, NAME_MAX, PAGE_SIZE_MAX, SHORT_TEXT_MAX } from '../limits.ts';
import { ROLES } from '../permissions.ts';
import { EmailSchema, IdSchema } from './common.ts';

export const RoleSchema = z.enum(ROLES);

/** Lower-case BCP-47-ish language tags: "en", "es", "pt-br". */
export const LanguageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'Use a language code such as en or es');

export const PersonSchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  workEmail: z.string(),
  professionId: IdSchema.nullable(),
  departmentId: IdSchema.nullable(),
  specialty: z.string().nullable(),
  languages: z.array(z.string()),
  managerId: IdSchema.nullable(),
  active: z.boolean(),
  roles: z.array(RoleSchema),
  hasAccount: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

/** One person as the people pages open them: with what the caller may change (the server's rule, shared/permissions.ts). */
export const PersonDetailSchema = PersonSchema.extend({
  yourAccess: z.object({
    /** Work e-mail, set-password link, deactivation. */
    account: z.boolean(),
    /** The roles the caller could add or remove now. */
    roles: z.array(RoleSchema),
    /** Whether the person has an authenticator app set up; null when the caller may not change their account. */
    authenticator: z.boolean().nullable(),
  }),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

/** The answer to "send a set-password link": never the link itself, which only the mailbox sees. */
export const SignInLinkSentSchema = z.object({
  purpose: z.enum(['invitation', 'reset']),
  sentTo: z.string(),
  expiresAt: z.string(),
});
export type SignInLinkSent = z.infer<typeof SignInLinkSentSchema>;

const Name = z.string().trim().min(1, 'Required').max(NAME_MAX);

export const PersonInputSchema = z.strictObject({
  firstName: Name,
  lastName: Name,
  workEmail: EmailSchema,
  professionId: IdSchema.nullable().optional(),
  departmentId: IdSchema.nullable().optional(),
  specialty: z.string().trim().max(SHORT_TEXT_MAX).nullable().optional(),
  languages: z.array(LanguageSchema).max(LANGUAGES_MAX).optional(),
  managerId: IdSchema.nullable().optional(),
});
export type PersonInput = z.infer<typeof PersonInputSchema>;
export const PersonPatchSchema = PersonInputSchema.partial();
export type PersonPatch = z.infer<typeof PersonPatchSchema>;

export const PeopleQuerySchema = z.strictObject({
  q: z.string().trim().max(NAME_MAX).optional(),
  departmentId: IdSchema.optional(),
  professionId: IdSchema.optional(),
  role: RoleSchema.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PeopleQuery = z.infer<typeof PeopleQuerySchema>;

export const PeoplePageSchema = z.object({
  people: z.array(PersonSchema),
  total: z.number().int(),
});

export const RolesInputSchema = z.strictObject({ roles: z.array(RoleSchema).max(ROLES.length) });
