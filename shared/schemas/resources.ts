import { z } from 'zod';
import { NAME_MAX, SHORT_TEXT_MAX } from '../limits.ts';
import { IdSchema } from './common.ts';

/** Referral categories a supporter can offer (docs/product.md, "Referral categories"). The directory itself is program data. */
export const RESOURCE_CATEGORIES = [
  'therapy_eap',
  'psychiatry_backup',
  'legal_risk_management',
  'disclosure_coaching',
  'time_off',
  'chaplaincy',
  'grief_counselling',
  'physician_support_line',
  'crisis_line',
] as const;
export const ResourceCategorySchema = z.enum(RESOURCE_CATEGORIES);
export type ResourceCategory = z.infer<typeof ResourceCategorySchema>;

export const RESOURCE_CATEGORY_LABELS: Record<ResourceCategory, string> = {
  therapy_eap: 'Therapy / employee assistance (EAP)',
  psychiatry_backup: 'Psychiatry back-up',
  legal_risk_management: 'Legal advice / risk management',
  disclosure_coaching: 'Disclosure and apology coaching',
  time_off: 'Time off or schedule relief',
  chaplaincy: 'Chaplaincy',
  grief_counselling: 'Grief counselling',
  physician_support_line: 'Physician Support Line',
  crisis_line: 'Crisis line',
};

export const ResourceSchema = z.object({
  id: IdSchema,
  category: ResourceCategorySchema,
  name: z.string(),
  phone: z.string().nullable(),
  url: z.string().nullable(),
  hours: z.string().nullable(),
  description: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type Resource = z.infer<typeof ResourceSchema>;

const Phone = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[0-9+()\-. ]+$/, 'Digits, spaces, + ( ) - . only');
/** Only https links (or a path inside Peerline): nothing that could run script or leak over http. */
const Url = z
  .string()
  .trim()
  .max(500)
  .refine((value) => (value.startsWith('/') ? !value.startsWith('//') : /^https:\/\/[^\s]+$/i.test(value)), 'Use an https:// link');

export const ResourceInputSchema = z.strictObject({
  category: ResourceCategorySchema,
  name: z.string().trim().min(1, 'Required').max(NAME_MAX),
  phone: Phone.nullable().optional(),
  url: Url.nullable().optional(),
  hours: z.string().trim().max(SHORT_TEXT_MAX).nullable().optional(),
  description: z.string().trim().max(SHORT_TEXT_MAX).optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export const ResourcePatchSchema = ResourceInputSchema.partial();
export const ResourceListSchema = z.object({ resources: z.array(ResourceSchema) });
