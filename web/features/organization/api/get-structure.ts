import { useQuery } from '@tanstack/react-query';
import { OrganizationStructureSchema, type OrganizationStructure } from '../../../../shared/schemas/organization.ts';
import { api } from '../../../lib/api-client.ts';

export const structureQueryKey = ['organization', 'structure'] as const;

export function getStructure(): Promise<OrganizationStructure> {
  return api.get('/api/organization/structure', OrganizationStructureSchema);
}

/** Sites, departments and professions: every form that asks "which department?" reads this. */
export function useOrganizationStructure() {
  return useQuery({ queryKey: structureQueryKey, queryFn: getStructure, staleTime: 5 * 60_000 });
}
