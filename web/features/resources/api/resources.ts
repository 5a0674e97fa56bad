import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ResourceListSchema,
  ResourceSchema,
  type Resource,
  type ResourceInputSchema,
  type ResourcePatchSchema,
} from '../../../../shared/schemas/resources.ts';
import { api } from '../../../lib/api-client.ts';

export type ResourceInput = z.input<typeof ResourceInputSchema>;
export type ResourcePatch = z.input<typeof ResourcePatchSchema>;

export const resourcesQueryKey = ['resources'] as const;

export const getResources = (): Promise<Resource[]> => api.get('/api/resources', ResourceListSchema).then((list) => list.resources);
export const createResource = (input: ResourceInput) => api.post('/api/resources', input, ResourceSchema);
export const updateResource = ({ id, patch }: { id: string; patch: ResourcePatch }) =>
  api.patch(`/api/resources/${encodeURIComponent(id)}`, patch, ResourceSchema);

/** The referral directory: small, changes rarely, read by everyone signed in. */
export function useResources() {
  return useQuery({ queryKey: resourcesQueryKey, queryFn: getResources, staleTime: 5 * 60_000 });
}

/** The list is small and ordered by the server, so every change refetches all of it. */
function useResourceMutation<TInput>(mutationFn: (input: TInput) => Promise<Resource>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourcesQueryKey }),
  });
}

export const useCreateResource = () => useResourceMutation(createResource);
export const useUpdateResource = () => useResourceMutation(updateResource);
