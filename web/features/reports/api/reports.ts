import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProgramReportSchema, ReportExportSchema, ReportSettingsSchema } from '../../../../shared/schemas/reports.ts';
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

/** Asks for the CSV (the step-up dialog opens first when the last password check is old) and saves it. */
export function useExportReport() {
  return useMutation({
    mutationFn: () => api.post('/api/reports/export', undefined, ReportExportSchema),
    onSuccess: ({ filename, csv }) => {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
    },
  });
}
