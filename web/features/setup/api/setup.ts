import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SetupViewSchema, type FoundationsInput } from '../../../../shared/schemas/setup.ts';
import { api } from '../../../lib/api-client.ts';

const setupKey = ['setup'] as const;

export function useSetup(enabled = true) {
  return useQuery({ queryKey: setupKey, queryFn: () => api.get('/api/setup', SetupViewSchema), enabled });
}

export function useSaveFoundations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FoundationsInput) => api.put('/api/setup/foundations', input, SetupViewSchema),
    onSuccess: (view) => queryClient.setQueryData(setupKey, view),
  });
}
