import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SsoSettingsSchema, type SsoSettingsInput } from '../../../../shared/schemas/sso.ts';
import { api } from '../../../lib/api-client.ts';

const key = ['settings', 'sso'] as const;

export const getSsoSettings = () => api.get('/api/settings/sso', SsoSettingsSchema);
export const saveSsoSettings = (input: SsoSettingsInput) => api.put('/api/settings/sso', input, SsoSettingsSchema);

export function useSsoSettings() {
  return useQuery({ queryKey: key, queryFn: getSsoSettings });
}

export function useSaveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSsoSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      return queryClient.invalidateQueries({ queryKey: ['sso-options'] });
    },
  });
}
