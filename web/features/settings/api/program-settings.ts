import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ProgramSettingsSchema,
  SupportLineSchema,
  type ProgramSettingsPatchSchema,
  type SupportLinePatchSchema,
} from '../../../../shared/schemas/organization.ts';
import { api } from '../../../lib/api-client.ts';

export type ProgramSettings = z.infer<typeof ProgramSettingsSchema>;
export type ProgramSettingsPatch = z.input<typeof ProgramSettingsPatchSchema>;
export type SupportLinePatch = z.input<typeof SupportLinePatchSchema>;

const settingsKey = ['settings', 'program'] as const;

export const getProgramSettings = () => api.get('/api/settings/program', ProgramSettingsSchema);
export const updateProgramSettings = (patch: ProgramSettingsPatch) => api.patch('/api/settings/program', patch, ProgramSettingsSchema);
export const updateSupportLine = ({ id, patch }: { id: string; patch: SupportLinePatch }) =>
  api.patch(`/api/settings/support-lines/${encodeURIComponent(id)}`, patch, SupportLineSchema);

export function useProgramSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: getProgramSettings });
}

/** The public page and every header show these too, so their cache is refreshed as well. */
function useSettingsMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: settingsKey }),
        queryClient.invalidateQueries({ queryKey: ['public-program'] }),
      ]),
  });
}

export const useUpdateProgramSettings = () => useSettingsMutation(updateProgramSettings);
export const useUpdateSupportLine = () => useSettingsMutation(updateSupportLine);
