/**
 * The organization module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export {
  findOrganization,
  findOrganizationBySlug,
  findStructureEntry,
  listDepartments,
  listProfessions,
  listSupportLines,
  toOrganization,
  updateOrganization,
} from './organization.repository.ts';
export { getPublicProgram } from './settings.service.ts';
