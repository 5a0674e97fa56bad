/** The organization feature's entry for other features. */
export { useOrganizationStructure } from './api/get-structure.ts';
