import { z } from 'zod';
import { IdSchema } from './common.ts';
import { DepartmentPreferenceSchema, ModalitySchema } from './case-vocabulary.ts';
import { ProfessionCategorySchema } from './organization.ts';
import { LanguageSchema } from './person.ts';

/**
 * The supporter directory a requester may choose from, where the program allows it
 * (docs/product.md, "Matching"). The query carries the choices of the request form that the
 * matcher's hard rules depend on, so the list shows only supporters the request could actually go
 * to.
 */
export const SupporterDirectoryQuerySchema = z.strictObject({
  departmentPreference: DepartmentPreferenceSchema.optional(),
  language: LanguageSchema.optional(),
  languageRequired: z.enum(['true', 'false']).optional(),
});
export type SupporterDirectoryQuery = z.infer<typeof SupporterDirectoryQuerySchema>;

/** First name, profession, languages and modalities: never caseload, capacity, availability or department. */
export const DirectorySupporterSchema = z.strictObject({
  id: IdSchema,
  firstName: z.string(),
  professionCategory: ProfessionCategorySchema,
  languages: z.array(z.string()),
  modalities: z.array(ModalitySchema),
});
export type DirectorySupporter = z.infer<typeof DirectorySupporterSchema>;
export const SupporterDirectorySchema = z.object({ supporters: z.array(DirectorySupporterSchema) });
