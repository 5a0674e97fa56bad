import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  DepartmentSchema,
  ProfessionSchema,
  SiteSchema,
  type DepartmentInputSchema,
  type DepartmentPatchSchema,
  type ProfessionInputSchema,
  type ProfessionPatchSchema,
  type SiteInputSchema,
  type SitePatchSchema,
} from '../../../../shared/schemas/organization.ts';
import { api } from '../../../lib/api-client.ts';
import { structureQueryKey } from './get-structure.ts';

export type SiteInput = z.input<typeof SiteInputSchema>;
export type SitePatch = z.input<typeof SitePatchSchema>;
export type DepartmentInput = z.input<typeof DepartmentInputSchema>;
export type DepartmentPatch = z.input<typeof DepartmentPatchSchema>;
export type ProfessionInput = z.input<typeof ProfessionInputSchema>;
export type ProfessionPatch = z.input<typeof ProfessionPatchSchema>;

const base = '/api/organization';
const at = (kind: string, id: string) => `${base}/${kind}/${encodeURIComponent(id)}`;

export const createSite = (input: SiteInput) => api.post(`${base}/sites`, input, SiteSchema);
export const updateSite = ({ id, ...patch }: SitePatch & { id: string }) => api.patch(at('sites', id), patch, SiteSchema);
export const createDepartment = (input: DepartmentInput) => api.post(`${base}/departments`, input, DepartmentSchema);
export const updateDepartment = ({ id, ...patch }: DepartmentPatch & { id: string }) =>
  api.patch(at('departments', id), patch, DepartmentSchema);
export const createProfession = (input: ProfessionInput) => api.post(`${base}/professions`, input, ProfessionSchema);
export const updateProfession = ({ id, ...patch }: ProfessionPatch & { id: string }) =>
  api.patch(at('professions', id), patch, ProfessionSchema);

/** Every change refetches the whole structure: it is small, and trees need their neighbours. */
function useStructureMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: structureQueryKey }),
  });
}

export const useCreateSite = () => useStructureMutation(createSite);
export const useUpdateSite = () => useStructureMutation(updateSite);
export const useCreateDepartment = () => useStructureMutation(createDepartment);
export const useUpdateDepartment = () => useStructureMutation(updateDepartment);
export const useCreateProfession = () => useStructureMutation(createProfession);
export const useUpdateProfession = () => useStructureMutation(updateProfession);
