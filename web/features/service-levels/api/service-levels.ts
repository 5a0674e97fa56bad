import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ServiceLevelsSchema, type ServiceLevels, type ServiceLevelsInput } from '../../../../shared/schemas/service-levels.ts';
import { api } from '../../../lib/api-client.ts';

export type { ServiceLevels, ServiceLevelsInput };

const key = ['settings', 'service-levels'] as const;

export const getServiceLevels = () => api.get('/api/settings/service-levels', ServiceLevelsSchema);
export const putServiceLevels = (input: ServiceLevelsInput) => api.put('/api/settings/service-levels', input, ServiceLevelsSchema);

export function useServiceLevels() {
  return useQuery({ queryKey: key, queryFn: getServiceLevels });
}

/** The board's clocks of new cases change too, so the board is refreshed as well. */
export function useSaveServiceLevels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putServiceLevels,
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      return queryClient.invalidateQueries({ queryKey: ['case-board'] });
    },
  });
}
