import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProgramReportSchema, ReportSettingsSchema } from '../../../../shared/schemas/reports.ts';
import { api } from '../../../lib/api-client.ts';

const reportKey = ['reports'] as const;

export function useProgramReport() {
  return useQuery({ queryKey: reportKey, queryFn: () => api.get('/api/reports', ProgramReportSchema) });
}

export function useSaveReportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (minCount: number) => api.put('/api/settings/reports', { minCount }, ReportSettingsSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKey }),
  });
}
